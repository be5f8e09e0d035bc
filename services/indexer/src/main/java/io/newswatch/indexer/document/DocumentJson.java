package io.newswatch.indexer.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.newswatch.contract.Json;

/**
 * Writes documents as Elasticsearch stores them: the contract's JSON conventions (ISO-8601 instants, nulls
 * omitted) with snake-case field names, the names of the index templates.
 */
public final class DocumentJson {

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private DocumentJson() {
    }

    /** The document as UTF-8 JSON, what a bulk request carries: written as bytes at once, with no string between. */
    public static byte[] writeBytes(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + document.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The mapper, for tests that read documents back. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
