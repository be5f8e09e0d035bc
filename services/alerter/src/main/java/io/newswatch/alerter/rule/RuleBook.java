package io.newswatch.alerter.rule;

import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.InvalidQueryException;
import io.newswatch.alerter.match.MatchExplainer;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.alerter.match.RuleMatcher;
import io.newswatch.contract.Rule;
import org.apache.lucene.search.Query;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rules this instance knows, and their queries in the matcher. Changes are staged and reach the matcher in bulk
 * at {@link #commit()}, so that reading 100,000 rules at start costs one index commit, not 100,000.
 *
 * <p>A rule whose query cannot be used is kept (visible, with its {@link Problem}) but never matched: one whose
 * query fails the compiler's checks when it is read (written by an older version, around the API, or in the rules
 * file), and one whose query throws while matching an article (which those checks should prevent). Such a rule is
 * taken out of the matcher at once, so that it fails neither the article nor the others; editing it puts it back.
 */
public final class RuleBook implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RuleBook.class);

    /**
     * Why a rule does not match.
     *
     * @param reason   what is wrong, for a human
     * @param position where in the query, when known
     * @param since    when this version of the rule was written (a query refused when read), or when it first
     *                 failed on an article
     */
    public record Problem(String reason, Integer position, Instant since) {
    }

    /** Turns a rule's query into the Lucene query to match: {@link QueryCompiler#compile}. */
    @FunctionalInterface
    interface Compiler {
        Query compile(String query) throws InvalidQueryException;
    }

    private final Clock clock;
    private final Compiler compiler;
    private final RuleMatcher matcher = new RuleMatcher();
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    /** The rules in digest mode, which delivery looks at every few seconds: a handful of 100,000, not a copy of all. */
    private final Map<String, Rule> digests = new ConcurrentHashMap<>();
    /**
     * The ids of the rules with an escalation, which the planner asks about for every article's story: a handful of
     * 10,000, or none (not every rule that alerted on a long story).
     */
    private final Set<String> escalating = ConcurrentHashMap.newKeySet();
    private final Map<String, Query> queries = new ConcurrentHashMap<>();
    private final Map<String, Problem> broken = new ConcurrentHashMap<>();
    private final Map<String, Query> toRegister = new HashMap<>();
    private final Set<String> toRemove = new HashSet<>();
    private final AtomicLong matchFailures = new AtomicLong();

    public RuleBook() {
        this(Clock.systemUTC());
    }

    public RuleBook(Clock clock) {
        this(clock, QueryCompiler::compile);
    }

    RuleBook(Clock clock, Compiler compiler) {
        this.clock = clock;
        this.compiler = compiler;
    }

    /** A rule was written (or, with a null rule, deleted). Takes effect for matching at {@link #commit()}. */
    public synchronized void stage(String id, Rule rule) {
        toRegister.remove(id);
        toRemove.remove(id);
        if (rule == null || rule.mode() != Rule.Mode.DIGEST) {
            digests.remove(id);
        } else {
            digests.put(id, rule);
        }
        if (rule == null || rule.escalation() == null) {
            escalating.remove(id);
        } else {
            escalating.add(id);
        }
        if (rule == null) {
            rules.remove(id);
            queries.remove(id);
            broken.remove(id);
            toRemove.add(id);
            return;
        }
        rules.put(id, rule);
        Problem problem;
        try {
            Query query = compiler.compile(rule.query());
            queries.put(id, query);
            broken.remove(id);
            if (rule.enabled()) {
                toRegister.put(id, query);
            } else {
                toRemove.add(id);
            }
            return;
        } catch (InvalidQueryException e) {
            problem = new Problem(e.getMessage(), e.position(), written(rule));
        } catch (RuntimeException | StackOverflowError e) {
            problem = new Problem("the query cannot be compiled: " + e, null, written(rule));
        }
        // Only a rule written around the API (or by an older version) gets here: keep it visible, never match it.
        queries.remove(id);
        broken.put(id, problem);
        toRemove.add(id);
        LOG.errorf("Rule %s has a query that cannot be used, it will not match: %s%s", id, problem.reason(),
                problem.position() == null ? "" : " at position " + problem.position());
    }

    private Instant written(Rule rule) {
        return rule.timestamp() != null ? rule.timestamp() : clock.instant();
    }

    /** Applies staged changes to the matcher. */
    public synchronized void commit() {
        if (!toRemove.isEmpty()) {
            matcher.remove(toRemove);
            toRemove.clear();
        }
        if (!toRegister.isEmpty()) {
            Map<String, Exception> failed = matcher.put(toRegister);
            toRegister.clear();
            failed.forEach((id, error) -> {
                broken.put(id, new Problem("the query cannot be indexed for matching: " + error, null,
                        clock.instant()));
                LOG.errorf("Rule %s cannot be indexed for matching, it will not match: %s", id, error);
            });
        }
    }

    /**
     * The enabled rules whose queries match the article. A rule whose query throws on it is marked broken and
     * taken out of matching; the others match as if it were not there.
     */
    public List<Rule> match(ArticleDocument article) {
        Map<String, Exception> failed = new HashMap<>();
        Set<String> ids = matcher.match(article, failed::put);
        if (!failed.isEmpty()) {
            failedOn(article.id(), failed);
        }
        return enabled(ids);
    }

    /** The enabled rules that match the article ({@link #match}), and the explainer of their matches. */
    public Matched matchExplainable(ArticleDocument article) {
        Map<String, Exception> failed = new HashMap<>();
        RuleMatcher.Matches matches = matcher.matchExplainable(article, failed::put);
        if (!failed.isEmpty()) {
            failedOn(article.id(), failed);
        }
        return new Matched(enabled(matches.ruleIds()), matches.explainer());
    }

    /** The rules an article matched, by id, and the explainer of those matches. */
    public record Matched(List<Rule> rules, MatchExplainer.Explainer explainer) {
    }

    private List<Rule> enabled(Set<String> ids) {
        List<Rule> matched = new ArrayList<>();
        for (String id : ids) {
            Rule rule = rules.get(id);
            if (rule != null && rule.enabled()) {
                matched.add(rule);
            }
        }
        matched.sort(Comparator.comparing(Rule::id));
        return matched;
    }

    private synchronized void failedOn(String articleId, Map<String, Exception> failed) {
        List<String> remove = new ArrayList<>();
        failed.forEach((id, error) -> {
            matchFailures.incrementAndGet();
            if (toRegister.containsKey(id) || !rules.containsKey(id)) {
                return; // edited or deleted meanwhile: the new version decides
            }
            String reason = "the query failed on article " + articleId + ": " + describe(error);
            broken.put(id, new Problem(reason, null, clock.instant()));
            queries.remove(id);
            remove.add(id);
            LOG.errorf("Rule %s is broken and no longer matches until it is edited: %s", id, reason);
        });
        if (!remove.isEmpty()) {
            matcher.remove(remove);
        }
    }

    private static String describe(Exception error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    public Optional<Rule> get(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The compiled query of a rule. */
    public Optional<Query> query(String id) {
        return Optional.ofNullable(queries.get(id));
    }

    /** Why a stored rule does not match, when its query is unusable or failed. */
    public Optional<Problem> problem(String id) {
        return Optional.ofNullable(broken.get(id));
    }

    /** All rules, by name. */
    public List<Rule> all() {
        return rules.values().stream()
                .sorted(Comparator.comparing(Rule::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Rule::id))
                .toList();
    }

    /** The rules in digest mode (enabled or not), in no order. */
    public Collection<Rule> digests() {
        return Collections.unmodifiableCollection(digests.values());
    }

    /** The ids of the rules with an escalation (enabled or not), in no order: a live view. */
    public Set<String> escalating() {
        return Collections.unmodifiableSet(escalating);
    }

    public int size() {
        return rules.size();
    }

    /** Queries in the matcher: the enabled, usable rules. */
    public int matching() {
        return matcher.size();
    }

    /** Rules that do not match because their query is unusable or failed. */
    public int broken() {
        return broken.size();
    }

    /** Times a rule's query threw while matching an article, since start. */
    public long matchFailures() {
        return matchFailures.get();
    }

    @Override
    public void close() {
        matcher.close();
    }
}
