package io.newswatch.alerter.backtest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * What a backtest found. A plain run fills {@code result}; a comparison of an edited query fills {@code current},
 * {@code edited} and what the edit gains and loses.
 *
 * @param ruleId      the rule, when one was named
 * @param from        start of the period (published time)
 * @param to          end of the period
 * @param result      the query's matches, for a plain run
 * @param current     the rule's current query, in a comparison
 * @param edited      the edited query, in a comparison
 * @param both        articles both match
 * @param gainedCount articles only the edited query matches
 * @param lostCount   articles only the current query matches
 * @param gained      the newest of those gained
 * @param lost        the newest of those lost
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestResponse(String ruleId, Instant from, Instant to, Backtester.Result result,
                               Backtester.Result current, Backtester.Result edited, Integer both, Integer gainedCount,
                               Integer lostCount, List<Backtester.Hit> gained, List<Backtester.Hit> lost) {

    static BacktestResponse of(String ruleId, Instant from, Instant to, Backtester.Result result) {
        return new BacktestResponse(ruleId, from, to, result, null, null, null, null, null, null, null);
    }

    static BacktestResponse of(String ruleId, Instant from, Instant to, Backtester.Comparison comparison) {
        return new BacktestResponse(ruleId, from, to, null, comparison.current(), comparison.edited(),
                comparison.both(), comparison.gainedCount(), comparison.lostCount(), comparison.gained(),
                comparison.lost());
    }
}
