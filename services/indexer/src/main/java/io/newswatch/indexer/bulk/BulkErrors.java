package io.newswatch.indexer.bulk;

import java.util.Map;

/**
 * Who caused a refused write: the document itself, or the cluster. Only what the document caused may go to the
 * dead-letter topic; what the cluster causes (a missing privilege, a write block, a closed index, a disk watermark,
 * an alias without a write index, shards unavailable) passes once an operator or Elasticsearch fixes it, and the
 * document must then be indexed: it is retried, never dead-lettered.
 *
 * <p>Elasticsearch's error type decides first (the same block comes as 403, 429 or 503 depending on its level);
 * then the status: 401, 403 and 404 are about rights and indices, never about one document's content; 429, 408 and
 * 5xx are load and availability. What is left (400, 413 and other 4xx: a value its field cannot hold, malformed
 * JSON, an immense term, an id too long) is the document's fault.
 */
public final class BulkErrors {

    /** Error types that say the cluster refused the write, by retry reason (the metrics' {@code reason} tag). */
    private static final Map<String, String> CLUSTER_CAUSED = Map.ofEntries(
            Map.entry("cluster_block_exception", "blocked"),
            Map.entry("index_closed_exception", "index_closed"),
            Map.entry("security_exception", "forbidden"),
            Map.entry("index_not_found_exception", "alias_missing"),
            Map.entry("es_rejected_execution_exception", "overloaded"),
            Map.entry("circuit_breaking_exception", "overloaded"),
            Map.entry("unavailable_shards_exception", "unavailable"),
            Map.entry("no_shard_available_action_exception", "unavailable"),
            Map.entry("primary_missing_action_exception", "unavailable"),
            Map.entry("shard_not_found_exception", "unavailable"),
            Map.entry("node_not_connected_exception", "unavailable"),
            Map.entry("node_closed_exception", "unavailable"),
            Map.entry("master_not_discovered_exception", "unavailable"),
            Map.entry("process_cluster_event_timeout_exception", "unavailable"));
    /** An alias whose write index was unset (a rollover gone half-way, an operator's change): 400 all the same. */
    private static final String NO_WRITE_INDEX = "no write index is defined";

    private BulkErrors() {
    }

    /** What to do with one refused write. */
    public sealed interface Verdict permits Stale, Retry, Reject {
    }

    /** A newer version of the document is already indexed: nothing to do. */
    public record Stale() implements Verdict {
    }

    /** Caused by the cluster or passing: retry, counted under {@code reason}. */
    public record Retry(String reason) implements Verdict {
    }

    /** Caused by the document: it will never be indexed as it is. */
    public record Reject() implements Verdict {
    }

    /**
     * The verdict on a refused write.
     *
     * @param status      the HTTP status of the item (or of the whole request)
     * @param type        Elasticsearch's error type, "" when there is none
     * @param reason      Elasticsearch's error reason, "" when there is none
     * @param wholeRequest whether Elasticsearch refused the whole request rather than one item of it
     */
    public static Verdict classify(int status, String type, String reason, boolean wholeRequest) {
        if (status == 409 && type.equals("version_conflict_engine_exception")) {
            return new Stale();
        }
        String clusterReason = CLUSTER_CAUSED.get(type);
        if (clusterReason != null) {
            // The service's own credentials refused as a whole are an authentication problem, not a privilege one.
            return new Retry(wholeRequest && clusterReason.equals("forbidden") ? "auth" : clusterReason);
        }
        if (type.equals("illegal_argument_exception") && reason.startsWith(NO_WRITE_INDEX)) {
            return new Retry("no_write_index");
        }
        if (status == 429) {
            return new Retry("overloaded");
        }
        if (status >= 500 || status == 408) {
            return new Retry("server_error");
        }
        if (status == 401 || status == 403) {
            return new Retry(wholeRequest ? "auth" : "forbidden");
        }
        if (status == 404) {
            return new Retry("alias_missing");
        }
        return new Reject();
    }
}
