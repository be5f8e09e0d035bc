package io.newswatch.contract.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dead-letter envelope: why a record was given up on, where it came from and who gave up. A dead letter is the
 * original record (key, value and headers) on the dead-letter topic with these {@link DeadLetterHeaders} added; the
 * one way every service writes it and every tool reads it.
 *
 * @param reason    why, for a human (never a secret: a channel is named by its label, a URL without credentials)
 * @param cause     the underlying error's message, or null
 * @param topic     the topic the record came from
 * @param partition its partition there
 * @param offset    its offset there (-1 when unknown)
 * @param service   the service that gave up on it ("indexer")
 */
public record DeadLetter(String reason, String cause, String topic, int partition, long offset, String service) {

    /** Longest reason or cause kept in a header: a dead letter explains, it does not carry a stack trace. */
    public static final int MAX_TEXT = 2_000;

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(service, "service");
        reason = shorten(reason);
        cause = cause == null ? null : shorten(cause);
    }

    /** The headers this envelope adds, in a fixed order; a null cause is left out. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DeadLetterHeaders.REASON, reason);
        if (cause != null) {
            headers.put(DeadLetterHeaders.CAUSE, cause);
        }
        headers.put(DeadLetterHeaders.TOPIC, topic);
        headers.put(DeadLetterHeaders.PARTITION, String.valueOf(partition));
        headers.put(DeadLetterHeaders.OFFSET, String.valueOf(offset));
        headers.put(DeadLetterHeaders.SERVICE, service);
        return headers;
    }

    /**
     * Reads an envelope from a record's headers (the last value of each), when it has one.
     *
     * @param header the last value of a header by name, or null
     */
    public static Optional<DeadLetter> read(Function<String, String> header) {
        String reason = header.apply(DeadLetterHeaders.REASON);
        String topic = header.apply(DeadLetterHeaders.TOPIC);
        if (reason == null || topic == null) {
            return Optional.empty();
        }
        String service = header.apply(DeadLetterHeaders.SERVICE);
        return Optional.of(new DeadLetter(reason, header.apply(DeadLetterHeaders.CAUSE), topic,
                number(header.apply(DeadLetterHeaders.PARTITION), -1), number(header.apply(DeadLetterHeaders.OFFSET), -1),
                service == null ? "unknown" : service));
    }

    /** True for the names of the envelope's headers (a replay takes them off again). */
    public static boolean isEnvelopeHeader(String name) {
        return DeadLetterHeaders.ALL.contains(name);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static long number(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int number(String text, int fallback) {
        return (int) number(text, (long) fallback);
    }
}
