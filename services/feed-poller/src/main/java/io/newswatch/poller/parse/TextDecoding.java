package io.newswatch.poller.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed's bytes into text when publishers get encodings wrong. In order: a byte-order mark; text that is
 * valid UTF-8 (and not plain ASCII) is UTF-8 whatever the declarations say, because Latin-1 or Cyrillic single-byte
 * text practically never is; otherwise the HTTP header's charset, then the XML declaration's, then windows-1252
 * (which is what "ISO-8859-1" means on the web). Each disagreement is reported as a warning.
 */
public final class TextDecoding {

    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*+<\\?xml[^>]{0,400}?\\sencoding\\s*+=\\s*+[\"']([^\"'\\s>]{1,60})[\"']");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    /** Decoded text and what was noticed on the way. */
    public record Decoded(String text, Charset charset, List<String> warnings) {
    }

    /**
     * @param bytes         the document
     * @param headerCharset the charset of the HTTP {@code Content-Type}, when given
     */
    public static Decoded decode(byte[] bytes, Optional<String> headerCharset) {
        Optional<Charset> bom = bom(bytes);
        if (bom.isPresent()) {
            int skip = bom.get().equals(StandardCharsets.UTF_8) ? 3 : 2;
            return new Decoded(new String(bytes, skip, bytes.length - skip, bom.get()), bom.get(), List.of());
        }
        if (looksUtf16(bytes)) {
            Charset utf16 = bytes[0] == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return new Decoded(new String(bytes, utf16), utf16, List.of());
        }
        Optional<String> declared = declaredEncoding(bytes);
        Optional<String> headerLabel = headerCharset.filter(label -> charset(label).isPresent());
        Optional<String> xmlLabel = declared.filter(label -> charset(label).isPresent());
        Optional<String> statedLabel = headerLabel.or(() -> xmlLabel);
        if (isAscii(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), StandardCharsets.UTF_8, List.of());
        }
        Optional<String> utf8 = strictUtf8(bytes);
        if (utf8.isPresent()) {
            List<String> warnings = statedLabel.filter(label -> !charset(label).orElseThrow().equals(StandardCharsets.UTF_8))
                    .map(label -> List.of("declared " + label + " but the bytes are UTF-8; read as UTF-8"))
                    .orElse(List.of());
            return new Decoded(utf8.get(), StandardCharsets.UTF_8, warnings);
        }
        Optional<Charset> singleByte = headerLabel.or(() -> xmlLabel).flatMap(TextDecoding::charset).map(TextDecoding::web)
                .filter(c -> !isUnicode(c));
        if (singleByte.isEmpty()) {
            singleByte = xmlLabel.flatMap(TextDecoding::charset).map(TextDecoding::web).filter(c -> !isUnicode(c));
        }
        if (singleByte.isPresent()) {
            return new Decoded(new String(bytes, singleByte.get()), singleByte.get(), List.of());
        }
        String why = statedLabel.isPresent() ? "declared " + statedLabel.get() + " but the bytes are not valid UTF-8"
                : "no encoding declared and the bytes are not UTF-8";
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, List.of(why + "; read as windows-1252"));
    }

    /** The encoding named in the XML declaration, when there is one. */
    static Optional<String> declaredEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1);
        Matcher matcher = XML_ENCODING.matcher(head);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Optional<Charset> bom(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /** "{@code <?}" or "{@code <r}" in UTF-16 without a byte-order mark. */
    private static boolean looksUtf16(byte[] bytes) {
        return bytes.length >= 4 && ((bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0)
                || (bytes[0] == '<' && bytes[1] == 0 && bytes[3] == 0));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.trim()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** As browsers do: ISO-8859-1 and US-ASCII labels mean windows-1252. */
    private static Charset web(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return name.equals("iso-8859-1") || name.equals("us-ascii") ? WINDOWS_1252 : charset;
    }

    private static boolean isUnicode(Charset charset) {
        return charset.name().toUpperCase(Locale.ROOT).startsWith("UTF");
    }
}
