package io.newswatch.indexer.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The indexer's settings ({@code newswatch.indexer.*}, or {@code NEWSWATCH_INDEXER_*}). Where to find Kafka and
 * Elasticsearch is configured as in every service ({@code kafka.bootstrap.servers}, {@code newswatch.elasticsearch.*});
 * the Kafka channels themselves are configured in {@code application.properties}, which reads {@link Kafka}.
 */
@ConfigMapping(prefix = "newswatch.indexer")
public interface IndexerConfig {

    /** How documents are sent to Elasticsearch. */
    Bulk bulk();

    /** How transient failures (Elasticsearch away, overloaded, failing) are retried. */
    Retry retry();

    /** When the indices behind the aliases are rolled over. */
    Rollover rollover();

    /** How long articles and alerts are kept: rolled-over indices past their period are deleted. */
    Retention retention();

    /** Fetching of the articles channel. */
    Kafka kafka();

    /**
     * The longest the indexer waits for one answer of Elasticsearch (a bulk request, an alias lookup, a schema or
     * rollover call), from asking the pool for a connection to the last byte of the answer. Past it the request is
     * cancelled, counted as a retry with reason {@code timeout}, logged, and sent again after the backoff; its
     * documents stay uncommitted meanwhile. Elasticsearch may still carry out the abandoned request: the documents'
     * ids and external versions make the second write land on the same documents, but it costs Elasticsearch that
     * work again. So it is as long as the client's socket timeout, which bounded a silent Elasticsearch before: a
     * slow but working node is waited for as before (1,000 documents took 17-22 s on a starved, niced one), a stalled
     * one is given up on after a minute, logged and retried. 30 s was too short on a machine at load 40: requests of
     * 4 documents timed out ten times over (docs/perf/README.md, session 13).
     */
    @WithDefault("60s")
    Duration requestTimeout();

    /** Bulk requests. */
    interface Bulk {
        /**
         * Largest body of one bulk request; a Kafka batch larger than this is sent as several requests. Elastic
         * advises 5 to 15 MB; larger requests gain nothing and cost heap on both sides.
         */
        @WithDefault("8M")
        MemorySize maxBytes();

        /**
         * Before writing, ask the alias which of the batch's ids already live in an older (rolled-over) index, and
         * update them there, so that an article stays one document across a rollover. Only the alias's older
         * indices are searched, and only when there are any.
         */
        @WithDefault("true")
        boolean updateInPlace();

        /**
         * How long the alias's older indices, once read ({@code GET /_alias}, about 1.7 ms of Elasticsearch's CPU), serve
         * further bulk requests. This instance's own rollover forgets them at once; another instance's rollover is
         * seen within this time (a revision of an article from before it, written in that time, would become a second
         * document). 0 reads them before every bulk request.
         */
        @WithDefault("1s")
        Duration aliasMaxAge();

        /**
         * How many bulk requests of one index may be under way at once. Batches mapped while they all are wait, and
         * the next free request takes all of them together (up to {@link #maxBytes()}): one request per batch at a
         * low rate, fewer and larger requests under a backlog.
         */
        @WithDefault("2")
        int requestsInFlight();
    }

    /** Retries of transient failures: capped exponential backoff with jitter, for as long as the failure lasts. */
    interface Retry {
        /** Delay before the first retry. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /** Longest delay between two attempts. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    /** Rollover of the articles and alerts aliases to a fresh index. */
    interface Rollover {
        /** Whether this indexer checks the rollover conditions at all (one instance is enough; several are safe). */
        @WithDefault("true")
        boolean enabled();

        /** How often the conditions are checked. */
        @WithDefault("5m")
        Duration checkInterval();

        /** Roll over when the write index is older than this. */
        @WithDefault("30d")
        Duration maxAge();

        /** Roll over when the write index's primary shard is larger than this (Elastic advises 10 to 50 GB). */
        @WithDefault("20G")
        MemorySize maxPrimaryShardSize();

