package io.newswatch.enricher.pipeline;

import io.newswatch.tagging.Enricher;
import io.newswatch.enricher.config.EnricherConfig;
import io.newswatch.tagging.kb.KnowledgeBase;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.topic.Taxonomy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * Builds the {@link Enricher} once at start from the shipped and configured files. A broken file stops the start
 * with a message naming the file and line (a fatal configuration error, not something to retry).
 */
@ApplicationScoped
public class EnricherProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Loads the knowledge base at start, not on the first article: a broken file must stop the start. */
    void onStart(@Observes StartupEvent event, Enricher enricher) {
        Log.debugf("Enricher ready: %s", enricher.describe());
    }

    @Produces
    @Singleton
    Enricher enricher(EnricherConfig config, Clock clock) {
        long started = System.nanoTime();
        KnowledgeBase kb = KnowledgeBaseLoader.load(config.knowledgeBase().extraFiles().orElse(List.of()));
        Taxonomy taxonomy = Taxonomy.load(config.taxonomy().extraFiles().orElse(List.of()));
        Enricher enricher = new Enricher(kb, taxonomy, clock);
        Log.infof("Knowledge base and taxonomy loaded in %d ms: %s, about %d KiB compiled",
                (System.nanoTime() - started) / 1_000_000, enricher.describe(), enricher.compiledBytes() / 1024);
        return enricher;
    }
}
