package io.newswatch.bench;

import java.util.function.Function;

/** Replaces the marked parts of a template: {@code {slot}} for a story's names, {@code [part]} for grammar choices. */
final class Markers {

    private Markers() {
    }

    /**
     * The template with every part between {@code open} and {@code close} replaced by {@code value} of the part's
     * name. A template ends at its last marker; an unclosed marker is a bug in the bench's own templates.
     */
    static String replace(String template, char open, char close, Function<String, String> value) {
        StringBuilder out = new StringBuilder(template.length() + 80);
        int at = 0;
        while (at < template.length()) {
            int start = template.indexOf(open, at);
            if (start < 0) {
                out.append(template, at, template.length());
                break;
            }
            int end = template.indexOf(close, start);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed " + open + " in template: " + template);
            }
            out.append(template, at, start);
            out.append(value.apply(template.substring(start + 1, end)));
            at = end + 1;
        }
        return out.toString();
    }
}
