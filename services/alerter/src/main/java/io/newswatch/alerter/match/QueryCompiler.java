package io.newswatch.alerter.match;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.util.ArrayDeque;
import java.util.Deque;
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
 */
public final class QueryCompiler {

    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

    private QueryCompiler() {
    }

    /** Parses and checks a query. */
    public static Query compile(String query) throws InvalidQueryException {
        if (query == null || query.isBlank()) {
            throw new InvalidQueryException("the query is empty", 0);
        }
        String text = ArticleDocument.nfc(query);
        scan(text);
        Query parsed;
        try {
            parsed = parser().parse(text);
        } catch (ParseException e) {
            throw fromParser(e, text);
        }
        if (parsed == null || parsed instanceof BooleanQuery b && b.clauses().isEmpty()) {
            throw new InvalidQueryException("the query has no words to look for", 0);
        }
        if (onlyExcludes(parsed)) {
            throw new InvalidQueryException(
                    "the query only says what to exclude; say what to look for too (e.g. Montenegro NOT football)", 0);
        }
        return completeNegativeGroups(parsed);
    }

    private static QueryParser parser() {
        QueryParser parser = new QueryParser(ArticleFields.TEXT, ArticleAnalyzer.INSTANCE);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        parser.setAllowLeadingWildcard(true);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        return parser;
    }

    /**
     * Finds the mistakes the parser reports badly or not at all, with their exact position: unclosed quotes,
     * regular expressions and parentheses, unknown fields, ranges.
     */
    private static void scan(String query) throws InvalidQueryException {
        Deque<Integer> open = new ArrayDeque<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            boolean termStart = i == 0 || isTermBoundary(query.charAt(i - 1));
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                i = closing(query, i, '"', "the phrase that starts here has no closing quote");
            } else if (c == '/' && termStart) {
                i = closing(query, i, '/', "the regular expression that starts here has no closing /");
            } else if (c == '(') {
                open.push(i++);
            } else if (c == ')') {
                if (open.isEmpty()) {
                    throw new InvalidQueryException("this ')' closes nothing", i);
                }
                open.pop();
                i++;
            } else if ((c == '[' || c == '{') && termStart) {
                throw new InvalidQueryException("range queries ([a TO b]) are not supported in rules", i);
            } else if (termStart && (Character.isLetterOrDigit(c) || c == '_')) {
                i = field(query, i);
            } else {
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new InvalidQueryException("this '(' is never closed", open.peek());
        }
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
