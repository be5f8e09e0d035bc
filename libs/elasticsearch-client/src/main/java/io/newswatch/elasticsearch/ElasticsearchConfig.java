package io.newswatch.elasticsearch;

import io.newswatch.contract.elasticsearch.IndexNames;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a service reaches Elasticsearch ({@code newswatch.elasticsearch.*}, or the matching
 * {@code NEWSWATCH_ELASTICSEARCH_*} environment variables).
 */
@ConfigMapping(prefix = "newswatch.elasticsearch")
public interface ElasticsearchConfig {

    /** Base URLs of the nodes, comma-separated; https for a cluster with TLS. */
    @WithDefault("http://localhost:9200")
    List<URI> hosts();

    /** User for basic authentication (with {@link #password()}); unset when security is off. */
    Optional<String> username();

    /** Password for basic authentication. */
    Optional<String> password();

    /** An API key (the base64 "encoded" form Elasticsearch returns); used instead of username and password. */
    Optional<String> apiKey();

    /** PEM file of the CA that signed the cluster's HTTP certificate, for https hosts with a private CA. */
    Optional<Path> caCertificate();

    /** Prefix of the index aliases: PREFIX-articles and PREFIX-alerts. */
    @WithDefault("newswatch")
    String indexPrefix();

    /** Timeout of establishing a connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Timeout of waiting for a response (a large bulk request can take a while under load). */
    @WithDefault("60s")
    Duration socketTimeout();

    /** When false, the readiness check reports Elasticsearch's state without failing the service's readiness. */
    @WithDefault("true")
    boolean requiredForReadiness();

    /** The alias names. */
    default IndexNames indices() {
        return IndexNames.withPrefix(indexPrefix());
    }
}
