package io.newswatch.stack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NewswatchServiceJvmOptionsTest {

    @Test
    void theAlertPathStartsWithItsHeapCommittedUpTo512Megabytes() {
        assertThat(NewswatchService.FEED_POLLER.jvmOptions("256m", Map.of())).contains("-Xmx256m", "-Xms256m");
        assertThat(NewswatchService.ENRICHER.jvmOptions("512m", Map.of())).contains("-Xms512m");
        assertThat(NewswatchService.ALERTER.jvmOptions("826m", Map.of())).contains("-Xmx826m", "-Xms512m");
        assertThat(NewswatchService.ALERTER.jvmOptions("2g", Map.of())).contains("-Xms512m");
        assertThat(NewswatchService.INDEXER.jvmOptions("256m", Map.of())).noneMatch(o -> o.startsWith("-Xms"));
        assertThat(NewswatchService.CONSOLE.jvmOptions("256m", Map.of())).noneMatch(o -> o.startsWith("-Xms"));
        assertThat(NewswatchService.initialHeapMegabytes("100m")).isEqualTo(100);
        assertThat(NewswatchService.initialHeapMegabytes("262144k")).isEqualTo(256);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NewswatchService.initialHeapMegabytes("1t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsThenTheServicesOwnVariableWhichWins() {
        assertThat(NewswatchService.ALERTER.jvmOptions("826m", Map.of()))
                .startsWith("-Xmx826m", "-XX:+UseG1GC");
        assertThat(NewswatchService.FEED_POLLER.jvmOptionsVariable()).isEqualTo("NEWSWATCH_FEED_POLLER_JVM_OPTIONS");
        assertThat(NewswatchService.FEED_POLLER.jvmOptions("256m",
                Map.of("NEWSWATCH_FEED_POLLER_JVM_OPTIONS", "  -Xms256m   -XX:MaxGCPauseMillis=50 ",
                        "NEWSWATCH_ALERTER_JVM_OPTIONS", "-Xms1g")))
                .endsWith("-Xms256m", "-XX:MaxGCPauseMillis=50")
                .doesNotContain("-Xms1g");
    }
}
