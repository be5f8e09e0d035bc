package io.newswatch.poller.poll;

import java.time.Duration;

/**
 * What one poll of one feed may do at most.
 *
 * @param rememberedItems items kept in a feed's ledger besides those still in the feed (the ones that left it
 *                        longest ago are forgotten first)
 * @param publishTimeout  longest wait for Kafka's acknowledgements of one poll's articles
 * @param wallTime        longest a poll may take (checked between steps)
 * @param cpuTime         most CPU time a poll may use (checked between steps)
 * @param maxItemsPerPoll new or changed items (each with its page fetch) handled in one poll; the others wait for
 *                        the next polls, newest first
 */
public record PollLimits(int rememberedItems, Duration publishTimeout, Duration wallTime, Duration cpuTime,
                         int maxItemsPerPoll) {

    /** The service's defaults (see {@code PollerConfig}). */
    public static PollLimits defaults() {
        return new PollLimits(500, Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(20), 100);
    }
}
