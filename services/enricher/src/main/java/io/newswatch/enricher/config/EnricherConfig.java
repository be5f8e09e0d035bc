package io.newswatch.enricher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The enricher's settings ({@code newswatch.enricher.*}); see the README for environment variables. */
@ConfigMapping(prefix = "newswatch.enricher")
public interface EnricherConfig {

    /** The knowledge base. */
    KnowledgeBase knowledgeBase();

    /** The topic taxonomy. */
    Taxonomy taxonomy();

    /** Story clustering. */
    Stories stories();

    /** Knowledge-base settings. */
    interface KnowledgeBase {
        /** Extra knowledge-base files, or folders of {@code *.tsv}, read after the shipped ones; default none. */
        Optional<List<Path>> extraFiles();
    }

    /** Taxonomy settings. */
    interface Taxonomy {
        /** Extra taxonomy YAML files read after the shipped one; a topic with an existing id replaces it; default none. */
        Optional<List<Path>> extraFiles();
    }

    /** Story-clustering settings. */
    interface Stories {
        /** Estimated Jaccard similarity of word shingles above which two articles are the same story. */
        @WithDefault("0.3")
        double similarity();

        /** How long a story stays open for new articles after its last article. */
        @WithDefault("P3D")
        Duration window();

        /** The longest the enricher waits at start to rebuild story state from Kafka before giving up. */
        @WithDefault("PT2M")
        Duration restoreTimeout();
    }
}
