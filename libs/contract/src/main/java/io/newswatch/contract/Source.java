package io.newswatch.contract;

import java.util.List;

/**
 * Where an article came from.
 *
 * @param name    the outlet's name, as the feed registry knows it ("Balkan Wire")
 * @param domain  the host of the article's canonical URL, without {@code www.}
 * @param feedId  id of the feed the article was seen in
 * @param feedUrl URL of that feed
 * @param tags    the feed's tags ("balkans", "russia-state-media"), carried into every article
 */
public record Source(String name, String domain, String feedId, String feedUrl, List<String> tags) {

    public Source {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
