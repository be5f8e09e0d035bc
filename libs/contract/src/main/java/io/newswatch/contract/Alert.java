package io.newswatch.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A rule matched an article: the value of {@code newswatch.alerts}, keyed by {@link #id()}. The alerter may publish
 * the same alert again with its delivery statuses filled in; consumers keep the latest.
 *
 * @param schemaVersion   {@link #SCHEMA_VERSION}
 * @param type            {@link #TYPE}
 * @param id              {@link Ids#alert(String, String, int)}
 * @param timestamp       when the alert was raised
 * @param ruleId          the rule
 * @param ruleName        its name at the time
 * @param query           its query at the time
 * @param articleId       the article that matched
 * @param url             the article's URL
 * @param title           the article's title
 * @param source          the article's source name
 * @param storyId         the article's story
 * @param storyOutlets    how many outlets carried the story when the alert was raised
 * @param level           0 for the first alert on a story; higher for escalations as the story spreads
 * @param snippet         an excerpt of the article with the matched terms marked by {@code <em>...</em>}
 * @param explanation     why the rule matched
 * @param channels        the labels of the channels the rule notifies (no URL: see {@link Delivery#channel()})
 * @param deliveries      the outcome per channel, once known
 * @param articleFetched  when the poller saw the article (for end-to-end latency)
 */
public record Alert(
        int schemaVersion,
        String type,
        String id,
        Instant timestamp,
        String ruleId,
        String ruleName,
        String query,
        String articleId,
        String url,
        String title,
        String source,
        String storyId,
        int storyOutlets,
        int level,
        String snippet,
        Explanation explanation,
        List<String> channels,
        List<Delivery> deliveries,
        Instant articleFetched) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "alert";

    public Alert {
        Objects.requireNonNull(id, "alert id");
        Objects.requireNonNull(ruleId, "rule id");
        Objects.requireNonNull(articleId, "article id");
        channels = channels == null ? List.of() : List.copyOf(channels);
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    /**
     * Why a rule matched.
     *
     * @param passages  short passages of the article around each match, matched words in {@code <em>}
     * @param terms     the words of the article that matched, as written there ("Đukanović")
     * @param entities  ids of the entities that satisfied entity fields of the query
     * @param topics    ids of the topics that satisfied topic fields of the query
     * @param kibanaUrl a link that opens the article in Kibana, when Kibana's address is configured
     */
    public record Explanation(List<String> passages, List<String> terms, List<String> entities, List<String> topics,
                              String kibanaUrl) {

        public Explanation {
            passages = passages == null ? List.of() : List.copyOf(passages);
            terms = terms == null ? List.of() : List.copyOf(terms);
            entities = entities == null ? List.of() : List.copyOf(entities);
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    /**
     * The outcome of notifying one channel.
     *
     * @param channel  the channel's label: {@code log}, {@code email:ADDRESS}, {@code webhook:NAME}, or for a URL its
     *                 kind and host ({@code slack:hooks.slack.com}), never the URL itself
     * @param status   {@code delivered}, {@code retrying}, {@code failed}, or {@code sending} while an attempt on a
     *                 receiver that cannot drop a repeat (Slack, email) is under way
     * @param attempts attempts so far
     * @param at       time of the last attempt
     * @param error    the last error, when not delivered, in the alerter's words (never the receiver's answer)
     */
    public record Delivery(String channel, String status, int attempts, Instant at, String error) {
    }
}
