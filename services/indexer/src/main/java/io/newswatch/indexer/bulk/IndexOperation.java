package io.newswatch.indexer.bulk;

import java.util.Objects;

/**
 * One document to write: an {@code index} action of a bulk request with an external version.
 *
 * @param alias   the alias the document belongs to ({@code newswatch-articles})
 * @param index   the concrete index the document already lives in, when it must be updated there rather than
 *                written through the alias; null to write through the alias
 * @param id      the document's {@code _id}, the stable id of the event
 * @param version the external version ({@code version_type=external_gte}): a write with a lower version than the
 *                stored document's is refused as stale
 * @param source  the document as UTF-8 JSON, as it goes into the bulk request (written once, never copied to a
 *                string); not copied, so not to be changed after the operation is made
 */
public record IndexOperation(String alias, String index, String id, long version, byte[] source) {

    public IndexOperation {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }

    /** A document written through its alias (to the alias's write index). */
    public static IndexOperation throughAlias(String alias, String id, long version, byte[] source) {
        return new IndexOperation(alias, null, id, version, source);
    }

    /** The same document, updated in place in an index it already lives in. */
    public IndexOperation inIndex(String concreteIndex) {
        return new IndexOperation(alias, concreteIndex, id, version, source);
    }

    /** Where the action writes: the concrete index when set, else the alias. */
    public String target() {
        return index == null ? alias : index;
    }
}
