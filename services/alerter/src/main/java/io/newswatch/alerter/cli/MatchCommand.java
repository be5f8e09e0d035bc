package io.newswatch.alerter.cli;

import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.InvalidQueryException;
import io.newswatch.alerter.match.MatchExplainer;
import io.newswatch.alerter.match.MatchExplanation;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.alerter.match.RuleMatcher;
import io.newswatch.contract.Json;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.TaggingOptions;
import io.newswatch.tagging.cli.FileCommandLine;
import io.newswatch.tagging.kb.KnowledgeBaseException;
import org.apache.lucene.search.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code ./newswatch match [--json] 'QUERY' FILE...}: does an alert query match articles, and where? Runs the
 * alerter's own parsing, analysis and Lucene Monitor matching, offline. A FILE that is not yet enriched (plain text,
 * HTML, an article as JSON) is enriched first by the enricher's own code and knowledge base ({@link ArticleFiles}),
 * so that {@code topic:}, {@code person:} and {@code entity:} answer as they would live.
 */
@Command(name = "match", sortOptions = false, usageHelpWidth = 110,
        description = "Does an alert query match articles, and where? One result per file.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:the query matches (at least one file)",
                "1:the query matches no file",
                "2:usage error or bad query (with the position of the problem)",
                "3:a file could not be read (the others are still matched and printed)",
                "4:a knowledge-base or taxonomy file was refused (with its file and line)"})
public final class MatchCommand implements Callable<Integer> {

    static final int MATCH = 0;
    static final int NO_MATCH = 1;
    static final int BAD_INPUT = 2;
    static final int UNREADABLE = 3;
    static final int BAD_KNOWLEDGE_BASE = 4;

    /** Held so that its level sticks: Lucene's notice about the vector API is noise on a command line. */
    private static final java.util.logging.Logger LUCENE_LOG;

    static {
        FileCommandLine.useServiceLogManager();
        LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @Option(names = "--json", description = "one JSON object per file instead of text")
    boolean json;

    @Mixin
    TaggingOptions options = new TaggingOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
    boolean help;

    @Parameters(index = "0", paramLabel = "QUERY", description = {
            "Lucene syntax: words, \"phrases\", AND/OR/NOT, (groups), \"near words\"~5, wildcards*,",
            "fields title: body: source: language: entity: person: organization: location: topic:",
            "(entity:person/sergey-lavrov names an entity by its id)"})
    String queryText;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = {
            "an enriched article or article (JSON), an HTML page, or plain text (first line: title);",
            "- reads standard input"})
    List<String> files = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    /** The enricher of files not yet enriched, given the options; built once, on first use. */
    private final Function<MatchCommand, Enricher> enricherFactory;

    private MatchCommand(PrintStream out, PrintStream err, InputStream in,
                         Function<MatchCommand, Enricher> enricherFactory) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.enricherFactory = enricherFactory;
    }

    public static void main(String[] args) {
        System.exit(run(args, FileCommandLine.utf8(FileDescriptor.out), FileCommandLine.utf8(FileDescriptor.err),
                System.in));
    }

    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        return run(args, out, err, in, command -> command.options.enricher());
    }

    /** With the enricher of tests, which compile the knowledge base once for many calls. */
    static int run(String[] args, PrintStream out, PrintStream err, InputStream in,
                   Function<MatchCommand, Enricher> enricherFactory) {
        return FileCommandLine.execute("match", new MatchCommand(out, err, in, enricherFactory), args, out, err,
                BAD_INPUT);
    }

    @Override
    public Integer call() {
        Query query;
        try {
            query = QueryCompiler.compile(queryText);
        } catch (InvalidQueryException e) {
            err.println("bad query: " + e.getMessage());
            err.println("  " + queryText.replaceAll("\\R", " "));
            err.println("  " + " ".repeat(Math.min(e.position(), queryText.length())) + "^");
            return BAD_INPUT;
        }
        Enricher[] enricher = new Enricher[1];
        ArticleFiles reader = new ArticleFiles(() -> {
            if (enricher[0] == null) {
                enricher[0] = enricherFactory.apply(this);
            }
            return enricher[0];
        }, options.language());
        boolean anyMatch = false;
        boolean unreadable = false;
        try (RuleMatcher matcher = new RuleMatcher()) {
            matcher.put("query", query);
            for (String file : files) {
                ArticleDocument article;
                try {
                    article = reader.document(file, FileCommandLine.read(file, in));
                } catch (KnowledgeBaseException e) {
                    err.println("newswatch match: " + e.getMessage());
                    return BAD_KNOWLEDGE_BASE;
                } catch (IOException | RuntimeException e) {
                    err.println("cannot read " + file + ": " + e.getMessage());
                    unreadable = true;
                    continue;
                }
                boolean matches;
                MatchExplanation explanation;
                try {
                    matches = matcher.match(article).contains("query");
                    explanation = matches ? MatchExplainer.explain(query, article) : null;
                } catch (RuntimeException | StackOverflowError e) {
                    // the query's checks should make this unreachable; if not, a reason, not a stack trace
                    err.println("bad query: it fails on this article: " + (e.getMessage() == null ? e : e.getMessage()));
                    return BAD_INPUT;
                }
                anyMatch |= matches;
                if (json) {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("file", file);
                    result.put("match", matches);
                    result.put("query", queryText);
                    result.put("title", article.title());
                    if (explanation != null) {
                        result.put("explanation", explanation);
                    }
                    out.println(Json.encode(result));
                } else {
                    print(out, file, matches, article, explanation);
                }
            }
        }
        return unreadable ? UNREADABLE : anyMatch ? MATCH : NO_MATCH;
    }

    private static void print(PrintStream out, String file, boolean matches, ArticleDocument article,
                              MatchExplanation explanation) {
        out.println(matches ? "MATCH" : "NO MATCH");
        out.println("file:     " + file);
        out.println("title:    " + article.title());
        if (explanation == null) {
            return;
        }
        if (!explanation.passages().isEmpty()) {
            out.println("passages:");
            explanation.passages().forEach(passage -> out.println("  - " + plain(passage)));
        }
        if (!explanation.terms().isEmpty()) {
            out.println("matched:  " + String.join(", ", explanation.terms()));
        }
        if (!explanation.entities().isEmpty()) {
            out.println("entities: " + String.join(", ", explanation.entities()));
        }
        if (!explanation.topics().isEmpty()) {
            out.println("topics:   " + String.join(", ", explanation.topics()));
        }
    }

    /** A passage for a terminal: matched words between ** **, HTML escapes undone. */
    static String plain(String passage) {
        return passage.replace("<em>", "**").replace("</em>", "**").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
