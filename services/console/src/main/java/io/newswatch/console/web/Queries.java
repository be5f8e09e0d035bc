package io.newswatch.console.web;

import java.util.Locale;

/**
 * Query texts the pages build in the rule language (the alerter's), so that clicking a facet or an entity gives a
 * query an analyst can read, edit and save as a rule.
 */
public final class Queries {

    private Queries() {
    }

    /** A clause for one facet value: {@code person:"Sergey Lavrov"}, {@code topic:enlargement}. */
    public static String clause(String field, String value) {
        String plain = value == null ? "" : value.strip();
        if (plain.matches("[\\p{L}\\p{N}_]+")) {
            return field + ":" + plain;
        }
        return field + ":\"" + plain.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * True when the query is one clause, or clauses all joined by AND (outside quotes and parentheses): adding
     * {@code AND x} to it needs no parentheses. The default operator is OR, so {@code a b} is not one.
     */
    static boolean conjunction(String query) {
        java.util.List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\' && i + 1 < query.length()) {
                word.append(c).append(query.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            if (Character.isWhitespace(c) && !quoted && depth == 0) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        for (int i = 0; i < words.size(); i++) {
            boolean operator = words.get(i).equals("AND") || words.get(i).equals("&&");
            if (operator != (i % 2 == 1)) {
                return false;
            }
        }
        return words.size() % 2 == 1;
    }

    /** The query narrowed to a facet value: {@code (QUERY) AND clause}; the clause alone for an empty query. */
    public static String narrow(String query, String field, String value) {
        String clause = clause(field, value);
        if (query == null || query.isBlank()) {
            return clause;
        }
        String text = query.strip();
        if (text.contains(clause)) {
            return text;
        }
        return (conjunction(text) ? text : "(" + text + ")") + " AND " + clause;
    }
}