        /** Roll over when the write index holds this many documents; unset: no document limit. */
        Optional<Long> maxDocs();
    }

    /**
     * Deletion of whole rolled-over indices once they are past their period, counted from their rollover (the time
     * an index stopped taking new documents), so a document is kept at least the period and at most the period plus
     * the rollover age. The write index is never deleted.
     */
    interface Retention {
        /** Whether old indices are deleted at all; false keeps every index forever. */
        @WithDefault("true")
        boolean enabled();

        /** How long an articles index is kept after its rollover. */
        @WithDefault("365d")
        Duration articles();

        /** How long an alerts index is kept after its rollover. */
        @WithDefault("730d")
        Duration alerts();

        /**
         * Who deletes: {@code auto} (Elasticsearch's ILM where the cluster has it, the indexer where it does not),
         * {@code ilm}, or {@code indexer}.
         */
        @WithDefault("auto")
        Mode mode();

        /** How often the indices are checked (and, with ILM, the policy and the indices' lifecycle kept in place). */
        @WithDefault("1h")
        Duration checkInterval();

        /** Who deletes the indices past their period. */
        enum Mode {
            /** ILM where the cluster has it, else the indexer. */
            AUTO,
            /** Elasticsearch's index lifecycle management: deletion goes on while the indexer is down. */
            ILM,
            /** The indexer itself, at every check. */
            INDEXER
        }
    }

    /**
     * How the channels fetch, read by their settings in {@code application.properties} (which repeat these
     * defaults, {@code KafkaSettingsTest}): a batch is what one poll returns, so these decide the size of bulk
     * requests under load.
     */
    interface Kafka {
        /** Most records in one batch (Kafka's {@code max.poll.records}); chosen by the benchmark. */
        @WithDefault("1000")
        int maxPollRecords();

        /**
         * Kafka's {@code fetch.min.bytes}: a fetch waits for this much (compressed) data, so that at a steady 100
         * articles/s a batch holds tens of articles rather than a few; each bulk request and each batch has
         * a cost of its own in Elasticsearch and here (the ElasticsearchCostBenchmark). 1 adds no latency. The
         * alerts channel fetches the same way.
         */
        @WithDefault("65536")
        int fetchMinBytes();

        /**
         * Kafka's {@code fetch.max.wait.ms} of the articles channel, when {@link #fetchMinBytes()} has not arrived
         * yet: the most a quiet stream's article waits before it is indexed, and how often the idle channel asks.
         * 250 ms: at 100 articles/s the articles' fetches fill 64 KiB in about that time; 1 s left the indexer behind
         * in the whole-pipeline bench of session 9 (docs/perf/README.md, sessions 9 and 10).
         */
        @WithDefault("250")
        int fetchMaxWaitMs();

        /**
         * Kafka's {@code fetch.max.wait.ms} of the alerts channel. 1 s: alerts are fewer than articles, so their
         * fetches never fill {@link #fetchMinBytes()} at 100 articles/s and ran to the wait, one small bulk request
         * each; at 1 s a quarter of the requests and of the idle channel's fetches (docs/perf/README.md, session 16).
         * No reader waits for it: the alerter's {@code GET /alerts} merges the alerts it holds in memory, and a search
         * finds an alert after the 5 s refresh anyway.
         */
        @WithDefault("1000")
        int alertsFetchMaxWaitMs();

        /** Kafka's {@code max.partition.fetch.bytes}: room for a full batch of 3 KB articles from one partition. */
        @WithDefault("4194304")
        int maxPartitionFetchBytes();

        /**
         * How many article batches the indexer takes from Kafka at once: each is decoded and mapped on a thread of
         * its own, and those that arrive while {@link Bulk#requestsInFlight()} requests are under way wait and share
         * the next one. More than the requests in flight is what lets a backlog make larger requests.
         */
        @WithDefault("8")
        int batchesInFlight();
    }
}
