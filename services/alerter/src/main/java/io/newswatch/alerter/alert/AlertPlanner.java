package io.newswatch.alerter.alert;

import io.newswatch.alerter.delivery.ChannelTarget;
import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.MatchExplainer;
import io.newswatch.alerter.match.MatchExplanation;
import io.newswatch.contract.Alert;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Rule;
import io.newswatch.contract.Source;
import io.newswatch.contract.Story;
import org.apache.lucene.search.Query;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which alerts an article raises, given the rules it matched and what was raised before. Every alert id is
 * a pure function of rule, story (or article) and round or level, so a replay, a restart or a second instance
 * raises nothing new.
 *
 * <ul>
 *   <li>First alert: a rule's first match on a story (id: rule, story, level 0); per article for rules scoped so.</li>
 *   <li>Realert: with {@code realert} set, a later article of the same story alerts again once at least that long
 *       after the article of the previous round (id: rule, {@code story@round}, level 0). Rules scoped per article
 *       alert once per article.</li>
 *   <li>Escalation: when a story the rule alerted on spreads, whether or not the new article itself matches, the rule
 *       alerts again at level n, n being the number of its escalation conditions (outlets, languages) the story now
 *       meets, once for each new level (id: rule, story, level n).</li>
 * </ul>
 */
public final class AlertPlanner {

    private static final Logger LOG = Logger.getLogger(AlertPlanner.class);

    private final Clock clock;
    private final Optional<URI> kibana;

    /** @param kibana Kibana's base URL, for a link to the article in each alert */
    public AlertPlanner(Clock clock, Optional<URI> kibana) {
        this.clock = clock;
        // the link goes into every alert and notification: never with a user and password in it
        this.kibana = kibana.map(base -> base.getRawUserInfo() == null ? base
                : URI.create(base.toString().replace(base.getRawUserInfo() + "@", "")));
    }

    /**
     * The alerts to raise.
     *
     * @param matched    the enabled rules whose queries match the article
     * @param rules      every rule by id (for escalations of rules the article does not match)
     * @param escalating the ids of the rules with an escalation ({@link io.newswatch.alerter.rule.RuleBook#escalating})
     * @param queries    each rule's compiled query, for the explanation
     */
    public List<Alert> plan(EnrichedArticle article, ArticleDocument document, List<Rule> matched,
                            Function<String, Optional<Rule>> rules, Set<String> escalating,
                            Function<String, Query> queries, AlertState state) {
        return plan(article, MatchExplainer.of(document), matched, rules, escalating, queries, state);
    }

    /**
     * The alerts to raise, explained by {@code explainer} (one over the index matching built:
     * {@link io.newswatch.alerter.rule.RuleBook#matchExplainable}).
     */
    public List<Alert> plan(EnrichedArticle article, MatchExplainer.Explainer explainer, List<Rule> matched,
                            Function<String, Optional<Rule>> rules, Set<String> escalating,
                            Function<String, Query> queries, AlertState state) {
        List<Planned> toRaise = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        String storyId = storyId(article);
        for (Rule rule : matched) {
            String id = firstOrRealert(rule, article, storyId, state);
            if (id != null && !state.isRaised(id) && planned.add(id)) {
                toRaise.add(new Planned(id, rule, 0));
            }
        }
        for (String ruleId : state.rulesOnStory(storyId, escalating)) {
            Rule rule = rules.apply(ruleId).orElse(null);
            if (rule == null || !rule.enabled() || rule.escalation() == null) {
                continue;
            }
            int level = escalation(rule, article.story(), state.onStory(ruleId, storyId).orElse(null));
            String id = Ids.alert(ruleId, storyId, level);
            if (level > 0 && !state.isRaised(id) && planned.add(id)) {
                toRaise.add(new Planned(id, rule, level));
            }
        }
        if (toRaise.isEmpty()) {
            return List.of();
        }
        // the article is indexed for explanations once (when matching's index is not reused), in the fields of every
        // query to explain
        Map<String, Query> queryOf = new HashMap<>();
        for (Planned alert : toRaise) {
            Query query = queries.apply(alert.rule().id());
            if (query != null) {
                queryOf.put(alert.rule().id(), query);
                explainer.expect(query);
            }
        }
        List<Alert> alerts = new ArrayList<>(toRaise.size());
        for (Planned alert : toRaise) {
            explained(alert.id(), alert.rule(), article, explainer, alert.level(), queryOf::get)
                    .ifPresent(alerts::add);
        }
        return alerts;
    }

