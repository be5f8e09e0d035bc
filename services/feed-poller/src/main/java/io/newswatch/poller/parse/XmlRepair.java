package io.newswatch.poller.parse;

import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Repairs what real feeds get wrong before the XML parser sees them, in one pass, and says what it changed:
 * text before the first tag, HTML named entities ({@code &nbsp;}, {@code &eacute;}), bare ampersands, characters
 * XML forbids, and comments with {@code --} in them.
 *
 * <p>It also removes the document type declaration. That is the safety part: entities declared there are never
 * defined, so an external entity (XXE) is never read and an entity bomb ("billion laughs") is never expanded; a
 * reference to such an entity stays in the text as written. Processing instructions and the XML declaration go
 * too: the text is already decoded, and nothing in them matters to a feed. CDATA sections are copied as they are.
 */
public final class XmlRepair {

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final int LONGEST_ENTITY_NAME = 32;

    private XmlRepair() {
    }

    /** The repaired document and what was changed, one warning per kind of change. */
    public record Repaired(String xml, List<String> warnings) {
    }

    public static Repaired repair(String text) {
        Set<String> warnings = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder(text.length() + 64);
        int n = text.length();
        int i = text.indexOf('<');
        if (i < 0) {
            return new Repaired(text, List.of());
        }
        String before = text.substring(0, i).replace("\uFEFF", "");
        if (!before.isBlank()) {
            warnings.add("ignored " + before.strip().length() + " characters of text before the first tag");
        }
        int unknownEntities = 0;
        int bareAmpersands = 0;
        int forbiddenCharacters = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<') {
                if (text.startsWith("<![CDATA[", i)) {
                    int end = text.indexOf("]]>", i + 9);
                    end = end < 0 ? n : end + 3;
                    forbiddenCharacters += copyAllowed(text, i, end, out);
                    i = end;
                } else if (text.startsWith("<!--", i)) {
                    int end = text.indexOf("-->", i + 4);
                    i = end < 0 ? n : end + 3;
                } else if (text.startsWith("<?", i)) {
                    int end = text.indexOf("?>", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                    i = skipDeclaration(text, i);
                    warnings.add("removed the document type declaration: entities it declares are not expanded");
                } else if (text.startsWith("<!", i)) {
                    i = skipDeclaration(text, i);
                    warnings.add("removed a markup declaration outside a document type");
                } else {
                    out.append(c);
                    i++;
                }
            } else if (c == '&') {
                int end = entityEnd(text, i);
                if (end < 0) {
                    out.append("&amp;");
                    bareAmpersands++;
                    i++;
                    continue;
                }
                String entity = text.substring(i + 1, end);
                if (entity.startsWith("#")) {
                    if (validCharacterReference(entity)) {
                        out.append(text, i, end + 1);
                    } else {
                        forbiddenCharacters++;
                    }
                } else if (XML_ENTITIES.contains(entity)) {
                    out.append(text, i, end + 1);
                } else if (Entities.isNamedEntity(entity)) {
                    Entities.getByName(entity).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                } else {
                    out.append("&amp;").append(entity).append(';');
                    unknownEntities++;
                }
                i = end + 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else if (allowed(c)) {
                // copy the run of ordinary characters at once: most of a feed is plain text
                int end = i + 1;
                while (end < n && plain(text.charAt(end))) {
                    end++;
                }
                out.append(text, i, end);
                i = end;
            } else {
                forbiddenCharacters++;
                i++;
            }
        }
        if (unknownEntities > 0) {
            warnings.add(unknownEntities + " reference(s) to undeclared entities kept as text");
        }
        if (bareAmpersands > 0) {
            warnings.add(bareAmpersands + " unescaped & escaped");
        }
        if (forbiddenCharacters > 0) {
            warnings.add(forbiddenCharacters + " character(s) that XML forbids removed");
        }
        return new Repaired(trimNamespaces(out.toString(), warnings), new ArrayList<>(warnings));
    }

