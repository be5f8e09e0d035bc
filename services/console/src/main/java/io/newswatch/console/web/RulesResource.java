package io.newswatch.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.console.config.ConsoleConfig;
import io.newswatch.console.index.RuleHits;
import io.newswatch.console.service.AlerterClient;
import io.newswatch.console.service.ServiceException;
import io.newswatch.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /rules}: the rules with their recent alert counts and any problem the alerter reports; creating, editing
 * (with a live preview of what the rule would have matched, and when editing what the edit gains and loses) and
 * deleting. Every change is made by the alerter with the analyst's key; without one, the forms are not offered and
 * the changing requests are refused here, before anything reaches the alerter.
 */
@Path("/rules")
public class RulesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rules(RulesView view);

        static native TemplateInstance rule(RuleFormView view);

        static native TemplateInstance preview(PreviewView view);
    }

    /** The list. */
    public record RulesView(List<RuleRow> rules, String message, String error, String hitsError) {
    }

    /** A rule in the list. */
    public record RuleRow(String id, String name, String query, boolean enabled, List<String> channels,
                          String settings, String owner, List<String> tags, long day, long week, String last,
                          String problem, String searchHref) {

        /** Longest query shown whole in the list; a longer one is cut (the edit form and its search show it all). */
        static final int SHOWN_QUERY = 240;

        /** The query as the list shows it. */
        public String shownQuery() {
            return query.length() <= SHOWN_QUERY ? query : query.substring(0, SHOWN_QUERY) + "…";
        }
    }

    /**
     * The form.
     *
     * @param editing true for an existing rule (its id is fixed)
     * @param error   what the alerter refused, or null
     * @param field   the field it refused
     */
    public record RuleFormView(RuleForm form, boolean editing, String error, String field, String errorAt) {
    }

    /** A preview: what the query would have matched, and when editing, the difference. */
    public record PreviewView(String error, String errorAt, int days, boolean comparison, Counts result,
                              Counts current, int both, int gainedCount, int lostCount, List<PreviewHit> gained,
                              List<PreviewHit> lost, boolean signedIn) {
    }

    /** The counts of one query. */
    public record Counts(String query, int matched, int alerts, long candidates, boolean complete,
                         List<PreviewHit> hits) {
    }

    /** A previewed article. */
    public record PreviewHit(String id, String title, String source, String published, String snippet) {
    }

    private final AlerterClient alerter;
    private final RuleHits hits;
    private final Session session;
    private final ConsoleConfig config;
    private final Clock clock;

    RulesResource(AlerterClient alerter, RuleHits hits, Session session, ConsoleConfig config, Clock clock) {
        this.alerter = alerter;
        this.hits = hits;
        this.session = session;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("saved") String saved, @QueryParam("deleted") String deleted) {
        String message = saved != null ? "Saved the rule " + saved + "."
                : deleted != null ? "Deleted the rule " + deleted + "." : null;
        JsonNode rules;
        try {
            rules = alerter.rules();
        } catch (ServiceException e) {
            return Templates.rules(new RulesView(List.of(), message, "The rules are unavailable: " + e.getMessage()
                    + ".", null));
        }
        Map<String, RuleHits.Hits> counts = Map.of();
        String hitsError = null;
        try {
            counts = hits.counts(clock.instant());
        } catch (ServiceException e) {
            hitsError = "Recent alert counts are unavailable: " + e.getMessage() + ".";
        }
        Instant now = clock.instant();
        List<RuleRow> rows = new ArrayList<>();
        for (JsonNode rule : rules) {
            String id = rule.path("id").asText();
            RuleHits.Hits count = counts.getOrDefault(id, RuleHits.Hits.NONE);
            List<String> channels = new ArrayList<>();
            rule.path("channels").forEach(channel -> channels.add(Redaction.channel(channel.asText())));
            List<String> tags = new ArrayList<>();
            rule.path("tags").forEach(tag -> tags.add(tag.asText()));
            String query = rule.path("query").asText("");
            rows.add(new RuleRow(id, rule.path("name").asText(id), query, rule.path("enabled").asBoolean(true),
                    channels, settings(rule), rule.path("owner").asText(""), tags, count.day(), count.week(),
                    count.last() == null ? "" : Times.relative(count.last(), now), problem(rule),
                    "/search?q=" + SearchResource.encode(query)));
        }
        return Templates.rules(new RulesView(rows, message, null, hitsError));
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public Response create(@QueryParam("query") String query, @QueryParam("name") String name) {
        if (!session.signedIn()) {
            return SignInResource.redirect("/rules/new" + (query == null ? "" : "?query=" + SearchResource.encode(query)));
        }
        return html(Templates.rule(new RuleFormView(RuleForm.of(query, name), false, null, null, null)));
    }

    @GET
    @Path("{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    public Response edit(@PathParam("id") String id) {
        if (!session.signedIn()) {
            return SignInResource.redirect("/rules/" + SearchResource.encode(id) + "/edit");
        }
        return html(Templates.rule(new RuleFormView(RuleForm.of(alerter.rule(id)), true, null, null, null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@BeanParam RuleForm form) {
        return write(form, false);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(@PathParam("id") String id, @BeanParam RuleForm form) {
        form.id = id;
        return write(form, true);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("id") String id) {
        String key = session.apiKey().orElse(null);
        if (key == null) {
            return SignInResource.refused();
        }
        alerter.delete(id, key);
        return seeOther("/rules?deleted=" + SearchResource.encode(id));
    }

    /** The live preview of the form (an htmx fragment). */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance preview(@BeanParam RuleForm form) {
        int days = form.previewDays();
        String query = form.query == null ? "" : form.query.strip();
        String key = session.apiKey().orElse(null);
        if (key == null) {
            return Templates.preview(empty(null, null, days, false));
        }
        if (query.isEmpty()) {
            return Templates.preview(empty("Type a query to see what it would have matched.", null, days, true));
        }
        String ruleId = form.id == null || form.id.isBlank() ? null : form.id.strip();
        JsonNode answer;
        try {
            answer = alerter.preview(ruleId, query, form.isArticleScope() ? "article" : "story", days, 5, key);
        } catch (ServiceException e) {
            String errorAt = "query".equals(e.field()) && e.position() != null
                    ? query.substring(0, Math.min(e.position(), query.length())) : null;
            return Templates.preview(empty(e.keyRefused() ? "The alerter refused your key: sign in again."
                    : e.getMessage(), errorAt, days, true));
        }
        if (answer.has("edited")) {
            return Templates.preview(new PreviewView(null, null, days, true, null, counts(answer.path("current")),
                    answer.path("both").asInt(), answer.path("gainedCount").asInt(), answer.path("lostCount").asInt(),
                    hits(answer.path("gained")), hits(answer.path("lost")), true));
        }
        return Templates.preview(new PreviewView(null, null, days, false, counts(answer.path("result")), null, 0, 0,
                0, List.of(), List.of(), true));
    }

    private Response write(RuleForm form, boolean editing) {
        String key = session.apiKey().orElse(null);
        if (key == null) {
            return SignInResource.refused();
        }
        try {
            JsonNode stored = editing ? alerter.replace(form.id, form.toRequest(), key)
                    : alerter.create(form.toRequest(), key);
            return seeOther("/rules?saved=" + SearchResource.encode(stored.path("name").asText(form.name)));
        } catch (ServiceException e) {
            if (e.status() >= 500) {
                throw e;
            }
            String query = form.query == null ? "" : form.query;
            String errorAt = "query".equals(e.field()) && e.position() != null
                    ? query.substring(0, Math.min(e.position(), query.length())) : null;
            String message = e.keyRefused() ? "The alerter refused your API key. Sign out and sign in again."
                    : e.getMessage();
            return Response.status(e.status() == 404 ? 404 : e.keyRefused() ? 403 : 400)
                    .entity(Templates.rule(new RuleFormView(form, editing, message, e.field(), errorAt)))
                    .type(MediaType.TEXT_HTML_TYPE).build();
        }
    }

    private PreviewView empty(String error, String errorAt, int days, boolean signedIn) {
        return new PreviewView(error, errorAt, days, false, null, null, 0, 0, 0, List.of(), List.of(), signedIn);
    }

    private Counts counts(JsonNode result) {
        return new Counts(result.path("query").asText(""), result.path("matched").asInt(),
                result.path("alerts").asInt(), result.path("candidates").asLong(),
                result.path("complete").asBoolean(true), hits(result.path("hits")));
    }

    private List<PreviewHit> hits(JsonNode hits) {
        List<PreviewHit> views = new ArrayList<>();
        for (JsonNode hit : hits) {
            Instant published = null;
            try {
                published = hit.path("published").isTextual() ? Instant.parse(hit.path("published").asText()) : null;
            } catch (java.time.format.DateTimeParseException e) {
                // shown without a date
            }
            views.add(new PreviewHit(hit.path("id").asText(), hit.path("title").asText("(untitled)"),
                    hit.path("source").asText(""), Times.format(published, config.timeZone()),
                    Snippets.clean(hit.path("snippet").asText(""))));
        }
        return views;
    }

    /** A rule's settings in a few words: "per story · instant · realert 6h". */
    private static String settings(JsonNode rule) {
        List<String> parts = new ArrayList<>();
        parts.add("article".equalsIgnoreCase(rule.path("scope").asText()) ? "per article" : "per story");
        if ("digest".equalsIgnoreCase(rule.path("mode").asText())) {
            String every = Durations.readable(rule.path("digestInterval").asText(""));
            parts.add("digest" + (every.isEmpty() ? "" : " every " + every));
        } else {
            parts.add("instant");
        }
        String realert = Durations.readable(rule.path("realert").asText(""));
        if (!realert.isEmpty()) {
            parts.add("realert " + realert);
        }
        JsonNode escalation = rule.path("escalation");
        if (escalation.isObject()) {
            List<String> at = new ArrayList<>();
            if (escalation.path("outlets").isInt()) {
                at.add(escalation.path("outlets").asInt() + " outlets");
            }
            if (escalation.path("languages").isInt()) {
                at.add(escalation.path("languages").asInt() + " languages");
            }
            if (!at.isEmpty()) {
                parts.add("escalates at " + String.join(" or ", at));
            }
        }
        return String.join(" · ", parts);
    }

    /**
     * Why the alerter does not match the rule, when it says so: {@code problem} ({@code {"reason", "position",
     * "since"}} or a text), or an older {@code broken}/{@code error} field.
     */
    static String problem(JsonNode rule) {
        JsonNode problem = rule.path("problem");
        if (problem.isObject()) {
            String reason = problem.path("reason").asText("the alerter reports a problem");
            return problem.path("position").isInt() ? reason + " (at position " + problem.path("position").asInt()
                    + ")" : reason;
        }
        if (problem.isTextual() && !problem.asText().isBlank()) {
            return problem.asText();
        }
        if (rule.path("broken").asBoolean(false)) {
            return rule.path("error").asText("the alerter marks this rule broken");
        }
        return null;
    }

    static Response seeOther(String location) {
        return Response.seeOther(java.net.URI.create(location)).build();
    }

    static Response html(TemplateInstance page) {
        return Response.ok(page).type(MediaType.TEXT_HTML_TYPE).build();
    }
}
