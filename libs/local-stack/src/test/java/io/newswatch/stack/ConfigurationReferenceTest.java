package io.newswatch.stack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationReferenceTest {

    @ConfigMapping(prefix = "newswatch.sample")
    interface SampleConfig {
        /** How often. */
        @WithDefault("5m")
        Duration pollInterval();

        /** A file. */
        Optional<Path> feedsFile();

        /** Hosts. */
        List<String> hosts();

        /** Named targets. */
        java.util.Map<String, String> targets();

        /** A group. */
        Retry retry();

        interface Retry {
            /** Attempts. */
            @WithDefault("3")
            int maxAttempts();
        }
    }

    @TempDir
    Path dir;

    @Test
    void propertiesAreReadFromTheMappingWithTheirNamingStrategy() {
        assertThat(ConfigurationReference.properties(SampleConfig.class)).containsExactlyInAnyOrder(
                "newswatch.sample.poll-interval", "newswatch.sample.feeds-file", "newswatch.sample.hosts",
                "newswatch.sample.retry.max-attempts", "newswatch.sample.targets.*");
    }

    @Test
    void aTrueTableHasNoProblems() throws Exception {
        ConfigurationReference reference = reference("""
                | property | env var | default | meaning |
                |---|---|---|---|
                | `newswatch.sample.poll-interval` | `NEWSWATCH_SAMPLE_POLL_INTERVAL` | `5m` | how often |
                | `newswatch.sample.feeds-file` | `NEWSWATCH_FEEDS_FILE` | none | a file |
                | `newswatch.sample.hosts` | `NEWSWATCH_SAMPLE_HOSTS` | none | hosts |
                | `newswatch.sample.retry.max-attempts` | `NEWSWATCH_SAMPLE_RETRY_MAX_ATTEMPTS` | `3` | attempts |
                | `newswatch.sample.targets.NAME` | `NEWSWATCH_SAMPLE_TARGETS_NAME` | none | named targets |
                | `kafka.bootstrap.servers` | `KAFKA_BOOTSTRAP_SERVERS` | `localhost:9092` | Kafka |
                """, "newswatch.sample.feeds-file=${NEWSWATCH_FEEDS_FILE:}\n");
        assertThat(reference.problems(SampleConfig.class)).isEmpty();
    }

    @Test
    void missingWrongAndStaleRowsAreEachNamed() throws Exception {
        ConfigurationReference reference = reference("""
                | `newswatch.sample.poll-interval` | `NEWSWATCH_POLL_INTERVAL` | `5m` | how often |
                | `newswatch.sample.feeds-file` | `NEWSWATCH_SAMPLE_FEEDS_FILE` | none | a file |
                | `newswatch.sample.retry.max-attempts` | `NEWSWATCH_SAMPLE_RETRY_MAX_ATTEMPTS` | `3` | attempts |
                | `newswatch.sample.gone` | `NEWSWATCH_SAMPLE_GONE` | `1` | removed last year |
                """, "");
        assertThat(reference.problems(SampleConfig.class)).containsExactlyInAnyOrder(
                "`newswatch.sample.poll-interval` is set by `NEWSWATCH_SAMPLE_POLL_INTERVAL`, the table says `NEWSWATCH_POLL_INTERVAL`",
                "not documented: `newswatch.sample.hosts` (`NEWSWATCH_SAMPLE_HOSTS`)",
                "not documented: `newswatch.sample.targets.*` (`NEWSWATCH_SAMPLE_TARGETS__`)",
                "documented but not a setting: `newswatch.sample.gone`");
    }

    private ConfigurationReference reference(String readme, String properties) throws Exception {
        return ConfigurationReference.of(Files.writeString(dir.resolve("README.md"), readme),
                Files.writeString(dir.resolve("application.properties"), properties));
    }
}
