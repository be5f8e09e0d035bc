package io.newswatch.poller.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness towards each host: at most N requests in flight, a minimum delay between the starts of two requests,
 * and no request at all while the host has asked us to wait ({@code Retry-After} on 429 or 503). Feeds and article
 * pages of one host share these limits. Nothing waits longer than the request may: a request to a host that asked
 * us to wait fails at once ({@link FetchException.Kind#THROTTLED}, with the time the host is free again, so that
 * its feed is polled then), and one that would wait for a slot or its turn past its deadline fails at once too.
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
     * Waits for a slot on the host and for its turn, at most {@code maxWait}, then returns the slot.
     *
     * @throws FetchException       {@link FetchException.Kind#THROTTLED} when the host asked us to wait and the wait
     *                              is not over; {@link FetchException.Kind#TIMEOUT} when the slot or the turn would
     *                              come after {@code maxWait}
     * @throws InterruptedException when interrupted while waiting (the slot is not taken)
     */
    public Permit acquire(String hostName, Duration maxWait) throws FetchException, InterruptedException {
        Host host = host(hostName);
        Instant blocked = host.blockedUntil();
        Instant now = clock.instant();
        if (blocked.isAfter(now)) {
            throw FetchException.throttled(hostName + " asked us to wait until " + blocked
                    + " (Retry-After); not contacted before", Duration.between(now, blocked));
        }
        long started = System.nanoTime();
        if (!host.permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "no free request slot for " + hostName + " within "
                    + seconds(maxWait) + " (" + maxConcurrent + " requests in flight to it)");
        }
        try {
            Duration left = maxWait.minusNanos(System.nanoTime() - started);
            Duration wait = host.reserveStart(clock.instant(), minDelay, left);
            if (wait == null) {
                throw new FetchException(FetchException.Kind.TIMEOUT, "too many requests queued for " + hostName
                        + " to start within " + seconds(maxWait));
            }
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
        } catch (InterruptedException | FetchException | RuntimeException e) {
            host.permits.release();
            throw e;
        }
        return host.permits::release;
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
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

        /** The wait before this request may start, reserved; null (nothing reserved) when longer than {@code max}. */
        synchronized Duration reserveStart(Instant now, Duration minDelay, Duration max) {
            Instant start = max(now, max(nextStart, blockedUntil));
            Duration wait = Duration.between(now, start);
            if (wait.compareTo(max) > 0) {
                return null;
            }
            nextStart = start.plus(minDelay);
            return wait;
        }

        synchronized Instant blockedUntil() {
            return blockedUntil;
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
