package io.newswatch.enricher.config;

import io.newswatch.stack.ConfigurationReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings table of this service's README is true to its typed configuration. */
class ConfigurationReferenceTest {

    @Test
    void readmeDocumentsEverySettingWithItsEnvironmentVariable() {
        ConfigurationReference reference = ConfigurationReference.of(Path.of("README.md"),
                Path.of("src/main/resources/application.properties"));
        assertThat(reference.problems(EnricherConfig.class)).as("README.md settings table").isEmpty();
    }
}
