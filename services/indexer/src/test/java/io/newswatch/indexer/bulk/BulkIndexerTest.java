package io.newswatch.indexer.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classification of Elasticsearch's answers, against answers written as Elasticsearch writes them. That the
 * real Elasticsearch answers this way is the business of IndexerIT.
 */
class BulkIndexerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<List<String>> requests = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicInteger repairs = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @FunctionalInterface
    interface Answer {
        ElasticsearchHttp.Response answer(List<String> ids) throws IOException;
    }

    private BulkIndexer indexer(long maxBytes) {
        ElasticsearchHttp http = (method, path, body, contentType) -> {
            assertThat(path).isEqualTo(BulkIndexer.BULK_PATH);
            assertThat(contentType).isEqualTo(ElasticsearchHttp.NDJSON);
            List<String> ids = ids(new String(body, StandardCharsets.UTF_8));
            requests.add(ids);
            return answers.removeFirst().answer(ids);
        };
        return new BulkIndexer(http, maxBytes, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10),
                new Random(1)), sleeps::add, new IndexingMetrics(registry, "articles", clock),
                repairs::incrementAndGet);
    }

    private static List<IndexOperation> operations(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> IndexOperation.throughAlias("t-articles", id, 1,
                        ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))).toList();
    }

    private static List<String> ids(String ndjson) {
        List<String> ids = new ArrayList<>();
        String[] lines = ndjson.split("\n");
        for (int i = 0; i < lines.length; i += 2) {
            try {
                ids.add(JSON.readTree(lines[i]).at("/index/_id").asText());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return ids;
    }

    /** A bulk answer with one item per status; errors named by their type. */
    private static Answer items(Object... statusesAndErrors) {
        return ids -> {
            StringBuilder body = new StringBuilder("{\"errors\":true,\"items\":[");
            for (int i = 0; i < statusesAndErrors.length; i += 2) {
                body.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":").append(statusesAndErrors[i]);
                if (statusesAndErrors[i + 1] != null) {
                    body.append(",\"error\":{\"type\":\"").append(statusesAndErrors[i + 1])
                            .append("\",\"reason\":\"because\"}");
                }
                body.append("}}");
            }
            return new ElasticsearchHttp.Response(200, body.append("]}").toString());
        };
    }

    /** A bulk answer with one item per error, each given as status, type and reason. */
    private static Answer errors(Object... statusTypeReason) {
        return ids -> {
            StringBuilder body = new StringBuilder("{\"errors\":true,\"items\":[");
            for (int i = 0; i < statusTypeReason.length; i += 3) {
                body.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":").append(statusTypeReason[i])
                        .append(",\"error\":{\"type\":\"").append(statusTypeReason[i + 1])
                        .append("\",\"reason\":\"").append(statusTypeReason[i + 2]).append("\"}}}");
            }
            return new ElasticsearchHttp.Response(200, body.append("]}").toString());
        };
    }

    private double retries(String reason) {
        return registry.find("newswatch.indexer.retries").tag("reason", reason).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private static Answer allOk() {
        return ids -> {
            StringBuilder body = new StringBuilder("{\"errors\":false,\"items\":[");
            for (int i = 0; i < ids.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":201}}");
            }
            return new ElasticsearchHttp.Response(200, body.append("]}").toString());
        };
    }

    private static Answer status(int status, String errorType) {
        return ids -> new ElasticsearchHttp.Response(status,
                "{\"error\":{\"type\":\"" + errorType + "\",\"reason\":\"because\"},\"status\":" + status + "}");
    }

    @Test
    void eachItemIsIndexedStaleRejectedOrRetriedByItsOwnStatus() throws Exception {
        answers.add(items(201, null, 409, "version_conflict_engine_exception", 400, "document_parsing_exception",
                429, "es_rejected_execution_exception", 503, "unavailable_shards_exception", 200, null));
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a", "b", "c", "d", "e", "f"));

        assertThat(requests).containsExactly(List.of("a", "b", "c", "d", "e", "f"), List.of("d", "e"));
        assertThat(result.indexed()).isEqualTo(4);
        assertThat(result.stale()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.position()).isEqualTo(2);
            assertThat(rejection.reason()).isEqualTo("HTTP 400 document_parsing_exception: because");
            assertThat(rejection.kind()).isEqualTo("HTTP 400 document_parsing_exception");
        });
        assertThat(sleeps).hasSize(1);
        assertThat(registry.get("newswatch.indexer.documents").counters()).isNotEmpty();
    }

    @Test
    void whileElasticsearchIsUnreachableTheSameDocumentsAreRetriedWithGrowingDelays() throws Exception {
        for (int i = 0; i < 5; i++) {
            answers.add(ids -> {
                throw new ConnectException("Connection refused");
            });
        }
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a", "b"));

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(requests).hasSize(6).allSatisfy(ids -> assertThat(ids).containsExactly("a", "b"));
        assertThat(sleeps).hasSize(5);
        assertThat(sleeps.get(4)).isGreaterThan(sleeps.get(0));
        assertThat(registry.get("newswatch.indexer.retries").tag("reason", "unreachable").counter().count())
                .isEqualTo(5);
    }

    @Test
    void aRequestWithoutAnAnswerInTimeIsSentAgainCountedAsATimeout() throws Exception {
        answers.add(ids -> {
            throw new SocketTimeoutException("no answer from Elasticsearch to POST /_bulk within 30000 ms");
        });
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a", "b"));

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.rejected()).isEmpty();
        assertThat(requests).containsExactly(List.of("a", "b"), List.of("a", "b"));
        assertThat(sleeps).hasSize(1);
        assertThat(retries("timeout")).isEqualTo(1);
        assertThat(retries("unreachable")).isZero();
    }

    @Test
    void afterAWholeRequestFailsTheRoundStopsKnocking() throws Exception {
        // two requests of two documents each; the first finds Elasticsearch overloaded
        answers.add(status(429, "es_rejected_execution_exception"));
        answers.add(allOk());
        answers.add(allOk());

        BulkIndexer.Result result = indexer(450).index(operations("a", "b", "c", "d"));

        assertThat(result.indexed()).isEqualTo(4);
        assertThat(requests).containsExactly(List.of("a", "b"), List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void aRequestRefusedAsAWholeIsSplitToFindTheCulprit() throws Exception {
        answers.add(status(400, "x_content_parse_exception"));
        answers.add(allOk());
        answers.add(status(400, "x_content_parse_exception"));
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a", "b", "c"));

        assertThat(requests).containsExactly(List.of("a", "b", "c"), List.of("a"), List.of("b"), List.of("c"));
        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.rejected()).extracting(BulkIndexer.Rejection::position).containsExactly(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void credentialsRefusedAreWaitedOutNeverDeadLettered() throws Exception {
        answers.add(status(401, "security_exception"));
        answers.add(status(403, "security_exception"));
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a"));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.indexed()).isEqualTo(1);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aMissingAliasIsRecreatedBeforeTheRetry() throws Exception {
        answers.add(items(404, "index_not_found_exception"));
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a"));

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(repairs).hasValue(1);
    }

    @Test
    void actionsCarryTheIdTheExternalVersionAndRequireTheAlias() throws Exception {
        byte[] body = BulkIndexer.body(List.of(
                IndexOperation.throughAlias("t-articles", "id-1", 3, "{}".getBytes(StandardCharsets.UTF_8)),
                IndexOperation.throughAlias("t-articles", "id-\"2\"", 1, "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8))
                        .inIndex("t-articles-000001")));

        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).isEqualTo("{}");
        assertThat(lines[3]).isEqualTo("{\"a\":\"é\"}");
        assertThat(lines[4]).isEmpty();
        JsonNode first = JSON.readTree(lines[0]).get("index");
        JsonNode second = JSON.readTree(lines[2]).get("index");
        assertThat(first.get("_index").asText()).isEqualTo("t-articles");
        assertThat(first.get("_id").asText()).isEqualTo("id-1");
        assertThat(first.get("version").asLong()).isEqualTo(3);
        assertThat(first.get("version_type").asText()).isEqualTo("external_gte");
        assertThat(first.get("require_alias").asBoolean()).isTrue();
        assertThat(second.get("_index").asText()).isEqualTo("t-articles-000001");
        assertThat(second.get("_id").asText()).isEqualTo("id-\"2\"");
        assertThat(second.get("version").asLong()).isEqualTo(1);
        assertThat(second.has("require_alias")).isFalse();
    }

    @Test
    void whatTheClusterRefusesIsRetriedUntilItIsLiftedNeverDeadLettered() throws Exception {
        // As Elasticsearch 8.19 answers them: a write block, a read-only index, a missing privilege, a closed
        // index, an alias without a write index, the disk flood-stage block.
        answers.add(errors(
                403, "cluster_block_exception", "index [t-000001] blocked by: [FORBIDDEN/8/index write (api)];",
                403, "cluster_block_exception", "index [t-000001] blocked by: [FORBIDDEN/5/index read-only (api)];",
                403, "security_exception", "action [indices:data/write/bulk[s]] is unauthorized for user [nw]",
                400, "index_closed_exception", "closed",
                400, "illegal_argument_exception", "no write index is defined for alias [t-articles]. The write "
                        + "index may be explicitly disabled using is_write_index=false",
                429, "cluster_block_exception", "index [t-000001] blocked by: [TOO_MANY_REQUESTS/12/disk usage "
                        + "exceeded flood-stage watermark, index has read-only-allow-delete block];"));
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a", "b", "c", "d", "e", "f"));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.indexed()).isEqualTo(6);
        assertThat(requests).containsExactly(List.of("a", "b", "c", "d", "e", "f"),
                List.of("a", "b", "c", "d", "e", "f"));
        assertThat(sleeps).hasSize(1);
        assertThat(retries("blocked") + retries("forbidden") + retries("index_closed") + retries("no_write_index"))
                .isEqualTo(1); // one retry of the round, counted under the first reason seen
        assertThat(retries("blocked")).isEqualTo(1);
    }

    @Test
    void eachClusterCauseHasItsOwnReasonInTheMetrics() throws Exception {
        Object[][] causes = {
                {403, "security_exception", "unauthorized", "forbidden"},
                {400, "index_closed_exception", "closed", "index_closed"},
                {400, "illegal_argument_exception", "no write index is defined for alias [x]", "no_write_index"},
                {403, "some_future_exception", "a privilege Elasticsearch adds one day", "forbidden"},
                {503, "unavailable_shards_exception", "primary shard is not active", "unavailable"}};
        for (Object[] cause : causes) {
            answers.add(errors(cause[0], cause[1], cause[2]));
            answers.add(allOk());
            BulkIndexer.Result result = indexer(1 << 20).index(operations("a"));
            assertThat(result.rejected()).as(cause[1].toString()).isEmpty();
            assertThat(retries((String) cause[3])).as(cause[1].toString()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void whatTheDocumentCausedIsStillRejected() throws Exception {
        answers.add(errors(
                400, "document_parsing_exception", "failed to parse field [n] of type [integer]",
                400, "illegal_argument_exception", "Document contains at least one immense term in field=topics.id",
                400, "action_request_validation_exception", "id is too long, must be no longer than 512 bytes",
                400, "strict_dynamic_mapping_exception", "mapping set to strict"));

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a", "b", "c", "d"));

        assertThat(result.rejected()).extracting(BulkIndexer.Rejection::position).containsExactly(0, 1, 2, 3);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aFailingClientIsRetriedNotThrownAtTheBatch() throws Exception {
        answers.add(ids -> {
            throw new IllegalStateException("Request cannot be executed; I/O reactor status: STOPPED");
        });
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a", "b"));

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(retries("client_error")).isEqualTo(1);
    }

    @Test
    void anAnswerWithAnItemWithoutAStatusIsRetried() throws Exception {
        answers.add(ids -> new ElasticsearchHttp.Response(200, "{\"errors\":false,\"items\":[{},{}]}"));
        answers.add(allOk());

        BulkIndexer.Result result = indexer(1 << 20).index(operations("a", "b"));

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void whileRetryingTheMetricsHoldTheReasonForTheReadinessCheck() throws Exception {
        IndexingMetrics metrics = new IndexingMetrics(registry, "alerts", clock);
        metrics.retry("blocked", "HTTP 403 cluster_block_exception: index [t] blocked by: [FORBIDDEN/8/index write]");
        assertThat(metrics.failure()).startsWith("blocked: HTTP 403 cluster_block_exception");
        assertThat(metrics.failingSince()).isEqualTo(clock.instant());
        metrics.recovered();
        assertThat(metrics.failure()).isNull();
        assertThat(metrics.failingSince()).isNull();
    }
}
