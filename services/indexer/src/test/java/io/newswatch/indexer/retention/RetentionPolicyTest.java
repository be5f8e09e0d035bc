package io.newswatch.indexer.retention;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private static final RetentionPolicy YEAR = new RetentionPolicy("newswatch-articles", Duration.ofDays(365));

    @Test
    void anIndexIsPastThePeriodOnceItWasRolledOverLongerAgoThanThePeriod() {
        AliasIndex older = rolled("newswatch-articles-000001", NOW.minus(Duration.ofDays(400)));
        AliasIndex justPast = rolled("newswatch-articles-000002", NOW.minus(Duration.ofDays(365)).minusMillis(1));
        AliasIndex justWithin = rolled("newswatch-articles-000003", NOW.minus(Duration.ofDays(365)));
        AliasIndex recent = rolled("newswatch-articles-000004", NOW.minus(Duration.ofDays(30)));
        AliasIndex write = AliasIndex.of("newswatch-articles-000005", true, Optional.empty());

        assertThat(YEAR.pastPeriod(List.of(older, justPast, justWithin, recent, write), NOW))
                .containsExactly(older, justPast);
    }

    @Test
    void theWriteIndexIsNeverPastThePeriodWhateverItsHistory() {
        // rolled over once, then made the write index again by hand
        AliasIndex write = AliasIndex.of("newswatch-articles-000001", true,
                Optional.of(NOW.minus(Duration.ofDays(1000))));

        assertThat(YEAR.pastPeriod(List.of(write), NOW)).isEmpty();
    }

    @Test
    void anIndexWithoutARolloverRecordIsKept() {
        AliasIndex addedByHand = AliasIndex.of("restored-articles", false, Optional.empty());

        assertThat(YEAR.pastPeriod(List.of(addedByHand), NOW)).isEmpty();
    }

    @Test
    void theOldestAgeIsThatOfTheEarliestRollover() {
        List<AliasIndex> indices = List.of(rolled("a-000002", NOW.minus(Duration.ofDays(3))),
                rolled("a-000001", NOW.minus(Duration.ofDays(40))), AliasIndex.of("a-000003", true, Optional.empty()));

        assertThat(RetentionPolicy.oldest(indices, NOW)).contains(Duration.ofDays(40));
        assertThat(RetentionPolicy.oldest(List.of(AliasIndex.of("a-000001", true, Optional.empty())), NOW)).isEmpty();
    }

    @Test
    void aPeriodMustBePositive() {
        assertThatThrownBy(() -> new RetentionPolicy("newswatch-alerts", Duration.ZERO))
                .hasMessageContaining("retention of newswatch-alerts must be positive");
    }

    private static AliasIndex rolled(String name, Instant at) {
        return AliasIndex.of(name, false, Optional.of(at));
    }
}
