package io.newswatch.stack;

import org.junit.jupiter.api.Test;

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
        assertThat(CpuPriority.of("indexer", CpuPriority.OFF_ALERT_PATH, Map.of()).command(JAVA, "/usr/bin/nice"))
                .containsExactly("/usr/bin/nice", "-n", "10", "java", "-jar", "quarkus-run.jar");
        assertThat(CpuPriority.of("alerter", 0, Map.of()).command(JAVA, "/usr/bin/nice")).isEqualTo(JAVA);
    }

    @Test
    void withoutNiceTheCommandRunsAsGiven() {
        assertThat(new CpuPriority(10).command(JAVA, null)).isEqualTo(JAVA);
    }

    @Test
    void theEnvironmentSetsEachProcessNiceness() {
        Map<String, String> env = Map.of("NEWSWATCH_INDEXER_NICE", "0", "NEWSWATCH_FEED_POLLER_NICE", " 5 ",
                "NEWSWATCH_ELASTICSEARCH_NICE", "19");
        assertThat(CpuPriority.of("indexer", CpuPriority.OFF_ALERT_PATH, env).command(JAVA, "/usr/bin/nice"))
                .isEqualTo(JAVA);
        assertThat(CpuPriority.of("feed-poller", 0, env)).isEqualTo(new CpuPriority(5));
        assertThat(CpuPriority.of("elasticsearch", CpuPriority.OFF_ALERT_PATH, env).command(List.of("bin/elasticsearch"),
                "/bin/nice")).containsExactly("/bin/nice", "-n", "19", "bin/elasticsearch");
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

    @Test
    void thisMachinesNiceRunsTheCommandAtThatNiceness() throws Exception {
        List<String> ownNiceness = List.of("sh", "-c", "cut -d' ' -f19 /proc/self/stat");
        List<String> niced = new CpuPriority(7).command(ownNiceness);
        assumeTrue(niced.size() > ownNiceness.size() && Files.isReadable(Path.of("/proc/self/stat")),
                "no nice or no /proc on this machine");
        int normal = Integer.parseInt(output(ownNiceness));
        assertThat(Integer.parseInt(output(niced))).isEqualTo(Math.min(19, normal + 7));
    }

    private static String output(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
