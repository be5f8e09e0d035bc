package io.newswatch.tagging.quote;

import io.newswatch.contract.EntityType;
import io.newswatch.contract.Quote;
import io.newswatch.tagging.entity.Cues;
import io.newswatch.tagging.entity.FoundEntity;
import io.newswatch.tagging.text.Tokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Direct quotations and who said them, where the text attributes them: {@code "...," Peskov said}, {@code "...,"
 * said Stoltenberg}, {@code Kerry told reporters: "..."}, {@code "...," he added} (the person mentioned last before
 * the quote; likewise {@code "the Russian official said"}), and a quote that goes on after its attribution in
 * the same paragraph keeps its speaker. Quotations of fewer than {@value #MIN_WORDS} words (scare quotes, titles) are left out; a quotation
 * without attribution is kept without speaker. Quotes in boilerplate are skipped.
 */
public final class QuoteExtractor {

    static final int MIN_WORDS = 4;
    private static final int MAX_QUOTE_CHARS = 1500;
    private static final int ATTRIBUTION_CHARS = 140;
    private static final int PRONOUN_LOOKBACK_CHARS = 600;

    private record Span(int start, int end, FoundEntity entity) {
    }

    /** The quotations of a tagged text, in order. */
    public List<Quote> extract(Tokens tokens, List<FoundEntity> entities) {
        String text = tokens.text();
        List<Span> people = new ArrayList<>();
        for (FoundEntity e : entities) {
            if (e.type() == EntityType.PERSON) {
                e.mentions().forEach(m -> people.add(new Span(m.start(), m.end(), e)));
            }
        }
        people.sort(Comparator.comparingInt(Span::start));
        List<Quote> quotes = new ArrayList<>();
        FoundEntity previousSpeaker = null;
        int previousEnd = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            // every char of the text passes here: the four opening marks are '"' and chars from '«' up
            char close = c == '"' || c >= '«' ? closing(c) : 0;
            if (close == 0 || !opens(text, i)) {
                i++;
                continue;
            }
            int end = findClose(text, i + 1, close);
            String inner = text.substring(i + 1, end).strip();
            if (inner.endsWith(",")) {
                inner = inner.substring(0, inner.length() - 1).strip();
            }
            if (words(inner) >= MIN_WORDS && !boilerplate(tokens, i)) {
                FoundEntity speaker = speaker(tokens, people, i, Math.min(end + 1, text.length()));
                if (speaker == null && previousSpeaker != null && text.substring(previousEnd, i).indexOf('\n') < 0) {
                    speaker = previousSpeaker; // a quote that goes on after its attribution, in the same paragraph
                }
                previousSpeaker = speaker;
                previousEnd = end;
                quotes.add(new Quote(speaker == null ? null : speaker.name(), speaker == null ? null : speaker.id(), inner));
            }
            i = end + 1;
        }
        return quotes;
    }

    private static char closing(char open) {
        return switch (open) {
            case '“' -> '”';
            case '„' -> '“';
            case '«' -> '»';
            case '"' -> '"';
            default -> 0;
        };
    }

    /** An opening mark starts a word: at the start of the text or after a space, bracket or dash. */
    private static boolean opens(String text, int i) {
        if (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))) {
            return false;
        }
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        return Character.isWhitespace(before) || before == '(' || before == '[' || before == '—' || before == '–'
                || before == ':' || text.charAt(i) != '"';
    }

    /** The closing mark, or the end of the paragraph when the quote runs on. */
    private static int findClose(String text, int from, char close) {
        int limit = Math.min(text.length(), from + MAX_QUOTE_CHARS);
        for (int k = from; k < limit; k++) {
            char c = text.charAt(k);
            if (c == close || (close == '”' && c == '"')) {
                return k;
            }
            if (c == '\n' && k + 1 < text.length() && text.charAt(k + 1) == '\n') {
                return k;
            }
        }
        return limit - 1;
    }

    private static int words(String s) {
        int words = 0;
        boolean inWord = false;
        for (int k = 0; k < s.length(); k++) {
            boolean letter = Character.isLetterOrDigit(s.charAt(k));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    private static boolean boilerplate(Tokens tokens, int offset) {
        int t = tokenAt(tokens, offset);
        return t < tokens.size() && tokens.has(t, Tokens.BOILERPLATE);
    }

    private static FoundEntity speaker(Tokens tokens, List<Span> people, int open, int afterClose) {
        String text = tokens.text();
        // after the quote, to the end of its sentence: "...," Peskov said / said Stoltenberg / he added
        int afterEnd = sentenceEnd(text, afterClose, ATTRIBUTION_CHARS);
        if (hasSpeechVerb(tokens, afterClose, afterEnd)) {
            FoundEntity named = firstPerson(people, afterClose, afterEnd);
            if (named != null) {
                return named;
            }
            if (hasAnaphor(tokens, afterClose, afterEnd)) {
                return lastPersonBefore(people, open);
            }
        }
        // before the quote, from the start of its sentence: Kerry told reporters: "..." / Peskov said, "..."
        int beforeStart = sentenceStart(text, open, ATTRIBUTION_CHARS);
        if (hasSpeechVerb(tokens, beforeStart, open) || text.substring(beforeStart, open).strip().endsWith(":")) {
            FoundEntity named = firstPerson(people, beforeStart, open);
            if (named != null) {
                return named;
            }
            if (hasAnaphor(tokens, beforeStart, open)) {
                return lastPersonBefore(people, beforeStart);
            }
        }
        return null;
    }

    private static int sentenceEnd(String text, int from, int max) {
        int limit = Math.min(text.length(), from + max);
        for (int k = from; k < limit; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '“' || c == '"' || c == '«' || (c == '!' || c == '?') && k > from) {
                return k;
            }
            // a full stop ends the sentence, unless it is an initial or abbreviation ("U.S.", "Gen.")
            if (c == '.' && k > from && (k + 1 == text.length() || Character.isWhitespace(text.charAt(k + 1)))
                    && !(k >= 2 && Character.isUpperCase(text.charAt(k - 1)) && !Character.isLetter(text.charAt(k - 2)))) {
                return k;
            }
        }
        return limit;
    }

    private static int sentenceStart(String text, int to, int max) {
        int limit = Math.max(0, to - max);
        for (int k = to - 1; k >= limit; k--) {
            char c = text.charAt(k);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == '”' || c == '»') {
                return k + 1;
            }
        }
        return limit;
    }

    private static boolean hasSpeechVerb(Tokens tokens, int from, int to) {
        for (int t = tokenAt(tokens, from); t < tokens.size() && tokens.start(t) < to; t++) {
            if (Cues.SPEECH_VERB_WORDS.contains(tokens, t) || tokens.is(t, "according") || tokens.is(t, "quoted")) {
                return true;
            }
        }
        return false;
    }

    /** "he", "she", or a role with "the" before it ("the Russian official"): someone named earlier. */
    private static boolean hasAnaphor(Tokens tokens, int from, int to) {
        boolean the = false;
        for (int t = tokenAt(tokens, from); t < tokens.size() && tokens.start(t) < to; t++) {
            if (tokens.is(t, "he") || tokens.is(t, "she") || the && Cues.TITLE_WORDS.contains(tokens, t)) {
                return true;
            }
            the |= tokens.is(t, "the");
        }
        return false;
    }

    private static FoundEntity firstPerson(List<Span> people, int from, int to) {
        for (Span s : people) {
            if (s.start() >= from && s.end() <= to) {
                return s.entity();
            }
        }
        return null;
    }

    private static FoundEntity lastPerson(List<Span> people, int from, int to) {
        FoundEntity last = null;
        for (Span s : people) {
            if (s.start() >= from && s.end() <= to) {
                last = s.entity();
            }
        }
        return last;
    }

    private static FoundEntity lastPersonBefore(List<Span> people, int offset) {
        return lastPerson(people, Math.max(0, offset - PRONOUN_LOOKBACK_CHARS), offset);
    }

    /** The first token starting at or after {@code offset}. */
    private static int tokenAt(Tokens tokens, int offset) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.start(mid) < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
