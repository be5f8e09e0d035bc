package io.newswatch.alerter.delivery;

import io.newswatch.contract.Rule;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds where an alert's channel goes. An alert names its channels by their labels ({@link ChannelTarget#label()}),
 * which hold no secret, so the URL of a {@code webhook:URL} channel is looked up in the rule's current channels at
 * delivery time: the URL lives only in the rule store. A label that is a complete channel itself ({@code log},
 * {@code email:ADDRESS}, {@code webhook:NAME}) is delivered even if the rule changed since.
 */
public final class ChannelResolver {

    private final Function<String, Optional<Rule>> rules;
    private final Map<String, URI> named;

    /**
     * @param rules the rule store, by rule id
     * @param named the configured webhook URLs by name
     */
    public ChannelResolver(Function<String, Optional<Rule>> rules, Map<String, URI> named) {
        this.rules = rules;
        this.named = Map.copyOf(named);
    }

    /**
     * The channel an alert's {@code channel} stands for.
     *
     * @throws IllegalArgumentException (permanent) when it stands for nothing any more; the message holds no URL
     */
    public ChannelTarget resolve(String ruleId, String channel) {
        Rule rule = rules.apply(ruleId).orElse(null);
        if (rule != null) {
            List<String> labels = ChannelTarget.labels(rule.channels());
            int index = labels.indexOf(channel);
            if (index >= 0) {
                return ChannelTarget.parse(rule.channels().get(index));
            }
        }
        ChannelTarget itself;
        try {
            itself = ChannelTarget.parse(channel);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(gone(ruleId, channel, rule));
        }
        if (itself.kind() == ChannelTarget.Kind.LOG || itself.kind() == ChannelTarget.Kind.EMAIL
                || !itself.hasUrl() && !itself.isUnknownName(named)) {
            return itself;
        }
        throw new IllegalArgumentException(gone(ruleId, channel, rule));
    }

    private static String gone(String ruleId, String channel, Rule rule) {
        return rule == null ? "rule " + ruleId + " was deleted, and the URL of " + channel + " went with it"
                : channel + " is no longer a channel of rule " + ruleId;
    }
}
