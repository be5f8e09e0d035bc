package io.newswatch.alerter.kafka;

import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;

/**
 * A Kafka consumer with a thread of its own (a consumer is not thread-safe): {@link #start()} runs {@link #run()}
 * on a daemon thread; {@link #close()} wakes the consumer up and waits for the thread to end.
 */
public abstract class ConsumerLoop implements AutoCloseable {

    private final String threadName;
    private volatile boolean closed;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    protected ConsumerLoop(String threadName) {
        this.threadName = threadName;
    }

    /** Starts the loop, once. */
    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
        }
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