    /** An alert decided on, before it is explained. */
    private record Planned(String id, Rule rule, int level) {
    }

    /** The id of the alert a match raises, or null when the rule has said all it should about this story. */
    private static String firstOrRealert(Rule rule, EnrichedArticle article, String storyId, AlertState state) {
        if (rule.scope() == Rule.Scope.ARTICLE) {
            return Ids.alert(rule.id(), article.id(), 0);
        }
        StoryAlerts before = state.onStory(rule.id(), storyId).orElse(null);
        if (before == null || before.rounds() == 0) {
            return StoryAlerts.roundId(rule.id(), storyId, 0);
        }
        if (rule.realert() == null || before.lastRoundArticle() == null) {
            return null;
        }
        // an article no later than the latest round's (that round's own article, replayed) never opens a round
        Instant fetched = fetched(article);
        return !fetched.isAfter(before.lastRoundArticle())
                || fetched.isBefore(before.lastRoundArticle().plus(rule.realert())) ? null
                : StoryAlerts.roundId(rule.id(), storyId, before.rounds());
    }

    /**
     * The level the story has reached for the rule's escalation: how many of its conditions the story meets now;
     * 0 when that is no more than what earlier alerts already reported.
     */
    static int escalation(Rule rule, Story story, StoryAlerts before) {
        Rule.Escalation escalation = rule.escalation();
        if (story == null || before == null || escalation == null) {
            return 0;
        }
        int now = (escalation.outlets() != null && story.outlets() >= escalation.outlets() ? 1 : 0)
                + (escalation.languages() != null && story.languages() >= escalation.languages() ? 1 : 0);
        int reported = Math.max(before.maxLevel(),
                escalation.outlets() != null && before.maxOutlets() >= escalation.outlets() ? 1 : 0);
        return now > reported ? now : 0;
    }

    private Optional<Alert> explained(String id, Rule rule, EnrichedArticle article,
                                      MatchExplainer.Explainer explainer, int level,
                                      Function<String, Query> queries) {
        Query query = queries.apply(rule.id());
        if (query == null) {
            return Optional.empty(); // deleted while we matched
        }
        MatchExplanation explanation;
        try {
            explanation = explainer.explain(query);
        } catch (RuntimeException | StackOverflowError e) {
            // the rule matched: alert without the explanation rather than not at all
            LOG.errorf("Rule %s matched article %s but its match cannot be explained: %s", rule.id(), article.id(),
                    e);
            explanation = new MatchExplanation(null, List.of(), List.of(), List.of(), List.of());
        }
        return Optional.of(alert(id, rule, article, explanation, level));
    }

    private static String storyId(EnrichedArticle article) {
        return article.story() == null || article.story().id() == null ? article.id() : article.story().id();
    }

    private static Instant fetched(EnrichedArticle article) {
        return article.article().fetched() != null ? article.article().fetched() : article.timestamp();
    }

    Alert alert(String id, Rule rule, EnrichedArticle article, MatchExplanation explanation, int level) {
        Source source = article.article().source();
        int outlets = article.story() == null ? 1 : article.story().outlets();
        Alert.Explanation why = new Alert.Explanation(explanation.passages(), explanation.terms(),
                explanation.entities(), explanation.topics(), kibanaLink(article.id()));
        return new Alert(Alert.SCHEMA_VERSION, Alert.TYPE, id, clock.instant(), rule.id(), rule.name(), rule.query(),
                article.id(), article.article().url(), article.article().title(),
                source == null ? null : source.name(), storyId(article), outlets, level, explanation.snippet(), why,
                ChannelTarget.labels(rule.channels()), List.of(), article.article().fetched());
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
