package io.newswatch.alerter.match;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a compiled query once, the way live matching will, before it is accepted: on a one-article in-memory index
 * (as Lucene Monitor indexes each article) that holds the query's own words in every field it names, so that every
 * clause is rewritten and run, and the explanation's Matches API runs too. Whatever throws here (too many clauses
 * after rewriting, a fuzzy term too complex to expand) would throw on every article that reaches the rule; it is
 * refused now instead. About 0.1 ms per rule (see the README).
 */
final class QueryProbe {

    /** A word in every field the query names, so that a field holding only wildcards has terms to expand. */
    private static final String FILLER = "newswatch";

    private QueryProbe() {
    }

    static void check(Query compiled) throws InvalidQueryException {
        Query stored = RuleMatcher.nonScoring(compiled);
        MemoryIndex index = new MemoryIndex(false, false);
        words(stored).forEach((field, words) -> index.addField(field, index.keywordTokenStream(words)));
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        try {
            // what Monitor's matcher does with a candidate query, then what the explanation does with a match
            searcher.search(stored, new EveryMatch());
            Weight weight = searcher.createWeight(searcher.rewrite(compiled), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                weight.matches(leaf, 0);
            }
        } catch (IndexSearcher.TooManyNestedClauses e) {
            throw new InvalidQueryException("the query expands to more than " + QueryCompiler.MAX_CLAUSES
                    + " clauses when it runs (wildcards, fuzzy words and spelling variants expand): split it into"
                    + " several rules", 0);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new InvalidQueryException("the query fails when it runs: " + describe(e), 0);
        }
    }

    /** Visits every match, as Monitor's collector does (a hit count could be read off the index instead). */
    private static final class EveryMatch implements CollectorManager<SimpleCollector, Integer> {
        @Override
        public SimpleCollector newCollector() {
            return new SimpleCollector() {
                int count;

                @Override
                public void collect(int doc) {
                    count++;
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            };
        }

        @Override
        public Integer reduce(java.util.Collection<SimpleCollector> collectors) {
            return collectors.size();
        }
    }

    /** The query's words by field, each field with one more word. */
    private static Map<String, List<String>> words(Query query) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                for (Term term : terms) {
                    words.computeIfAbsent(term.field(), f -> new ArrayList<>()).add(term.text());
                }
            }

            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                words.computeIfAbsent(field, f -> new ArrayList<>());
            }

            @Override
            public boolean acceptField(String field) {
                words.computeIfAbsent(field, f -> new ArrayList<>());
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        words.values().forEach(list -> list.add(FILLER));
        return words;
    }

    /** The failure in a sentence, without a stack trace. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        return error instanceof StackOverflowError ? "it is nested too deeply"
                : error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
