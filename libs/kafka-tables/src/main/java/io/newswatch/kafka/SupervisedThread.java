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
 * consumer up, cuts a pause short and waits for the thread to end; it never interrupts the thread while a Kafka client
 * works (a consumer closed by an interrupted thread cannot leave its group or close its fetch sessions cleanly).
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
    private final Consumer<String> onFailure;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile String lastFailure;
    private volatile boolean closed;
    /** In a {@link #pause}, the only time a close interrupts the thread. */
    private volatile boolean pausing;
    private volatile KafkaConsumer<?, ?> consumer;
    private Thread thread;

    /**
     * @param pauses    how the thread waits (tests record the pauses instead)
     * @param onFailure told why the work failed, before the pause (for the owner's health)
     */
    SupervisedThread(String name, Work work, TopicTable.Pauses pauses, Consumer<String> onFailure) {
        this.name = name;
        this.work = work;
        this.pauses = pauses;
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
            if (pausing) {
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
            try {
                pause(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = longer(pause);
        }
    }

    /**
     * Waits, unless closed meanwhile: a close cuts the pause short.
     *
     * @throws InterruptedException when closed (the thread's interrupt flag is then clear)
     */
    void pause(Duration duration) throws InterruptedException {
        pausing = true;
        try {
            if (!closed) {
                pauses.pause(duration);
            }
        } finally {
            pausing = false;
        }
        if (closed) {
            Thread.interrupted(); // a close that came as the pause ended: the Kafka client must not see it
            throw new InterruptedException(name + " was closed");
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
