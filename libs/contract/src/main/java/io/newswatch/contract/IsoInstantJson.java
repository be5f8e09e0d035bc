package io.newswatch.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Instants in {@link Json}'s mapping through {@link IsoInstant}: written as jsr310's {@code InstantSerializer} writes
 * them with timestamps off ({@code Instant.toString()}), and read by {@link IsoInstant#parse} when the text has the
 * form written; any other value (an offset, a number, an empty string) goes to jsr310's {@code InstantDeserializer}
 * as before, so every value decodes to the same instant, or fails the same way.
 */
final class IsoInstantJson {

    private IsoInstantJson() {
    }

    /** Registered after jsr310's module, so these two take {@link Instant} over its own. */
    static SimpleModule module() {
        return new SimpleModule("newswatch-iso-instant")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    private static final class Writer extends StdScalarSerializer<Instant> {
        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            char[] text = new char[40];
            generator.writeString(text, 0, IsoInstant.format(value, text));
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {
        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Instant instant = IsoInstant.parse(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextLength());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
