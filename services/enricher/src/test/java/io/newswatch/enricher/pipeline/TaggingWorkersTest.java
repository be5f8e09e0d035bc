package io.newswatch.enricher.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.contract.Article;
import io.newswatch.contract.BadEventException;
import io.newswatch.contract.Json;
import io.newswatch.enricher.config.EnricherConfig;
import io.newswatch.enricher.pipeline.ArticleProcessor.RawRecord;
import io.newswatch.enricher.story.StoryClusterer;
import io.newswatch.kafka.DurableWrites;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.Fixtures;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tagging a batch on several threads changes nothing but the speed: the same enriched articles, byte for byte, in
 * the same order, with the same stories, and the same dead letters, as {@link Enricher#enrich} on one thread.
 */
class TaggingWorkersTest {

    private static final String TOPIC = "test.articles.raw";
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final List<ArticleProcessor> processors = new ArrayList<>();

    @AfterEach
    void stop() {
        processors.forEach(ArticleProcessor::stop);
        retries.shutdownNow();
    }

    @Test
    void severalTaggingThreadsWriteWhatOneThreadAndTheLibraryWrite() {
        List<RawRecord> batch = batch(400);
        List<String> library = libraryOutputs(batch);
        List<String> oneThread = outputs(1, batch);
        List<String> fourThreads = outputs(4, batch);

        assertThat(library).hasSize(396); // four bad records
        long stories = library.stream().map(line -> line.substring(0, line.indexOf(' '))).distinct().count();
        assertThat(stories).as("articles that joined a story, so the order matters").isBetween(20L, 300L);
        assertThat(oneThread).containsExactlyElementsOf(library);
        assertThat(fourThreads).containsExactlyElementsOf(library);
    }

    /** Articles of 30 stories, each a random selection of its story's sentences; three bad records among them. */
    private static List<RawRecord> batch(int size) {
        Random random = new Random(7);
        String[] words = ("Serbia Kosovo Brussels NATO ministers met talks agreed border crossing police power line "
                + "Moldova Romania gas winter prices sanctions Russia Ukraine army drones port grain ships Danube "
                + "election parliament coalition budget protest capital mayor court ruling minister resigned")
                .split(" ");
        List<List<String>> sentences = IntStream.range(0, 30).mapToObj(s -> IntStream.range(0, 8)
                .mapToObj(k -> IntStream.range(0, 14).mapToObj(w -> words[random.nextInt(words.length)])
                        .collect(Collectors.joining(" ")) + ".")
                .toList()).toList();
        List<RawRecord> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] value;
            if (i % 97 == 13) {
                value = i % 2 == 0 ? null : "{not json".getBytes(StandardCharsets.UTF_8);
            } else {
                List<String> story = sentences.get(random.nextInt(sentences.size()));
                String body = story.stream().filter(s -> random.nextInt(5) > 0).collect(Collectors.joining(" "));
                Article article = Fixtures.article("https://wire" + (i % 7) + ".example/" + i, "Talks in Brussels",
                        body, "wire" + (i % 7) + ".example", i % 3 == 0 ? null : "en", Fixtures.NOW);
                value = Json.encodeBytes(article);
            }
            records.add(new RawRecord(TOPIC, 0, i, "key-" + i, value, new RecordHeaders()));
        }
        return records;
    }

    /** What the processor sends, in order: "story-id enriched-json" or "dead-letter offset: reason". */
    private List<String> outputs(int workers, List<RawRecord> batch) {
        List<String> sent = new ArrayList<>();
        StoryClusterer clusterer = new StoryClusterer(Fixtures.CLOCK, 0.3, Duration.ofDays(3), s -> { });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ArticleProcessor processor = new ArticleProcessor(Fixtures.enricher(), clusterer,
                new EnricherMetrics(registry, Fixtures.CLOCK, Fixtures.enricher()),
                new DurableWrites(retries, Duration.ofMillis(1), Duration.ofMillis(2)), config(workers));
        processors.add(processor);
        processor.process(batch, new ArticleProcessor.Outputs() {
            @Override
            public CompletableFuture<Void> enriched(String articleId, byte[] json) {
                String text = new String(json, StandardCharsets.UTF_8);
                sent.add(Json.decode(json, io.newswatch.contract.EnrichedArticle.class).story().id() + " " + text);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> deadLetter(RawRecord record, BadEventException reason) {
                sent.add("dead-letter " + record.offset() + ": " + reason.getMessage());
                return CompletableFuture.completedFuture(null);
            }
        }).join();
        assertThat(registry.counter("newswatch.enricher.articles", "outcome", "dead-lettered").count()).isEqualTo(4);
        return sent.stream().filter(line -> !line.startsWith("dead-letter")).toList();
    }

    /** The library's own enrichment, one article after the other on this thread. */
    private static List<String> libraryOutputs(List<RawRecord> batch) {
        StoryClusterer clusterer = new StoryClusterer(Fixtures.CLOCK, 0.3, Duration.ofDays(3), s -> { });
        List<String> sent = new ArrayList<>();
        for (RawRecord record : batch) {
            if (record.value() == null || record.value()[0] != '{' || record.value()[1] == 'n') {
                continue;
            }
            var enriched = Fixtures.enricher().enrich(Json.decode(record.value(), Article.class), clusterer);
            sent.add(enriched.story().id() + " " + new String(Json.encodeBytes(enriched), StandardCharsets.UTF_8));
        }
        return sent;
    }

    private static EnricherConfig config(int workers) {
        return new SmallRyeConfigBuilder().withMapping(EnricherConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("newswatch.enricher.workers", Integer.toString(workers)),
                        "test", 500))
                .build().getConfigMapping(EnricherConfig.class);
    }
}
