package io.newswatch.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An analyst's alert rule: the value of the compacted topic {@code newswatch.rules}, keyed by {@link #id()}; a
 * tombstone (null value) deletes it.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param type           {@link #TYPE}
 * @param id             rule id, as returned by {@code POST /rules} or given in rules.yaml
 * @param timestamp      when this version of the rule was written
 * @param name           human name
 * @param query          Lucene query syntax over the article fields (docs/contracts.md, "Alert queries")
 * @param channels       where to notify: {@code log}, {@code webhook:NAME}, {@code slack:NAME}, {@code email:ADDRESS}
 * @param enabled        a disabled rule is kept but never matches
 * @param owner          who to ask about the rule
 * @param tags           free labels for grouping rules
 * @param scope          one alert per story (default) or per article
 * @param realert        after this long, the same rule may alert again on the same story; null: never
 * @param mode           instant notifications, or one digest per {@link #digestInterval()}
 * @param digestInterval interval of digest mode
 * @param escalation     when set, alert again as the story spreads
 */
public record Rule(
        int schemaVersion,
        String type,
        String id,
        Instant timestamp,
        String name,
        String query,
        List<String> channels,
        boolean enabled,
        String owner,
        List<String> tags,
        Scope scope,
        Duration realert,
        Mode mode,
        Duration digestInterval,
        Escalation escalation) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "rule";

    public Rule {
        Objects.requireNonNull(id, "rule id");
        Objects.requireNonNull(query, "rule query");
        name = name == null ? id : name;
        channels = channels == null ? List.of() : List.copyOf(channels);
        tags = tags == null ? List.of() : List.copyOf(tags);
        scope = scope == null ? Scope.STORY : scope;
        mode = mode == null ? Mode.INSTANT : mode;
    }

    /** What one alert is about. */
    public enum Scope {
        STORY,
        ARTICLE
    }

    /** When notifications go out. */
    public enum Mode {
        INSTANT,
        DIGEST
    }

    /**
     * Alert again when the story reaches this many outlets, or this many languages; null fields are not checked.
     */
    public record Escalation(Integer outlets, Integer languages) {
    }
}
