package io.newswatch.stack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NewswatchServiceJvmOptionsTest {

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
