package io.newswatch.poller.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness towards each host: at most N requests in flight, a minimum delay between the starts of two requests,
 * and no request at all while the host has asked us to wait ({@code Retry-After} on 429 or 503). Feeds and article
 * pages of one host share these limits.
 */
public final class HostPoliteness {

    /** Waits; {@link Thread#sleep(Duration)} outside tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** No limits but {@code Retry-After}, for the command-line tools. */
    public static HostPoliteness unlimited(Clock clock) {
        return new HostPoliteness(Integer.MAX_VALUE, Duration.ZERO, Duration.ofMinutes(1), clock, Thread::sleep);
    }

    private static final int FORGET_ABOVE = 10_000;

    private final int maxConcurrent;
    private final Duration minDelay;
    private final Duration maxBlock;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /**
     * @param maxConcurrent requests in flight to one host at most
     * @param minDelay      shortest time between the starts of two requests to one host
     * @param maxBlock      longest wait a host can impose with {@code Retry-After}
     */
    public HostPoliteness(int maxConcurrent, Duration minDelay, Duration maxBlock, Clock clock, Sleeper sleeper) {
        this.maxConcurrent = maxConcurrent;
        this.minDelay = minDelay;
        this.maxBlock = maxBlock;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** A request slot for one host; close it when the request is done. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits for a slot on the host and for its turn, then returns the slot.
     *
     * @throws InterruptedException when interrupted while waiting (the slot is not taken)
     */
    public Permit acquire(String hostName) throws InterruptedException {
        Host host = host(hostName);
        host.permits.acquire();
        try {
            Duration wait = host.reserveStart(clock.instant(), minDelay);
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
        } catch (InterruptedException e) {
            host.permits.release();
            throw e;
        }
        return host.permits::release;
    }

    /**
     * The host asked us to wait ({@code Retry-After}): no request to it starts before the wait is over.
     *
     * @return the wait actually imposed: the one asked for, capped
     */
    public Duration block(String hostName, Duration wait) {
        Duration capped = wait.compareTo(maxBlock) > 0 ? maxBlock : wait;
        host(hostName).blockUntil(clock.instant().plus(capped));
        return capped;
    }

    /** When the next request to the host may start, as far as is known now. */
    public Instant nextStart(String hostName) {
        return host(hostName).nextStart();
    }

    private Host host(String hostName) {
        String key = hostName == null ? "" : hostName.toLowerCase(Locale.ROOT);
        if (hosts.size() > FORGET_ABOVE) {
            Instant now = clock.instant();
            hosts.values().removeIf(host -> host.idleSince(now));
        }
        return hosts.computeIfAbsent(key, k -> new Host(maxConcurrent));
    }

    private static final class Host {
        final Semaphore permits;
        final int size;
        Instant nextStart = Instant.MIN;
        Instant blockedUntil = Instant.MIN;

        Host(int size) {
            this.size = size;
            this.permits = new Semaphore(size, true);
        }

        synchronized Duration reserveStart(Instant now, Duration minDelay) {
            Instant start = max(now, max(nextStart, blockedUntil));
            nextStart = start.plus(minDelay);
            return Duration.between(now, start);
        }

        synchronized void blockUntil(Instant until) {
            blockedUntil = max(blockedUntil, until);
        }

        synchronized Instant nextStart() {
            return max(nextStart, blockedUntil);
        }

        synchronized boolean idleSince(Instant now) {
            return permits.availablePermits() == size && !nextStart.isAfter(now) && !blockedUntil.isAfter(now);
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
