package io.newswatch.alerter.cli;

import io.newswatch.alerter.match.ArticleDocument;
import io.newswatch.alerter.match.InvalidQueryException;
import io.newswatch.alerter.match.MatchExplainer;
import io.newswatch.alerter.match.MatchExplanation;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.alerter.match.RuleMatcher;
import io.newswatch.contract.Json;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./newswatch match [--json] 'QUERY' FILE}: does an alert query match an article, and where? Runs the
 * alerter's own parsing, analysis and Lucene Monitor matching, offline. FILE is an enriched article or article as
 * JSON, an HTML page, or plain text (first line: the title). Exit status 0 on a match, 1 on none, 2 on a bad query
 * or an unreadable file.
 */
public final class MatchCommand {

    static final int MATCH = 0;
    static final int NO_MATCH = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = """
            usage: ./newswatch match [--json] 'QUERY' FILE
              QUERY  Lucene syntax: words, "phrases", AND/OR/NOT, (groups), "near words"~5, wildcards*,
                     fields title: body: source: language: entity: person: organization: location: topic:
              FILE   an enriched article or article (JSON), an HTML page, or plain text (first line: title)
            exit status: 0 match, 1 no match, 2 bad query or unreadable file""";

    /** Held so that its level sticks: Lucene's notice about the vector API is noise on a command line. */
    private static final java.util.logging.Logger LUCENE_LOG;

    static {
        // The packaged app's classpath carries JBoss LogManager; name it before anything logs, as Quarkus would.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private MatchCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        boolean json = false;
        for (String arg : args) {
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE);
                return MATCH;
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 2) {
            err.println(USAGE);
            return BAD_INPUT;
        }
        String queryText = positional.get(0);
        Query query;
        try {
            query = QueryCompiler.compile(queryText);
        } catch (InvalidQueryException e) {
            err.println("bad query: " + e.getMessage());
            err.println("  " + queryText.replaceAll("\\R", " "));
            err.println("  " + " ".repeat(Math.min(e.position(), queryText.length())) + "^");
            return BAD_INPUT;
        }
        Path file = Path.of(positional.get(1));
        ArticleDocument article;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IOException("no such file");
            }
            article = ArticleFiles.read(file);
        } catch (IOException | RuntimeException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return BAD_INPUT;
        }
        boolean matches;
        MatchExplanation explanation;
        try (RuleMatcher matcher = new RuleMatcher()) {
            matcher.put("query", query);
            matches = matcher.match(article).contains("query");
            explanation = matches ? MatchExplainer.explain(query, article) : null;
        } catch (RuntimeException | StackOverflowError e) {
            // the query's checks should make this unreachable; if not, a reason, not a stack trace
            err.println("bad query: it fails on this article: " + (e.getMessage() == null ? e : e.getMessage()));
            return BAD_INPUT;
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("match", matches);
            result.put("query", queryText);
            result.put("title", article.title());
            if (explanation != null) {
                result.put("explanation", explanation);
            }
            out.println(Json.encode(result));
        } else {
            print(out, matches, article, explanation);
        }
        return matches ? MATCH : NO_MATCH;
    }

    private static void print(PrintStream out, boolean matches, ArticleDocument article,
                              MatchExplanation explanation) {
        out.println(matches ? "MATCH" : "NO MATCH");
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
