package io.newswatch.indexer.kafka;

import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.indexer.schema.SchemaInstaller;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Installs the index templates and aliases when the service starts, in the background: the service comes up (and
 * reports not ready) while Elasticsearch is away, and the consumers wait for the schema before their first write.
 * Elasticsearch refusing the schema is a configuration error: the service stops with the reason.
 */
@ApplicationScoped
public class SchemaStartup {

    private static final Logger LOG = Logger.getLogger(SchemaStartup.class);

    private final SchemaInstaller installer;

    public SchemaStartup(SchemaInstaller installer) {
        this.installer = installer;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().daemon().name("schema-installer").start(this::install);
    }

    private void install() {
        try {
            installer.installWithRetry();
            LOG.info("Index templates and aliases are in place");
        } catch (ElasticsearchSchema.SchemaException e) {
            LOG.errorf("Elasticsearch refuses newswatch's index templates, so nothing can be indexed: %s. Check "
                    + "newswatch.elasticsearch.* (credentials, hosts) and deploy/elasticsearch/. Stopping.",
                    e.getMessage());
            Quarkus.asyncExit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
