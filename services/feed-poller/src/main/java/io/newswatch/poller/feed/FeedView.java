package io.newswatch.poller.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.newswatch.contract.Feed;
import io.newswatch.poller.http.UrlSecrets;
import io.newswatch.poller.state.FeedStatus;

import java.time.Duration;
import java.util.List;

/**
 * A feed as the REST API shows it: its registration and its status. Secrets in URLs (credentials, token
 * parameters: see {@link UrlSecrets}) are hidden in the status always, and in the feed's URL unless the reader
 * showed the API key.
 *
 * @param id           the id to use in {@code /feeds/{id}}
 * @param url          the feed's URL (updated when it moved permanently)
 * @param name         the outlet's name
 * @param pollInterval the registered interval (the poller adapts around it: see {@code status.interval})
 * @param fullText     whether article pages are fetched
 * @param language     ISO 639-1, when registered
 * @param tags         carried into articles
 * @param status       how the feed is doing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedView(String id, String url, String name, Duration pollInterval, boolean fullText, String language,
                       List<String> tags, FeedStatus status) {

    public static FeedView of(Feed feed, FeedStatus status, boolean reveal) {
        return new FeedView(feed.id(), reveal ? feed.url() : UrlSecrets.redact(feed.url()), feed.name(),
                feed.pollInterval(), feed.fullText(), feed.language(), feed.tags(), status.withoutSecrets());
    }
}
