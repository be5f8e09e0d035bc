package io.newswatch.indexer.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes documents with bulk requests and does not return until Elasticsearch has acknowledged each of them or
 * refused it for good: what the caller commits afterwards is durable.
 *
 * <p>Failures are sorted by who caused them ({@link BulkErrors}), after Elasticsearch's own guidance and Kafka
 * Connect's Elasticsearch sink:
 * <ul>
 *   <li>transient, caused by the cluster or passing (connection refused or timed out, no answer within
 *       {@code newswatch.indexer.request-timeout}, 429 overloaded, 5xx,
 *       credentials or privileges refused, a write block, a read-only index, a disk watermark, a closed index, an
 *       alias missing or without a write index, shards unavailable): the failed documents, and only those, are
 *       retried with capped exponential backoff and jitter, for as long as it takes, counted in metrics by reason,
 *       logged, and reported by the readiness check; they are never dead-lettered;</li>
 *   <li>stale (409 version conflict: a newer revision is already indexed): done, nothing to do;</li>
 *   <li>permanent, caused by the document (a value its field cannot hold, malformed JSON, an immense term): returned
 *       as a {@link Rejection} with Elasticsearch's reason, for the dead-letter topic, while the rest of the batch
 *       proceeds;</li>
 *   <li>a whole request refused as malformed or too large: its documents are sent one per request, so that only the
 *       culprit is rejected.</li>
 * </ul>
 */
public final class BulkIndexer {

    private static final Logger LOG = Logger.getLogger(BulkIndexer.class);
    /** Only what classification needs comes back: a few bytes per document when all goes well. */
    static final String BULK_PATH = "/_bulk?filter_path=errors,items.*.status,items.*.error";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonStringEncoder QUOTER = JsonStringEncoder.getInstance();

    private final ElasticsearchHttp http;
    private final long maxBytes;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final IndexingMetrics metrics;
    private final AliasRepair aliasRepair;

    /** Recreates a missing alias (someone deleted the indices behind it) before the documents are retried. */
    @FunctionalInterface
    public interface AliasRepair {
        void repair() throws IOException;
    }

    /**
     * A document Elasticsearch refused for good.
     *
     * @param reason Elasticsearch's error as it gave it; it can quote a field's value, so it goes into the dead
     *               letter (which carries the document anyway), never into a log: a log says {@link #kind()}
     */
    public record Rejection(int position, String reason) {

        /** The reason up to Elasticsearch's error type ({@code HTTP 400 document_parsing_exception}): no content. */
        public String kind() {
            int colon = reason.indexOf(':');
            return colon < 0 ? reason : reason.substring(0, colon);
        }
    }

    /**
     * What became of a list of operations.
     *
     * @param indexed        documents Elasticsearch stored
     * @param stalePositions documents it already had in a newer version, by position in the list given
     * @param rejected       documents it refused, by position in the list given
     */
    public record Result(int indexed, List<Integer> stalePositions, List<Rejection> rejected) {

        /** Nothing written. */
        public static final Result NONE = new Result(0, List.of(), List.of());

        /** How many documents were stale. */
        public int stale() {
            return stalePositions.size();
        }
    }

    public BulkIndexer(ElasticsearchHttp http, long maxBytes, Backoff backoff, Sleeper sleeper,
                       IndexingMetrics metrics, AliasRepair aliasRepair) {
        this.http = http;
        this.maxBytes = maxBytes;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.aliasRepair = aliasRepair;
    }

