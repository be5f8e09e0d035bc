package io.newswatch.contract.kafka;

import java.util.Set;

/**
 * Headers on a dead letter; {@link DeadLetter} is the envelope that writes and reads them. They are the names
 * SmallRye Reactive Messaging's dead-letter strategy writes, so a dead letter looks the same whether the framework
 * or a service's own code sent it.
 */
public final class DeadLetterHeaders {

    /** Why the message could not be processed, for a human. */
    public static final String REASON = "dead-letter-reason";
    /** The exception's message, when there was one. */
    public static final String CAUSE = "dead-letter-cause";
    /** The topic the message came from. */
    public static final String TOPIC = "dead-letter-topic";
    /** Its partition there. */
    public static final String PARTITION = "dead-letter-partition";
    /** Its offset there. */
    public static final String OFFSET = "dead-letter-offset";
    /** The service that gave up on it ("indexer"). */
    public static final String SERVICE = "newswatch-service";
    /** Every header a dead letter adds to the original record starts with this (SmallRye adds class names too). */
    public static final String PREFIX = "dead-letter-";

    /**
     * On a record that {@code ./newswatch dlq replay} put back on its topic: the dead letter it came from
     * ({@code DLQ-TOPIC:PARTITION:OFFSET}).
     */
    public static final String REPLAYED_FROM = "newswatch-replayed-from";
    /**
     * On a replay marker, a record without value that {@code ./newswatch dlq replay} writes to the dead-letter
     * topic, in the partition of the letter it replayed: that letter ({@code PARTITION:OFFSET}). A letter with a
     * marker is not replayed again unless asked.
     */
    public static final String REPLAY_MARKER = "newswatch-replay-marker";

    /** Every header of the envelope ({@link DeadLetter}). */
    public static final Set<String> ALL = Set.of(REASON, CAUSE, TOPIC, PARTITION, OFFSET, SERVICE);

    private DeadLetterHeaders() {
    }
}
