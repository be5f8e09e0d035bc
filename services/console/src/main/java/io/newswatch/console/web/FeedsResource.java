package io.newswatch.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.console.config.ConsoleConfig;
import io.newswatch.console.service.PollerClient;
import io.newswatch.console.service.ServiceException;
import io.newswatch.console.session.Session;
import io.newswatch.contract.Json;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /feeds}: the health of every feed (last poll, HTTP status, error, backoff, next poll, items), adding one
 * and removing one, through the feed-poller's API with the analyst's key. Feed URLs are shown without credentials.
 */
@Path("/feeds")
public class FeedsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feeds(FeedsView view);
    }

    /** The page. */
    public record FeedsView(List<FeedRow> feeds, long failing, String message, String error, FeedInput input) {
    }

    /**
     * A feed.
     *
     * @param health "ok", "failing", "pending" (not polled yet)
     */
    public record FeedRow(String id, String name, String url, String health, String lastPoll, String lastPollAgo,
                          String httpStatus, String error, int failures, String backoff, String nextPoll,
                          String interval, long published, String inFeed, String lastNew, List<String> warnings,
                          List<String> tags, String language) {
    }

    /** What was typed into the form, shown again with an error. */
    public record FeedInput(String url, String name, String pollInterval, String language, boolean fullText,
                            String tags) {

        static final FeedInput EMPTY = new FeedInput("", "", "", "", true, "");
    }

    private final PollerClient poller;
    private final Session session;
    private final ConsoleConfig config;
    private final Clock clock;

    FeedsResource(PollerClient poller, Session session, ConsoleConfig config, Clock clock) {
        this.poller = poller;
        this.session = session;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("added") String added, @QueryParam("removed") String removed) {
        String message = added != null ? "Added the feed " + added + "; its first poll is under way."
                : removed != null ? "Removed the feed " + removed + "." : null;
        return page(message, null, FeedInput.EMPTY);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(@RestForm String url, @RestForm String name, @RestForm String pollInterval,
                        @RestForm String language, @RestForm String fullText, @RestForm String tags) {
        String key = session.apiKey().orElse(null);
        if (key == null) {
            return SignInResource.refused();
        }
        FeedInput input = new FeedInput(text(url), text(name), text(pollInterval), text(language), fullText != null,
                text(tags));
        ObjectNode feed = Json.mapper().createObjectNode();
        feed.put("url", input.url());
        if (!input.name().isEmpty()) {
            feed.put("name", input.name());
        }
        if (!input.pollInterval().isEmpty()) {
            feed.put("pollInterval", input.pollInterval());
        }
        if (!input.language().isEmpty()) {
            feed.put("language", input.language());
        }
        feed.put("fullText", input.fullText());
        var tagList = feed.putArray("tags");
        for (String tag : input.tags().split(",")) {
            if (!tag.isBlank()) {
                tagList.add(tag.strip());
            }
        }
        try {
            JsonNode registered = poller.add(feed, key);
            return RulesResource.seeOther("/feeds?added=" + SearchResource.encode(
                    registered.path("name").asText(Redaction.url(input.url()))));
        } catch (ServiceException e) {
            if (e.status() >= 500) {
                throw e;
            }
            String message = e.keyRefused() ? "The feed-poller refused your API key. Sign out and sign in again."
                    : e.getMessage();
            return Response.status(e.keyRefused() ? 403 : 400).entity(page(null, message, input))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response remove(@PathParam("id") String id, @RestForm String name) {
        String key = session.apiKey().orElse(null);
        if (key == null) {
            return SignInResource.refused();
        }
        poller.delete(id, key);
        return RulesResource.seeOther("/feeds?removed=" + SearchResource.encode(name == null || name.isBlank()
                ? id : name));
    }

    private TemplateInstance page(String message, String error, FeedInput input) {
        List<FeedRow> rows = new ArrayList<>();
        String problem = error;
        try {
            Instant now = clock.instant();
            for (JsonNode feed : poller.feeds()) {
                rows.add(row(feed, now));
            }
        } catch (ServiceException e) {
            problem = (problem == null ? "" : problem + " ") + "The feeds are unavailable: " + e.getMessage() + ".";
        }
        long failing = rows.stream().filter(row -> row.health().equals("failing")).count();
        return Templates.feeds(new FeedsView(rows, failing, message, problem, input));
    }

    private FeedRow row(JsonNode feed, Instant now) {
        JsonNode status = feed.path("status");
        Instant lastPoll = instant(status.path("lastPoll"));
        boolean failing = status.path("consecutiveFailures").asInt(0) > 0 || status.hasNonNull("error");
        String health = lastPoll == null ? "pending" : failing ? "failing" : "ok";
        List<String> warnings = new ArrayList<>();
        status.path("warnings").forEach(warning -> warnings.add(Redaction.url(warning.asText())));
        List<String> tags = new ArrayList<>();
        feed.path("tags").forEach(tag -> tags.add(tag.asText()));
        Instant nextPoll = instant(status.path("nextPoll"));
        return new FeedRow(feed.path("id").asText(), feed.path("name").asText(""),
                Redaction.url(feed.path("url").asText("")), health, Times.format(lastPoll, config.timeZone()),
                Times.relative(lastPoll, now), status.path("httpStatus").asText(""),
                status.hasNonNull("error") ? Redaction.url(status.path("error").asText()) : "",
                status.path("consecutiveFailures").asInt(0), duration(status.path("backoff")),
                nextPoll == null ? "" : Times.relative(nextPoll, now), duration(status.path("interval").isMissingNode()
                ? feed.path("pollInterval") : status.path("interval")), status.path("itemsPublished").asLong(0),
                status.path("itemsInFeed").asText(""), Times.relative(instant(status.path("lastNewItem")), now),
                warnings, tags, feed.path("language").asText(""));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String duration(JsonNode node) {
        try {
            return node.isTextual() ? Times.duration(Duration.parse(node.asText())) : "";
        } catch (java.time.format.DateTimeParseException e) {
            return node.asText();
        }
    }
}
