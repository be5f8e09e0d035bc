package io.newswatch.poller.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.contract.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the main text of a news page, in the manner of Mozilla's Readability and trafilatura: metadata from the
 * page's head and its JSON-LD; boilerplate removed (navigation, share buttons, "Related" and "Read also" boxes,
 * photo captions and credits, newsletter and cookie boxes, comments); the container of the text chosen by an
 * explicit article-body marker or else by scoring paragraphs; within it, link lists and boilerplate lines dropped.
 * When that finds little and the page's JSON-LD carries an {@code articleBody}, that is used instead.
 *
 * <p>Thread-safe: one instance serves all polls.
 */
public final class ArticleExtractor {

    /** Elements that never hold article text. */
    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, object, embed, button,"
            + " input, select, textarea, svg, canvas, video, audio, nav, aside, figure, figcaption, dialog, menu,"
            + " [hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=contentinfo],"
            + " [role=banner]:not(article [role=banner]), [role=dialog], [role=alert]";
    /** Class and id words of boilerplate containers. */
    private static final Set<String> JUNK_WORDS = Set.of("share", "sharing", "sharebar", "social", "related",
            "newsletter", "newsletters", "subscribe", "subscription", "promo", "promotion", "ad", "ads", "advert",
            "advertisement", "adslot", "sponsor", "sponsored", "comment", "comments", "cookie", "cookies", "consent",
            "banner", "breadcrumb", "breadcrumbs", "menu", "nav", "navbar", "navigation", "footer", "sidebar",
            "widget", "popular", "trending", "readmore", "tags", "taglist", "tag", "bio", "byline", "caption",
            "credit", "credits", "outbrain", "taboola", "signup", "paywall", "modal", "popup", "toolbar", "print",
            "rating", "disqus", "skip", "hidden", "donate", "follow", "recirculation", "recirc", "teaser", "teasers",
            "meta", "dateline", "timestamp", "author", "authors", "gallery", "slideshow", "embed", "header",
            "masthead", "logo", "search", "login", "pagination", "pager", "toc", "sticky", "overlay", "disclaimer",
            "date", "kicker", "signoff", "source", "izvor");
    /** Class and id words of containers that are never the article, however much text they hold. */
    private static final Set<String> ALWAYS_JUNK_WORDS = Set.of("comment", "comments", "commentlist", "disqus",
            "respond", "replies", "responses", "discussion", "outbrain", "taboola", "cookie", "cookies", "consent",
            "newsletter", "newsletters", "paywall");
    /**
     * The classes WordPress and Drupal give a post for its taxonomy ({@code tag-nato}, {@code author-ana}), which
     * say nothing about what the element is; only on the post's own element (with {@code hentry},
     * {@code type-post}, {@code post-123}, {@code node-123}).
     */
    private static final Pattern TAXONOMY_CLASS = Pattern.compile("(?<![\\w-])(tag|category|author|format|status)"
            + "-[\\p{L}0-9_-]+");
    private static final Pattern POST_CLASS = Pattern.compile("(?<![\\w-])(hentry|type-post|post-\\d+|node-\\d+)(?![\\w-])");
    /** Pairs of class and id words that together mark boilerplate ("read also", "most read", "see also"). */
    private static final Set<String> JUNK_PAIRS = Set.of("read also", "read more", "also read", "most read",
            "see also", "more stories", "more news", "you may", "sr only", "visually hidden", "screen reader",
            "in this", "about author", "around web", "sign off", "key events");
    /** Class and id words of the article's body. */
    private static final Set<String> BODY_WORDS = Set.of("article", "body", "content", "entry", "main", "post",
            "story", "text", "articlebody", "storytext", "prose", "rte", "richtext");
    private static final Pattern BOILERPLATE_LINE = Pattern.compile("(?iu)^\\s*(read also|read more|also read|see also|"
            + "related( articles| stories| news| coverage)?|more on this( story)?|recommended|most read|"
            + "share( this( article| story)?)?( on)?|follow us|subscribe|sign up|newsletter|advertisement|"
            + "photo|photos|image|picture|foto|фото|снимак|video|watch|listen|credit|source: getty|"
            + "читайте также|читать также|по теме|также читайте|pročitajte (još|i)|прочитајте (још|и)|vezane vijesti|"
            + "povezano|повезано|lesen sie auch|mehr zum thema|auch interessant|lire aussi|à lire aussi|voir aussi|"
            + "leggi anche|lea también|ler também|czytaj też|czytaj także)\\b.*"
            + "|(?iu)^\\s*(source|izvor|извор|источник|quelle|fuente|fonte)\\s*:.*");
    private static final Pattern COPYRIGHT_LINE = Pattern.compile("(?iu)^(©|\\(c\\)|copyright\\b|all rights reserved).*"
            + "|.*\\b(all rights reserved|все права защищены|sva prava zadržana|alle rechte vorbehalten)\\.?$");
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "report",
            "liveblogposting", "webpage");
    private static final int SHORT_PARAGRAPH_WORDS = 25;
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern BIO_VERB = Pattern.compile("\\s+(is|was|has|covers|writes|reports|joined)\\b");
    private static final Pattern CALL_TO_ACTION = Pattern.compile("(?iu)\\b(sign up|subscribe|newsletter|donat(e|ion)|"
            + "support (our|us|independent)|follow us|become a member|abonn|abonnieren|подпис|pretplat)");
    /** Before the first real paragraph, shorter lines are header matter: dates, bylines, labels. */
    private static final int LEADING_MATTER_WORDS = 8;
    private static final int FIRST_PARAGRAPH_WORDS = 15;
    /** A link list is shorter than this. */
    private static final int LINK_LIST_CHARS = 400;

    /** Extracts from a page's bytes; the charset comes from the HTTP header, else the page's meta, else a guess. */
    public ExtractedPage extract(byte[] body, Optional<String> headerCharset, URI pageUrl) {
        try {
            // valid UTF-8 with letters beyond ASCII is UTF-8 whatever the page's meta says (as for feeds)
            String charset = headerCharset.orElse(utf8(body) ? "UTF-8" : null);
            Document document = Jsoup.parse(new ByteArrayInputStream(body), charset,
                    pageUrl == null ? "" : pageUrl.toString());
            return extract(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page", e);
        }
    }

    private static boolean utf8(byte[] body) {
        boolean ascii = true;
        for (byte b : body) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Extracts from a parsed page (which is changed: boilerplate is removed from it). */
    public ExtractedPage extract(Document document) {
        PageRepair.closeTitle(document);
        JsonNode ld = jsonLd(document);
        String canonical = canonical(document, ld);
        Set<String> siteNames = Headlines.siteNames(document, ld);
        String title = Headlines.title(document, ld, siteNames);
        String author = Bylines.author(document, ld, siteNames);
        Instant published = published(document, ld);
        String language = language(document, ld);

        Element body = document.body();
        body.select(Css.of(NEVER_TEXT)).remove();
        // a form is a search box or a login, unless a whole ASP.NET page is one
        for (Element form : body.select(Css.of("form"))) {
            if (!holdsArticleText(form)) {
                form.remove();
            }
        }
        PageRepair.wrapBareText(body);
        removeBoilerplate(body);
        Element container = body.selectFirst(Css.of("[itemprop=articleBody], [property=articleBody]"));
        String method = "article-body";
        if (container == null || words(container.text()) < 30) {
            container = bestContainer(body);
            method = "scored";
        }
        String text = container == null ? "" : text(container, title, author);
        String ldBody = ld == null ? "" : HtmlText.paragraphs(ld.path("articleBody").asText(""));
        // (an empty JSON-LD body has no words: the text's own are counted only when there is a body to compare)
        if (!ldBody.isEmpty() && words(ldBody) > Math.max(50, 2 * words(text))) {
            text = ldBody;
            method = "json-ld";
        }
        if (text.isEmpty()) {
            method = "none";
        }
        return new ExtractedPage(title, author, published, language, canonical, text, method);
    }

    // --- metadata -------------------------------------------------------------------------------------------------

    private static String canonical(Document document, JsonNode ld) {
        Element link = document.selectFirst(Css.of("link[rel=canonical][href]"));
        String href = link == null ? "" : AbsoluteLinks.absUrl(link, "href");
        if (!href.isEmpty()) {
            return href;
        }
        Element og = document.selectFirst(Css.of("meta[property=og:url][content]"));
        if (og != null && og.attr("content").startsWith("http")) {
            return og.attr("content").strip();
        }
        return null;
    }

    private static Instant published(Document document, JsonNode ld) {
        List<String> candidates = new ArrayList<>();
        for (Element meta : document.select(Css.of("meta[property=article:published_time], meta[itemprop=datePublished], "
                + "meta[name=pubdate], meta[name=publishdate], meta[name=date], meta[name=dc.date], "
                + "meta[name=DC.date.issued], meta[name=sailthru.date], meta[name=parsely-pub-date]"))) {
            candidates.add(meta.attr("content"));
        }
        if (ld != null) {
            candidates.add(ld.path("datePublished").asText(""));
        }
        for (Element time : document.select(Css.of("article time[datetime], time[pubdate][datetime], time[itemprop=datePublished]"))) {
            candidates.add(time.attr("datetime"));
        }
        for (String candidate : candidates) {
            Instant instant = instant(candidate);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    /** ISO-8601 with or without offset (UTC assumed when none), or RFC 1123; null when unreadable. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String language(Document document, JsonNode ld) {
        String lang = Languages.code(document.selectFirst(Css.of("html")) == null ? null : document.selectFirst(Css.of("html")).attr("lang"));
        if (lang == null) {
            lang = Languages.code(meta(document, "meta[http-equiv=content-language], meta[property=og:locale]"));
        }
        if (lang == null && ld != null) {
            lang = Languages.code(ld.path("inLanguage").asText(null));
        }
        return lang;
    }

    /** The first non-empty {@code content} of the metas the selector finds, as one line of text. */
    private static String meta(Document document, String selector) {
        for (Element meta : document.select(Css.of(selector))) {
            String content = HtmlText.line(meta.attr("content"));
            if (!content.isEmpty()) {
                return content;
            }
        }
        return "";
    }

    /** The page's JSON-LD object describing the article, when it has one. */
    private static JsonNode jsonLd(Document document) {
        for (Element script : document.select(Css.of("script[type=application/ld+json]"))) {
            try {
                JsonNode found = articleNode(Json.mapper().readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (IOException e) {
                // broken JSON-LD is common; the page is read without it
            }
        }
        return null;
    }

    private static JsonNode articleNode(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                JsonNode found = articleNode(element);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.has("@graph")) {
            return articleNode(node.get("@graph"));
        }
        JsonNode type = node.path("@type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText().toLowerCase(Locale.ROOT)));
        } else {
            types.add(type.asText("").toLowerCase(Locale.ROOT));
        }
        return types.stream().anyMatch(t -> ARTICLE_TYPES.contains(t) && !t.equals("webpage"))
                || (types.contains("webpage") && node.has("articleBody")) ? node : null;
    }

    // --- boilerplate ----------------------------------------------------------------------------------------------

    /**
     * Removes containers whose class or id marks them as boilerplate, unless they hold so much paragraph text that
     * the marker must be a styling hook on the article itself ({@code <div class="article has-share-bar">}).
     */
    private static void removeBoilerplate(Element body) {
        List<Element> junk = new ArrayList<>();
        for (Element element : body.getAllElements()) {
            if (element == body || element.normalName().equals("html") || element.normalName().equals("main")) {
                continue;
            }
            if ((element.normalName().equals("footer") || element.normalName().equals("header"))
                    && element.closest(Css.of("article")) == null) {
                junk.add(element);
            } else if (junk(markerWords(element), element)) {
                junk.add(element);
            }
        }
        for (Element element : junk) {
            if (element.parent() != null) {
                element.remove();
            }
        }
    }

    /** Always junk by its marker words, or junk by them and holding no article text. */
    private static boolean junk(List<String> markerWords, Element element) {
        return alwaysJunk(markerWords) || (junkMarker(markerWords) && !holdsArticleText(element));
    }

    private static boolean junkMarker(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (JUNK_WORDS.contains(words.get(i))) {
                return true;
            }
            if (i + 1 < words.size() && JUNK_PAIRS.contains(words.get(i) + " " + words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean alwaysJunk(List<String> markerWords) {
        for (String word : markerWords) {
            if (ALWAYS_JUNK_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Three paragraphs of prose, or two long ones: in {@code <p>}s or written between line breaks. */
    private static boolean holdsArticleText(Element element) {
        int paragraphs = 0;
        int prose = 0;
        for (HtmlText.Block block : HtmlText.blocks(element)) {
            int words = words(block.text());
            if (words >= 15 && block.linkDensity() < 0.3) {
                paragraphs++;
                prose += words;
            }
        }
        return paragraphs >= 3 || (paragraphs >= 2 && prose >= 80);
    }

    /**
     * The words of an element's class, id and component names: {@code "articleBody share-bar"} is [article, body,
     * share, bar].
     */
    static List<String> markerWords(Element element) {
        String classes = element.className();
        if (classes.indexOf('-') >= 0 && POST_CLASS.matcher(classes).find()) {
            classes = TAXONOMY_CLASS.matcher(classes).replaceAll(" ");
        }
        String marker = classes + " " + element.id() + " " + element.attr("data-component") + " "
                + element.attr("data-testid") + " " + element.attr("data-gu-name");
        if (!hasAsciiLetterOrDigit(marker)) {
            return List.of(); // what the splits below give: every piece empty
        }
        List<String> words = new ArrayList<>();
        for (String token : NOT_ALPHANUMERIC.split(marker)) {
            for (String word : CAMEL_CASE.split(token)) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    private static boolean hasAsciiLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }

    // --- the container --------------------------------------------------------------------------------------------

    /** The element whose paragraphs score highest, Readability-style. */
    private static Element bestContainer(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        Map<Element, Double> goodText = new IdentityHashMap<>();
        LinkLengths links = new LinkLengths();
        for (Element block : body.select(Css.of("p, pre, td, blockquote, div, section, li"))) {
            if (!block.normalName().equals("p") && !block.normalName().equals("pre") && !textBlock(block)) {
                continue;
            }
            String raw = block.text();
            String text = HtmlText.collapse(raw);
            // (a blank block is shorter than 25 too)
            if (text.length() < 25 || linkDensity(block, raw.length(), links) > 0.5) {
                continue;
            }
            double score = 1 + commaPieces(text) - 1 + Math.min(text.length() / 100.0, 3);
            for (Element holder = block; holder != null; holder = holder.parent()) {
                goodText.merge(holder, (double) text.length(), Double::sum);
            }
            Element ancestor = block.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                scores.merge(ancestor, score / (level == 0 ? 1 : level == 1 ? 2 : 3 * level), Double::sum);
            }
        }
        Element best = bestScored(scores, links);
        if (best == null) {
            return null;
        }
        // Text split over repeated containers (live blog posts, one box per section): widen to the ancestor whose
        // children of the same kind as the one holding the best candidate carry half as much text again.
        double bestText = goodText.getOrDefault(best, 0.0);
        Element path = best;
        for (Element ancestor = best.parent(); ancestor != null && ancestor != body; ancestor = ancestor.parent()) {
            String kind = kind(path);
            double alike = 0;
            for (Element child : ancestor.children()) {
                if (kind(child).equals(kind)) {
                    alike += goodText.getOrDefault(child, 0.0);
                }
            }
            if (alike >= bestText * 1.5 && linkDensity(ancestor, links) < 0.35) {
                best = ancestor;
                bestText = goodText.getOrDefault(ancestor, 0.0);
            }
            path = ancestor;
        }
        return best;
    }

    /**
     * The candidate with the highest {@code (score + class weight) × (1 - link density)} above 0, the first in the
     * map's order among equals. The link density (the costly part: the candidate's whole text) is computed only for
     * candidates whose bound {@code score + class weight} (the value at link density 0) can still reach the best.
     */
    private static Element bestScored(Map<Element, Double> scores, LinkLengths links) {
        record Candidate(Element element, int order, double bound) {
        }
        List<Candidate> candidates = new ArrayList<>(scores.size());
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            Element element = entry.getKey();
            candidates.add(new Candidate(element, candidates.size(), entry.getValue() + classWeight(element)));
        }
        candidates.sort(java.util.Comparator.comparingDouble(Candidate::bound).reversed()
                .thenComparingInt(Candidate::order));
        Candidate best = null;
        double bestScore = 0;
        for (Candidate candidate : candidates) {
            if (candidate.bound() < bestScore || (best == null && candidate.bound() <= 0)) {
                break;
            }
            double score = candidate.bound() * (1 - linkDensity(candidate.element(), links));
            if (score > bestScore || (score == bestScore && best != null && candidate.order() < best.order())) {
                best = candidate;
                bestScore = score;
            }
        }
        return best == null ? null : best.element();
    }

    /**
     * The pieces {@code text.split("[,،、，]")} would give (trailing empty pieces dropped), without a regex: the
     * clauses of a paragraph, which Readability scores.
     */
    static int commaPieces(String text) {
        int separators = 0;
        int trailing = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\u060C' || c == '\u3001' || c == '\uFF0C') {
                separators++;
                trailing++;
            } else {
                trailing = 0;
            }
        }
        if (text.isEmpty()) {
            return 1;
        }
        return separators + 1 - trailing - (trailing == text.length() ? 1 : 0);
    }

    /** Tag and classes: what makes sibling containers "of the same kind". */
    private static String kind(Element element) {
        return element.normalName() + "." + String.join(".", new java.util.TreeSet<>(element.classNames()));
    }

    /**
     * A div, section or li used as a paragraph: no block children (its text, which the caller builds once, is then
     * what it holds of its own).
     */
    private static boolean textBlock(Element element) {
        for (Element child : element.children()) {
            if (HtmlText.BLOCKS.contains(child.normalName())) {
                return false;
            }
        }
        return true;
    }

    private static double classWeight(Element element) {
        double weight = 0;
        for (String word : markerWords(element)) {
            if (BODY_WORDS.contains(word)) {
                weight += 25;
            }
            if (JUNK_WORDS.contains(word)) {
                weight -= 25;
            }
        }
        if (element.normalName().equals("article")) {
            weight += 10;
        }
        return weight;
    }

    /** Share of the element's text that is link text, 0 to 1. */
    static double linkDensity(Element element, LinkLengths links) {
        return linkDensity(element, element.text().length(), links);
    }

    /** {@link #linkDensity(Element, LinkLengths)} when the length of the element's text is known already. */
    private static double linkDensity(Element element, int total, LinkLengths links) {
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element link : element.select(Css.of("a"))) {
            linked += links.of(link);
        }
        return Math.min(1.0, (double) linked / total);
    }

    /**
     * The length of each link's text, built once: a link is counted by every paragraph, candidate and container
     * around it. Valid while the page is not changed (a removal inside a link changes its text), so one instance per
     * pass that removes nothing.
     */
    static final class LinkLengths {
        private final Map<Element, Integer> lengths = new IdentityHashMap<>();

        int of(Element link) {
            Integer length = lengths.get(link);
            if (length == null) {
                length = link.text().length();
                lengths.put(link, length);
            }
            return length;
        }
    }

    // --- the text -------------------------------------------------------------------------------------------------

    /**
     * The container's paragraphs, without link lists, boilerplate lines, bare dates, header matter before the
     * first real paragraph, or the repeated headline.
     */
    private static String text(Element container, String title, String author) {
        List<Element> linkLists = new ArrayList<>();
        LinkLengths links = new LinkLengths();
        for (Element element : container.select(Css.of("p, li, div, ul, ol, section, h2, h3, h4, h5, h6"))) {
            if (visibleCharsAtLeast(element, LINK_LIST_CHARS)) {
                continue; // its text is as long at least: not built
            }
            String text = element.text();
            if (!text.isBlank() && text.length() < LINK_LIST_CHARS
                    && linkDensity(element, text.length(), links) > 0.5) {
                linkLists.add(element);
            }
        }
        linkLists.forEach(Element::remove);
        container.select(Css.of("h1")).remove();
        java.util.Set<String> times = new java.util.HashSet<>();
        container.select(Css.of("time")).forEach(time -> times.add(HtmlText.collapse(time.text())));
        List<String> paragraphs = new ArrayList<>();
        List<Integer> paragraphWords = new ArrayList<>();
        String normalizedTitle = title.toLowerCase(Locale.ROOT);
        boolean started = false;
        for (HtmlText.Block block : HtmlText.blocks(container)) {
            String paragraph = block.text();
            int words = words(paragraph);
            boolean boilerplate = words < SHORT_PARAGRAPH_WORDS
                    && (BOILERPLATE_LINE.matcher(paragraph).matches() || COPYRIGHT_LINE.matcher(paragraph).matches()
                    || block.linkDensity() > (block.tableRow() ? 0.9 : 0.5));
            if (boilerplate || times.contains(paragraph) || paragraph.codePoints().noneMatch(Character::isLetter)
                    || sameText(paragraph, normalizedTitle)) {
                continue;
            }
            if (!started && words < LEADING_MATTER_WORDS) {
                continue;
            }
            started |= words >= FIRST_PARAGRAPH_WORDS;
            paragraphs.add(paragraph);
            paragraphWords.add(words);
        }
        dropRepeats(paragraphs, paragraphWords);
        dropTrailingMatter(paragraphs, author);
        return String.join("\n\n", paragraphs);
    }

    /**
     * Whether the element's text nodes hold at least {@code chars} characters that jsoup's {@link Element#text()}
     * keeps whatever their place: it drops or folds only its whitespace (the ASCII space, tab, line feed, form
     * feed, carriage return, no-break space), the zero-width space and the soft hyphen, trims what is at most
     * U+0020 at the ends, and adds spaces; so {@code element.text().length()} is at least the count. Stops counting
     * there: a container of the whole article is not read to its end.
     */
    static boolean visibleCharsAtLeast(Element element, int chars) {
        int[] count = new int[1];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String value = text.getWholeText();
                    for (int i = 0; i < value.length(); i++) {
                        char c = value.charAt(i);
                        if (c > ' ' && c != '\u00A0' && c != '\u200B' && c != '\u00AD' && ++count[0] >= chars) {
                            return FilterResult.STOP;
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, element);
        return count[0] >= chars;
    }

    /**
     * {@code paragraph.toLowerCase(ROOT).equals(lowerCaseTitle)}, without lower-casing a paragraph longer than the
     * title (lower-casing never shortens a string).
     */
    private static boolean sameText(String paragraph, String lowerCaseTitle) {
        return paragraph.length() <= lowerCaseTitle.length()
                && paragraph.toLowerCase(Locale.ROOT).equals(lowerCaseTitle);
    }

    /**
     * A pull quote repeats words of a paragraph; the paragraph stays, the repetition goes. {@code paragraphWords}:
     * each paragraph's {@link #words}.
     */
    private static void dropRepeats(List<String> paragraphs, List<Integer> paragraphWords) {
        // each paragraph normalised at most once, and only when a shorter one is compared with it
        String[] normalized = new String[paragraphs.size()];
        Set<String> kept = new java.util.HashSet<>();
        boolean dropped = false;
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            boolean repeated = false;
            if (paragraphWords.get(i) < SHORT_PARAGRAPH_WORDS) {
                for (int j = 0; j < paragraphs.size() && !repeated; j++) {
                    String other = paragraphs.get(j);
                    repeated = other != paragraph && other.length() > paragraph.length()
                            && normalized(paragraphs, normalized, j).contains(normalized(paragraphs, normalized, i));
                }
            }
            if (repeated) {
                dropped = true;
            } else {
                kept.add(paragraph);
            }
        }
        if (dropped) {
            paragraphs.retainAll(kept);
        }
    }

    /** Paragraph {@code i} in lower case with only letters, digits and spaces, computed once. */
    private static String normalized(List<String> paragraphs, String[] normalized, int i) {
        if (normalized[i] == null) {
            normalized[i] = lettersDigitsSpaces(paragraphs.get(i).toLowerCase(Locale.ROOT));
        }
        return normalized[i];
    }

    /**
     * {@code text} without what is not a letter ({@code \p{L}}), a number ({@code \p{N}}) or a space: what
     * {@code replaceAll("[^\\p{L}\\p{N} ]", "")} gives, without a regex.
     */
    static String lettersDigitsSpaces(String text) {
        StringBuilder out = null;
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!letterDigitOrSpace(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, kept, i);
                kept = next;
            }
            i = next;
        }
        return out == null ? text : out.append(text, kept, text.length()).toString();
    }

    private static boolean letterDigitOrSpace(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * The last paragraphs of many articles are not the article: the author's biography (it starts with the
     * byline's name) and calls to subscribe or donate.
     */
    private static void dropTrailingMatter(List<String> paragraphs, String author) {
        while (paragraphs.size() > 1) {
            String last = paragraphs.getLast();
            boolean bio = author != null && !author.isBlank() && last.startsWith(author + " ")
                    && BIO_VERB.matcher(last.substring(author.length())).lookingAt();
            if (bio || (words(last) < 80 && CALL_TO_ACTION.matcher(last).find())) {
                paragraphs.removeLast();
            } else {
                return;
            }
        }
    }

    /** Words, counting each Chinese character or kana as one: CJK text has no spaces between its words. */
    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // (ASCII's letters and digits are Character.isLetterOrDigit's, without its table look-up)
            boolean letter = c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    : Character.isLetterOrDigit(c);
            if (letter && c >= '\u2E80' && cjk(c)) {
                count++;
                inWord = false;
                continue;
            }
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }

    private static boolean cjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
