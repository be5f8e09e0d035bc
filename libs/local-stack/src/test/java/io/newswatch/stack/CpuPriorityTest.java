package io.newswatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CpuPriorityTest {

    @Test
    void theEnvironmentSetsEachProcessNicenessAndNormalOtherwise() {
        Map<String, String> env = Map.of("NEWSWATCH_INDEXER_NICE", "10", "NEWSWATCH_FEED_POLLER_NICE", " 5 ",
                "NEWSWATCH_ELASTICSEARCH_NICE", "19", "NEWSWATCH_ALERTER_NICE", "");
        assertThat(CpuPriority.of("indexer", env)).isEqualTo(new CpuPriority(10));
        assertThat(CpuPriority.of("feed-poller", env)).isEqualTo(new CpuPriority(5));
        assertThat(CpuPriority.of("elasticsearch", env)).isEqualTo(new CpuPriority(19));
        assertThat(CpuPriority.of("alerter", env)).isEqualTo(CpuPriority.NORMAL);
        assertThat(CpuPriority.of("kafka", env)).isEqualTo(CpuPriority.NORMAL);
        assertThat(CpuPriority.variable("feed-poller")).isEqualTo("NEWSWATCH_FEED_POLLER_NICE");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> CpuPriority.of("indexer", Map.of("NEWSWATCH_INDEXER_NICE", "-5")))
                .isInstanceOf(StackException.class).hasMessageContaining("NEWSWATCH_INDEXER_NICE=-5");
        assertThatThrownBy(() -> CpuPriority.of("indexer", Map.of("NEWSWATCH_INDEXER_NICE", "low")))
                .hasMessageContaining("from 0 (normal) to 19");
    }

    @Test
    void describesWhatItRunsAtAndWhatCouldNotBeSet() {
        assertThat(new CpuPriority(10).describe(List.of())).isEqualTo("at niceness 10");
        assertThat(new CpuPriority(5).describe(List.of("a", "b"))).isEqualTo("at niceness 5 (could not set a, b)");
    }

    /**
     * On this machine: a detached process, started at normal priority, is lowered with every thread, and so is its
     * session's scheduling group where the kernel has them; the caller's own group is left as it was.
     */
    @Test
    void aRunningProcessIsLoweredWithItsSessionsGroup(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc on this machine");
        Path enabled = Path.of("/proc/sys/kernel/sched_autogroup_enabled");
        boolean autogroups = Files.isReadable(enabled) && Files.readString(enabled).trim().equals("1");
        String ownGroup = autogroups ? Files.readString(Path.of("/proc/self/autogroup")) : "";
        int own = niceness(ProcessHandle.current().pid());
        assumeTrue(own == 0, "the tests run niced already");
        ProcessHandle process = DetachedProcess.start(List.of("sh", "-c", "sleep 30 & sleep 30"), Map.of(), dir,
                dir.resolve("sleep.log"), dir.resolve("sleep.pid"));
        try {
            for (int i = 0; i < 100 && process.descendants().findAny().isEmpty(); i++) {
                Thread.sleep(50);
            }
            assertThat(CpuPriority.NORMAL.lower(process)).isEmpty();
            assertThat(niceness(process.pid())).isZero();

            List<String> failed = new CpuPriority(7).lower(process);

            assumeTrue(failed.isEmpty(), "this machine does not let a process be reniced: " + failed);
            assertThat(niceness(process.pid())).isEqualTo(7);
            assertThat(process.descendants()).isNotEmpty().allSatisfy(child ->
                    assertThat(niceness(child.pid())).isEqualTo(7));
            if (autogroups) {
                assertThat(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "autogroup")))
                        .endsWith(" nice 7\n");
                assertThat(Files.readString(Path.of("/proc/self/autogroup"))).isEqualTo(ownGroup);
            }
            assertThat(niceness(ProcessHandle.current().pid())).isEqualTo(own);

            // back to normal (an AOT training run's stop): needs the privilege to raise a priority
            List<String> raised = CpuPriority.NORMAL.apply(process);
            assumeTrue(raised.isEmpty(), "this machine does not let a priority be raised: " + raised);
            assertThat(niceness(process.pid())).isZero();
            assertThat(process.descendants()).allSatisfy(child -> assertThat(niceness(child.pid())).isZero());
            if (autogroups) {
                assertThat(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "autogroup")))
                        .endsWith(" nice 0\n");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static int niceness(long pid) {
        return CpuPriority.current(ProcessHandle.of(pid).orElseThrow()).orElseThrow();
    }
}
