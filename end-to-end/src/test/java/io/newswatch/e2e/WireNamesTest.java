package io.newswatch.e2e;

import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.contract.kafka.TopicSpec;
import io.newswatch.stack.StackHome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topic and consumer-group names live in {@link TopicNames}; the services' property files spell them again for their
 * Reactive Messaging channels (Quarkus reads channel settings from configuration, not from code). This test holds
 * the two together: every channel's topic and group in every service's {@code application.properties} is the
 * prefix followed by a name the contract defines, and each service's group is the one the contract gives it.
 * (Compose's topic creation is held to the contract by {@code DockerComposeTest}.)
 */
class WireNamesTest {

    private static final String PREFIX = "${newswatch.topic-prefix}";
    private static final TopicNames NAMES = new TopicNames("");
    private static final String[] SERVICES = {"feed-poller", "enricher", "indexer", "alerter"};

    @Test
    void everyChannelTopicIsAContractTopic() throws IOException {
        Set<String> contractTopics = new TreeSet<>();
        for (TopicSpec spec : NAMES.all()) {
            contractTopics.add(spec.name());
        }
        Map<String, String> topics = new TreeMap<>();
        for (String service : SERVICES) {
            properties(service).forEach((key, value) -> {
                if (key.toString().endsWith(".topic")) {
                    topics.put(service + ": " + key, value.toString());
                }
            });
        }
        assertThat(topics).isNotEmpty();
        topics.forEach((where, value) -> {
            assertThat(value).as(where).startsWith(PREFIX);
            assertThat(contractTopics).as(where).contains(value.substring(PREFIX.length()));
        });
    }

    @Test
    void everyServiceConsumesInTheGroupTheContractGivesIt() throws IOException {
        Map<String, String> expected = Map.of(
                "enricher", NAMES.enricherGroup(),
                "indexer", NAMES.indexerGroup(),
                "alerter", NAMES.alerterGroup());
        for (String service : SERVICES) {
            Properties properties = properties(service);
            for (String key : properties.stringPropertyNames()) {
                if (key.endsWith(".group.id")) {
                    assertThat(properties.getProperty(key)).as(service + ": " + key)
                            .isEqualTo(PREFIX + expected.get(service));
                }
            }
        }
        // the poller's group is joined in code (PartitionOwnership), with the contract's name
        assertThat(properties("feed-poller").stringPropertyNames()).noneMatch(key -> key.endsWith(".group.id"));
        assertThat(NAMES.groups()).doesNotHaveDuplicates()
                .contains(NAMES.pollerGroup(), NAMES.alerterDeliveryGroup());
    }

    private static Properties properties(String service) throws IOException {
        Path file = StackHome.locate().project()
                .resolve("services/" + service + "/src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
