package io.newswatch.indexer.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long an alias's documents are kept, and which of its indices are past that.
 *
 * <p>An index is past the period when it was rolled over longer than the period ago. Every document in it was first
 * indexed before its rollover (after it, new documents go to the next index; only revisions of documents it already
 * holds are written into it), so none is deleted before it is {@code period} old, and none is kept longer than
 * {@code period} plus the age at which indices roll over. The rollover time is Elasticsearch's own record
 * ({@code rollover_info}), the same origin ILM's delete phase counts from, so both ways of deleting agree. The write
 * index is never past the period, nor an index whose rollover Elasticsearch has no record of (one an operator added
 * to the alias by hand): what cannot be dated is kept.
 *
 * @param alias  the alias ({@code newswatch-articles})
 * @param period how long after its rollover an index is kept
 */
public record RetentionPolicy(String alias, Duration period) {

    public RetentionPolicy {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the retention of " + alias + " must be positive, not " + period);
        }
    }

    /** The indices among {@code indices} that are past the period at {@code now}. */
    public List<AliasIndex> pastPeriod(List<AliasIndex> indices, Instant now) {
        Instant cutoff = now.minus(period);
        return indices.stream()
                .filter(index -> !index.writeIndex())
                .filter(index -> index.rolledOver().map(rolled -> rolled.isBefore(cutoff)).orElse(false))
                .toList();
    }

    /** How long ago the earliest-rolled-over index among {@code indices} was rolled over; empty when none was. */
    public static Optional<Duration> oldest(List<AliasIndex> indices, Instant now) {
        return indices.stream()
                .filter(index -> !index.writeIndex())
                .flatMap(index -> index.rolledOver().stream())
                .min(Comparator.naturalOrder())
                .map(rolled -> Duration.between(rolled, now));
    }

    /** The name of the ILM policy that carries this retention on a cluster with ILM. */
    public String ilmPolicyName() {
        return alias + "-retention";
    }
}
