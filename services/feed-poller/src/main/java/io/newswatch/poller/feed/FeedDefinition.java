package io.newswatch.poller.feed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A feed as an operator writes it, in {@code deploy/feeds.yaml} or the body of {@code POST /feeds}; only
 * {@code url} is required. {@link FeedDefinitions#toFeed} checks it and makes the {@link io.newswatch.contract.Feed}.
 *
 * @param id           optional; default: the hash of the URL
 * @param url          the feed, http or https
 * @param name         the outlet's name; default: the URL's host
 * @param pollInterval ISO-8601 duration ({@code PT5M}); default: the poller's default interval
 * @param fullText     fetch each article's page and extract its main text; default true
 * @param language     ISO 639-1 code, when known
 * @param tags         carried into every article
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FeedDefinition(String id, String url, String name, String pollInterval, Boolean fullText,
                             String language, List<String> tags) {
}
