package io.newswatch.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The series selectors of a PromQL expression ({@code rate(newswatch_x_total{outcome="ok"}[5m])} selects
 * {@code newswatch_x_total} with one matcher), so that a test can check every metric a dashboard or an alert rule
 * reads against what the services export. Written here because no maintained Java PromQL parser exists; it reads
 * the subset newswatch's dashboards and rules use (selectors, functions, aggregations with by/without, binary
 * operators with on/ignoring/group_left, ranges, subqueries, offsets) and fails loudly on what it cannot read.
 */
final class PromQl {

    /** Aggregation operators and keywords: never metric names, whatever follows them. */
    private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "by", "without", "on",
            "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless", "atan2", "inf", "nan");
    /** Keywords followed by a list of label names in parentheses. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    /** One label matcher: {@code label op "value"}, op one of {@code = != =~ !~}. */
    record Matcher(String label, String op, String value) {
    }

    /** A series selector: a metric name and its label matchers. */
    record Selector(String metric, List<Matcher> matchers) {
    }

    private final String expression;
    private int at;

    private PromQl(String expression) {
        this.expression = expression;
    }

    /** Every series selector of {@code expression}, in order. */
    static List<Selector> selectors(String expression) {
        return new PromQl(expression).parse();
    }

    private List<Selector> parse() {
        List<Selector> selectors = new ArrayList<>();
        while (at < expression.length()) {
            char c = expression.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                string();
            } else if (c == '[') {
                skipPast(']');
            } else if (c == '{') {
                List<Matcher> matchers = matchers();
                String name = matchers.stream().filter(m -> m.label().equals("__name__") && m.op().equals("="))
                        .map(Matcher::value).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("a selector without a metric name in: "
                                + expression));
                selectors.add(new Selector(name, matchers));
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                String word = identifier();
                if (LABEL_LISTS.contains(word)) {
                    skipSpaces();
                    if (at < expression.length() && expression.charAt(at) == '(') {
                        skipPast(')');
                    }
                } else if (!KEYWORDS.contains(word) && !followedBy('(')) {
                    skipSpaces();
                    List<Matcher> matchers = at < expression.length() && expression.charAt(at) == '{'
                            ? matchers() : List.of();
                    selectors.add(new Selector(word, matchers));
                }
            } else if (Character.isDigit(c) || c == '.') {
                while (at < expression.length() && (Character.isLetterOrDigit(expression.charAt(at))
                        || expression.charAt(at) == '.')) {
                    at++; // a number, or a duration after offset (10m)
                }
            } else if (c == '$') {
                throw new IllegalArgumentException("a template variable outside a range in: " + expression);
            } else {
                at++;
            }
        }
        return selectors;
    }

    private List<Matcher> matchers() {
        at++; // {
        List<Matcher> matchers = new ArrayList<>();
        while (true) {
            skipSpaces();
            char c = expression.charAt(at);
            if (c == '}') {
                at++;
                return matchers;
            }
            if (c == ',') {
                at++;
                continue;
            }
            String label = identifier();
            skipSpaces();
            int start = at;
            while ("=!~".indexOf(expression.charAt(at)) >= 0) {
                at++;
            }
            String op = expression.substring(start, at);
            if (!Set.of("=", "!=", "=~", "!~").contains(op) || label.isEmpty()) {
                throw new IllegalArgumentException("cannot read the matcher at " + start + " of: " + expression);
            }
            skipSpaces();
            matchers.add(new Matcher(label, op, string()));
        }
    }

    private String identifier() {
        int start = at;
        while (at < expression.length() && (Character.isLetterOrDigit(expression.charAt(at))
                || expression.charAt(at) == '_' || expression.charAt(at) == ':')) {
            at++;
        }
        return expression.substring(start, at);
    }

    /** A quoted string; its value with PromQL's escapes resolved (raw in backquotes). */
    private String string() {
        char quote = expression.charAt(at++);
        StringBuilder value = new StringBuilder();
        while (at < expression.length() && expression.charAt(at) != quote) {
            char c = expression.charAt(at++);
            if (c == '\\' && quote != '`') {
                value.append(expression.charAt(at++));
            } else {
                value.append(c);
            }
        }
        if (at >= expression.length()) {
            throw new IllegalArgumentException("an unterminated string in: " + expression);
        }
        at++;
        return value.toString();
    }

    private boolean followedBy(char c) {
        int look = at;
        while (look < expression.length() && Character.isWhitespace(expression.charAt(look))) {
            look++;
        }
        return look < expression.length() && expression.charAt(look) == c;
    }

    private void skipSpaces() {
        while (at < expression.length() && Character.isWhitespace(expression.charAt(at))) {
            at++;
        }
    }

    private void skipPast(char close) {
        int end = expression.indexOf(close, at);
        if (end < 0) {
            throw new IllegalArgumentException("no " + close + " after " + at + " in: " + expression);
        }
        at = end + 1;
    }
}
