package io.newswatch.alerter.rule;

import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.InvalidQueryException;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.alerter.match.RuleMatcher;
import io.newswatch.contract.Rule;
import org.apache.lucene.search.Query;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules this instance knows, and their queries in the matcher. Changes are staged and reach the matcher in bulk
 * at {@link #commit()}, so that reading 100,000 rules at start costs one index commit, not 100,000.
 */
public final class RuleBook implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    private final RuleMatcher matcher = new RuleMatcher();
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Map<String, Query> queries = new ConcurrentHashMap<>();
    private final Map<String, String> broken = new ConcurrentHashMap<>();
    private final Map<String, Query> toRegister = new HashMap<>();
    private final Set<String> toRemove = new HashSet<>();

    /** A rule was written (or, with a null rule, deleted). Takes effect for matching at {@link #commit()}. */
    public synchronized void stage(String id, Rule rule) {
        toRegister.remove(id);
        toRemove.remove(id);
        if (rule == null) {
            rules.remove(id);
            queries.remove(id);
            broken.remove(id);
            toRemove.add(id);
            return;
        }
        rules.put(id, rule);
        try {
            Query query = QueryCompiler.compile(rule.query());
            queries.put(id, query);
            broken.remove(id);
            if (rule.enabled()) {
                toRegister.put(id, query);
            } else {
                toRemove.add(id);
            }
        } catch (InvalidQueryException e) {
            // Only a rule written around the API (or by an older version) gets here: keep it visible, never match it.
            queries.remove(id);
            broken.put(id, e.getMessage() + " at position " + e.position());
            toRemove.add(id);
            LOG.errorf("Rule %s has a query that cannot be used, it will not match: %s at position %d", id,
                    e.getMessage(), e.position());
        }
    }

    /** Applies staged changes to the matcher. */
    public synchronized void commit() {
        if (!toRemove.isEmpty()) {
            matcher.remove(toRemove);
            toRemove.clear();
        }
        if (!toRegister.isEmpty()) {
            matcher.put(toRegister);
            toRegister.clear();
        }
    }

    /** The enabled rules whose queries match the article. */
    public List<Rule> match(ArticleDocument article) {
        List<Rule> matched = new ArrayList<>();
        for (String id : matcher.match(article)) {
            Rule rule = rules.get(id);
            if (rule != null && rule.enabled()) {
                matched.add(rule);
            }
        }
        matched.sort(Comparator.comparing(Rule::id));
        return matched;
    }

    public Optional<Rule> get(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The compiled query of a rule. */
    public Optional<Query> query(String id) {
        return Optional.ofNullable(queries.get(id));
    }

    /** Why a stored rule cannot match, when its query is unusable. */
    public Optional<String> problem(String id) {
        return Optional.ofNullable(broken.get(id));
    }

    /** All rules, by name. */
    public List<Rule> all() {
        return rules.values().stream()
                .sorted(Comparator.comparing(Rule::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Rule::id))
                .toList();
    }

    public int size() {
        return rules.size();
    }

    /** Queries in the matcher: the enabled, usable rules. */
    public int matching() {
        return matcher.size();
    }

    @Override
    public void close() {
        matcher.close();
    }
}
