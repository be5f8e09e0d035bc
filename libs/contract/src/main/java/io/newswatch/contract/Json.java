package io.newswatch.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of events on the wire. Every producer and consumer encodes and decodes with it, so a field
 * written by one service is read the same way by every other: ISO-8601 instants and durations (instants written
 * and read by {@link IsoInstant}, the same text as {@code Instant.toString()}), absent fields
 * omitted, unknown fields and unknown enum values (an entity type added later) ignored, so that a newer producer
 * never breaks an older consumer.
 */
public final class Json {

    private static final ObjectMapper MAPPER = jsr310Mapper().registerModule(IsoInstantJson.module());

    /**
     * Writes UTF-8 bytes with a character outside the BMP as its 4 bytes, not as the two escaped surrogates Jackson
     * writes by default, so the bytes are those of {@code encode(event).getBytes(UTF_8)}.
     */
    private static final ObjectWriter BYTES_WRITER = MAPPER.writer()
            .with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);

    private Json() {
    }

    /** The mapping with jsr310's own instant serializer and deserializer, as before {@link IsoInstantJson}: tests' reference. */
    static ObjectMapper jsr310Mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The shared mapper; thread-safe, do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Encodes an event as JSON text. */
    public static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Encodes an event as UTF-8 JSON bytes, what Kafka carries: written as bytes at once, not as a string first and
     * then converted (half the copies of {@code encode(event).getBytes(UTF_8)}), and the same bytes.
     */
    public static byte[] encodeBytes(Object event) {
        try {
            return BYTES_WRITER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Decodes UTF-8 JSON bytes (a Kafka record's value as it arrived) into an event, without making a string of
     * them first.
     *
     * @throws BadEventException as {@link #decode(String, Class)}
     */
    public static <T> T decode(byte[] json, Class<T> type) {
        return read(json == null, type, () -> MAPPER.readValue(json, type));
    }

    /**
     * Decodes JSON text into an event.
     *
     * @throws BadEventException when the text is not JSON or does not fit the type; the message says why, so it
     *                           can go into a dead-letter header as it is
     */
    public static <T> T decode(String json, Class<T> type) {
        return read(json == null, type, () -> MAPPER.readValue(json, type));
    }

    /** One read of the mapper, from text or bytes. */
    private interface Read<T> {
        T read() throws java.io.IOException;
    }

    private static <T> T read(boolean empty, Class<T> type, Read<T> read) {
        if (empty) {
            throw new BadEventException("empty value where a " + type.getSimpleName() + " was expected");
        }
        try {
            return read.read();
        } catch (JsonProcessingException e) {
            throw new BadEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new BadEventException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
