package io.newswatch.poller.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the response bodies held at once within the heap. A body of up to {@link #SMALL} bytes (almost every
 * feed and page) needs nothing; a larger one, as raw or as decompressed bytes, needs one of a few large-body
 * places, held until whoever reads the body is done with it ({@link Lease#close()}, after parsing or extraction),
 * and waited for no longer than the request may take. So the heap needed is bounded by the number of polls times
 * {@link #SMALL} plus the places times the largest body, whatever the hosts send (see
 * {@code io.newswatch.poller.config.HeapPlan}).
 */
public final class BodyMemory {

    /** Largest body that needs no large-body place: 256 KiB. */
    public static final long SMALL = 256 * 1024;

    private final int largeBodies;
    private final Semaphore places;
    private volatile int mostInUse;

    /** @param largeBodies bodies larger than {@link #SMALL} held at once at most */
    public BodyMemory(int largeBodies) {
        this.largeBodies = largeBodies;
        this.places = new Semaphore(largeBodies, true);
    }

    /** No limit: for the command-line tools, which fetch one thing at a time. */
    public static BodyMemory unlimited() {
        return new BodyMemory(Integer.MAX_VALUE / 2);
    }

    /** A claim for one response's body; close it when the body is no longer needed. */
    public Lease lease() {
        return new Lease();
    }

    public int largeBodies() {
        return largeBodies;
    }

    /** Large bodies held at once at most since the start (for tests and metrics). */
    public int mostInUse() {
        return mostInUse;
    }

    /** One response's claim: nothing until its body grows past {@link #SMALL}, then one large-body place. */
    public final class Lease implements AutoCloseable {

        private boolean holding;

        private Lease() {
        }

        /**
         * The body has grown to {@code size} bytes: takes a large-body place when it passes {@link #SMALL}.
         *
         * @throws FetchException {@link FetchException.Kind#TIMEOUT} when no place frees up before the deadline
         */
        void grow(long size, long deadlineNanos, String host) throws FetchException, InterruptedException {
            if (size <= SMALL || holding) {
                return;
            }
            long wait = Math.max(0, deadlineNanos - System.nanoTime());
            if (!places.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                throw new FetchException(FetchException.Kind.TIMEOUT, "the body from " + host + " is larger than "
                        + SMALL / 1024 + " KiB and the " + largeBodies + " place(s) for large bodies stayed taken "
                        + "until the request's time was up");
            }
            holding = true;
            int inUse = largeBodies - places.availablePermits();
            if (inUse > mostInUse) {
                mostInUse = inUse;
            }
        }

        /** Gives the place back, if one was taken. Idempotent. */
        @Override
        public synchronized void close() {
            if (holding) {
                holding = false;
                places.release();
            }
        }
    }
}
