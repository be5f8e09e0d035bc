package io.newswatch.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;


/** The feed-poller's API as the console uses it: the feeds with their health, adding and removing one. */
@ApplicationScoped
public class PollerClient {

    private final ServiceClient poller;

    PollerClient(ConsoleConfig config) {
        this.poller = new ServiceClient("feed-poller", config.pollerUrl(), config.requestTimeout());
    }

    /** {@code GET /feeds}: every feed with its status, page after page. */
    public JsonNode feeds() {
        return poller.list("/feeds");
    }

    /** {@code POST /feeds}: the registered feed. */
    public JsonNode add(ObjectNode feed, String apiKey) {
        return poller.send("POST", "/feeds", feed, apiKey);
    }

    /** {@code DELETE /feeds/{id}}. */
    public void delete(String id, String apiKey) {
        poller.send("DELETE", "/feeds/" + ServiceClient.segment(id), null, apiKey);
    }
}
