package io.newswatch.alerter.kafka;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kafka consumer with a thread of its own (a consumer is not thread-safe): {@link #start()} runs {@link #run()}
 * on a daemon thread; {@link #close()} wakes the consumer up and waits for the thread to end.
 *
 * <p>The thread never dies quietly: when {@link #run()} throws (a bug, a listener that fails, a stack overflow),
 * the failure is logged with its stack, counted ({@link #restarts()}, {@link #lastFailure()}) and the loop starts
 * again after {@link #RESTART_DELAY}, resuming where it was. {@link #isRunning()} is what liveness checks: false
 * only if the thread ended without being closed.
 */
public abstract class ConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    /** Wait before running the loop again after it failed. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(1);

    private final String threadName;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean closed;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile String lastFailure;
    private Thread thread;

    protected ConsumerLoop(String threadName) {
        this.threadName = threadName;
    }

    /** Starts the loop, once. */
    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name(threadName).daemon().start(this::loop);
        }
    }

    private void loop() {
        while (!closed) {
            try {
                run();
                return;
            } catch (RuntimeException | Error e) {
                failed(e);
            }
            try {
                Thread.sleep(RESTART_DELAY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void failed(Throwable e) {
        if (closed) {
            return;
        }
        restarts.incrementAndGet();
        lastFailure = e.toString();
        LOG.errorf(e, "The %s thread failed and starts again in %s (failure %d): %s", threadName, RESTART_DELAY,
                restarts.get(), e);
    }

    /** The loop: create consumers with {@link #using}, poll until {@link #isClosed()}. */
    protected abstract void run();

    /** Registers the consumer the loop works with now, so that {@link #close()} can wake it up. */
    protected KafkaConsumer<String, String> using(KafkaConsumer<String, String> current) {
        consumer = current;
        return current;
    }

    protected boolean isClosed() {
        return closed;
    }

    /** True while the loop's thread runs (or before it starts, or after a close): false means it died. */
    public synchronized boolean isRunning() {
        return closed || thread == null || thread.isAlive();
    }

    /** How often the loop failed and started again. */
    public int restarts() {
        return restarts.get();
    }

    /** The latest failure that restarted the loop, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** The thread's name. */
    public String name() {
        return threadName;
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
