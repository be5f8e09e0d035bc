package io.newswatch.console.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as the pages show it, read field by field from the alerter's JSON (its {@code GET /alerts}, or the
 * alerts topic): a field the alerter drops or renames leaves a blank, never a broken page; channels and URLs are
 * redacted here again.
 *
 * @param id         the alert id
 * @param ruleId     its rule
 * @param ruleName   the rule's name when it was raised
 * @param articleId  the article
 * @param title      the article's headline
 * @param url        the article's address
 * @param source     the outlet
 * @param timestamp  when it was raised
 * @param time       that time, formatted
 * @param snippet    the passages around the matches: safe HTML, matched words in {@code <em>}
 * @param why        what matched: the words as the article writes them, topics
 * @param outlets    outlets carrying the story when it was raised
 * @param level      0 for a first alert, higher for an escalation
 * @param deliveries per channel (redacted), its status
 * @param unread     true for an alert that arrived while the page was open
 */
public record AlertView(String id, String ruleId, String ruleName, String articleId, String title, String url,
                        String source, Instant timestamp, String time, String snippet, List<String> why, int outlets,
                        int level, List<String> deliveries, boolean unread) {

    /** The time for a {@code datetime} attribute. */
    public String iso() {
        return timestamp == null ? "" : timestamp.toString();
    }

    /** "outlet" or "outlets". */
    public String outletsWord() {
        return outlets == 1 ? "outlet" : "outlets";
    }

    /** From an alert's JSON. */
    public static AlertView of(JsonNode alert, ZoneId zone, boolean unread) {
        Instant timestamp = instant(alert.path("timestamp"));
        JsonNode explanation = alert.path("explanation");
        List<String> why = new ArrayList<>();
        explanation.path("terms").forEach(term -> why.add(term.asText()));
        explanation.path("topics").forEach(topic -> why.add("topic: " + topic.asText()));
        if (why.isEmpty()) {
            explanation.path("entities").forEach(entity -> why.add(entity.asText()));
        }
        List<String> deliveries = new ArrayList<>();
        alert.path("deliveries").forEach(delivery -> deliveries.add(Redaction.channel(delivery.path("channel")
                .asText("?")) + ": " + delivery.path("status").asText("pending")));
        String title = alert.path("title").asText("");
        return new AlertView(alert.path("id").asText(), alert.path("ruleId").asText(""),
                alert.path("ruleName").asText(alert.path("ruleId").asText("")), alert.path("articleId").asText(""),
                title.isBlank() ? alert.path("url").asText("(untitled)") : title,
                Redaction.url(alert.path("url").asText("")), alert.path("source").asText(""), timestamp,
                Times.format(timestamp, zone), Snippets.clean(alert.path("snippet").asText("")), why,
                alert.path("storyOutlets").asInt(1), alert.path("level").asInt(0), deliveries, unread);
    }

    private static Instant instant(JsonNode node) {
        try {
            if (node.isNumber()) { // Jackson's default for an Instant: seconds, with a fraction
                return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
            }
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
