package io.newswatch.console.live;

import io.newswatch.contract.Alert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The alerts raised since the console started, as they arrive: each new alert gets the next sequence number, is kept
 * in a bounded buffer (so that a page that connects or reconnects gets what it missed since a number) and is handed
 * to every subscriber. Later records of an alert (its delivery statuses) are not new alerts and are not passed on.
 * Plain logic, no Kafka: {@link AlertReader} feeds it. Thread-safe.
 */
public final class LiveAlerts {

    /** An alert with its place in the stream. */
    public record Live(long sequence, Alert alert) {
    }

    private static final int REMEMBERED_IDS = 20_000;

    private final int capacity;
    private final Deque<Live> buffer = new ArrayDeque<>();
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final List<Consumer<Live>> subscribers = new CopyOnWriteArrayList<>();
    private long sequence;

    /** @param capacity alerts kept for late subscribers */
    public LiveAlerts(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /** Takes a record of the alerts topic; true when it was a new alert (and went to the subscribers). */
    public boolean accept(Alert alert) {
        Live live;
        synchronized (this) {
            if (seen.put(alert.id(), Boolean.TRUE) != null) {
                return false;
            }
            live = new Live(++sequence, alert);
            buffer.addLast(live);
            if (buffer.size() > capacity) {
                buffer.removeFirst();
            }
            // delivered under the lock, so that a subscriber registering meanwhile sees each alert exactly once
            subscribers.forEach(subscriber -> subscriber.accept(live));
        }
        return true;
    }

    /** The number of the latest alert (0 before the first): a page rendered now asks for what comes after it. */
    public synchronized long latest() {
        return sequence;
    }

    /** Buffered alerts after a sequence number, oldest first. */
    public synchronized List<Live> after(long sequence) {
        List<Live> newer = new ArrayList<>();
        for (Live live : buffer) {
            if (live.sequence() > sequence) {
                newer.add(live);
            }
        }
        return newer;
    }

    /**
     * Hands the buffered alerts after {@code sequence}, then every new one, to {@code subscriber}, with no gap and
     * no repeat; returns what cancels the subscription.
     */
    public synchronized Runnable subscribe(long sequence, Consumer<Live> subscriber) {
        after(sequence).forEach(subscriber);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** How many pages are listening. */
    public int subscribers() {
        return subscribers.size();
    }
}
