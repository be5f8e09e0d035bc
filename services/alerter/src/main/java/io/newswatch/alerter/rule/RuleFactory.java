package io.newswatch.alerter.rule;

import io.newswatch.addressguard.AddressGuard;
import io.newswatch.addressguard.BlockedAddressException;
import io.newswatch.alerter.delivery.ChannelTarget;
import io.newswatch.alerter.match.InvalidQueryException;
import io.newswatch.alerter.match.QueryCompiler;
import io.newswatch.contract.Rule;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@link RuleRequest} and turns it into the {@link Rule} event that goes to the rule store, with the
 * defaults filled in. Every problem names its field. A webhook or Slack URL is checked by the {@link AddressGuard}
 * as delivery will check it: one whose host resolves to an internal address (and is not allow-listed) is refused
 * now, rather than failing every alert later. One that does not resolve now is kept: DNS may be down for a while,
 * and delivery says so if it still does not resolve.
 */
public final class RuleFactory {

    /** Ids appear in URLs and alert ids: keep them plain. */
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final Pattern SHORT_DURATION = Pattern.compile("^(\\d+)\\s*(s|m|h|d|w)$");
    private static final Duration MIN_DIGEST_INTERVAL = Duration.ofMinutes(1);
    private static final Duration DEFAULT_DIGEST_INTERVAL = Duration.ofHours(1);
    private static final int MAX_NAME = 200;
    private static final int MAX_CHANNELS = 20;
    private static final int MAX_CHANNEL_LENGTH = 2_048;

    private final Clock clock;
    private final Map<String, URI> webhooks;
    private final AddressGuard guard;

    /**
     * @param webhooks the configured named webhooks, which {@code webhook:NAME} and {@code slack:NAME} may use
     * @param guard    where webhook URLs may point
     */
    public RuleFactory(Clock clock, Map<String, URI> webhooks, AddressGuard guard) {
        this.clock = clock;
        this.webhooks = Map.copyOf(webhooks);
        this.guard = guard;
    }

    /** The rule to store under {@code id}, which is new. */
    public Rule build(String id, RuleRequest request) throws InvalidRuleException {
        return build(id, request, null, true);
    }

    /**
     * The rule to store under {@code id}, replacing {@code existing} (or null). Reads show a webhook URL only by
     * its label ({@code webhook:hooks.example.com}): a channel given as one of the existing rule's labels keeps
     * that channel, URL included, so that an edit of what a GET returned loses nothing.
     */
    public Rule build(String id, RuleRequest request, Rule existing) throws InvalidRuleException {
        return build(id, request, existing, true);
    }

    /**
     * The rule of a rules file whose only fault is its query: stored all the same, so that it shows, marked broken
     * with the reason, in {@code GET /rules} and {@code ./newswatch status}, while every other rule works.
     */
    Rule buildWithUnusableQuery(String id, RuleRequest request) throws InvalidRuleException {
        return build(id, request, null, false);
    }

    private Rule build(String id, RuleRequest request, Rule existing, boolean checkQuery)
            throws InvalidRuleException {
        if (request == null) {
            throw new InvalidRuleException(null, "the body must be a rule: {\"name\", \"query\", \"channels\"}");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRuleException("id", "an id is 1 to 128 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit");
        }
        if (request.query() == null || request.query().isBlank()) {
            throw new InvalidRuleException("query", "a rule needs a query", 0);
        }
        if (checkQuery) {
            try {
                QueryCompiler.compile(request.query());
            } catch (InvalidQueryException e) {
                throw new InvalidRuleException("query", e.getMessage(), e.position());
            }
        }
        String name = request.name() == null || request.name().isBlank() ? request.query().strip()
                : request.name().strip();
        if (name.length() > MAX_NAME) {
            throw new InvalidRuleException("name", "a name has at most " + MAX_NAME + " characters");
        }
        Rule.Mode mode = enumValue(Rule.Mode.class, "mode", request.mode(), Rule.Mode.INSTANT);
        Duration digestInterval = duration("digestInterval", request.digestInterval());
        if (mode == Rule.Mode.DIGEST && digestInterval == null) {
            digestInterval = DEFAULT_DIGEST_INTERVAL;
        }
        if (digestInterval != null && digestInterval.compareTo(MIN_DIGEST_INTERVAL) < 0) {
            throw new InvalidRuleException("digestInterval", "a digest interval is at least 1 minute");
        }
        Duration realert = duration("realert", request.realert());
        if (realert != null && (realert.isNegative() || realert.isZero())) {
            throw new InvalidRuleException("realert", "realert is a positive duration, or absent for never");
        }
        Rule.Escalation escalation = request.escalation();
        if (escalation != null) {
            if (escalation.outlets() == null && escalation.languages() == null) {
                escalation = null;
            } else if (escalation.outlets() != null && escalation.outlets() < 2
                    || escalation.languages() != null && escalation.languages() < 2) {
                throw new InvalidRuleException("escalation", "escalation thresholds are at least 2 (outlets or "
                        + "languages)");
            }
        }
        return new Rule(Rule.SCHEMA_VERSION, Rule.TYPE, id, clock.instant(), name, request.query().strip(),
                channels(request.channels(), existing), request.enabled() == null || request.enabled(),
                blankToNull(request.owner()), tags(request.tags()),
                enumValue(Rule.Scope.class, "scope", request.scope(), Rule.Scope.STORY), realert, mode,
                digestInterval, escalation);
    }

