package io.newswatch.indexer.index;

import io.newswatch.contract.BadEventException;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.BulkIndexer;
import io.newswatch.indexer.bulk.IndexOperation;
import io.newswatch.indexer.bulk.IndexingMetrics;
import io.newswatch.indexer.bulk.Sleeper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexes one batch of records of a topic into its alias, and returns only when every record is durable: indexed
 * (or already there in a newer version) or in the dead-letter topic. The Kafka handler acknowledges the batch
 * after this returns, so no offset is ever committed past a record that is in neither place.
 */
public final class TopicIndexer {

    private static final Logger LOG = Logger.getLogger(TopicIndexer.class);

    private final DocumentMapper mapper;
    private final Placement placement;
    private final BulkIndexer bulk;
    private final DeadLetter.Sink deadLetters;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final IndexingMetrics metrics;
    private final Gate ready;
    private final BulkCombiner combiner;

    /** Decides which concrete index each document is written to (see {@code IndexPlacement}). */
    @FunctionalInterface
    public interface Placement {
        /**
         * The operations, each pointed at the index its document already lives in, if that is not the write index.
         *
         * @throws IOException when Elasticsearch cannot be asked; the caller retries
         */
        List<IndexOperation> place(List<IndexOperation> operations) throws IOException;
    }

    /** Something to wait for before the first write: the schema's installation. */
    @FunctionalInterface
    public interface Gate {
        void await() throws InterruptedException;
    }

    /**
     * @param requestsInFlight how many bulk requests may be under way at once; batches that arrive while they all
     *                         are wait and are written together in the next free one ({@link BulkCombiner})
     */
    public TopicIndexer(DocumentMapper mapper, Placement placement, BulkIndexer bulk, DeadLetter.Sink deadLetters,
                        Backoff backoff, Sleeper sleeper, IndexingMetrics metrics, Gate ready, int requestsInFlight) {
        this.mapper = mapper;
        this.placement = placement;
        this.bulk = bulk;
        this.deadLetters = deadLetters;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.ready = ready;
        this.combiner = new BulkCombiner(this::write, requestsInFlight, bulk.maxBytes());
    }

    /**
     * Indexes the records. Several threads may call this at once: their documents then share bulk requests.
     *
     * @return what became of them
     * @throws InterruptedException when the service shuts down before they are durable: do not acknowledge them
     */
    public BulkIndexer.Result index(List<SourceRecord> records) throws InterruptedException {
        ready.await();
        List<IndexOperation> operations = new ArrayList<>(records.size());
        List<SourceRecord> origins = new ArrayList<>(records.size());
        List<Instant> times = new ArrayList<>(records.size());
        List<DeadLetter> letters = new ArrayList<>();
        for (SourceRecord record : records) {
            try {
                DocumentMapper.Mapped mapped = mapper.map(record.key(), record.value());
                operations.add(mapped.operation());
                origins.add(record);
                times.add(mapped.origin());
            } catch (BadEventException e) {
                letters.add(new DeadLetter(record, "undecodable event", e.getMessage()));
            } catch (RuntimeException e) {
                // A value the mapping cannot take is this record's problem, not the batch's.
                letters.add(new DeadLetter(record, "cannot build the document", e.toString()));
            }
        }
        BulkIndexer.Result result = operations.isEmpty() ? BulkIndexer.Result.NONE : combiner.write(operations);
        boolean[] rejected = new boolean[operations.size()];
        for (BulkIndexer.Rejection rejection : result.rejected()) {
            rejected[rejection.position()] = true;
            SourceRecord record = origins.get(rejection.position());
            LOG.warnf("Elasticsearch rejected document %s from %s-%d@%d (%s); its reason is in the dead letter",
                    operations.get(rejection.position()).id(), record.topic(), record.partition(), record.offset(),
                    rejection.kind());
            letters.add(new DeadLetter(record, "rejected by Elasticsearch", rejection.reason()));
        }
        publish(letters);
        for (int i = 0; i < operations.size(); i++) {
            if (!rejected[i]) {
                metrics.fresh(times.get(i));
            }
        }
        return result;
    }

    /** Writes the documents of one or more batches: placed, then in bulk. */
    private BulkIndexer.Result write(List<IndexOperation> operations) throws InterruptedException {
        BulkIndexer.Result result = bulk.index(placed(operations));
        metrics.written(result.indexed(), result.stale());
        return result;
    }

    private List<IndexOperation> placed(List<IndexOperation> operations) throws InterruptedException {
        return retrying(() -> placement.place(operations), "unreachable",
                "look up where " + operations.size() + " documents of " + operations.getFirst().alias() + " live");
    }

    private void publish(List<DeadLetter> letters) throws InterruptedException {
        if (letters.isEmpty()) {
            return;
        }
        retrying(() -> {
            deadLetters.publish(letters);
            return null;
        }, "dead_letter_topic", "send " + letters.size() + " dead letters");
        metrics.deadLettered(letters.size());
    }

    /** An attempt that may fail transiently. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws Exception;
    }

    /** Runs the attempt until it succeeds, with backoff between failures, counted under {@code reason}. */
    private <T> T retrying(Attempt<T> attempt, String reason, String what) throws InterruptedException {
        for (int failures = 0; ; ) {
            try {
                T result = attempt.run();
                if (failures > 0) {
                    metrics.recovered();
                }
                return result;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures++;
                // no answer within newswatch.indexer.request-timeout: counted apart from refused connections
                String kind = e instanceof SocketTimeoutException ? "timeout" : reason;
                metrics.retry(kind, String.valueOf(e.getMessage()));
                Duration delay = backoff.delay(failures);
                LOG.warnf("Cannot %s yet (%s, attempt %d): %s; retry in %d ms, consumption paused meanwhile", what,
                        kind, failures, e.getMessage(), delay.toMillis());
                sleeper.sleep(delay);
            }
        }
    }
}
