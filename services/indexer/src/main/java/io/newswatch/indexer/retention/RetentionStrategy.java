package io.newswatch.indexer.retention;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** One way of deleting an alias's indices once they are past its retention: the indexer itself, or ILM. */
public interface RetentionStrategy {

    /**
     * Applies {@code policy} to the indices behind its alias.
     *
     * @param indices the alias's indices as they are now
     * @return the indices deleted by this call (none when Elasticsearch deletes them itself, later)
     * @throws IOException when Elasticsearch cannot be reached or refuses; the next check tries again
     */
    List<String> apply(RetentionPolicy policy, List<AliasIndex> indices, Instant now) throws IOException;

    /** A short name for logs and the metric's label: {@code indexer} or {@code ilm}. */
    String name();
}
