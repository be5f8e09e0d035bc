package io.newswatch.indexer.index;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Json;
import io.newswatch.indexer.Fixtures;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.IndexingMetrics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What becomes of each record of a batch, with Elasticsearch's answers written as it writes them. */
class TopicIndexerTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IndexingMetrics metrics = new IndexingMetrics(registry, "articles", clock);
    private final Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), new Random(3));
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<List<DeadLetter>> published = new ArrayList<>();

    /** Elasticsearch refuses the second document of every request as unparsable and takes the others. */
    private final ElasticsearchHttp secondRefused = (method, path, body, contentType) -> {
        long documents = new String(body, java.nio.charset.StandardCharsets.UTF_8).lines().count() / 2;
        StringBuilder answer = new StringBuilder("{\"errors\":true,\"items\":[");
        for (int i = 0; i < documents; i++) {
            answer.append(i == 0 ? "" : ",").append(i == 1
                    ? "{\"index\":{\"status\":400,\"error\":{\"type\":\"document_parsing_exception\","
                    + "\"reason\":\"failed to parse field [topic]\"}}}" : "{\"index\":{\"status\":201}}");
        }
        return new ElasticsearchHttp.Response(200, answer.append("]}").toString());
    };

    private TopicIndexer indexer(TopicIndexer.Placement placement, DeadLetter.Sink sink) {
        BulkIndexer bulk = new BulkIndexer(secondRefused, 1 << 20, backoff, sleeps::add, metrics,
                () -> { });
        return new TopicIndexer(new ArticleMapper("t-articles", clock), placement, bulk, sink, backoff, sleeps::add,
                metrics, () -> { }, 2);
    }

    private static SourceRecord record(long offset, String value) {
        return new SourceRecord("t.articles.enriched", 1, offset, "key-" + offset, value);
    }

    private static String article(String url) {
        EnrichedArticle article = Fixtures.simple(url, "A title");
        return Json.encode(article);
    }

    @Test
    void badRecordsAndRefusedDocumentsBecomeDeadLettersWithTheirReasonWhileTheRestIsIndexed() throws Exception {
        List<SourceRecord> batch = List.of(record(10, article("https://wire-one.example/1")),
                record(11, "{not json"), record(12, article("https://wire-one.example/2")));

        BulkIndexer.Result result = indexer(operations -> operations, published::add).index(batch);

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(letters -> {
            assertThat(letters).extracting(letter -> letter.record().offset()).containsExactly(11L, 12L);
            assertThat(letters.get(0).reason()).isEqualTo("undecodable event");
            assertThat(letters.get(0).cause()).startsWith("not a valid EnrichedArticle");
            assertThat(letters.get(1).reason()).isEqualTo("rejected by Elasticsearch");
            assertThat(letters.get(1).cause()).contains("document_parsing_exception", "failed to parse field [topic]");
        });
        assertThat(registry.get("newswatch.indexer.documents").tag("outcome", "dead_lettered").counter().count())
                .isEqualTo(2);
    }

    @Test
    void aDeadLetterTopicThatFailsIsRetriedUntilItTakesTheLetters() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        DeadLetter.Sink flaky = letters -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("broker not available");
            }
            published.add(letters);
        };

        indexer(operations -> operations, flaky).index(List.of(record(1, "garbage")));

        assertThat(attempts).hasValue(3);
        assertThat(published).hasSize(1);
        assertThat(sleeps).hasSize(2);
        assertThat(metrics.failingSince()).isNull();
    }

    @Test
    void aPlacementLookupThatFailsIsRetriedBeforeAnythingIsWritten() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        TopicIndexer.Placement unreachableTwice = operations -> {
            if (lookups.incrementAndGet() <= 2) {
                throw new IOException("Connection refused");
            }
            return operations;
        };

        BulkIndexer.Result result = indexer(unreachableTwice, published::add)
                .index(List.of(record(1, article("https://wire-one.example/3"))));

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(lookups).hasValue(3);
        assertThat(registry.get("newswatch.indexer.retries").tag("reason", "unreachable").counter().count())
                .isEqualTo(2);
    }

    @Test
    void batchesThatArriveWhileTheRequestsInFlightAreBusyShareTheNextRequest() throws Exception {
        CountDownLatch firstSent = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Long> documentsPerRequest = Collections.synchronizedList(new ArrayList<>());
        ElasticsearchHttp slowFirst = (method, path, body, contentType) -> {
            long documents = new String(body, StandardCharsets.UTF_8).lines().count() / 2;
            documentsPerRequest.add(documents);
            if (documentsPerRequest.size() == 1) {
                firstSent.countDown();
                try {
                    releaseFirst.await();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted", e);
                }
            }
            StringBuilder answer = new StringBuilder("{\"errors\":false,\"items\":[");
            for (int i = 0; i < documents; i++) {
                answer.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":201}}");
            }
            return new ElasticsearchHttp.Response(200, answer.append("]}").toString());
        };
        TopicIndexer indexer = new TopicIndexer(new ArticleMapper("t-articles", clock), operations -> operations,
                new BulkIndexer(slowFirst, 1 << 20, backoff, sleeps::add, metrics, () -> { }),
                published::add, backoff, sleeps::add, metrics, () -> { }, 1);
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try {
            Future<BulkIndexer.Result> first = workers.submit(() -> indexer.index(batch(0, 2)));
            assertThat(firstSent.await(10, TimeUnit.SECONDS)).isTrue();
            Future<BulkIndexer.Result> second = workers.submit(() -> indexer.index(batch(10, 3)));
            Future<BulkIndexer.Result> third = workers.submit(() -> indexer.index(batch(20, 4)));
            Thread.sleep(200); // both wait for the one request slot
            assertThat(documentsPerRequest).containsExactly(2L);
            releaseFirst.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).indexed()).isEqualTo(2);
            assertThat(second.get(10, TimeUnit.SECONDS).indexed()).isEqualTo(3);
            assertThat(third.get(10, TimeUnit.SECONDS).indexed()).isEqualTo(4);
            assertThat(documentsPerRequest).containsExactly(2L, 7L);
            assertThat(registry.get("newswatch.indexer.documents").tag("outcome", "indexed").counter().count())
                    .isEqualTo(9);
        } finally {
            workers.shutdownNow();
        }
    }

    private static List<SourceRecord> batch(int firstOffset, int size) {
        List<SourceRecord> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(record(firstOffset + i, article("https://wire-one.example/b" + (firstOffset + i))));
        }
        return batch;
    }
}