    /**
     * Namespace URIs written with spaces around them ({@code xmlns:itunes=" http://..."}) name no namespace: the
     * spaces are removed. A single forward scan (no regular expression): linear in the document, whatever it holds.
     */
    private static String trimNamespaces(String xml, Set<String> warnings) {
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (true) {
            int at = xml.indexOf("xmlns", from);
            if (at < 0) {
                break;
            }
            from = at + 5;
            if (at > 0 && !Character.isWhitespace(xml.charAt(at - 1))) {
                continue; // not an attribute name
            }
            int i = from;
            if (i < xml.length() && xml.charAt(i) == ':') {
                i++;
                int prefix = i;
                while (i < xml.length() && (Character.isLetterOrDigit(xml.charAt(i)) || xml.charAt(i) == '_'
                        || xml.charAt(i) == '.' || xml.charAt(i) == '-')) {
                    i++;
                }
                if (i == prefix) {
                    continue;
                }
            }
            i = skipSpaces(xml, i);
            if (i >= xml.length() || xml.charAt(i) != '=') {
                continue;
            }
            i = skipSpaces(xml, i + 1);
            if (i >= xml.length() || (xml.charAt(i) != '"' && xml.charAt(i) != '\'')) {
                continue;
            }
            char quote = xml.charAt(i);
            int valueStart = i + 1;
            int valueEnd = valueStart;
            while (valueEnd < xml.length() && xml.charAt(valueEnd) != '"' && xml.charAt(valueEnd) != '\'') {
                valueEnd++;
            }
            if (valueEnd >= xml.length() || xml.charAt(valueEnd) != quote) {
                from = Math.max(from, valueEnd);
                continue;
            }
            from = valueEnd + 1;
            String value = xml.substring(valueStart, valueEnd);
            String trimmed = value.strip();
            if (trimmed.length() == value.length()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(xml.length());
            }
            out.append(xml, copied, valueStart).append(trimmed);
            copied = valueEnd;
        }
        if (out == null) {
            return xml;
        }
        warnings.add("namespace URIs with spaces around them trimmed");
        return out.append(xml, copied, xml.length()).toString();
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the ';' ending an entity or character reference that starts at {@code amp}, or -1. */
    private static int entityEnd(String text, int amp) {
        int limit = Math.min(text.length(), amp + 2 + LONGEST_ENTITY_NAME);
        int i = amp + 1;
        if (i < limit && text.charAt(i) == '#') {
            i++;
            boolean hex = i < limit && (text.charAt(i) == 'x' || text.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int digits = i;
            while (i < limit && (hex ? Character.digit(text.charAt(i), 16) >= 0 : Character.isDigit(text.charAt(i)))) {
                i++;
            }
            return i > digits && i < limit && text.charAt(i) == ';' ? i : -1;
        }
        if (i >= limit || !Character.isLetter(text.charAt(i))) {
            return -1;
        }
        while (i < limit && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '-' || text.charAt(i) == '.')) {
            i++;
        }
        return i < limit && text.charAt(i) == ';' ? i : -1;
    }

    private static boolean validCharacterReference(String entity) {
        try {
            boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
            int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
            return codePoint >= 0x10000 ? codePoint <= 0x10FFFF : allowed((char) codePoint)
                    && !Character.isSurrogate((char) codePoint);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Skips {@code <!...>}, including a bracketed internal subset and quoted strings. */
    private static int skipDeclaration(String text, int start) {
        int depth = 0;
        char quote = 0;
        for (int i = start + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static int copyAllowed(String text, int from, int to, StringBuilder out) {
        int removed = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (allowed(c) || Character.isSurrogate(c)) {
                out.append(c);
            } else {
                removed++;
            }
        }
        return removed;
    }

    /** Characters copied as they are: allowed in XML and neither markup nor a reference nor a surrogate. */
    private static boolean plain(char c) {
        return c != '<' && c != '&' && (c >= 0x20 ? c < 0xD800 || (c >= 0xE000 && c <= 0xFFFD)
                : c == '\t' || c == '\n' || c == '\r');
    }

    /** XML 1.0 characters in the basic plane, surrogates aside. */
    private static boolean allowed(char c) {
        return c >= 0x20 ? c < 0xD800 || (c >= 0xE000 && c <= 0xFFFD) : c == '\t' || c == '\n' || c == '\r';
    }
}