    /**
     * Writes the documents; returns once each is indexed, stale or rejected.
     *
     * @throws InterruptedException when the service shuts down while Elasticsearch is failing; nothing is then
     *                              known to be durable beyond what Elasticsearch already acknowledged
     */
    public Result index(List<IndexOperation> operations) throws InterruptedException {
        Round round = new Round(operations);
        List<Integer> pending = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            pending.add(i);
        }
        int attempt = 0;
        while (!pending.isEmpty()) {
            round.retry.clear();
            round.failure = null;
            for (List<Integer> request : requests(pending, round.alone, operations)) {
                if (round.failure != null && round.failure.wholeRequest) {
                    // Elasticsearch is away or overloaded: do not knock again in this round.
                    round.retry.addAll(request);
                } else {
                    send(request, round);
                }
            }
            if (round.retry.isEmpty()) {
                break;
            }
            pending = new ArrayList<>(round.retry);
            if (round.failure == null) {
                continue; // only split for isolation: send again at once
            }
            attempt++;
            metrics.retry(round.failure.kind, round.failure.message);
            Duration delay = backoff.delay(attempt);
            // One line per failed attempt: counts, alias and Elasticsearch's error, never a document's content.
            LOG.warnf("Elasticsearch did not take %d of %d documents for %s (%s): %s; retry %d in %d ms, "
                            + "consumption paused meanwhile", pending.size(), operations.size(),
                    operations.getFirst().alias(), round.failure.kind, round.failure.message, attempt,
                    delay.toMillis());
            if (round.failure.kind.equals("alias_missing")) {
                repairAlias();
            }
            sleeper.sleep(delay);
        }
        Duration outage = metrics.recovered();
        if (!outage.isZero()) {
            LOG.infof("Elasticsearch takes writes for %s again, after %d ms of failures",
                    operations.getFirst().alias(), outage.toMillis());
        }
        return new Result(round.indexed, List.copyOf(round.stale), List.copyOf(round.rejected));
    }

    /** The largest body of one request. */
    public long maxBytes() {
        return maxBytes;
    }

    private void repairAlias() {
        try {
            aliasRepair.repair();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot recreate the alias yet: %s", e.getMessage());
        }
    }

    /** The state of one {@link #index(List)} call. */
    private static final class Round {
        final Set<Integer> alone = new HashSet<>();
        final List<Integer> retry = new ArrayList<>();
        final List<Rejection> rejected = new ArrayList<>();
        final List<Integer> stale = new ArrayList<>();
        int indexed;
        final List<IndexOperation> operations;
        Failure failure;

        Round(List<IndexOperation> operations) {
            this.operations = operations;
        }
    }

    /** Why documents must be retried; {@code wholeRequest} when Elasticsearch refused the request as such. */
    private record Failure(String kind, String message, boolean wholeRequest) {
    }

    /** Splits the pending documents into requests of at most {@link #maxBytes}; isolated ones go alone. */
    private List<List<Integer>> requests(List<Integer> pending, Set<Integer> alone, List<IndexOperation> operations) {
        List<List<Integer>> requests = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long bytes = 0;
        for (int position : pending) {
            long size = operations.get(position).source().length + 200L;
            if (alone.contains(position)) {
                requests.add(List.of(position));
                continue;
            }
            if (!current.isEmpty() && bytes + size > maxBytes) {
                requests.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(position);
            bytes += size;
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }

    private void send(List<Integer> request, Round round) {
        byte[] bytes = body(request.stream().map(round.operations::get).toList());
        long started = System.nanoTime();
        ElasticsearchHttp.Response response;
        try {
            response = http.send("POST", BULK_PATH, bytes, ElasticsearchHttp.NDJSON);
        } catch (SocketTimeoutException e) {
            // No answer in time (newswatch.indexer.request-timeout): the request is abandoned, its documents sent
            // again; if Elasticsearch still carries it out, the same ids and versions make it the same documents.
            record(request, bytes.length, started, "timeout");
            retryAll(request, round, new Failure("timeout", request.size() + " documents, " + bytes.length
                    + " bytes: " + e.getMessage(), true));
            return;
        } catch (IOException e) {
            record(request, bytes.length, started, "unreachable");
            retryAll(request, round, new Failure("unreachable", "cannot reach Elasticsearch: " + describe(e), true));
            return;
        } catch (RuntimeException e) {
            // The client itself failing (its I/O reactor stopped, say) is no fault of the documents: thrown on,
            // it would fail the batch, and the connector would dead-letter every record of it.
            record(request, bytes.length, started, "unreachable");
            retryAll(request, round, new Failure("client_error", "the Elasticsearch client failed: " + e, true));
            return;
        }
        if (!response.ok()) {
            record(request, bytes.length, started, "refused");
            refused(request, response, round);
            return;
        }
        JsonNode items;
        try {
            items = JSON.readTree(response.body()).path("items");
        } catch (JsonProcessingException e) {
            items = null;
        }
        if (items == null || items.size() != request.size()) {
            record(request, bytes.length, started, "garbled");
            retryAll(request, round, new Failure("server_error", "the bulk answer does not list one item per "
                    + "document: " + abbreviate(response.body()), true));
            return;
        }
        if (!eachItemHasAStatus(items)) {
            record(request, bytes.length, started, "garbled");
            retryAll(request, round, new Failure("server_error", "the bulk answer has an item without a status: "
                    + abbreviate(response.body()), true));
            return;
        }
        record(request, bytes.length, started, "ok");
        for (int i = 0; i < request.size(); i++) {
            JsonNode item = items.get(i).elements().next();
            item(request.get(i), item.path("status").asInt(), item.path("error"), round);
        }
    }

    private static boolean eachItemHasAStatus(JsonNode items) {
        for (JsonNode item : items) {
            if (!item.isObject() || item.size() != 1 || !item.elements().next().path("status").isInt()) {
                return false;
            }
        }
        return true;
    }

    private void item(int position, int status, JsonNode error, Round round) {
        if (status >= 200 && status < 300) {
            round.indexed++;
            return;
        }
        String type = error.path("type").asText("");
        switch (BulkErrors.classify(status, type, error.path("reason").asText(""), false)) {
            case BulkErrors.Stale stale -> round.stale.add(position);
            case BulkErrors.Retry retry -> retry(position, round, new Failure(retry.reason(),
                    "HTTP " + status + " " + errorText(error), false));
            case BulkErrors.Reject reject -> round.rejected.add(new Rejection(position,
                    "HTTP " + status + " " + errorText(error)));
        }
    }

    private void refused(List<Integer> request, ElasticsearchHttp.Response response, Round round) {
        int status = response.status();
        JsonNode error = errorOf(response.body());
        String reason = "HTTP " + status + " " + errorText(error);
        switch (BulkErrors.classify(status, error.path("type").asText(""), error.path("reason").asText(""), true)) {
            case BulkErrors.Retry retry -> retryAll(request, round, new Failure(retry.reason(),
                    retry.reason().equals("auth") ? reason + " (check newswatch.elasticsearch credentials)" : reason,
                    true));
            case BulkErrors.Stale stale -> round.stale.addAll(request);
            case BulkErrors.Reject reject -> {
                if (request.size() > 1) {
                    // Malformed or too large as a whole: find the culprit by sending each document alone.
                    round.alone.addAll(request);
                    round.retry.addAll(request);
                } else {
                    round.rejected.add(new Rejection(request.getFirst(), reason));
                }
            }
        }
    }

    private void retry(int position, Round round, Failure failure) {
        round.retry.add(position);
        if (round.failure == null || failure.wholeRequest) {
            round.failure = failure;
        }
    }

    private void retryAll(List<Integer> request, Round round, Failure failure) {
        round.retry.addAll(request);
        round.failure = failure;
    }

    private void record(List<Integer> request, int bytes, long startedNanos, String outcome) {
        metrics.bulkRequest(request.size(), bytes, Duration.ofNanos(System.nanoTime() - startedNanos), outcome);
    }

    /**
     * The NDJSON body of a bulk request: per document an action line and its source line. Built in one array of
     * the exact size: the sources are already UTF-8 JSON and are copied once, into the request.
     */
    static byte[] body(List<IndexOperation> operations) {
        byte[][] actions = new byte[operations.size()][];
        int size = 0;
        for (int i = 0; i < operations.size(); i++) {
            actions[i] = action(operations.get(i));
            size += actions[i].length + operations.get(i).source().length + 2;
        }
        byte[] body = new byte[size];
        int at = 0;
        for (int i = 0; i < operations.size(); i++) {
            byte[] source = operations.get(i).source();
            System.arraycopy(actions[i], 0, body, at, actions[i].length);
            at += actions[i].length;
            body[at++] = '\n';
            System.arraycopy(source, 0, body, at, source.length);
            at += source.length;
            body[at++] = '\n';
        }
        return body;
    }

    /**
     * The action line of a document: {@code index} into its alias (which must exist) or the concrete index that
     * holds it, with its id and external version.
     */
    static byte[] action(IndexOperation operation) {
        StringBuilder action = new StringBuilder(160).append("{\"index\":{\"_index\":\"");
        QUOTER.quoteAsString(operation.target(), action);
        action.append("\",\"_id\":\"");
        QUOTER.quoteAsString(operation.id(), action);
        action.append("\",\"version\":").append(operation.version()).append(",\"version_type\":\"external_gte\"");
        if (operation.index() == null) {
            // Never let a write through a missing alias create a concrete index of that name with no mapping.
            action.append(",\"require_alias\":true");
        }
        return action.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode errorOf(String body) {
        try {
            return JSON.readTree(body).path("error");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return JsonNodeFactory.instance.textNode(abbreviate(body));
        }
    }

    /** "type: reason (caused by type: reason)", as Elasticsearch gives it. */
    static String errorText(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        StringBuilder text = new StringBuilder();
        text.append(error.path("type").asText("error")).append(": ").append(error.path("reason").asText(""));
        JsonNode cause = error.path("caused_by");
        if (cause.isObject()) {
            text.append(" (caused by ").append(cause.path("type").asText("")).append(": ")
                    .append(cause.path("reason").asText("")).append(')');
        }
        return abbreviate(text.toString());
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 1000 ? text : text.substring(0, 1000) + "...";
    }
}
