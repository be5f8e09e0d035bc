package io.newswatch.alerter.rule;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newswatch.alerter.delivery.Redaction;
import io.newswatch.contract.Rule;

/**
 * A rule as the API shows it: the {@link Rule} fields as stored, except that channels are shown by their labels
 * ({@code webhook:hooks.example.com}, never a URL's path, query or user information), plus {@code problem} when
 * the rule does not match (its query is unusable or failed on an article: why, where, since when).
 *
 * <p>A webhook URL is shown to nobody, the API key's holders included: it is a credential of the receiver, which
 * the rule store and the configuration hold, and an edit that sends the label back keeps it (see
 * {@link RuleFactory#build(String, RuleRequest, Rule)}). Whoever must see it reads the rules topic or the file.
 */
public record RuleView(@JsonUnwrapped Rule rule, RuleBook.Problem problem) {

    static RuleView of(Rule rule, RuleBook book) {
        return new RuleView(Redaction.rule(rule), book.problem(rule.id()).orElse(null));
    }
}
