package io.newswatch.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A server of the local stack: started detached, probed for health, stopped from its pid file. */
interface LocalServer {

    /** Short name, also the name of its pid and log files. */
    String name();

    /** Where clients reach it. */
    String address();

    /** The ports it needs free (or already serving it). */
    List<Integer> ports();

    /** Starts it, detached; returns without waiting for health. */
    void start();

    /** Answers like a healthy server of this kind. */
    boolean healthy();

    /** How long it may take to become healthy on a slow, busy machine. */
    Duration startupTimeout();

    /** Its pid file. */
    Path pidFile();

    /** Its data folder. */
    Path data();

    /** Its log, shown when it does not come up. */
    Path log();

    /** The CPU priority it is lowered to once healthy: {@code NEWSWATCH_<NAME>_NICE}, else normal. */
    default CpuPriority priority() {
        return CpuPriority.of(name());
    }
}
