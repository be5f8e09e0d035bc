package io.newswatch.indexer.kafka;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Stops a channel's fetching while its workers are all busy, and starts it again once half of them are free: the
 * indexer's backpressure when Elasticsearch is slower than Kafka (a backlog, or Elasticsearch away).
 *
 * <p>Why not the connector's own pause alone: SmallRye's Kafka connector (4.33) pauses a channel once its queue holds
 * {@code max-queue-size-factor} batches and then, until the queue is empty, calls {@code poll(0)} every 2 ms, five
 * hundred polls a second that return nothing (docs/perf/README.md, sessions 16 and 17). This gate pauses the
 * partitions on the consumer itself, before the connector's queue fills, so the connector's loop stays in its ordinary
 * {@code poll(poll-timeout)}, which waits on paused partitions instead of returning at once. The connector's pause
 * stays as the bound of last resort ({@code max-queue-size-factor} above what this gate lets through).
 *
 * <p>Pausing and resuming only stop and start fetching; offsets are untouched, so nothing is lost or skipped. Calls
 * come from the channel's worker threads; {@link Partitions} runs them, in call order, on the consumer's own thread.
 */
final class FetchGate {

    /** Pauses or resumes every partition assigned to the channel's consumer. */
    interface Partitions {
        void pause();

        void resume();
    }

    private final Partitions partitions;
    private final int pauseAt;
    private final int resumeAt;
    private int inFlight;
    private boolean paused;
    private long pauses;

    /**
     * @param workers batches the channel's handler takes at once: fetching stops when all of them hold one and starts
     *                again when at most half of them do (none, for a single worker)
     */
    FetchGate(Partitions partitions, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.partitions = partitions;
        this.pauseAt = workers;
        this.resumeAt = workers / 2;
    }

    /**
     * The gate of an incoming channel's Kafka consumer, counted as
     * {@code newswatch_indexer_fetch_pauses_total{index=CHANNEL}}.
     */
    static FetchGate forChannel(KafkaClientService kafka, String channel, int workers, MeterRegistry registry) {
        FetchGate gate = new FetchGate(new ChannelPartitions(kafka, channel), workers);
        FunctionCounter.builder("newswatch.indexer.fetch.pauses", gate, FetchGate::pauses)
                .description("Times the channel's fetching stopped because every worker held a batch")
                .tag("index", channel).register(registry);
        return gate;
    }

    /**
     * A worker took a batch. While every worker holds one the partitions are paused again at each batch taken: the
     * connector resumes all of them once its own queue is empty (when it had paused them itself), which may be while
     * this gate holds them.
     */
    synchronized void started() {
        inFlight++;
        if (inFlight >= pauseAt) {
            if (!paused) {
                paused = true;
                pauses++;
            }
            partitions.pause();
        }
    }

    /** A worker is done with its batch, however it ended. */
    synchronized void finished() {
        inFlight--;
        if (paused && inFlight <= resumeAt) {
            paused = false;
            partitions.resume();
        }
    }

    synchronized boolean paused() {
        return paused;
    }

    /** How many times fetching was stopped. */
    synchronized long pauses() {
        return pauses;
    }
}
