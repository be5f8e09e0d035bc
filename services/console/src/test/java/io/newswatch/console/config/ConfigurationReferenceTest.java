package io.newswatch.console.config;

import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.stack.ConfigurationReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings table of this service's README is true to its typed configuration. */
class ConfigurationReferenceTest {

    @Test
    void readmeDocumentsEverySettingWithItsEnvironmentVariable() {
        ConfigurationReference reference = ConfigurationReference.of(Path.of("README.md"),
                Path.of("src/main/resources/application.properties"));
        List<String> problems = Stream.of(ConsoleConfig.class, ElasticsearchConfig.class)
                .flatMap(mapping -> reference.problems(mapping).stream()).toList();
        assertThat(problems).as("README.md settings table").isEmpty();
    }
}
