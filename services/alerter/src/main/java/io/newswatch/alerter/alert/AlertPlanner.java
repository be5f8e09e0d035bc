package io.newswatch.alerter.alert;

import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.MatchExplainer;
import io.newswatch.alerter.match.MatchExplanation;
import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Rule;
import io.newswatch.contract.Source;
import org.apache.lucene.search.Query;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides which alerts an article raises, given the rules it matched and what has been raised before: one alert
 * per rule and story (or article, for rules scoped so), with a stable id, so that a replay or a second instance
 * raises nothing new.
 */
public final class AlertPlanner {

    private final Clock clock;
    private final Optional<URI> kibana;

    /** @param kibana Kibana's base URL, for a link to the article in each alert */
    public AlertPlanner(Clock clock, Optional<URI> kibana) {
        this.clock = clock;
        this.kibana = kibana;
    }

    /**
     * The alerts to raise.
     *
     * @param matched       the enabled rules whose queries match the article
     * @param queries       each rule's compiled query, for the explanation
     * @param alreadyRaised whether an alert id exists already
     */
    public List<Alert> plan(EnrichedArticle article, ArticleDocument document, List<Rule> matched,
                            Function<String, Query> queries, Predicate<String> alreadyRaised) {
        List<Alert> alerts = new ArrayList<>();
        for (Rule rule : matched) {
            String id = Ids.alert(rule.id(), subject(rule, article), 0);
            if (alreadyRaised.test(id)) {
                continue;
            }
            Query query = queries.apply(rule.id());
            if (query == null) {
                continue; // deleted while we matched
            }
            alerts.add(alert(id, rule, article, MatchExplainer.explain(query, document), 0));
        }
        return alerts;
    }

    /** What one alert is about: the story, or the article for rules scoped per article. */
    static String subject(Rule rule, EnrichedArticle article) {
        return rule.scope() == Rule.Scope.ARTICLE || article.story() == null ? article.id() : article.story().id();
    }

    Alert alert(String id, Rule rule, EnrichedArticle article, MatchExplanation explanation, int level) {
        Source source = article.article().source();
        String storyId = article.story() == null ? article.id() : article.story().id();
        int outlets = article.story() == null ? 1 : article.story().outlets();
        Alert.Explanation why = new Alert.Explanation(explanation.passages(), explanation.terms(),
                explanation.entities(), explanation.topics(), kibanaLink(article.id()));
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, clock.instant(), rule.id(), rule.name(), rule.query(),
                article.id(), article.article().url(), article.article().title(),
                source == null ? null : source.name(), storyId, outlets, level, explanation.snippet(), why,
                rule.channels(), List.of(), article.article().fetched());
    }

    private String kibanaLink(String articleId) {
        return kibana.map(base -> {
            String query = URLEncoder.encode("id:\"" + articleId + "\"", StandardCharsets.UTF_8).replace("+", "%20");
            String root = base.toString().endsWith("/") ? base.toString() : base + "/";
            return root + "app/discover#/?_g=(time:(from:now-1y,to:now))&_a=(query:(language:kuery,query:'"
                    + query + "'))";
        }).orElse(null);
    }
}
