package io.newswatch.kafka;

/**
 * How a thread that works a Kafka client ({@link TopicTable}, {@link PartitionOwnership}) is doing, for a liveness
 * check. Such a thread never dies quietly: when its work fails (Kafka away, or a bug in what a service does with
 * its records) the failure is logged, counted, and the work starts over after a pause.
 */
public interface Supervised {

    /** The thread's name ("table-newswatch.rules"). */
    String name();

    /**
     * True while the thread runs, before it starts and after a close: false only when it ended without being
     * closed, which only a restart of the process mends.
     */
    boolean isRunning();

    /** How often the work failed and started over. */
    int restarts();

    /** The latest failure that started the work over, or null. */
    String lastFailure();
}
