package io.newswatch.indexer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.elasticsearch.ElasticsearchSchema;
import io.newswatch.contract.elasticsearch.IndexNames;
import io.newswatch.indexer.bulk.Backoff;
import io.newswatch.indexer.bulk.ElasticsearchHttp;
import io.newswatch.indexer.bulk.Sleeper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Installs the index templates and bootstraps the aliases ({@link ElasticsearchSchema}, the files of
 * {@code deploy/elasticsearch/}), idempotently. While Elasticsearch cannot be reached, or answers 429 or 5xx, it
 * retries with backoff; when Elasticsearch refuses the schema (a 4xx: wrong credentials, a template it cannot
 * take), retrying cannot help and the failure is fatal.
 */
public final class SchemaInstaller {

    private static final Logger LOG = Logger.getLogger(SchemaInstaller.class);

    private final ElasticsearchHttp http;
    private final IndexNames names;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final CountDownLatch installed = new CountDownLatch(1);
    private volatile String problem = "not installed yet";

    public SchemaInstaller(ElasticsearchHttp http, IndexNames names, Backoff backoff, Sleeper sleeper) {
        this.http = http;
        this.names = names;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * Installs, retrying transient failures until it succeeds.
     *
     * @throws ElasticsearchSchema.SchemaException when Elasticsearch refuses the schema
     * @throws InterruptedException                when the service shuts down first
     */
    public void installWithRetry() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                install();
                return;
            } catch (IOException e) {
                problem = "Elasticsearch unreachable: " + e.getMessage();
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Cannot install the index templates yet (attempt %d): %s; retrying", attempt, problem);
                }
                sleeper.sleep(backoff.delay(attempt));
            } catch (ElasticsearchSchema.SchemaException e) {
                problem = e.getMessage();
                throw e;
            }
        }
    }

    /**
     * One attempt: puts the templates and creates the first index behind each alias that is missing.
     *
     * @throws IOException when Elasticsearch is unreachable or answers 429/5xx
     */
    public void install() throws IOException {
        ElasticsearchSchema.install(this::transport, names);
        for (Map.Entry<String, String> template : ElasticsearchSchema.templates(names).entrySet()) {
            addNewFields(template.getKey(), template.getValue());
            applyRefreshInterval(template.getKey(), template.getValue());
        }
        problem = null;
        installed.countDown();
        LOG.debugf("Index templates and aliases %s and %s are in place", names.articles(), names.alerts());
    }

    /**
     * Blocks until the schema has been installed once.
     *
     * @throws InterruptedException when the service shuts down first (the sleeper says so)
     */
    public void awaitInstalled() throws InterruptedException {
        while (!installed.await(0, TimeUnit.MILLISECONDS)) {
            sleeper.sleep(Duration.ofMillis(200));
        }
    }

    /** Whether the schema has been installed since start. */
    public boolean isInstalled() {
        return installed.getCount() == 0;
    }

    /** What stands in the way of installing, or null when installed. */
    public String problem() {
        return problem;
    }

    /**
     * A template only shapes indices created after it; fields added to it since the alias's indices were created
     * would stay unsearchable until the next rollover ({@code dynamic: false}). So the template's fields are put on
     * the existing indices too: Elasticsearch accepts new fields and new multi-fields in place. A change it cannot
     * make in place (a field's type) is refused; that is logged, and the next rollover brings it.
     */
    private void addNewFields(String alias, String template) throws IOException {
        JsonNode properties = Json.mapper().readTree(template).at("/template/mappings/properties");
        ElasticsearchHttp.Response response = http.send("PUT", "/" + alias + "/_mapping",
                Json.mapper().createObjectNode().set("properties", properties).toString());
        if (response.status() == 429 || response.status() >= 500) {
            throw new IOException("HTTP " + response.status() + " " + response.body());
        }
        if (!response.ok()) {
            LOG.warnf("The indices behind %s keep their older mapping until the next rollover; Elasticsearch "
                    + "refused the template's fields in place: HTTP %d %s", alias, response.status(), response.body());
        }
    }

    /**
     * The template's refresh interval, put on the indices already behind the alias: it is a dynamic setting, and an
     * interval chosen since they were created should not wait for the next rollover (the write index is the one
     * that refreshes). A refusal is logged, as for the fields.
     */
    private void applyRefreshInterval(String alias, String template) throws IOException {
        JsonNode interval = Json.mapper().readTree(template).at("/template/settings/index/refresh_interval");
        if (!interval.isTextual()) {
            return;
        }
        ObjectNode settings = Json.mapper().createObjectNode();
        settings.putObject("index").put("refresh_interval", interval.asText());
        ElasticsearchHttp.Response response = http.send("PUT", "/" + alias + "/_settings", settings.toString());
        if (response.status() == 429 || response.status() >= 500) {
            throw new IOException("HTTP " + response.status() + " " + response.body());
        }
        if (!response.ok()) {
            LOG.warnf("The indices behind %s keep their refresh interval until the next rollover; Elasticsearch "
                    + "refused the template's in place: HTTP %d %s", alias, response.status(), response.body());
        }
    }

    private ElasticsearchSchema.Response transport(String method, String path, String body) throws IOException {
        ElasticsearchHttp.Response response = http.send(method, path, body);
        if (response.status() == 429 || response.status() >= 500) {
            throw new IOException("HTTP " + response.status() + " " + response.body());
        }
        return new ElasticsearchSchema.Response(response.status(), response.body());
    }
}
