package io.newswatch.alerter.match;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a rule's query text (Lucene's classic syntax, as typed in Kibana) into the Lucene query that live matching,
 * the {@code match} tool and the backtest all use. Rejects, with a message and a position, what would otherwise fail
 * silently: unknown fields, unclosed quotes and parentheses, range queries, queries that only exclude.
 *
 * <p>Choices, where the syntax leaves them open: the default operator is OR (as in Kibana's Lucene syntax); a
 * hyphenated word is a phrase ({@code NATO-Russia} = {@code "NATO Russia"}); a leading wildcard is allowed; a group
 * that only excludes ({@code a OR (NOT b)}) means "everything but", as in Elasticsearch's query_string.
 *
 * <p>A query that compiles is one the matcher can run: besides the syntax, {@link #compile} refuses what would fail
 * or blow up later, each with its position: more than {@link #MAX_LENGTH} characters, groups nested deeper than
 * {@link #MAX_DEPTH}, a regular expression longer than {@link #MAX_REGEX_LENGTH}, a wildcard or regular
 * expression too complex to turn into an automaton, more than {@link #MAX_CLAUSES} clauses, and anything else that
 * throws when the query runs on a probe article ({@link QueryProbe}), as Lucene Monitor would run it.
 */
public final class QueryCompiler {

    /** Longest query, in characters: ten times the longest rule of our fixtures; split longer lists into rules. */
    public static final int MAX_LENGTH = 10_000;
    /** Deepest nesting of groups; parsing recurses per level (3,000 levels overflow the stack). */
    public static final int MAX_DEPTH = 32;
    /** Longest regular expression, in characters (Elasticsearch's default {@code index.max_regex_length}). */
    public static final int MAX_REGEX_LENGTH = 1_000;
    /**
     * Most clauses (words, phrases, wildcards, each Cyrillic variant) in one query: what Lucene lets one query
     * search with ({@link IndexSearcher#getMaxClauseCount()}, 1,024), counted as it counts them.
     */
    public static final int MAX_CLAUSES = IndexSearcher.getMaxClauseCount();

    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
    /**
     * The slash of an unquoted {@code entity:person/sergey-lavrov}, which the classic syntax reads as the start of a
     * regular expression: replaced before parsing by a character the syntax reads as a letter (one for one, so that
     * positions stay), and put back in {@link RuleQueryParser#getFieldQuery}.
     */
    private static final Pattern ENTITY_ID_SLASH = Pattern.compile(
            "((?<![\\p{L}\\p{N}_.])" + ArticleFields.ENTITY + ":(?:person|organization|location))/");
    private static final char SLASH = '\uE000';
    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

    private QueryCompiler() {
    }

    /** Parses and checks a query. */
    public static Query compile(String query) throws InvalidQueryException {
        if (query == null || query.isBlank()) {
            throw new InvalidQueryException("the query is empty", 0);
        }
        if (query.length() > MAX_LENGTH) {
            throw new InvalidQueryException("the query has " + query.length() + " characters, more than the "
                    + MAX_LENGTH + " a rule may have: split it into several rules", MAX_LENGTH);
        }
        String text = ArticleDocument.nfc(query);
        Groups groups = scan(text);
        Query parsed;
        try {
            parsed = new RuleQueryParser(text).parse(ENTITY_ID_SLASH.matcher(text).replaceAll("$1" + SLASH));
        } catch (ParseException e) {
            throw fromParser(e, text);
        } catch (PositionedProblem e) {
            throw new InvalidQueryException(e.getMessage(), e.position);
        } catch (StackOverflowError e) {
            // MAX_DEPTH keeps this away; a thread with a tiny stack must still get an answer, not die
            throw new InvalidQueryException("the query is nested too deeply to read", 0);
        } catch (RuntimeException e) {
            // whatever else Lucene throws while building the query is still the query's fault, not a server error
            throw new InvalidQueryException("the query cannot be read: " + QueryProbe.describe(e), 0);
        }
        if (parsed == null || parsed instanceof BooleanQuery b && b.clauses().isEmpty()) {
            throw new InvalidQueryException("the query has no words to look for", 0);
        }
        if (onlyExcludes(parsed)) {
            throw new InvalidQueryException(
                    "the query only says what to exclude; say what to look for too (e.g. Montenegro NOT football)", 0);
        }
        Query compiled = completeNegativeGroups(parsed);
        int clauses = clauses(compiled);
        if (clauses > MAX_CLAUSES) {
            throw new InvalidQueryException("the query has " + clauses + " clauses (each word, phrase, wildcard and"
                    + " spelling variant counts), more than the " + MAX_CLAUSES + " one rule may have: split it into"
                    + " several rules" + (groups.largestStart() > 0 || groups.largestTerms() > 0
                    ? " (the largest group, " + groups.largestTerms() + " terms, starts here)" : ""),
                    groups.largestStart());
        }
        QueryProbe.check(compiled);
        return compiled;
    }

    /** Counts clauses the way {@link IndexSearcher} does before it refuses a query: every leaf is one. */
    static int clauses(Query query) {
        int[] count = new int[1];
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, org.apache.lucene.index.Term... terms) {
                count[0]++;
            }

            @Override
            public void consumeTermsMatching(Query leaf, String field,
                                             Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query leaf) {
                count[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return count[0];
    }

    /**
     * The parser, with the settings above, which says where a wildcard or regular expression is too complex or
     * malformed (Lucene throws those without a position, from deep inside the parse).
     */
    private static final class RuleQueryParser extends QueryParser {

        private final String text;

        RuleQueryParser(String text) {
            super(ArticleFields.TEXT, ArticleAnalyzer.INSTANCE);
            this.text = text;
            setSplitOnWhitespace(true);
            setAutoGeneratePhraseQueries(true);
            setAllowLeadingWildcard(true);
            setDefaultOperator(QueryParser.Operator.OR);
        }

        /** {@code entity:person/sergey-lavrov} (quoted or not) matches the entity's id, not its names. */
        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (ArticleFields.ENTITY.equals(field)) {
                String restored = queryText.replace(SLASH, '/');
                if (ArticleFields.entityId(restored)) {
                    return super.getFieldQuery(ArticleFields.ENTITY_ID, restored, true);
                }
            }
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            try {
                return super.getWildcardQuery(field, termStr);
            } catch (TooComplexToDeterminizeException e) {
                throw new PositionedProblem("this wildcard is too complex to match (too many ? or * after a *):"
                        + " use fewer wildcards", where(termStr));
            }
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            try {
                return super.getRegexpQuery(field, termStr);
            } catch (TooComplexToDeterminizeException e) {
                throw new PositionedProblem("this regular expression is too complex to match (it would need more"
                        + " than " + getDeterminizeWorkLimit() + " steps to compile): simplify it",
                        where("/" + termStr));
            } catch (IllegalArgumentException e) {
                throw new PositionedProblem("this regular expression is not valid: " + e.getMessage(),
                        where("/" + termStr));
            }
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            try {
                return super.getFuzzyQuery(field, termStr, minSimilarity);
            } catch (TooComplexToDeterminizeException | IllegalArgumentException e) {
                throw new PositionedProblem("this fuzzy term cannot be matched: " + e.getMessage(), where(termStr));
            }
        }

        /** Where the term being parsed starts: the parser's current token is the term or what follows it. */
        private int where(String image) {
            int before = token == null ? text.length() : Math.min(token.beginColumn, text.length());
            int found = text.lastIndexOf(image, before);
            return found >= 0 ? found : Math.max(before, 0);
        }
    }

    /** A problem found inside the parser, where only an unchecked exception gets out. */
    private static final class PositionedProblem extends RuntimeException {
        private final int position;

        PositionedProblem(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    /** The group with the most terms, where a query with too many clauses is best split. */
    private record Groups(int largestStart, int largestTerms) {
    }

    /**
     * Finds the mistakes the parser reports badly or not at all, with their exact position: unclosed quotes,
     * regular expressions and parentheses, unknown fields, ranges.
     */
    private static Groups scan(String query) throws InvalidQueryException {
        Deque<Integer> open = new ArrayDeque<>();
        // terms directly inside each open group, and at the top level (index 0)
        Deque<int[]> terms = new ArrayDeque<>();
        terms.push(new int[]{0});
        int largestStart = 0;
        int largestTerms = 0;
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            boolean termStart = i == 0 || isTermBoundary(query.charAt(i - 1));
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                terms.peek()[0]++;
                i = closing(query, i, '"', "the phrase that starts here has no closing quote");
            } else if (c == '/' && termStart) {
                terms.peek()[0]++;
                int end = closing(query, i, '/', "the regular expression that starts here has no closing /");
                if (end - i - 2 > MAX_REGEX_LENGTH) {
                    throw new InvalidQueryException("this regular expression has " + (end - i - 2)
                            + " characters, more than the " + MAX_REGEX_LENGTH + " allowed", i);
                }
                i = end;
            } else if (c == '(') {
                if (open.size() == MAX_DEPTH) {
                    throw new InvalidQueryException("groups are nested more than " + MAX_DEPTH
                            + " deep here: flatten the query", i);
                }
                open.push(i++);
                terms.push(new int[]{0});
            } else if (c == ')') {
                if (open.isEmpty()) {
                    throw new InvalidQueryException("this ')' closes nothing", i);
                }
                int start = open.pop();
                int inside = terms.pop()[0];
                if (inside > largestTerms) {
                    largestStart = start;
                    largestTerms = inside;
                }
                i++;
            } else if ((c == '[' || c == '{') && termStart) {
                throw new InvalidQueryException("range queries ([a TO b]) are not supported in rules", i);
            } else if (termStart && (Character.isLetterOrDigit(c) || c == '_')) {
                int end = field(query, i);
                if (!OPERATORS.contains(query.substring(i, end))) {
                    terms.peek()[0]++;
                }
                i = end;
            } else {
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new InvalidQueryException("this '(' is never closed", open.peek());
        }
        int topLevel = terms.peek()[0];
        return topLevel >= largestTerms ? new Groups(0, 0) : new Groups(largestStart, largestTerms);
    }

    private static boolean isTermBoundary(char previous) {
        return Character.isWhitespace(previous) || previous == '(' || previous == '+' || previous == '-'
                || previous == '!' || previous == ':';
    }

    /** Index after the unescaped {@code quote} that closes the one at {@code start}. */
    private static int closing(String query, int start, char quote, String problem) throws InvalidQueryException {
        for (int j = start + 1; j < query.length(); j++) {
            char c = query.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                return j + 1;
            }
        }
        throw new InvalidQueryException(problem, start);
    }

    /** Reads a word; when a colon follows, it names a field, which must be known. Returns the index after it. */
    private static int field(String query, int start) throws InvalidQueryException {
        int j = start;
        while (j < query.length() && (Character.isLetterOrDigit(query.charAt(j)) || query.charAt(j) == '_'
                || query.charAt(j) == '.')) {
            j++;
        }
        if (j < query.length() && query.charAt(j) == ':') {
            String name = query.substring(start, j);
            if (!ArticleFields.isKnown(name)) {
                throw new InvalidQueryException("unknown field '" + name + "'; fields are "
                        + String.join(", ", ArticleFields.QUERYABLE)
                        + " (to search for a word with a colon, put it in quotes)", start);
            }
            return j + 1;
        }
        return j;
    }

    private static InvalidQueryException fromParser(ParseException wrapper, String query) {
        Throwable cause = wrapper.getCause() == null ? wrapper : wrapper.getCause();
        if (cause instanceof ParseException e && e.currentToken != null && e.currentToken.next != null) {
            Token offending = e.currentToken.next;
            // FastCharStream counts columns as offsets in the whole query
            int position = Math.min(Math.max(offending.beginColumn, 0), query.length());
            String problem = offending.kind == QueryParserConstants.EOF
                    ? "the query ends where a word, phrase or group was expected"
                    : "unexpected '" + offending.image.strip() + "' here";
            return new InvalidQueryException(problem, position);
        }
        if (cause instanceof TokenMgrError) {
            Matcher column = LEXICAL_COLUMN.matcher(cause.getMessage());
            int position = column.find() ? Math.min(Integer.parseInt(column.group(1)) - 1, query.length()) : 0;
            return new InvalidQueryException("unreadable character in the query", Math.max(position, 0));
        }
        String message = cause.getMessage() == null ? "cannot parse the query" : cause.getMessage();
        return new InvalidQueryException(message.replaceFirst("^Cannot parse '.*?': ", ""), 0);
    }

    private static boolean onlyExcludes(Query query) {
        Query inner = query instanceof BoostQuery boost ? boost.getQuery() : query;
        return inner instanceof BooleanQuery bool && !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT);
    }

    /** A nested group that only excludes matches everything but what it excludes (Lucene's would match nothing). */
    private static Query completeNegativeGroups(Query query) {
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(completeNegativeGroups(boost.getQuery()), boost.getBoost());
        }
        if (!(query instanceof BooleanQuery bool)) {
            return query;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
        for (BooleanClause clause : bool.clauses()) {
            Query sub = clause.query();
            if (onlyExcludes(sub)) {
                BooleanQuery.Builder complete = new BooleanQuery.Builder().add(new MatchAllDocsQuery(),
                        BooleanClause.Occur.FILTER);
                for (BooleanClause negative : ((BooleanQuery) (sub instanceof BoostQuery b ? b.getQuery() : sub))
                        .clauses()) {
                    complete.add(completeNegativeGroups(negative.query()), BooleanClause.Occur.MUST_NOT);
                }
                sub = complete.build();
            } else {
                sub = completeNegativeGroups(sub);
            }
            builder.add(sub, clause.occur());
        }
        return builder.build();
    }
}
