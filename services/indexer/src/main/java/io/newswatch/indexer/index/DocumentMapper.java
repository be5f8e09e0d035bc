package io.newswatch.indexer.index;

import io.newswatch.contract.BadEventException;
import io.newswatch.indexer.bulk.IndexOperation;

import java.time.Instant;

/** Turns a record's value into the document to write. */
@FunctionalInterface
public interface DocumentMapper {

    /**
     * The document for one record.
     *
     * @throws BadEventException when the value is not an event of the topic's type
     */
    Mapped map(String key, String value);

    /**
     * @param operation the write
     * @param origin    when the event began (the article's fetch, the alert's raising), for the freshness metric
     */
    record Mapped(IndexOperation operation, Instant origin) {
    }
}
