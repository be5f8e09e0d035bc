package io.newswatch.enricher.kafka;

import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.tagging.Fixtures;
import io.newswatch.enricher.story.StoryState;
import io.newswatch.enricher.story.StoryTextsAccess;
import io.newswatch.stack.LocalStackTestResource;
import io.newswatch.stack.TestStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Story state survives a restart: a story stored by an earlier run is read back and grows with new copies. */
@QuarkusTest
@WithTestResource(SeededStoriesTestResource.class)
class StoryRestoreIT {

    @LocalStackTestResource.InjectTestStack
    TestStack stack;

    @Test
    void aCopyJoinsTheStoryStoredByAnEarlierRun() {
        String storyId = Ids.article(SeededStoriesTestResource.WIRE_URL);
        Article copy = Fixtures.article("https://daily.example/2026/grid-link", StoryTextsAccess.copyTitle(),
                StoryTextsAccess.copy(), "daily.example", "en", Instant.now());
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafkaBootstrapServers())) {
            kafka.send(stack.topics().articlesRaw(), copy.id(), Json.encode(copy));
            List<ConsumerRecord<String, String>> out = kafka.readUntil(stack.topics().articlesEnriched(),
                    records -> records.stream().anyMatch(r -> copy.id().equals(r.key())));
            EnrichedArticle enriched = Json.decode(out.stream().filter(r -> copy.id().equals(r.key())).findFirst()
                    .orElseThrow().value(), EnrichedArticle.class);
            assertThat(enriched.story().id()).isEqualTo(storyId);
            assertThat(enriched.story().articles()).isEqualTo(2);
            assertThat(enriched.story().outlets()).isEqualTo(2);

            // the grown story is stored again, for the next restart
            List<ConsumerRecord<String, String>> stored = kafka.readUntil(stack.topics().stories(),
                    records -> records.stream().anyMatch(r -> storyId.equals(r.key()) && r.value() != null
                            && Json.decode(r.value(), StoryState.class).articles() == 2));
            assertThat(stored).isNotEmpty();
        }
    }
}
