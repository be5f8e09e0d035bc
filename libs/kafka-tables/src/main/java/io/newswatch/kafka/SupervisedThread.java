package io.newswatch.kafka;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The daemon thread a Kafka consumer works on (a consumer is not thread-safe), started over whenever its work
 * fails: a Kafka failure is logged in one line, anything else (a listener's bug, a stack overflow) with its stack
 * trace; either is counted, reported to the owner, and the work runs again after a pause that doubles from one
 * second up to 30 s (back to one second after a run that lasted longer than that). {@link #close()} wakes the
 * consumer up and waits for the thread to end.
 */
final class SupervisedThread implements Supervised {

    private static final Logger LOG = Logger.getLogger(SupervisedThread.class);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration JOIN = Duration.ofSeconds(10);

    /** One run of the work: it returns once {@link #closed()}, and throws to be started over. */
    @FunctionalInterface
    interface Work {
        void run() throws InterruptedException;
    }

    private final String name;
    private final Work work;
    private final TopicTable.Pauses pauses;
    private final boolean interruptOnClose;
    private final Consumer<String> onFailure;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile String lastFailure;
    private volatile boolean closed;
    /** Between two runs: a close may interrupt the pause whatever {@link #interruptOnClose} says. */
    private volatile boolean pausing;
    private volatile KafkaConsumer<?, ?> consumer;
    private Thread thread;

    /**
     * @param interruptOnClose whether a close interrupts the thread while it works (a group member is not, so that
     *                         its consumer leaves the group cleanly); a pause between two runs is always cut short
     * @param onFailure        told why the work failed, before the pause (for the owner's health)
     */
    SupervisedThread(String name, Work work, TopicTable.Pauses pauses, boolean interruptOnClose,
                     Consumer<String> onFailure) {
        this.name = name;
        this.work = work;
        this.pauses = pauses;
        this.interruptOnClose = interruptOnClose;
        this.onFailure = onFailure;
    }

    /** Starts the thread, once. */
    synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
        }
    }

    /** Registers the consumer the work uses now, so that {@link #close()} can wake it up. */
    <C extends KafkaConsumer<?, ?>> C using(C current) {
        consumer = current;
        return current;
    }

    boolean closed() {
        return closed;
    }

    /** True once the thread has ended (or never started). */
    synchronized boolean ended() {
        return thread == null || !thread.isAlive();
    }

    void close() {
        closed = true;
        KafkaConsumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            if (interruptOnClose || pausing) {
                running.interrupt();
            }
            try {
                running.join(JOIN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            long started = System.nanoTime();
            try {
                work.run();
                return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                if (closed) {
                    return;
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(LONGEST_PAUSE) > 0) {
                    pause = FIRST_PAUSE;
                }
                failed(e, pause);
            }
            pausing = true;
            try {
                if (closed) {
                    return;
                }
                pauses.pause(pause);
            } catch (InterruptedException e) {
                return;
            } finally {
                pausing = false;
            }
            pause = longer(pause);
        }
    }

    private void failed(Throwable e, Duration pause) {
        int count = restarts.incrementAndGet();
        lastFailure = e.toString();
        if (e instanceof KafkaException) {
            LOG.errorf("%s failed, starting over in %d s (failure %d): %s", name, pause.toSeconds(), count,
                    e.getMessage());
        } else {
            LOG.errorf(e, "%s failed, starting over in %d s (failure %d): %s", name, pause.toSeconds(), count, e);
        }
        onFailure.accept(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** The next pause: twice as long, at most {@link #LONGEST_PAUSE}. */
    static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized boolean isRunning() {
        return closed || thread == null || thread.isAlive();
    }

    @Override
    public int restarts() {
        return restarts.get();
    }

    @Override
    public String lastFailure() {
        return lastFailure;
    }
}
