package io.newswatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateFilesTest {

    @TempDir
    Path dir;

    @Test
    void foldersAndFilesAreTheOwnersAloneWhateverTheUmask() throws Exception {
        Path file = PrivateFiles.write(dir.resolve("a/b/config.properties"), "x=1\n");

        assertThat(Files.getPosixFilePermissions(dir.resolve("a"))).isEqualTo(PrivateFiles.FOLDER);
        assertThat(Files.getPosixFilePermissions(dir.resolve("a/b"))).isEqualTo(PrivateFiles.FOLDER);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PrivateFiles.FILE);
        PrivateFiles.write(file, "x=2\n");
        assertThat(Files.readString(file)).isEqualTo("x=2\n");
    }

    @Test
    void aSecretIsNeverWrittenOverAnExistingFile() throws Exception {
        Path secret = PrivateFiles.createSecret(dir.resolve("key"), "one");
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PrivateFiles.FILE);
        assertThatThrownBy(() -> PrivateFiles.createSecret(secret, "two"))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(secret)).isEqualTo("one");
    }

    @Test
    void aCommandRunWithThePrivateUmaskCreatesPrivateFiles() throws Exception {
        Path created = dir.resolve("made-by-child");
        Process child = new ProcessBuilder(PrivateFiles.withPrivateUmask(List.of("sh", "-c",
                "umask > \"$0\"; mkdir \"$0.d\"", created.toString()))).start();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(created).trim()).isEqualTo("0077");
        assertThat(PrivateFiles.openToOthers(created)).isFalse();
        assertThat(PrivateFiles.openToOthers(dir.resolve("made-by-child.d"))).isFalse();
    }
}
