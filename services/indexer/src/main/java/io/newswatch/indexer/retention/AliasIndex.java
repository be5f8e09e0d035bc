package io.newswatch.indexer.retention;

import java.time.Instant;
import java.util.Optional;

/**
 * An index behind an alias, as retention sees it.
 *
 * @param name       the concrete index ({@code newswatch-articles-000003})
 * @param writeIndex whether it is the alias's write index, which is never deleted
 * @param rolledOver when the alias was rolled over away from it, from Elasticsearch's own record of the rollover;
 *                   empty for the write index, and for an index that joined the alias some other way
 * @param lifecycle  the ILM policy it is under, when any ({@code index.lifecycle.name})
 * @param origin     the ILM age origin set on it, when any ({@code index.lifecycle.origination_date})
 */
public record AliasIndex(String name, boolean writeIndex, Optional<Instant> rolledOver, Optional<String> lifecycle,
                         Optional<Instant> origin) {

    /** An index with no ILM settings. */
    public static AliasIndex of(String name, boolean writeIndex, Optional<Instant> rolledOver) {
        return new AliasIndex(name, writeIndex, rolledOver, Optional.empty(), Optional.empty());
    }
}
