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

    private static final List<String> JAVA = List.of("java", "-jar", "quarkus-run.jar");

    @Test
    void anIndexerIsStartedNicedAndTheAlertPathAsGiven() {
        assertThat(CpuPriority.of("indexer", CpuPriority.OFF_ALERT_PATH, Map.of())
                .command(JAVA, "/usr/bin/nice", false))
                .containsExactly("/usr/bin/nice", "-n", "10", "java", "-jar", "quarkus-run.jar");
        assertThat(CpuPriority.of("alerter", 0, Map.of()).command(JAVA, "/usr/bin/nice", true)).isEqualTo(JAVA);
    }

    @Test
    void withAutogroupTheSessionsGroupIsNicedFirst() {
        List<String> command = new CpuPriority(10).command(JAVA, "/usr/bin/nice", true);
        assertThat(command.subList(0, 2)).containsExactly("sh", "-c");
        assertThat(command.get(2)).contains("echo 10 2>/dev/null >/proc/self/autogroup", "exec \"$0\" \"$@\"");
        assertThat(command.subList(3, command.size()))
                .containsExactly("/usr/bin/nice", "-n", "10", "java", "-jar", "quarkus-run.jar");
    }

    @Test
    void withoutNiceTheCommandRunsAsGiven() {
        assertThat(new CpuPriority(10).command(JAVA, null, false)).isEqualTo(JAVA);
    }

    @Test
    void theEnvironmentSetsEachProcessNiceness() {
        Map<String, String> env = Map.of("NEWSWATCH_INDEXER_NICE", "0", "NEWSWATCH_FEED_POLLER_NICE", " 5 ",
                "NEWSWATCH_ELASTICSEARCH_NICE", "19");
        assertThat(CpuPriority.of("indexer", CpuPriority.OFF_ALERT_PATH, env)).isEqualTo(CpuPriority.NORMAL);
        assertThat(CpuPriority.of("feed-poller", 0, env)).isEqualTo(new CpuPriority(5));
        assertThat(CpuPriority.of("elasticsearch", CpuPriority.OFF_ALERT_PATH, env)
                .command(List.of("bin/elasticsearch"), "/bin/nice", false))
                .containsExactly("/bin/nice", "-n", "19", "bin/elasticsearch");
    }

    @Test
    void defaultsAreTheAlertPathFirst() {
        assertThat(NewswatchService.pipeline()).allSatisfy(service -> assertThat(service.priority(Map.of()).niceness())
                .isEqualTo(service == NewswatchService.INDEXER ? CpuPriority.OFF_ALERT_PATH : 0));
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> CpuPriority.of("indexer", 10, Map.of("NEWSWATCH_INDEXER_NICE", "-5")))
                .isInstanceOf(StackException.class).hasMessageContaining("NEWSWATCH_INDEXER_NICE=-5");
        assertThatThrownBy(() -> CpuPriority.of("indexer", 10, Map.of("NEWSWATCH_INDEXER_NICE", "low")))
                .hasMessageContaining("from 0 (normal) to 19");
    }

    /** On this machine: a detached process runs at the niceness, and so does its session's group where it has one. */
    @Test
    void aDetachedProcessRunsAtItsNiceness(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc on this machine");
        int own = niceness(ProcessHandle.current().pid());
        Path enabled = Path.of("/proc/sys/kernel/sched_autogroup_enabled");
        boolean autogroups = Files.isReadable(enabled) && Files.readString(enabled).trim().equals("1");
        String ownGroup = autogroups ? Files.readString(Path.of("/proc/self/autogroup")) : "";
        ProcessHandle process = DetachedProcess.start(new CpuPriority(7), List.of("sleep", "30"), Map.of(), dir,
                dir.resolve("sleep.log"), dir.resolve("sleep.pid"));
        try {
            Path comm = Path.of("/proc", String.valueOf(process.pid()), "comm");
            for (int i = 0; i < 100 && !Files.readString(comm).trim().equals("sleep"); i++) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(comm).trim()).as("started through setsid, sh, nice").isEqualTo("sleep");
            if (Files.exists(Path.of("/usr/bin/nice")) || Files.exists(Path.of("/bin/nice"))) {
                assertThat(niceness(process.pid())).isEqualTo(Math.min(19, own + 7));
            }
            Path autogroup = Path.of("/proc", String.valueOf(process.pid()), "autogroup");
            if (autogroups && !Files.readString(dir.resolve("sleep.log")).contains("could not")) {
                assertThat(Files.readString(autogroup)).endsWith(" nice 7\n");
                assertThat(Files.readString(Path.of("/proc/self/autogroup"))).as("the launcher's group as it was")
                        .isEqualTo(ownGroup);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static int niceness(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