    private List<String> channels(List<String> requested, Rule existing) throws InvalidRuleException {
        if (requested == null) {
            return List.of("log");
        }
        if (requested.size() > MAX_CHANNELS) {
            throw new InvalidRuleException("channels", "a rule has at most " + MAX_CHANNELS + " channels");
        }
        List<String> existingChannels = existing == null ? List.of() : existing.channels();
        List<String> existingLabels = ChannelTarget.labels(existingChannels);
        List<String> channels = new ArrayList<>();
        for (String given : requested) {
            if (given != null && given.length() > MAX_CHANNEL_LENGTH) {
                throw new InvalidRuleException("channels", "a channel has at most " + MAX_CHANNEL_LENGTH
                        + " characters");
            }
            int kept = given == null ? -1 : existingLabels.indexOf(given.strip());
            String channel = kept >= 0 ? existingChannels.get(kept) : given;
            ChannelTarget target;
            try {
                target = ChannelTarget.parse(channel);
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException("channels", e.getMessage());
            }
            if (target.isUnknownName(webhooks)) {
                throw new InvalidRuleException("channels", "no webhook named '" + target.target()
                        + "' is configured (newswatch.alerter.delivery.webhooks." + target.target()
                        + "); configured: " + (webhooks.isEmpty() ? "none" : String.join(", ", webhooks.keySet())));
            }
            if (target.hasUrl()) {
                checkAddress(target);
            }
            String normalized = channel.strip();
            if (!channels.contains(normalized)) {
                channels.add(normalized);
            }
        }
        return channels;
    }

    private void checkAddress(ChannelTarget target) throws InvalidRuleException {
        try {
            guard.resolve(target.url(webhooks).orElseThrow());
        } catch (BlockedAddressException e) {
            // the guard's reason names the host and its address, never the URL's path, query or user
            throw new InvalidRuleException("channels", target.label() + " is refused: " + e.getMessage()
                    + "; webhooks go to public addresses only (newswatch.alerter.ssrf.allow lists exceptions)");
        } catch (UnknownHostException e) {
            // not resolvable now: kept (see above)
        }
    }

    private static List<String> tags(List<String> tags) throws InvalidRuleException {
        if (tags == null) {
            return List.of();
        }
        List<String> cleaned = new ArrayList<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank()) {
                throw new InvalidRuleException("tags", "a tag is empty");
            }
            if (!cleaned.contains(tag.strip())) {
                cleaned.add(tag.strip());
            }
        }
        return cleaned;
    }

    /** An ISO-8601 duration ("PT6H", "P1D") or a short one ("90s", "15m", "6h", "2d", "1w"). */
    static Duration duration(String field, String text) throws InvalidRuleException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher shortForm = SHORT_DURATION.matcher(value);
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRuleException(field, "'" + text + "' is not a duration: write e.g. 30m, 6h, 1d or PT6H");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String text, E fallback)
            throws InvalidRuleException {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new InvalidRuleException(field, "'" + text + "' is not one of " + String.join(", ", allowed));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
