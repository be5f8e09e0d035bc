package io.newswatch.alerter.match;

import io.newswatch.contract.Entity;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Explains a match after the fact: which words of the article satisfied the query (Lucene's Matches API over the
 * same analysis as matching), the sentences around them with the words highlighted, and the entities and topics
 * that satisfied entity and topic fields. Only run for articles that raise an alert, never on the matching path.
 */
public final class MatchExplainer {

    static final int MAX_PASSAGES = 3;
    static final int MAX_PASSAGE_CHARS = 300;
    /** A proximity match longer than this is highlighted word by word rather than as one span. */
    private static final int MAX_SPAN_CHARS = 60;
    private static final String ELLIPSIS = "…";

    private MatchExplainer() {
    }

    /** Explains why {@code query} matches {@code article}; empty lists when it does not. */
    public static MatchExplanation explain(Query query, ArticleDocument article) {
        return of(article).explain(query);
    }

    /**
     * Explains matches on one article, for as many queries as it raises alerts for: the article is analysed and
     * indexed once, in the fields those queries name (at 100,000 rules an article raises about 30 alerts). Not
     * thread-safe.
     */
    public static Explainer of(ArticleDocument article) {
        return new Explainer(article, null, Set.of());
    }

    /**
     * Explains matches on one article over the index matching built of it ({@link RuleMatcher#matchExplainable}):
     * the same analysis with offsets, in every field some rule used, so the article is not analysed again; a query
     * naming a field that index lacks gets an index of its own.
     */
    static Explainer of(ArticleDocument article, LeafReader matchedIndex, Set<String> fields) {
        return new Explainer(article, matchedIndex, fields);
    }

    /**
     * The explanations of one article's matches. The article is indexed only in the fields the queries explained so
     * far name (most rules name one or two: a rule on {@code person:} never needs the body analysed), again with more
     * fields when a later query names others; a query's matches depend on its own fields only, so the explanation is
     * the same as over every field. The article's sentences are found once, when a passage is first cut.
     */
    public static final class Explainer {

        private final ArticleDocument article;
        private final Set<String> indexed = new HashSet<>();
        private final LeafReader matchedIndex;
        private LeafReader index;
        private List<Span> sentences;

        /** @param fields the fields {@code index} holds the article in (none when it is null) */
        private Explainer(ArticleDocument article, LeafReader index, Set<String> fields) {
            this.article = article;
            this.matchedIndex = index;
            this.index = index;
            indexed.addAll(fields);
        }

        /**
         * Notes a query that is going to be explained, so that the article is indexed in its fields together with
         * those of the others, once.
         */
        public void expect(Query query) {
            if (index != null) {
                return;
            }
            try {
                indexed.addAll(fieldsOf(query));
            } catch (RuntimeException | StackOverflowError e) {
                // a query too deep to walk: explain() finds the same and says so
            }
        }

        /** Explains why {@code query} matches the article; empty lists when it does not. */
        public MatchExplanation explain(Query query) {
            Set<String> fields = fieldsOf(query);
            if (index == null || !indexed.containsAll(fields)) {
                indexed.addAll(fields);
                index = index(article, indexed);
            }
            return MatchExplainer.explain(query, article, index, this::sentences);
        }

        /** True while every explanation so far was made over matching's own index of the article. */
        boolean reusesMatchingsIndex() {
            return index != null && index == matchedIndex;
        }

        /** The fields the article is indexed in so far. */
        Set<String> indexedFields() {
            return Set.copyOf(indexed);
        }

        private List<Span> sentences() {
            if (sentences == null) {
                sentences = MatchExplainer.sentences(article.fullText());
            }
            return sentences;
        }
    }

    /** The article indexed in the given fields, with offsets (as matching indexes it, in the fields it uses). */
    static LeafReader index(ArticleDocument article, Set<String> fields) {
        MemoryIndex index = new MemoryIndex(true, false);
        article.forEachValue((field, value) -> {
            if (fields.contains(field)) {
                index.addField(field, value, ArticleAnalyzer.INSTANCE);
            }
        });
        index.freeze();
        return (LeafReader) index.createSearcher().getIndexReader();
    }

