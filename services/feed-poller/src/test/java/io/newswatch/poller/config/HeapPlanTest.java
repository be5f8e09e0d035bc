package io.newswatch.poller.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class HeapPlanTest {

    private static final long MIB = 1L << 20;

    @Test
    void theDefaultsFitTheHeapsTheLauncherAndComposeGive() {
        // ./newswatch up: -Xmx256m; Compose: 512 MiB container, MaxRAMPercentage=70
        HeapPlan launcher = HeapPlan.of(256 * MIB, 32, 10 * MIB);
        assertThat(launcher.problem()).isNull();
        assertThat(launcher.largeBodies()).isEqualTo(1);
        assertThat(HeapPlan.of(358 * MIB, 32, 10 * MIB).largeBodies()).isEqualTo(2);
        // with the default page workers (max-concurrent-pages 4): each holds a page's body as a poll does
        assertThat(HeapPlan.of(256 * MIB, 32, 4, 10 * MIB).problem()).isNull();
        assertThat(HeapPlan.of(256 * MIB, 32, 4, 10 * MIB).largeBodies()).isEqualTo(1);
        assertThat(HeapPlan.of(358 * MIB, 32, 4, 10 * MIB).largeBodies()).isEqualTo(2);
    }

    @Test
    void pageWorkersCountLikePolls() {
        assertThat(HeapPlan.of(256 * MIB, 32, 16, 10 * MIB).problem()).isEqualTo("the heap (256 MiB) cannot hold 32 "
                + "polls at once (newswatch.poller.max-concurrent-polls), 16 page workers (newswatch.poller."
                + "max-concurrent-pages) and one body of up to 10 MiB (newswatch.poller.http.max-body-bytes) being "
                + "parsed: give the poller at least 272 MiB of heap (-Xmx), or lower one of these settings");
    }

    @Test
    void limitsThatDoNotFitStopTheStartWithWhatToDo() {
        HeapPlan plan = HeapPlan.of(160 * MIB, 32, 10 * MIB);
        assertThat(plan.problem()).isEqualTo("the heap (160 MiB) cannot hold 32 polls at once (newswatch.poller."
                + "max-concurrent-polls) and one body of up to 10 MiB (newswatch.poller.http.max-body-bytes) being "
                + "parsed: give the poller at least 240 MiB of heap (-Xmx), or lower one of the two settings");
        assertThat(HeapPlan.of(160 * MIB, 8, 4 * MIB).problem()).isNull();
    }

    /**
     * 32 polls at once of feeds of 10 MiB each, in a JVM with the launcher's 256 MiB heap: with the limits sized
     * together every poll ends (parsed, or failed with a clear error) and the heap holds; without them (every body
     * held and parsed at once) the same run is out of memory.
     */
    @Test
    void thirtyTwoConcurrentTenMibFeedsFitA256MibHeap() throws Exception {
        Run limited = run("limited");
        assertThat(limited.exit()).as(limited.output()).isEqualTo(0);
        assertThat(limited.output()).contains("32 polls ended");
        Run unlimited = run("unlimited");
        assertThat(unlimited.exit()).as("out of memory without the limits: " + unlimited.output()).isEqualTo(3);
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                LargeFeedsAtOnce.class.getName(), mode));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String text = new String(output);
        return new Run(process.exitValue(), text.length() > 2000 ? text.substring(text.length() - 2000) : text);
    }
}
