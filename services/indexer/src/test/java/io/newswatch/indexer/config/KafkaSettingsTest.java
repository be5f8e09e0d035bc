package io.newswatch.indexer.config;

import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka channels read {@link IndexerConfig.Kafka} through placeholders in {@code application.properties}, each
 * with its default repeated ({@code ${newswatch.indexer.kafka.fetch-max-wait-ms:250}}): the repeated default is the
 * one that applies, so it must be the mapping's, and each channel must read its own setting.
 */
class KafkaSettingsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{newswatch\\.indexer\\.kafka\\.([a-z-]+):([^}]*)}");

    @Test
    void everyChannelSettingRepeatsTheMappingsDefault() throws IOException {
        Map<String, String> placeholders = placeholders();
        assertThat(placeholders).isNotEmpty();
        placeholders.forEach((setting, repeated) -> assertThat(repeated)
                .as("default of newswatch.indexer.kafka.%s in application.properties", setting)
                .isEqualTo(mappingDefault(setting)));
    }

    @Test
    void theAlertsChannelWaitsForItsOwnFetchSetting() throws IOException {
        Map<String, String> lines = properties();
        assertThat(lines.get("mp.messaging.incoming.articles.fetch.max.wait.ms"))
                .isEqualTo("${newswatch.indexer.kafka.fetch-max-wait-ms:250}");
        assertThat(lines.get("mp.messaging.incoming.alerts.fetch.max.wait.ms"))
                .isEqualTo("${newswatch.indexer.kafka.alerts-fetch-max-wait-ms:1000}");
    }

    private static Map<String, String> placeholders() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        for (String value : properties().values()) {
            Matcher matcher = PLACEHOLDER.matcher(value);
            while (matcher.find()) {
                found.put(matcher.group(1), matcher.group(2));
            }
        }
        return found;
    }

    private static Map<String, String> properties() throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/application.properties"))) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                properties.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return properties;
    }

    private static String mappingDefault(String setting) {
        StringBuilder name = new StringBuilder();
        for (String part : setting.split("-")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        try {
            Method method = IndexerConfig.Kafka.class.getDeclaredMethod(name.toString());
            return method.getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError("application.properties reads newswatch.indexer.kafka." + setting
                    + ", which IndexerConfig.Kafka does not have", e);
        }
    }
}
