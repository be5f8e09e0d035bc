package io.newswatch.launcher;

import io.newswatch.contract.kafka.DeadLetterHeaders;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One record of the dead-letter topic: the original key, value and headers, and the dead-letter headers that say
 * why, where from and who gave up on it; with the replays recorded for it.
 *
 * @param partition its partition in the dead-letter topic
 * @param offset    its offset there
 * @param timestamp when it was dead-lettered
 * @param key       the original key, null when there was none
 * @param value     the original value, null when there was none
 * @param headers   all its headers, dead-letter ones included
 * @param replays   when it was replayed, oldest first
 */
record DeadLetter(int partition, long offset, Instant timestamp, byte[] key, byte[] value, List<Header> headers,
                  List<Instant> replays) {

    /** {@code PARTITION:OFFSET}, the id that {@code show} and {@code replay} take. */
    String id() {
        return partition + ":" + offset;
    }

    /** The last value of a header, as text; null when absent. */
    String header(String name) {
        String value = null;
        for (Header header : headers) {
            if (header.key().equals(name)) {
                value = header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    /** The topic the record came from; null when the letter does not say. */
    String sourceTopic() {
        return header(DeadLetterHeaders.TOPIC);
    }

    /** Why it was dead-lettered, with the detail when there is one. */
    String reason() {
        String reason = header(DeadLetterHeaders.REASON);
        String cause = header(DeadLetterHeaders.CAUSE);
        String text = reason == null ? "(no reason given)" : reason;
        return cause == null || cause.isBlank() || cause.equals(reason) ? text : text + ": " + cause;
    }

    /** The service that gave up on it; "-" when the letter does not say (the framework's own dead letters). */
    String service() {
        String service = header(DeadLetterHeaders.SERVICE);
        return service == null || service.isBlank() ? "-" : service;
    }

    String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
