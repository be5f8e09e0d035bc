package io.newswatch.enricher.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.newswatch.contract.GeoPoint;
import io.newswatch.contract.Json;
import io.newswatch.contract.Quote;
import io.newswatch.contract.TopicScore;
import io.newswatch.tagging.entity.FoundEntity;
import io.newswatch.tagging.kb.KnowledgeBaseException;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.Tagging;
import io.newswatch.tagging.topic.Taxonomy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./newswatch tag FILE}: tags one article offline with the service's own code and knowledge base, and prints
 * JSON: language, entities (type, canonical name, mentions with offsets), topics with scores and evidence, quotes.
 *
 * <p>A plain-text file's first non-empty line is its title and offsets are characters of the file; an HTML file
 * (recognised by its markup) is reduced to its title and paragraphs first, and offsets are characters of that text,
 * which the output includes. Exit status: 0 tagged, 1 the file or a knowledge-base file could not be read, 2 usage.
 */
public final class TagCommand {

    private static final String USAGE = """
            usage: newswatch tag [--language CODE] [--kb FILE-OR-DIR]... [--taxonomy FILE]... FILE
              FILE             an article as plain text (first line = title) or HTML; - reads standard input
              --language CODE  the article's language (ISO 639-1); detected when not given
              --kb PATH        an extra knowledge-base file or folder of *.tsv, as the service's
                               newswatch.enricher.knowledge-base.extra-files
              --taxonomy FILE  an extra taxonomy file, as newswatch.enricher.taxonomy.extra-files""";

    /** The JSON printed for one mention. */
    record MentionOut(String text, int start, int end, Boolean demonym) {
    }

    /** The JSON printed for one entity. */
    record EntityOut(String id, String name, String type, String country, GeoPoint geo, Boolean discovered,
                     double salience, int mentionCount, List<MentionOut> mentions) {
    }

    /** The JSON printed for one article. */
    record Output(String file, String language, String languageSource, List<EntityOut> entities,
                  List<TopicScore> topics, List<Quote> quotes, String offsets, String text) {
    }

    private TagCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String language = null;
        String file = null;
        List<Path> kb = new ArrayList<>();
        List<Path> taxonomies = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (arg) {
                case "--language", "--kb", "--taxonomy" -> {
                    if (!hasValue) {
                        err.println(arg + " needs a value\n" + USAGE);
                        return 2;
                    }
                    String value = args[++i];
                    switch (arg) {
                        case "--language" -> language = value.toLowerCase(Locale.ROOT);
                        case "--kb" -> kb.add(Path.of(value));
                        default -> taxonomies.add(Path.of(value));
                    }
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (file != null || (arg.startsWith("--") && !arg.equals("-"))) {
                        err.println("unexpected argument " + arg + "\n" + USAGE);
                        return 2;
                    }
                    file = arg;
                }
            }
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        String content;
        try {
            content = file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("newswatch tag: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        Enricher enricher;
        try {
            enricher = new Enricher(KnowledgeBaseLoader.load(kb), Taxonomy.load(taxonomies), Clock.systemUTC());
        } catch (KnowledgeBaseException e) {
            err.println("newswatch tag: " + e.getMessage());
            return 1;
        }
        out.println(tag(enricher, file, content, language));
        return 0;
    }

    /** Tags one file's content and renders the JSON. */
    static String tag(Enricher enricher, String file, String content, String language) {
        boolean html = looksLikeHtml(content);
        String text = html ? htmlToText(content) : content;
        int titleEnd = titleEnd(text);
        Tagging tagging = enricher.tag(text, titleEnd, language);
        List<EntityOut> entities = tagging.entities().stream().map(TagCommand::entity).toList();
        Output output = new Output(file, tagging.language(), language != null ? "given" : "detected", entities,
                tagging.topics(), tagging.quotes(),
                html ? "characters of the text extracted from the HTML (field text)" : "characters of the file",
                html ? text : null);
        try {
            return Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the result", e);
        }
    }

    private static EntityOut entity(FoundEntity e) {
        List<MentionOut> mentions = e.mentions().stream()
                .map(m -> new MentionOut(m.text(), m.start(), m.end(), m.weak() ? Boolean.TRUE : null)).toList();
        return new EntityOut(e.id(), e.name(), e.type().name(), e.country(), e.geo(), e.discovered() ? true : null,
                e.salience(), e.strongMentions(), mentions);
    }

    static boolean looksLikeHtml(String content) {
        String head = content.stripLeading();
        head = head.substring(0, Math.min(head.length(), 2000)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")
                || head.startsWith("<") && (head.contains("<p>") || head.contains("<p ") || head.contains("<div"));
    }

    /** The title (first heading or {@code <title>}) and the paragraphs, separated by blank lines. */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, nav, header, footer, aside, form, noscript, figure figcaption").remove();
        Element h1 = doc.selectFirst("h1");
        String title = h1 != null ? h1.text() : doc.title();
        StringBuilder text = new StringBuilder(title);
        for (Element block : doc.select("p, h2, h3, li, blockquote")) {
            String line = block.text();
            if (!line.isBlank() && (h1 == null || block != h1)) {
                text.append("\n\n").append(line);
            }
        }
        return text.toString();
    }

    /** End of the first non-empty line. */
    static int titleEnd(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.indexOf('\n', start);
        return end < 0 ? text.length() : end;
    }
}
