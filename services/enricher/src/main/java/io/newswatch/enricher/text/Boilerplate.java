package io.newswatch.enricher.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds boilerplate that survived extraction: photo captions and credits, "Read also" blocks, copyright lines,
 * contributor lines, share and subscribe prompts. Words there are marked {@link Tokens#BOILERPLATE} and never yield
 * entities, topics or quotes. A line that starts with a marker is boilerplate whole; a credit inside a line
 * ("...; Photo: NATO") is boilerplate from the marker to the end of the line.
 */
public final class Boilerplate {

    private static final Pattern WHOLE_LINE = Pattern.compile(
            "^\\W*(?:photo(?:graph|grapher)?s?|image|picture|pictured|credit|caption|video|watch|file photo)\\b\\s*[:|/]"
                    + "|^\\W*(?:read (?:also|more)|see also|related(?: stories| articles| coverage)?|more on this"
                    + "|recommended|also read|most read|trending|sign up|subscribe|follow us|share (?:this|on)"
                    + "|click here|back to top|advertisement|this (?:post|article) is also available in"
                    + "|before it'?s here, it'?s on)\\b"
                    + "|(?:©|\\(c\\) ?\\d{4}|\\bcopyright\\b|all rights reserved)"
                    + "|\\b(?:contributed (?:to )?(?:this|the) report|reporting by|editing by|writing by|additional reporting)\\b"
                    + "|\\b(?:getty images|afp via getty|reuters/|ap photo|shutterstock)\\b",
            Pattern.CASE_INSENSITIVE);
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
            int from = boilerplateFrom(text, lineStart, lineEnd);
            while (token < n && tokens.start(token) < lineEnd) {
                if (from >= 0 && tokens.start(token) >= from) {
                    tokens.mark(token, Tokens.BOILERPLATE);
                }
                token++;
            }
            lineStart = lineEnd + 1;
        }
    }

    /** Where boilerplate starts on the line, or -1. */
    private static int boilerplateFrom(String text, int start, int end) {
        if (end - start < 3) {
            return -1;
        }
        CharSequence line = text.subSequence(start, end);
        // Long paragraphs are body text even if they mention "copyright" or a photo agency in passing.
        if (line.length() <= 300 && WHOLE_LINE.matcher(line).find()) {
            return start;
        }
        Matcher inline = INLINE.matcher(line);
        return inline.find() ? start + inline.start() : -1;
    }
}
