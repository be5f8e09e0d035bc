package io.newswatch.elasticsearch;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.net.URI;

/**
 * Readiness: can this service reach Elasticsearch? A service that can work on without it (the alerter) sets
 * {@code newswatch.elasticsearch.required-for-readiness=false}: the check then reports the state and stays UP.
 */
@Readiness
@ApplicationScoped
public class ElasticsearchHealthCheck implements HealthCheck {

    private final RestClient client;
    private final ElasticsearchConfig config;

    public ElasticsearchHealthCheck(RestClient client, ElasticsearchConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("elasticsearch")
                .withData("hosts", config.hosts().stream().map(ElasticsearchHealthCheck::withoutUserInfo).toList()
                        .toString());
        try {
            Request request = new Request("GET", "/_cluster/health");
            request.addParameter("timeout", "2s");
            request.setOptions(RequestOptions.DEFAULT);
            Response response = client.performRequest(request);
            String body = new String(response.getEntity().getContent().readAllBytes());
            boolean red = body.contains("\"status\":\"red\"");
            return health.withData("cluster", red ? "red" : "reachable")
                    .status(!red || !config.requiredForReadiness()).build();
        } catch (IOException e) {
            return health.withData("cluster", "unreachable: " + e.getMessage())
                    .status(!config.requiredForReadiness()).build();
        }
    }

    /** The health check is read without a key: a password written into a host's URL must not show there. */
    static String withoutUserInfo(URI host) {
        return host.getScheme() + "://" + host.getHost() + (host.getPort() == -1 ? "" : ":" + host.getPort());
    }
}
