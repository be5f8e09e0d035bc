package io.newswatch.poller.config;

import io.newswatch.stack.ConfigurationReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings tables of this service (all of them in docs/settings.md, the main ones in the README) are true to its
 * typed configuration.
 */
class ConfigurationReferenceTest {

    @Test
    void settingsReferenceDocumentsEverySettingWithItsEnvironmentVariable() {
        ConfigurationReference reference = ConfigurationReference.of(Path.of("docs/settings.md"),
                Path.of("src/main/resources/application.properties"));
        List<String> problems = Stream.of(PollerConfig.class)
                .flatMap(mapping -> reference.problems(mapping).stream()).toList();
        assertThat(problems).as("docs/settings.md settings table").isEmpty();
    }

    @Test
    void readmeShowsOnlyRealSettingsWithTheirEnvironmentVariables() {
        ConfigurationReference full = ConfigurationReference.of(Path.of("docs/settings.md"),
                Path.of("src/main/resources/application.properties"));
        ConfigurationReference readme = ConfigurationReference.of(Path.of("README.md"),
                Path.of("src/main/resources/application.properties"));
        List<String> problems = readme.problems(PollerConfig.class).stream()
                .filter(problem -> !problem.startsWith("not documented")).toList();
        assertThat(problems).as("README.md settings table").isEmpty();
        assertThat(full.problems(PollerConfig.class)).isEmpty();
    }
}
