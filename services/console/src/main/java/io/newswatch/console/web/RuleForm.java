package io.newswatch.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rule form, as posted and as shown again: every field a rule has ({@code POST /rules} of the alerter), in the
 * shape of HTML inputs (channels one per line, tags comma-separated, empty for "not set").
 */
public class RuleForm {

    @RestForm
    public String id;
    @RestForm
    public String name;
    @RestForm
    public String query;
    @RestForm
    public String channels;
    @RestForm
    public String enabled;
    @RestForm
    public String owner;
    @RestForm
    public String tags;
    @RestForm
    public String scope;
    @RestForm
    public String realert;
    @RestForm
    public String mode;
    @RestForm
    public String digestInterval;
    @RestForm
    public String escalationOutlets;
    @RestForm
    public String escalationLanguages;
    @RestForm
    public String days;

    /** A new rule's form, with a query to start from. */
    public static RuleForm of(String query, String name) {
        RuleForm form = new RuleForm();
        form.query = query == null ? "" : query;
        form.name = name == null ? "" : name;
        form.channels = "log";
        form.enabled = "on";
        form.scope = "story";
        form.mode = "instant";
        return form;
    }

    /** A stored rule's form, from the alerter's JSON (channels as it shows them: labels, never secrets). */
    public static RuleForm of(JsonNode rule) {
        RuleForm form = new RuleForm();
        form.id = rule.path("id").asText("");
        form.name = rule.path("name").asText("");
        form.query = rule.path("query").asText("");
        List<String> channels = new ArrayList<>();
        rule.path("channels").forEach(channel -> channels.add(Redaction.channel(channel.asText())));
        form.channels = String.join("\n", channels);
        form.enabled = rule.path("enabled").asBoolean(true) ? "on" : null;
        form.owner = rule.path("owner").asText("");
        List<String> tags = new ArrayList<>();
        rule.path("tags").forEach(tag -> tags.add(tag.asText()));
        form.tags = String.join(", ", tags);
        form.scope = rule.path("scope").asText("story").toLowerCase(Locale.ROOT);
        form.realert = Durations.readable(rule.path("realert").asText(""));
        form.mode = rule.path("mode").asText("instant").toLowerCase(Locale.ROOT);
        form.digestInterval = Durations.readable(rule.path("digestInterval").asText(""));
        JsonNode escalation = rule.path("escalation");
        form.escalationOutlets = escalation.path("outlets").isInt() ? escalation.path("outlets").asText() : "";
        form.escalationLanguages = escalation.path("languages").isInt() ? escalation.path("languages").asText() : "";
        return form;
    }

    /** The body of the alerter's {@code POST /rules} or {@code PUT /rules/{id}}. */
    public ObjectNode toRequest() {
        ObjectNode body = Json.mapper().createObjectNode();
        put(body, "name", name);
        body.put("query", query == null ? "" : query.strip());
        ArrayNode list = body.putArray("channels");
        lines(channels).forEach(list::add);
        body.put("enabled", enabled != null);
        put(body, "owner", owner);
        ArrayNode tagList = body.putArray("tags");
        for (String tag : (tags == null ? "" : tags).split(",")) {
            if (!tag.isBlank()) {
                tagList.add(tag.strip());
            }
        }
        put(body, "scope", scope);
        put(body, "realert", realert);
        put(body, "mode", mode);
        put(body, "digestInterval", digestInterval);
        if (!blank(escalationOutlets) || !blank(escalationLanguages)) {
            ObjectNode escalation = body.putObject("escalation");
            number(escalation, "outlets", escalationOutlets);
            number(escalation, "languages", escalationLanguages);
        }
        return body;
    }

    /** The preview's period in days (1 to 90, default 7). */
    public int previewDays() {
        try {
            return Math.max(1, Math.min(90, Integer.parseInt(days == null ? "7" : days.strip())));
        } catch (NumberFormatException e) {
            return 7;
        }
    }

    public boolean isDigest() {
        return "digest".equalsIgnoreCase(mode);
    }

    public boolean isArticleScope() {
        return "article".equalsIgnoreCase(scope);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("[\\r\\n]+")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static void put(ObjectNode body, String field, String value) {
        if (!blank(value)) {
            body.put(field, value.strip());
        }
    }

    private static void number(ObjectNode body, String field, String value) {
        if (blank(value)) {
            return;
        }
        try {
            body.put(field, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            body.put(field, value.strip()); // the alerter says what is wrong with it
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
