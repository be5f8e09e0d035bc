package io.newswatch.contract.elasticsearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Installs newswatch's index templates and bootstraps its aliases, idempotently. The templates are the files of
 * {@code deploy/elasticsearch/}, packaged with this module; the indexer runs this at start and the local stack when
 * it comes up, each over its own HTTP client ({@link Transport}).
 *
 * <p>The files name the default aliases; for other names (tests use a prefix) the index patterns are rewritten.
 */
public final class ElasticsearchSchema {

    private static final String RESOURCES = "/io/newswatch/contract/elasticsearch/";

    private ElasticsearchSchema() {
    }

    /** One HTTP exchange with Elasticsearch. */
    @FunctionalInterface
    public interface Transport {
        /**
         * Sends a request and returns the response, whatever its status.
         *
         * @param body JSON, or null for none
         * @throws IOException when Elasticsearch cannot be reached
         */
        Response send(String method, String path, String body) throws IOException;
    }

    /** Status and body of a response. */
    public record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Elasticsearch answered, but not as expected: the message carries its answer. */
    public static final class SchemaException extends RuntimeException {
        public SchemaException(String message) {
            super(message);
        }
    }

    /** The index templates to install, by template name (= alias), with patterns for the given names. */
    public static Map<String, String> templates(IndexNames names) {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put(names.articles(), template(IndexNames.DEFAULT.articles(), names.articles()));
        templates.put(names.alerts(), template(IndexNames.DEFAULT.alerts(), names.alerts()));
        return templates;
    }

    /**
     * Puts every template (overwriting an older version) and creates the first index behind each alias unless the
     * alias exists already.
     */
    public static void install(Transport transport, IndexNames names) throws IOException {
        for (Map.Entry<String, String> template : templates(names).entrySet()) {
            expectOk(transport.send("PUT", "/_index_template/" + template.getKey(), template.getValue()),
                    "installing index template " + template.getKey());
            bootstrapAlias(transport, template.getKey());
        }
    }

    private static void bootstrapAlias(Transport transport, String alias) throws IOException {
        Response existing = transport.send("HEAD", "/_alias/" + alias, null);
        if (existing.ok()) {
            return;
        }
        String body = "{\"aliases\":{\"" + alias + "\":{\"is_write_index\":true}}}";
        Response created = transport.send("PUT", "/" + IndexNames.firstIndex(alias), body);
        // Another instance may have won the race: that is the same outcome.
        if (!created.ok() && !created.body().contains("resource_already_exists_exception")) {
            throw new SchemaException("creating index " + IndexNames.firstIndex(alias) + " failed with HTTP "
                    + created.status() + ": " + created.body());
        }
    }

    private static void expectOk(Response response, String what) {
        if (!response.ok()) {
            throw new SchemaException(what + " failed with HTTP " + response.status() + ": " + response.body());
        }
    }

    private static String template(String fileAlias, String alias) {
        String file = RESOURCES + fileAlias + ".index-template.json";
        try (InputStream in = ElasticsearchSchema.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("index template " + file + " is not on the classpath");
            }
            ObjectNode template = (ObjectNode) Json.mapper().readTree(in);
            if (!fileAlias.equals(alias)) {
                ArrayNode patterns = template.putArray("index_patterns");
                patterns.add(alias + "-*");
            }
            return Json.mapper().writeValueAsString(template);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read index template " + file, e);
        }
    }
}
