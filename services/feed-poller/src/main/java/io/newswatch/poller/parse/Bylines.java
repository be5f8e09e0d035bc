package io.newswatch.poller.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The author of an article page, or none: the meta tags, the JSON-LD {@code author} and the page's byline, each
 * cleaned of the words around the name ("By", a date, a count, a job title after a separator) and refused when
 * it is not a person's name (a publisher, the site, "Guest", "Staff", a URL). A wrong author is worse than none.
 */
final class Bylines {

    private static final String META = "meta[name=author], meta[property=article:author], meta[name=byl], "
            + "meta[name=sailthru.author], meta[name=parsely-author], meta[property=author]";
    /** Byline elements, most specific first: the name inside a byline before the byline's whole text. */
    private static final List<String> BYLINES = List.of("[itemprop=author] [itemprop=name]", "[itemprop=author]",
            "[rel=author]", ".byline a[href*=/author], .byline a[href*=/autor], .byline .name", ".byline",
            ".author-name, .article-author, .post-author .fn");
    private static final Pattern LEADING = Pattern.compile("(?iu)^(written by|posted by|story by|words by|by|von|"
            + "par|por|di|od|piše|пише|автор|autor|text|texto|tekst)\\s*[:：]?\\s+");
    /** What follows the name in a byline: a separator, a date, a count. */
    private static final Pattern TRAILING = Pattern.compile("\\s+[-|•·–—/]\\s+.*|\\s*[|•·–—].*|\\s*\\([^)]*\\)?$|[\\s,]*\\d.*"
            + "|(?iu)\\s+(edited|photos?|photography|illustrations?|additional reporting|updated|published|posted|"
            + "follow|email|twitter)\\b.*");
    /** A month's name, or a title after a comma ("MA", "PhD"), left at the end once the date's digits are cut. */
    private static final Pattern TRAILING_WORD = Pattern.compile("(?iu)(\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
            + "nov|dec|january|february|march|april|june|july|august|september|october|november|december)\\.?"
            + "|,\\s*\\p{Lu}[\\p{Lu}\\p{Ll}.]{1,4})$");
    private static final Pattern NOT_A_NAME = Pattern.compile("(?iu)^(guest|guests|guest (author|contributor|post|writer)"
            + "|admin|administrator|staff|staff (writer|reporter)|editor|editors|editorial|editorial (staff|team|board)"
            + "|redakcija|redakcia|redaktion|rédaction|редакция|редакција|newsroom|news ?desk|web ?desk|desk|team|"
            + "anonymous|unknown|none|null|user|author|follow author|our (foreign )?staff|our correspondent"
            + "|agencies|agency|wires?|press release|sponsored( content)?|partner content)$");
    private static final int MAX_NAME_LENGTH = 60;
    private static final int MAX_NAME_WORDS = 6;
    /** Containers of readers' comments: a name there is a commenter's. */
    private static final Set<String> COMMENT_WORDS = Set.of("comment", "comments", "reply", "replies", "respond",
            "discussion", "disqus", "responses", "commentlist");

    private Bylines() {
    }

    /** The author's name, or null when the page names no person as its author. */
    static String author(Document document, JsonNode ld, Set<String> siteNames) {
        for (Element meta : document.select(Css.of(META))) {
            String name = clean(meta.attr("content"), siteNames);
            if (name != null) {
                return name;
            }
        }
        if (ld != null) {
            JsonNode author = ld.path("author");
            JsonNode first = author.isArray() ? author.path(0) : author;
            boolean organization = first.path("@type").asText("").equalsIgnoreCase("organization");
            String name = first.isTextual() ? first.asText() : first.path("name").asText("");
            String cleaned = organization ? null : clean(HtmlText.line(name), siteNames);
            if (cleaned != null) {
                return cleaned;
            }
        }
        for (String selector : BYLINES) {
            for (Element byline : document.select(Css.of(selector))) {
                if (inComments(byline)) {
                    continue;
                }
                String name = clean(byline.text(), siteNames);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The name in a byline's text, or null when what is left is not a person's name. */
    static String clean(String byline, Set<String> siteNames) {
        String name = HtmlText.collapse(byline == null ? "" : byline);
        if (name.startsWith("http") || name.contains("@") || name.contains("://")) {
            return null;
        }
        name = LEADING.matcher(name).replaceFirst("");
        name = TRAILING.matcher(name).replaceFirst("");
        name = TRAILING_WORD.matcher(name).replaceFirst("");
        name = name.replaceAll("[\\s,;:]+$", "").strip();
        if (name.length() < 2 || name.length() > MAX_NAME_LENGTH || name.split("\\s+").length > MAX_NAME_WORDS
                || name.codePoints().noneMatch(Character::isLetter) || NOT_A_NAME.matcher(name).matches()
                || name.codePoints().noneMatch(c -> Character.isUpperCase(c) || !Character.isLowerCase(c) && Character.isLetter(c))) {
            return null;
        }
        String key = Headlines.key(name);
        for (String site : siteNames) {
            if (key.equals(site)) {
                return null;
            }
        }
        return name;
    }

    private static boolean inComments(Element element) {
        for (Element ancestor = element; ancestor != null; ancestor = ancestor.parent()) {
            for (String word : ArticleExtractor.markerWords(ancestor)) {
                if (COMMENT_WORDS.contains(word)) {
                    return true;
                }
            }
            if (ancestor.normalName().equals("body")) {
                return false;
            }
        }
        return false;
    }

}
