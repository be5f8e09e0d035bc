package io.newswatch.indexer.kafka;

import io.newswatch.elasticsearch.ElasticsearchConfig;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.RestClientHttp;
import io.newswatch.indexer.config.IndexerConfig;
import io.newswatch.indexer.schema.IndexPlacement;
import io.newswatch.indexer.schema.SchemaInstaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.elasticsearch.client.RestClient;

import java.time.Clock;
import java.util.random.RandomGenerator;

/** The plain objects the indexer is made of, wired from configuration. */
@ApplicationScoped
public class IndexerBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ElasticsearchHttp elasticsearchHttp(RestClient client, IndexerConfig config) {
        return new RestClientHttp(client, config.requestTimeout());
    }

    @Produces
    @Singleton
    Backoff backoff(IndexerConfig config) {
        return new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff(), RandomGenerator.getDefault());
    }

    @Produces
    @Singleton
    IndexPlacement indexPlacement(ElasticsearchHttp http, IndexerConfig config) {
        return new IndexPlacement(http, config.bulk().updateInPlace(), config.bulk().aliasMaxAge());
    }

    @Produces
    @Singleton
    SchemaInstaller schemaInstaller(ElasticsearchHttp http, ElasticsearchConfig elasticsearch, Backoff backoff,
                                    ShutdownSleeper sleeper) {
        return new SchemaInstaller(http, elasticsearch.indices(), backoff, sleeper);
    }
}
