package io.newswatch.console.web;

import org.jsoup.nodes.Entities;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An article's text with the entities the enricher recognised marked by type, each a link to a search for that
 * entity. The index keeps each entity's canonical name (and the surface forms seen, where the indexer stores them),
 * not offsets, so mentions are found again here: the name, each form, and a person's surname, compared without
 * case or diacritics letter for letter (Đ counts as d, so a text that writes Djukanovic for Đukanović is not
 * marked), whole words only, longest first, never overlapping.
 */
public final class EntityMarkup {

    /** An entity of the article. */
    public record Entity(String name, String type, List<String> forms) {

        public Entity {
            forms = forms == null ? List.of() : List.copyOf(forms);
        }
    }

    private record Span(int start, int end, Entity entity) {
    }

    private EntityMarkup() {
    }

    /** HTML: the text escaped, mentions as {@code <a class="entity person" href="/search?q=...">}. */
    public static String mark(String text, List<Entity> entities) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String folded = fold(text);
        List<Span> spans = new ArrayList<>();
        for (Entity entity : entities) {
            for (String surface : surfaces(entity)) {
                String needle = fold(surface);
                if (needle.isBlank()) {
                    continue;
                }
                int at = folded.indexOf(needle);
                while (at >= 0) {
                    int end = at + needle.length();
                    if (boundary(folded, at - 1) && boundary(folded, end)) {
                        spans.add(new Span(at, end, entity));
                    }
                    at = folded.indexOf(needle, at + 1);
                }
            }
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -(s.end() - s.start())));
        StringBuilder html = new StringBuilder(text.length() + spans.size() * 80);
        int done = 0;
        for (Span span : spans) {
            if (span.start() < done) {
                continue; // overlaps a longer or earlier mention
            }
            html.append(escape(text.substring(done, span.start())));
            String type = span.entity().type().toLowerCase(Locale.ROOT);
            html.append("<a class=\"entity ").append(type).append("\" href=\"/search?q=")
                    .append(URLEncoder.encode(Queries.clause(type, span.entity().name()), StandardCharsets.UTF_8))
                    .append("\" title=\"").append(type).append(": ").append(escape(span.entity().name()))
                    .append("\">").append(escape(text.substring(span.start(), span.end()))).append("</a>");
            done = span.end();
        }
        html.append(escape(text.substring(done)));
        return html.toString();
    }

    private static List<String> surfaces(Entity entity) {
        List<String> surfaces = new ArrayList<>();
        surfaces.add(entity.name());
        surfaces.addAll(entity.forms());
        if ("PERSON".equalsIgnoreCase(entity.type())) {
            String[] words = entity.name().strip().split("\\s+");
            if (words.length > 1 && words[words.length - 1].length() >= 4) {
                surfaces.add(words[words.length - 1]);
            }
        }
        return surfaces;
    }

    /**
     * Lower case without diacritics, hyphens as spaces, one character for one, so offsets into the folded text are
     * offsets into the text.
     */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2013') {
                folded.append(' '); // NATO-Russia Council is also written NATO Russia Council
                continue;
            }
            if (c < 128) {
                folded.append(Character.toLowerCase(c));
                continue;
            }
            if (c == 'Đ' || c == 'đ') {
                folded.append('d');
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            folded.append(Character.toLowerCase(decomposed.isEmpty() ? c : decomposed.charAt(0)));
        }
        return folded.toString();
    }

    private static boolean boundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    static String escape(String text) {
        return Entities.escape(text);
    }
}
