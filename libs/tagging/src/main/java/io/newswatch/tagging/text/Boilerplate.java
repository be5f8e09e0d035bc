package io.newswatch.tagging.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds boilerplate that survived extraction: photo captions and credits, "Read also" blocks, copyright lines,
 * contributor lines, share and subscribe prompts. Words there are marked {@link Tokens#BOILERPLATE} and never yield
 * entities, topics or quotes. A line that starts with a marker, or a short line that carries a credit or copyright
 * phrase, is boilerplate whole; a credit inside a line ("...; Photo: NATO") is boilerplate from the marker to the
 * end of the line. Lines are checked with a cheap keyword scan first; regular expressions only run at line starts.
 */
public final class Boilerplate {

    /** Lines longer than this are body text even if they mention "copyright" or a photo agency in passing. */
    private static final int MAX_LINE = 300;

    private static final Pattern LINE_START = Pattern.compile(
            "\\W*(?:(?:photo(?:graph|grapher)?s?|image|picture|pictured|credit|caption|video|watch|file photo)\\s*[:|/]"
                    + "|(?:read (?:also|more)|see also|related(?: stories| articles| coverage)?|more on this"
                    + "|recommended|also read|most read|trending|sign up|subscribe|follow us|share (?:this|on)"
                    + "|click here|back to top|advertisement|this (?:post|article) is also available in"
                    + "|before it'?s here, it'?s on)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Phrases that make a short line boilerplate wherever they stand (lower case). */
    private static final List<String> LINE_PHRASES = List.of("©", "(c) 20", "copyright", "all rights reserved",
            "contributed to this report", "contributed to the report", "contributed reporting", "reporting by",
            "editing by", "writing by", "additional reporting", "getty images", "afp via getty", "reuters/", "ap photo",
            "shutterstock");
    /** Words of which a line needs one before {@link #LINE_PHRASES} are looked for (folded). */
    private static final List<String> TRIGGERS = List.of("c", "copyright", "reserved", "contributed", "reporting",
            "editing", "writing", "getty", "reuters", "ap", "shutterstock");
    private static final int MAX_TRIGGER_LENGTH = TRIGGERS.stream().mapToInt(String::length).max().orElse(0);
    private static final io.newswatch.tagging.match.LongIntMap TRIGGER_HASHES = new io.newswatch.tagging.match.LongIntMap(32);

    static {
        TRIGGERS.forEach(word -> TRIGGER_HASHES.put(Tokenizer.hash(word.toCharArray(), 0, word.length()), 1));
    }

    /**
     * The first words (lower case, ASCII) that {@link #LINE_START} can begin with: a line whose first word is none
     * of them is not tried against the expression, which was most of this class's cost (every line of every text).
     */
    private static final Set<String> LINE_START_WORDS = Set.of("photo", "photos", "photograph", "photographs",
            "photographer", "photographers", "image", "picture", "pictured", "credit", "caption", "video", "watch",
            "file", "read", "see", "related", "more", "recommended", "also", "most", "trending", "sign", "subscribe",
            "follow", "share", "click", "back", "advertisement", "this", "before");
    private static final int MAX_START_WORD = LINE_START_WORDS.stream().mapToInt(String::length).max().orElse(0);

    private static final Pattern INLINE = Pattern.compile(
            "[;|(]\\s*(?:photo|photograph|photographer|image|credit|source)s?\\s*:", Pattern.CASE_INSENSITIVE);

    private Boilerplate() {
    }

    /** Marks the boilerplate tokens of a text. */
    public static void mark(Tokens tokens) {
        String text = tokens.text();
        int lineStart = 0;
        int token = 0;
        int n = tokens.size();
        while (lineStart < text.length() && token < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int from = boilerplateFrom(tokens, token, lineStart, lineEnd);
            while (token < n && tokens.start(token) < lineEnd) {
                if (from >= 0 && tokens.start(token) >= from) {
                    tokens.mark(token, Tokens.BOILERPLATE);
                }
                token++;
            }
            lineStart = lineEnd + 1;
        }
    }

    private static boolean hasTrigger(Tokens tokens, int from, int lineEnd) {
        for (int i = from; i < tokens.size() && tokens.start(i) < lineEnd; i++) {
            if (tokens.foldLength(i) <= MAX_TRIGGER_LENGTH && TRIGGER_HASHES.get(tokens.hash(i), -1) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code c} first stands in {@code text[from, to)}, or -1: a search bounded by the line, not the text. */
    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * False when {@link #LINE_START} cannot match at {@code start}: its {@code \\W*} skips what is not an ASCII
     * letter, digit or underscore, and the ASCII letters that follow must be one of {@link #LINE_START_WORDS}.
     */
    static boolean mayStartLine(String text, int start, int end) {
        int i = start;
        while (i < end && !isAsciiWordChar(text.charAt(i))) {
            i++;
        }
        int from = i;
        while (i < end && isAsciiLetter(text.charAt(i)) && i - from <= MAX_START_WORD) {
            i++;
        }
        return i > from && i - from <= MAX_START_WORD
                && LINE_START_WORDS.contains(text.substring(from, i).toLowerCase(Locale.ROOT));
    }

    /** True when one of {@link #INLINE}'s openers ({@code ; | (}) stands in {@code text[from, to)}. */
    private static boolean hasInlineOpener(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ';' || c == '|' || c == '(') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiWordChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    /** Where boilerplate starts on the line (whose first token is {@code token}), or -1. */
    private static int boilerplateFrom(Tokens tokens, int token, int start, int end) {
        String text = tokens.text();
        if (end - start < 3) {
            return -1;
        }
        if (end - start <= MAX_LINE) {
            if (mayStartLine(text, start, end) && LINE_START.matcher(text).region(start, end).lookingAt()) {
                return start;
            }
            if (indexOf(text, '©', start, end) >= 0) {
                return start;
            }
            if (hasTrigger(tokens, token, end)) {
                String line = text.substring(start, end).toLowerCase(Locale.ROOT);
                for (String phrase : LINE_PHRASES) {
                    if (line.contains(phrase)) {
                        return start;
                    }
                }
            }
        }
        if (indexOf(text, ':', start, end) < 0 || !hasInlineOpener(text, start, end)) {
            return -1;
        }
        Matcher inline = INLINE.matcher(text).region(start, end);
        return inline.find() ? inline.start() : -1;
    }
}
