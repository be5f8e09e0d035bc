package io.newswatch.alerter.delivery;

import io.newswatch.contract.Alert;
import io.newswatch.contract.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps channel secrets out of everything but the rule store: what reads, logs, alerts and dead letters may show of
 * a rule's channels ({@link ChannelTarget#labels labels}) and of text that may quote a URL (user information, path
 * and query removed). Receivers' answers are never kept, only their status code.
 */
public final class Redaction {

    /** A URL in free text; bounded, with no nested quantifier, so linear on any input. */
    private static final Pattern URL = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{0,19})://([^\\s\"'<>|]{0,2048})");
    /** A receiver's answer quoted after its status (alerts written before answers were dropped). */
    private static final Pattern ANSWERED = Pattern.compile("(answered HTTP \\d{3})[^\\n]*");

    private Redaction() {
    }

    /** The text with every URL cut to its scheme, host and port, and any receiver's answer removed. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        Matcher url = URL.matcher(text);
        StringBuilder redacted = new StringBuilder();
        while (url.find()) {
            String rest = url.group(2);
            int end = 0;
            while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            String authority = rest.substring(0, end);
            String host = authority.substring(authority.lastIndexOf('@') + 1);
            url.appendReplacement(redacted, Matcher.quoteReplacement(url.group(1) + "://" + host));
        }
        url.appendTail(redacted);
        return ANSWERED.matcher(redacted).replaceAll("$1");
    }

    /**
     * A URL to log whole (an article's): only its user information goes, what a feed may have put there.
     */
    public static String withoutUserInfo(String url) {
        if (url == null) {
            return null;
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int end = scheme + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.lastIndexOf('@', end - 1);
        return at <= scheme ? url : url.substring(0, scheme + 3) + url.substring(at + 1);
    }

    /** The rule as reads show it: channels by their labels. */
    public static Rule rule(Rule rule) {
        return new Rule(rule.schemaVersion(), rule.type(), rule.id(), rule.timestamp(), rule.name(), rule.query(),
                ChannelTarget.labels(rule.channels()), rule.enabled(), rule.owner(), rule.tags(), rule.scope(),
                rule.realert(), rule.mode(), rule.digestInterval(), rule.escalation());
    }

    /**
     * The alert with channels by their labels and delivery errors redacted. Alerts raised now hold labels already;
     * this also cleans those of earlier versions, which held whole channels and receivers' answers.
     */
    public static Alert alert(Alert alert) {
        List<String> labels = ChannelTarget.labels(alert.channels());
        Map<String, String> labelOf = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            labelOf.put(alert.channels().get(i), labels.get(i));
        }
        List<Alert.Delivery> deliveries = new ArrayList<>(alert.deliveries().size());
        for (Alert.Delivery delivery : alert.deliveries()) {
            String channel = delivery.channel() == null ? null
                    : labelOf.getOrDefault(delivery.channel(), ChannelTarget.labelOf(delivery.channel()));
            deliveries.add(new Alert.Delivery(channel, delivery.status(), delivery.attempts(), delivery.at(),
                    text(delivery.error())));
        }
        if (labels.equals(alert.channels()) && deliveries.equals(alert.deliveries())) {
            return alert;
        }
        return new Alert(alert.schemaVersion(), alert.type(), alert.id(), alert.timestamp(), alert.ruleId(),
                alert.ruleName(), alert.query(), alert.articleId(), alert.url(), alert.title(), alert.source(),
                alert.storyId(), alert.storyOutlets(), alert.level(), alert.snippet(), alert.explanation(), labels,
                deliveries, alert.articleFetched());
    }
}
