package io.newswatch.poller.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs the two encoding mistakes that survive decoding, in text already taken out of the XML:
 * <ul>
 *   <li>UTF-8 read as windows-1252 or ISO-8859-1 and encoded again ({@code â€”} for {@code —}, {@code Ã©} for
 *   {@code é}): a lead character (U+00C2 to U+00F4) followed by the continuation characters UTF-8 expects, whose
 *   windows-1252 or Latin-1 bytes form one valid UTF-8 sequence, becomes that character;</li>
 *   <li>C1 control characters (U+0080 to U+009F), which text never means, standing for the windows-1252
 *   punctuation with those byte values ({@code don\u0092t} for {@code don’t}): mapped as browsers map them.</li>
 * </ul>
 * A single forward scan, linear in the text. The counts feed the parse's warnings.
 */
final class Mojibake {

    /** windows-1252's characters for the bytes 0x80 to 0x9F; 0 where it defines none. */
    private static final char[] WINDOWS_1252_C1 = {
            '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
            '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', 0, '\u017D', 0,
            0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
            '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'};

    /** What was repaired over a whole parse. Not thread-safe: one per parse. */
    static final class Repairs {
        int doubleEncoded;
        int windows1252;
    }

    private Mojibake() {
    }

    /** The text with both mistakes repaired; the same instance when there was nothing to repair. */
    static String repair(String text, Repairs repairs) {
        if (text == null || !hasCandidates(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int consumed = c >= '\u00C2' && c <= '\u00F4' ? doubleEncoded(text, i, out) : 0;
            if (consumed > 0) {
                repairs.doubleEncoded++;
                i += consumed;
                continue;
            }
            if (c >= '\u0080' && c <= '\u009F' && WINDOWS_1252_C1[c - 0x80] != 0) {
                out.append(WINDOWS_1252_C1[c - 0x80]);
                repairs.windows1252++;
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static boolean hasCandidates(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u0080' && c <= '\u009F') || (c >= '\u00C2' && c <= '\u00F4')) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the lead character at {@code at} and the characters after it are one UTF-8 sequence read as single
     * bytes, appends the character they encode and returns how many characters it replaces; otherwise 0.
     */
    private static int doubleEncoded(String text, int at, StringBuilder out) {
        char lead = text.charAt(at);
        int continuations = lead <= '\u00DF' ? 1 : lead <= '\u00EF' ? 2 : 3;
        if (at + continuations >= text.length()) {
            return 0;
        }
        byte[] bytes = new byte[continuations + 1];
        bytes[0] = (byte) lead;
        for (int k = 1; k <= continuations; k++) {
            int b = byteOf(text.charAt(at + k));
            if (b < 0x80 || b > 0xBF) {
                return 0;
            }
            bytes[k] = (byte) b;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)));
            return continuations + 1;
        } catch (CharacterCodingException e) {
            return 0;
        }
    }

    /** The single byte a character came from when read as windows-1252 or Latin-1; -1 when none. */
    private static int byteOf(char c) {
        if (c <= '\u00FF') {
            return c;
        }
        for (int b = 0; b < WINDOWS_1252_C1.length; b++) {
            if (WINDOWS_1252_C1[b] == c) {
                return 0x80 + b;
            }
        }
        return -1;
    }
}
