package io.newswatch.alerter.backtest;

/**
 * The body of {@code POST /rules/{id}/backtest} and {@code POST /rules/backtest}; every field is optional except
 * {@code query} for an unsaved rule.
 *
 * @param query an edited query to compare with the rule's current one (or the query to try, without a rule)
 * @param from  start of the period (ISO-8601 instant); default: {@code days} before {@code to}
 * @param to    end of the period; default: now
 * @param days  length of the period when {@code from} is absent; default 30
 * @param size  how many of the newest matches to show (gained and lost too); default 10, at most 100
 * @param scope {@code story} or {@code article}, for counting alerts of an unsaved rule; default story
 */
public record BacktestRequest(String query, String from, String to, Integer days, Integer size, String scope) {
}
