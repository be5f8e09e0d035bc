package io.newswatch.tagging;

import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.topic.Taxonomy;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command-line options of the offline tools that enrich files ({@code ./newswatch tag}, {@code ./newswatch
 * match}), as a picocli mixin: both take the same ones, with the meaning of the enricher's settings.
 */
public final class TaggingOptions {

    @Option(names = "--language", paramLabel = "CODE",
            description = "the language of text and HTML files (ISO 639-1); detected when not given")
    String language;

    @Option(names = "--kb", paramLabel = "PATH",
            description = "an extra knowledge-base file or folder of *.tsv, as the enricher's "
                    + "newswatch.enricher.knowledge-base.extra-files (repeatable)")
    List<Path> knowledgeBase = new ArrayList<>();

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "an extra taxonomy file, as the enricher's newswatch.enricher.taxonomy.extra-files "
                    + "(repeatable)")
    List<Path> taxonomies = new ArrayList<>();

    /** The language given, lower case, or null. */
    public String language() {
        return language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    /**
     * The enricher with the shipped knowledge base and taxonomy and the extra files given.
     *
     * @throws io.newswatch.tagging.kb.KnowledgeBaseException when a file is refused (with its file and line)
     */
    public Enricher enricher() {
        return new Enricher(KnowledgeBaseLoader.load(knowledgeBase), Taxonomy.load(taxonomies), Clock.systemUTC());
    }
}
