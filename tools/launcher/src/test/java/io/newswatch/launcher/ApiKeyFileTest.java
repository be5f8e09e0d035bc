package io.newswatch.launcher;

import io.newswatch.stack.PrivateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The API key file is rw------- from the moment it exists: created with that mode by the system call that creates
 * it, never created open and closed afterwards (someone could open it in between). Checked on the system calls
 * themselves, with strace.
 */
class ApiKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsCreatedPrivateNotClosedAfterwards() throws Exception {
        Path key = dir.resolve("stack").resolve("api-key");
        Path trace = dir.resolve("trace.log");
        assumeTrue(strace() != null, "strace is not installed (apt-get install strace): cannot watch the system calls");
        Process probe = new ProcessBuilder(strace(), "-qq", "-o", "/dev/null", "true").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "strace cannot trace here (ptrace not permitted): cannot watch the system calls");

        Process child = new ProcessBuilder(List.of(strace(), "-f", "-qq", "-e", "trace=%file,fchmod", "-o",
                trace.toString(), javaBinary(), "-cp", System.getProperty("java.class.path"),
                ApiKeyFileMain.class.getName(), key.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("out.log"))).isZero();

        List<String> calls = Files.readAllLines(trace).stream().filter(line -> line.contains(key.toString())).toList();
        List<String> creations = calls.stream().filter(line -> line.contains("O_CREAT")).toList();
        assertThat(creations).as("%s", calls).singleElement()
                .satisfies(line -> assertThat(line).contains("O_EXCL").contains(", 0600)"));
        assertThat(calls).as("no chmod on the key after it was created").noneMatch(line -> line.contains("chmod"));
        assertThat(Files.readAllLines(trace)).as("no fchmod on any open file").noneMatch(line -> line.contains("fchmod("));
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PrivateFiles.FILE);
        assertThat(Files.getPosixFilePermissions(key.getParent())).isEqualTo(PrivateFiles.FOLDER);
    }

    @Test
    void anExistingKeyIsKept() throws Exception {
        Path key = dir.resolve("api-key");
        String first = ApiKeyFile.readOrCreate(key);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(ApiKeyFile.readOrCreate(key)).isEqualTo(first);
    }

    private static String strace() {
        for (String candidate : List.of("/usr/bin/strace", "/bin/strace")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
