package io.newswatch.enricher.kafka;

import io.newswatch.contract.Article;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.tagging.Fixtures;
import io.newswatch.enricher.story.StoryClusterer;
import io.newswatch.enricher.story.StoryState;
import io.newswatch.enricher.story.StoryTextsAccess;
import io.newswatch.stack.LocalStackTestResource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local stack, plus a story already stored in the stories topic before the service starts, as an earlier run
 * of the enricher would have left it: the service must read it back and add new copies to it.
 */
public class SeededStoriesTestResource extends LocalStackTestResource {

    static final String WIRE_URL = "https://wire.example/2026/moldova-romania-power-line";

    /** The article the stored story was made from. */
    static Article wire() {
        return Fixtures.article(WIRE_URL, StoryTextsAccess.wireTitle(), StoryTextsAccess.wire(), "wire.example", "en",
                Instant.now().minus(Duration.ofHours(1)));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        List<StoryState> states = new ArrayList<>();
        StoryClusterer clusterer = new StoryClusterer(Clock.systemUTC(), 0.3, Duration.ofDays(3), states::add);
        Article wire = wire();
        clusterer.assign(wire, Fixtures.enricher().tag(wire.fullText(), wire.title().length(), "en"));
        String topic = new TopicNames(config.get("newswatch.topic-prefix")).stories();
        try (KafkaTestClient kafka = new KafkaTestClient(config.get("kafka.bootstrap.servers"))) {
            states.forEach(s -> kafka.send(topic, s.id(), Json.encode(s)));
        }
        return config;
    }
}
