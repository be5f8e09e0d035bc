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

    /** Kafka batching of the raw articles read and the records written. */
    Kafka kafka();

    /**
     * Threads that decode and tag a batch's articles (stateless) while the batch's thread assigns their stories in
     * order; 1 tags on the batch's thread.
     */
    @WithDefault("2")
    int workers();

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

    /**
     * Kafka tuning ({@code application.properties} passes these to the channels). The defaults were chosen with the
     * throughput benchmark (see the README).
     */
    interface Kafka {
        /** Most raw articles in one batch (Kafka's {@code max.poll.records}); a batch is committed as a whole. */
        @WithDefault("500")
        int maxPollRecords();

        /** Kafka's {@code fetch.min.bytes} for raw articles: 1 returns whatever has arrived, adding no latency. */
        @WithDefault("1")
        int fetchMinBytes();

        /** Kafka's {@code fetch.max.wait.ms} for raw articles, when {@link #fetchMinBytes()} has not arrived yet. */
        @WithDefault("500")
        int fetchMaxWaitMs();

        /** Kafka's {@code linger.ms} for enriched articles and story updates: how long a send waits to fill a batch. */
        @WithDefault("20")
        int lingerMs();

        /** Kafka's {@code batch.size} for enriched articles and story updates, in bytes per partition. */
        @WithDefault("262144")
        int batchSize();

        /** Kafka's {@code compression.type} for enriched articles and story updates. */
        @WithDefault("lz4")
        String compression();
    }
}
