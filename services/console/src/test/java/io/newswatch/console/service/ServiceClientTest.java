package io.newswatch.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newswatch.contract.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paged listings as the services serve them ({@code io.newswatch.rest.Paging}: {@code limit} and {@code cursor}, the
 * next page named by {@code X-Next-Cursor} and a {@code Link} with {@code rel="next"}): the console reads every page,
 * so that more than the largest page (1,000) of rules or feeds are all listed.
 */
class ServiceClientTest {

    private static final int RULES = 2_345;

    private HttpServer server;
    private final List<String> asked = new ArrayList<>();
    /** How the fake service names the next page: "both", "link" (an absolute link to another host), "loop". */
    private String style = "both";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rules", this::rules);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aListingIsReadPageAfterPageToTheEnd() {
        JsonNode rules = client().list("/rules");

        assertThat(rules.size()).isEqualTo(RULES);
        Set<String> ids = new HashSet<>();
        rules.forEach(rule -> ids.add(rule.path("id").asText()));
        assertThat(ids).hasSize(RULES).contains("rule-0000", "rule-2344");
        assertThat(asked).hasSize(3).allMatch(query -> query.contains("limit=1000"));
    }

    @Test
    void theNextLinkGivesOnlyTheCursorNeverAnotherHost() {
        style = "link";

        assertThat(client().list("/rules").size()).isEqualTo(RULES);
        assertThat(asked).hasSize(3);
    }

    @Test
    void aServiceThatNamesTheSamePageAgainIsRefusedInsteadOfReadForever() {
        style = "loop";

        assertThatThrownBy(() -> client().list("/rules")).isInstanceOf(ServiceException.class)
                .hasMessageContaining("loop");
    }

    private ServiceClient client() {
        return new ServiceClient("alerter", URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(5));
    }

    /** The rules rule-0000 to rule-2344, in id order, paged as {@code Paging} pages them. */
    private void rules(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        asked.add(query);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        int limit = Integer.parseInt(parameters.getOrDefault("limit", "100"));
        String after = parameters.containsKey("cursor")
                ? new String(Base64.getUrlDecoder().decode(parameters.get("cursor")), StandardCharsets.UTF_8) : null;
        ArrayNode page = Json.mapper().createArrayNode();
        String last = null;
        for (int i = 0; i < RULES && page.size() < limit; i++) {
            String id = String.format("rule-%04d", i);
            if (after == null || id.compareTo(after) > 0) {
                page.addObject().put("id", id).put("query", "Montenegro");
                last = id;
            }
        }
        boolean more = last != null && !last.equals(String.format("rule-%04d", RULES - 1));
        if (more) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (style.equals("loop") ? "rule-0999" : last).getBytes(StandardCharsets.UTF_8));
            if (!style.equals("link")) {
                exchange.getResponseHeaders().add(ServiceClient.NEXT_CURSOR_HEADER, cursor);
            }
            // an address the console must not follow: only the cursor counts
            exchange.getResponseHeaders().add("Link", "<http://elsewhere.invalid:9/rules?cursor=" + cursor
                    + "&limit=" + limit + ">; rel=\"next\"");
        }
        byte[] body = Json.encode(page).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
