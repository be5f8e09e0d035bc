package io.newswatch.stack;

import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.contract.kafka.TopicSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every topic's retention is set explicitly where the stack creates it, and is visible to an operator's
 * describe-configs ({@code kafka-configs.sh --describe}, {@code kcat -L} shows the same): a topic's settings come
 * from the topic, not from the broker's defaults.
 */
class TopicRetentionIT {

    @Test
    void everyTopicHasItsRetentionAndCleanupPolicySetOnTheTopic() throws Exception {
        TestStack test = TestStack.reserve();
        try (Admin admin = admin(test)) {
            Map<String, Config> configs = describeOnceSet(admin, test.topics());
            for (TopicSpec spec : test.topics().all()) {
                for (Map.Entry<String, String> expected : spec.configs().entrySet()) {
                    assertThat(configs.get(spec.name()).get(expected.getKey()))
                            .as(spec.name() + " " + expected.getKey())
                            .satisfies(entry -> {
                                assertThat(entry.value()).isEqualTo(expected.getValue());
                                assertThat(entry.source()).isEqualTo(
                                        org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
                            });
                }
            }
            assertThat(configs.get(test.topics().articlesEnriched()).get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
            assertThat(configs.get(test.topics().deadLetters()).get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
            assertThat(configs.get(test.topics().rules()).get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get(test.topics().rules()).get("cleanup.policy").value()).isEqualTo("compact");
        } finally {
            test.release();
        }
    }

    @Test
    void topicsCreatedBeforeWithoutSettingsGetThemWhenTheStackSetsUpAgain() throws Exception {
        TopicNames topics = new TopicNames("it-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        LocalStack stack = TestStack.shared();
        try (Admin admin = admin(stack)) {
            // as an older newswatch created them: no retention of their own, the broker's default applies
            admin.createTopics(List.of(new NewTopic(topics.alerts(), 1, (short) 1),
                    new NewTopic(topics.rules(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);

            stack.setup().createTopics(topics);

            Map<String, Config> configs = describeOnceSet(admin, topics);
            assertThat(configs.get(topics.alerts()).get("retention.ms").value())
                    .isEqualTo(String.valueOf(TopicNames.ALERTS_RETENTION.toMillis()));
            assertThat(configs.get(topics.rules()).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(configs.get(topics.rules()).get("delete.retention.ms").value())
                    .isEqualTo(String.valueOf(TopicSpec.TOMBSTONE_RETENTION.toMillis()));
        } finally {
            stack.setup().deleteTopics(topics);
        }
    }

    /** The topics' settings, once the brokers report them as set on the topic (they propagate within moments). */
    private static Map<String, Config> describeOnceSet(Admin admin, TopicNames topics) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Map<String, Config> configs = describe(admin, topics);
            boolean set = topics.all().stream().allMatch(spec -> spec.configs().entrySet().stream().allMatch(
                    expected -> expected.getValue().equals(configs.get(spec.name()).get(expected.getKey()).value())));
            if (set || System.nanoTime() > deadline) {
                return configs;
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Config> describe(Admin admin, TopicNames topics) throws Exception {
        List<ConfigResource> resources = topics.all().stream()
                .map(spec -> new ConfigResource(ConfigResource.Type.TOPIC, spec.name())).toList();
        return admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
    }

    private static Admin admin(TestStack test) {
        return admin(test.stack());
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.endpoints().kafkaBootstrapServers()));
    }
}
