package io.newswatch.enricher.cli;

import io.newswatch.contract.GeoPoint;
import io.newswatch.contract.Json;
import io.newswatch.contract.Quote;
import io.newswatch.contract.TopicScore;
import io.newswatch.tagging.ArticleFile;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.Tagging;
import io.newswatch.tagging.TaggingOptions;
import io.newswatch.tagging.cli.FileCommandLine;
import io.newswatch.tagging.entity.FoundEntity;
import io.newswatch.tagging.kb.KnowledgeBaseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./newswatch tag FILE...}: tags articles offline with the service's own code and knowledge base, and prints
 * one JSON object per file: language, entities (type, canonical name, mentions with offsets), topics with scores and
 * evidence, quotes.
 *
 * <p>A plain-text file's first non-empty line is its title and offsets are characters of the file; an HTML file
 * (recognised by its markup) is reduced to its title and paragraphs first ({@link ArticleFile}), and offsets are
 * characters of that text, which the output includes.
 */
@Command(name = "tag", sortOptions = false, usageHelpWidth = 110,
        description = "Tags articles offline as the enricher does; prints one JSON object per file.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:every file tagged",
                "2:usage error (unknown option, no file)",
                "3:a file could not be read (the others are still tagged and printed)",
                "4:a knowledge-base or taxonomy file was refused (with its file and line)"})
public final class TagCommand implements Callable<Integer> {

    static final int TAGGED = 0;
    static final int USAGE = 2;
    static final int UNREADABLE = 3;
    static final int BAD_KNOWLEDGE_BASE = 4;

    @Mixin
    TaggingOptions options = new TaggingOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "an article as plain text (first line = title) or HTML; - reads standard input")
    List<String> files = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

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

    static {
        FileCommandLine.useServiceLogManager();
    }

    private TagCommand(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        System.exit(run(args, FileCommandLine.utf8(FileDescriptor.out), FileCommandLine.utf8(FileDescriptor.err),
                System.in));
    }

    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        return FileCommandLine.execute("tag", new TagCommand(out, err, in), args, out, err, USAGE);
    }

    @Override
    public Integer call() {
        Enricher enricher;
        try {
            enricher = options.enricher();
        } catch (KnowledgeBaseException e) {
            err.println("newswatch tag: " + e.getMessage());
            return BAD_KNOWLEDGE_BASE;
        }
        String lang = options.language();
        int status = TAGGED;
        for (String file : files) {
            String content;
            try {
                content = FileCommandLine.read(file, in);
            } catch (IOException | RuntimeException e) {
                err.println("newswatch tag: cannot read " + file + ": " + e.getMessage());
                status = UNREADABLE;
                continue;
            }
            out.println(tag(enricher, file, content, lang));
        }
        return status;
    }

    /** Tags one file's content and renders the JSON (one line). */
    static String tag(Enricher enricher, String file, String content, String language) {
        boolean html = ArticleFile.looksLikeHtml(content);
        String text = ArticleFile.text(content);
        Tagging tagging = enricher.tag(text, ArticleFile.titleEnd(text), language);
        List<EntityOut> entities = tagging.entities().stream().map(TagCommand::entity).toList();
        return Json.encode(new Output(file, tagging.language(), language != null ? "given" : "detected", entities,
                tagging.topics(), tagging.quotes(),
                html ? "characters of the text extracted from the HTML (field text)" : "characters of the file",
                html ? text : null));
    }

    private static EntityOut entity(FoundEntity e) {
        List<MentionOut> mentions = e.mentions().stream()
                .map(m -> new MentionOut(m.text(), m.start(), m.end(), m.weak() ? Boolean.TRUE : null)).toList();
        return new EntityOut(e.id(), e.name(), e.type().name(), e.country(), e.geo(), e.discovered() ? true : null,
                e.salience(), e.strongMentions(), mentions);
    }
}
