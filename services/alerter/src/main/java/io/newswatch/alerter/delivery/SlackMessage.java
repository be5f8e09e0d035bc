package io.newswatch.alerter.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Alert;
import io.newswatch.contract.Json;

/**
 * The body for a Slack-compatible incoming webhook: a plain {@code text} (what notifications and older clients
 * show) and Block Kit sections with the title linked, the highlighted passages and why the rule matched.
 *
 * <p>Titles, sources and URLs come from feeds, names from analysts: every one is escaped as Slack's message format
 * asks ({@code &}, {@code <}, {@code >}), in the fallback text as much as in the blocks, so that a title cannot
 * ping {@code <!channel>} or a user, nor dress a link up as another.
 */
final class SlackMessage {

    private static final int MAX_DIGEST_ITEMS = 20;

    private SlackMessage() {
    }

    static String of(Channel.Notification notification) {
        ObjectNode message = Json.mapper().createObjectNode();
        Alert first = notification.first();
        ArrayNode blocks = message.putArray("blocks");
        if (notification.digest()) {
            message.put("text", "newswatch digest [" + escape(first.ruleName()) + "]: "
                    + notification.alerts().size() + " alerts");
            section(blocks, "*newswatch digest* · rule *" + escape(first.ruleName()) + "* · "
                    + notification.alerts().size() + " alerts");
            notification.alerts().stream().limit(MAX_DIGEST_ITEMS).forEach(alert -> section(blocks,
                    "• " + link(alert) + " · " + escape(nullToEmpty(alert.source()))));
            if (notification.alerts().size() > MAX_DIGEST_ITEMS) {
                section(blocks, "… and " + (notification.alerts().size() - MAX_DIGEST_ITEMS) + " more");
            }
            return Json.encode(message);
        }
        String spread = first.level() > 0 ? " · story now in " + first.storyOutlets() + " outlets" : "";
        message.put("text", "newswatch [" + escape(first.ruleName()) + "]: " + escape(nullToEmpty(first.title()))
                + spread);
        section(blocks, "*" + escape(first.ruleName()) + "*" + escape(spread) + "\n" + link(first) + " · "
                + escape(nullToEmpty(first.source())));
        if (first.snippet() != null && !first.snippet().isBlank()) {
            section(blocks, "> " + highlighted(first.snippet()));
        }
        Alert.Explanation why = first.explanation();
        if (why != null && !why.terms().isEmpty()) {
            StringBuilder matched = new StringBuilder("matched: ").append(escape(String.join(", ", why.terms())));
            if (!why.topics().isEmpty()) {
                matched.append(" · topics: ").append(escape(String.join(", ", why.topics())));
            }
            if (why.kibanaUrl() != null) {
                matched.append(" · <").append(linkTarget(why.kibanaUrl())).append("|open in Kibana>");
            }
            ObjectNode context = blocks.addObject();
            context.put("type", "context");
            ObjectNode element = context.putArray("elements").addObject();
            element.put("type", "mrkdwn");
            element.put("text", matched.toString());
        }
        return Json.encode(message);
    }

    private static void section(ArrayNode blocks, String markdown) {
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode text = section.putObject("text");
        text.put("type", "mrkdwn");
        text.put("text", markdown);
    }

    private static String link(Alert alert) {
        String title = alert.title() == null || alert.title().isBlank() ? alert.url() : alert.title();
        return "<" + linkTarget(alert.url()) + "|" + escape(title).replace("|", "¦") + ">";
    }

    /** A URL inside {@code <...|...>}: escaped, and what would end the link percent-encoded. */
    static String linkTarget(String url) {
        return escape(nullToEmpty(url)).replace("|", "%7C").replace(" ", "%20");
    }

    /** The snippet is HTML-escaped with {@code <em>} marks; Slack wants its own escaping and {@code *bold*}. */
    static String highlighted(String snippet) {
        String plain = snippet.replace("<em>", "\u0001").replace("</em>", "\u0002")
                .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return escape(plain).replace("\u0001", "*").replace("\u0002", "*");
    }

    /** Slack's three escapes. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