    /** Every field the query names, negated parts too. */
    static Set<String> fieldsOf(Query query) {
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                for (Term term : terms) {
                    fields.add(term.field());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
    }

    static MatchExplanation explain(Query query, ArticleDocument article, LeafReader index,
                                    Supplier<List<Span>> sentences) {
        Hits hits = hits(query, article, index);
        List<Span> spans = hits.text;
        if (spans.isEmpty()) {
            spans = mentions(article, hits.entities);
        }
        List<String> passages = spans.isEmpty() ? List.of() : passages(article.fullText(), sentences.get(), spans);
        Set<String> terms = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        hits.text.forEach(span -> {
            String term = article.fullText().substring(span.start, span.end);
            if (seen.add(term.toLowerCase(Locale.ROOT))) {
                terms.add(term);
            }
        });
        hits.values.forEach(value -> {
            if (seen.add(value.toLowerCase(Locale.ROOT))) {
                terms.add(value);
            }
        });
        Set<String> entities = new LinkedHashSet<>();
        hits.entities.forEach(entity -> entities.add(entity.id()));
        for (Entity entity : article.entities()) {
            if (entity.forms().stream().anyMatch(terms::contains) || terms.contains(entity.name())) {
                entities.add(entity.id());
            }
        }
        entities.remove(null);
        String snippet = String.join(" " + ELLIPSIS + " ", passages);
        if (snippet.isEmpty()) {
            snippet = escape(lead(article.fullText()));
        }
        return new MatchExplanation(snippet, passages, List.copyOf(terms), List.copyOf(entities),
                List.copyOf(hits.topics));
    }

    /** A span of {@link ArticleDocument#fullText()}. */
    record Span(int start, int end) {
    }

    private static final class Hits {
        final List<Span> text = new ArrayList<>();
        final Set<String> values = new LinkedHashSet<>();
        final Set<Entity> entities = new LinkedHashSet<>();
        final Set<String> topics = new LinkedHashSet<>();
    }

    private static Hits hits(Query query, ArticleDocument article, LeafReader index) {
        Hits hits = new Hits();
        try {
            IndexSearcher searcher = new IndexSearcher(index);
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            LeafReaderContext leaf = searcher.getIndexReader().leaves().getFirst();
            Matches matches = weight.matches(leaf, 0);
            if (matches == null) {
                return hits;
            }
            for (String field : matches) {
                MatchesIterator iterator = matches.getMatches(field);
                while (iterator != null && iterator.next()) {
                    collect(article, field, iterator, hits);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("explaining a match on article " + article.id() + " failed", e);
        }
        hits.text.sort(Comparator.comparingInt(Span::start));
        dropOverlaps(hits.text);
        return hits;
    }

    private static void collect(ArticleDocument article, String field, MatchesIterator iterator, Hits hits)
            throws IOException {
        int start = iterator.startOffset();
        int end = iterator.endOffset();
        if (start < 0) {
            return; // a match without offsets (match-all)
        }
        if (ArticleFields.TEXT_FIELDS.contains(field)) {
            int shift = field.equals(ArticleFields.BODY) ? article.bodyStart() : 0;
            MatchesIterator words = end - start > MAX_SPAN_CHARS ? iterator.getSubMatches() : null;
            if (words == null) {
                hits.text.add(new Span(start + shift, end + shift));
            } else {
                while (words.next()) {
                    hits.text.add(new Span(words.startOffset() + shift, words.endOffset() + shift));
                }
            }
            return;
        }
        // Other fields hold several values; offsets run on across them, one gap apart.
        List<String> values = article.values(field);
        int valueStart = 0;
        for (int i = 0; i < values.size(); i++) {
            int valueEnd = valueStart + values.get(i).length();
            if (start >= valueStart && start < valueEnd) {
                String value = values.get(i);
                hits.values.add(value);
                if (ArticleFields.ENTITY_FIELDS.contains(field)) {
                    hits.entities.add(article.valueEntities(field).get(i));
                } else if (field.equals(ArticleFields.TOPIC)) {
                    hits.topics.add(value);
                }
                return;
            }
            valueStart = valueEnd + ArticleAnalyzer.INSTANCE.getOffsetGap(field);
        }
    }

    private static void dropOverlaps(List<Span> spans) {
        for (int i = spans.size() - 1; i > 0; i--) {
            Span previous = spans.get(i - 1);
            Span span = spans.get(i);
            if (span.start < previous.end) {
                spans.set(i - 1, new Span(previous.start, Math.max(previous.end, span.end)));
                spans.remove(i);
            }
        }
    }

    /** Where the text mentions entities that matched through an entity field, in any of their forms. */
    private static List<Span> mentions(ArticleDocument article, Set<Entity> entities) {
        List<Span> spans = new ArrayList<>();
        String text = article.fullText();
        for (Entity entity : entities) {
            Set<String> forms = new LinkedHashSet<>(entity.forms());
            forms.add(entity.name());
            for (String form : forms) {
                if (form == null || form.isBlank()) {
                    continue;
                }
                for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length())) {
                    if (isWordBoundary(text, at - 1) && isWordBoundary(text, at + form.length())) {
                        spans.add(new Span(at, at + form.length()));
                    }
                }
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        dropOverlaps(spans);
        return spans;
    }

    private static boolean isWordBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    /** The sentences holding the first spans, in text order, each cut to a window around its spans. */
    private static List<String> passages(String text, List<Span> sentences, List<Span> spans) {
        List<String> passages = new ArrayList<>();
        int next = 0;
        for (Span sentence : sentences) {
            if (passages.size() == MAX_PASSAGES || next >= spans.size()) {
                break;
            }
            List<Span> inside = new ArrayList<>();
            while (next < spans.size() && spans.get(next).start < sentence.end) {
                if (spans.get(next).start >= sentence.start) {
                    inside.add(spans.get(next));
                }
                next++;
            }
            if (!inside.isEmpty()) {
                passages.add(passage(text, sentence, inside));
            }
        }
        return passages;
    }

    private static String passage(String text, Span sentence, List<Span> spans) {
        int start = sentence.start;
        int end = sentence.end;
        if (end - start > MAX_PASSAGE_CHARS) {
            start = Math.max(start, wordStart(text, spans.getFirst().start - MAX_PASSAGE_CHARS / 3, sentence.start));
            end = Math.min(end, wordEnd(text, start + MAX_PASSAGE_CHARS, sentence.end));
            end = Math.max(end, Math.min(spans.getFirst().end, sentence.end));
        }
        StringBuilder passage = new StringBuilder();
        if (start > sentence.start) {
            passage.append(ELLIPSIS);
        }
        int at = start;
        for (Span span : spans) {
            if (span.start < at || span.end > end) {
                continue;
            }
            passage.append(escape(text.substring(at, span.start))).append("<em>")
                    .append(escape(text.substring(span.start, span.end))).append("</em>");
            at = span.end;
        }
        passage.append(escape(text.substring(at, end)));
        if (end < sentence.end) {
            passage.append(ELLIPSIS);
        }
        return passage.toString().strip();
    }

    /** Sentences of each paragraph, trimmed: a line break always ends a sentence (titles have no full stop). */
    static List<Span> sentences(String text) {
        List<Span> sentences = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            breaks.setText(line);
            for (int s = breaks.first(), e = breaks.next(); e != BreakIterator.DONE; s = e, e = breaks.next()) {
                int start = lineStart + s;
                int end = lineStart + e;
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    sentences.add(new Span(start, end));
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private static int wordStart(String text, int index, int floor) {
        int i = Math.max(index, floor);
        while (i > floor && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int wordEnd(String text, int index, int ceiling) {
        int i = Math.min(index, ceiling);
        while (i < ceiling && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String lead(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_PASSAGE_CHARS ? flat
                : flat.substring(0, wordStart(flat, MAX_PASSAGE_CHARS, 0)).strip() + ELLIPSIS;
    }

    /** Escapes text for HTML, so that only our {@code <em>} tags are markup. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c == '\n' ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
