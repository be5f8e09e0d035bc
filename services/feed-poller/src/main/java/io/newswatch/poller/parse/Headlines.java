package io.newswatch.poller.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headline of an article page without the site's name that titles carry ({@code Headline | Site},
 * {@code Headline - Site}, {@code Site — Headline}), and the names the site goes by.
 */
final class Headlines {

    /** Separators between a headline and a site name, spaced; full-width bars and "::" need no spaces. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+([|\\-–—·•«»]|--)\\s+|\\s*[｜]\\s*|\\s+::\\s*|\\s*::\\s+");
    /** A host's mobile or www label, left out of the site's name. */
    private static final Pattern HOST_PREFIX = Pattern.compile("^(www|m|amp|mobile)\\.");
    /** Fewer words than this in a document title is a section's name ("News"), not a headline. */
    private static final int HEADLINE_WORDS = 4;
    /** An h1 in these is the site's logo, not the headline. */
    private static final String SITE_CHROME = "header:not(article header), nav, [role=banner], .logo, .site-title,"
            + " .site-header, #header, .masthead";

    private Headlines() {
    }

    /**
     * The names of the site: {@code og:site_name}, {@code application-name}, the JSON-LD publisher, the text (or
     * logo's alternative text) of links to the home page, and the host's main label; as {@link #key}s.
     */
    static Set<String> siteNames(Document document, JsonNode ld) {
        Set<String> names = new LinkedHashSet<>();
        for (Element meta : document.select(Css.of("meta[property=og:site_name], meta[name=application-name], "
                + "meta[name=apple-mobile-web-app-title], meta[name=publisher], meta[name=copyright]"))) {
            add(names, meta.attr("content"));
        }
        if (ld != null) {
            add(names, ld.path("publisher").path("name").asText(""));
        }
        String base = document.location();
        String host = null;
        try {
            host = base.isEmpty() ? null : URI.create(base).getHost();
        } catch (IllegalArgumentException e) {
            // an unusual page address: no host to compare
        }
        int homeLinks = 0;
        for (Element link : document.select(Css.of("a[href]"))) {
            String href = link.attr("href");
            boolean home = href.equals("/") || href.equals("./");
            if (!home && host != null && !pathBelowRoot(href)) {
                String absolute = AbsoluteLinks.absUrl(link, "href");
                home = absolute.equals("https://" + host + "/") || absolute.equals("http://" + host + "/")
                        || absolute.equals("https://" + host) || absolute.equals("http://" + host);
            }
            if (home) {
                add(names, link.text());
                Element logo = link.selectFirst(Css.of("img[alt]"));
                if (logo != null) {
                    add(names, logo.attr("alt"));
                }
                if (++homeLinks >= 4) {
                    break;
                }
            }
        }
        if (host != null) {
            String[] labels = HOST_PREFIX.matcher(host).replaceFirst("").split("\\.");
            if (labels.length >= 2) {
                add(names, labels[0]);
            }
        }
        return names;
    }

    /**
     * Whether a link certainly resolves to a page below the site's root, whatever the page's address: a relative or
     * root-relative path that starts with a letter or digit and holds no scheme, {@code ..} or backslash (nothing
     * that resolution could turn into "/"). Such links (most of a page's) are not resolved: resolving every link was
     * 8% of extraction.
     */
    static boolean pathBelowRoot(String href) {
        int first = href.startsWith("/") ? 1 : 0;
        if (href.length() <= first || !Character.isLetterOrDigit(href.charAt(first))) {
            return false;
        }
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == ':' || c == '\\' || c <= ' ' || (c == '.' && i + 1 < href.length() && href.charAt(i + 1) == '.')) {
                return false;
            }
        }
        return true;
    }

    private static void add(Set<String> names, String name) {
        String key = key(name);
        if (key.length() >= 2 && key.length() <= 60) {
            names.add(key);
        }
    }

    /** A name reduced to its letters and digits in lower case, for comparing site names. */
    static String key(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder();
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    /**
     * The headline: the page's h1 when the social title or the document title is that h1 plus a site name, else
     * the social title, the JSON-LD headline, the h1, or the document title; site names cut off each.
     */
    static String title(Document document, JsonNode ld, Set<String> siteNames) {
        String h1 = "";
        for (Element element : document.select(Css.of("article h1, main h1, h1"))) {
            String text = HtmlText.collapse(element.text());
            if (!text.isEmpty() && element.closest(Css.of(SITE_CHROME)) == null && !siteNames.contains(key(text))) {
                h1 = text;
                break;
            }
        }
        String og = withoutSite(meta(document, "meta[property=og:title]"), siteNames);
        if (og.isEmpty()) {
            og = withoutSite(meta(document, "meta[name=twitter:title]"), siteNames);
        }
        String documentTitle = withoutSite(HtmlText.collapse(document.title()), siteNames);
        if (!h1.isEmpty() && (og.contains(h1) || (og.isEmpty() && documentTitle.contains(h1)))) {
            return h1;
        }
        if (!og.isEmpty()) {
            return og;
        }
        if (ld != null && !ld.path("headline").asText("").isBlank()) {
            return withoutSite(HtmlText.line(ld.path("headline").asText()), siteNames);
        }
        String[] parts = SEPARATOR.split(documentTitle);
        String longest = parts.length > 1
                ? Arrays.stream(parts).max(Comparator.comparingInt(String::length)).orElse(documentTitle)
                : documentTitle;
        // an h1 that the document title does not contain is a section's or a box's, when that title is a headline
        if (!h1.isEmpty() && ArticleExtractor.words(longest) < HEADLINE_WORDS) {
            return h1;
        }
        return longest.isEmpty() ? h1 : longest;
    }

    /** A title without the site names at its start or end. */
    static String withoutSite(String title, Set<String> siteNames) {
        if (title.isEmpty() || siteNames.isEmpty()) {
            return title;
        }
        List<String> parts = new ArrayList<>(Arrays.asList(SEPARATOR.split(title)));
        boolean cut = false;
        while (parts.size() > 1 && siteName(parts.getLast(), siteNames)) {
            parts.removeLast();
            cut = true;
        }
        while (parts.size() > 1 && siteName(parts.getFirst(), siteNames)) {
            parts.removeFirst();
            cut = true;
        }
        if (!cut) {
            return title;
        }
        // the separators inside the headline itself stay as they were
        String first = parts.getFirst();
        String last = parts.getLast();
        int start = title.indexOf(first);
        int end = title.lastIndexOf(last) + last.length();
        return start >= 0 && end > start ? title.substring(start, end).strip() : String.join(" - ", parts);
    }

    private static boolean siteName(String part, Set<String> siteNames) {
        String key = key(part);
        if (key.isEmpty()) {
            return true;
        }
        for (String site : siteNames) {
            if (key.equals(site) || (site.length() >= 3 && key.length() <= site.length() + 12
                    && (key.startsWith(site) || key.endsWith(site)))) {
                return true;
            }
        }
        return false;
    }

    private static String meta(Document document, String selector) {
        for (Element meta : document.select(Css.of(selector))) {
            String content = HtmlText.line(meta.attr("content"));
            // a social title cut short for a card is not the headline
            if (!content.isEmpty() && !content.endsWith("...") && !content.endsWith("…")) {
                return content;
            }
        }
        return "";
    }
}
