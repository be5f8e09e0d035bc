package io.newswatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GcLogTest {

    @TempDir
    Path tmp;

    @Test
    void offByDefaultAndOffAddsNothing() {
        StackHome home = new StackHome(tmp);
        assertThat(GcLog.in(home, Map.of()).options("alerter")).isEmpty();
        assertThat(GcLog.in(home, Map.of(GcLog.VARIABLE, "off")).options("alerter")).isEmpty();
        assertThat(tmp.resolve(".newswatch/logs/gc")).doesNotExist();
    }

    @Test
    void onLogsEachProcessIntoItsOwnFileUnderTheStacksLogs() {
        GcLog log = GcLog.in(new StackHome(tmp), Map.of(GcLog.VARIABLE, "on"));
        assertThat(log.options("enricher-2")).singleElement().asString()
                .startsWith("-Xlog:gc*=info,safepoint=info:file=" + tmp.resolve(".newswatch/logs/gc/enricher-2-%t.log")
                        + ":utctime,");
        assertThat(tmp.resolve(".newswatch/logs/gc")).isDirectory();
    }

    @Test
    void aValueOtherThanOnOrOffFails() {
        assertThatThrownBy(() -> GcLog.in(new StackHome(tmp), Map.of(GcLog.VARIABLE, "yes")))
                .isInstanceOf(StackException.class).hasMessageContaining("neither on nor off");
    }

    @Test
    void theJvmAcceptsTheOption() throws Exception {
        Path dir = tmp.resolve("gc");
        String option = new GcLog(dir, "on").options("probe").getFirst();
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                option, "-Xmx16m", "-version").redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor()).as(output).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement().asString()
                    .startsWith("probe-").endsWith(".log");
        }
    }
}
