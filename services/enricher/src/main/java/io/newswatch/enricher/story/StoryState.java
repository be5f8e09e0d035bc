package io.newswatch.enricher.story;

import io.newswatch.contract.Story;

import java.time.Instant;
import java.util.List;

/**
 * What the enricher remembers of a story: the value of the compacted topic {@code newswatch.stories}, keyed by
 * story id (a tombstone when the story closes), from which a restarted enricher rebuilds its clusters.
 *
 * @param id             story id (the id of its first article)
 * @param firstArticleId the first article seen
 * @param firstSeen      when the poller saw that article
 * @param lastSeen       when the poller saw the latest article
 * @param articles       articles counted so far
 * @param outlets        distinct outlets (source domains), capped at {@link StoryClusterer#MAX_LISTED}
 * @param languages      distinct languages
 * @param articleIds     ids of the latest member articles (at most {@link StoryClusterer#MAX_ARTICLE_IDS}), so a
 *                       replayed recent article is not counted twice
 * @param signatures     MinHash signatures of the first article and the latest ones (at most
 *                       {@link StoryClusterer#MAX_SIGNATURES}), so rewrites of rewrites still join
 * @param updated        when this version was written (newer versions win)
 */
public record StoryState(String id, String firstArticleId, Instant firstSeen, Instant lastSeen, int articles,
                         List<String> outlets, List<String> languages, List<String> articleIds,
                         List<int[]> signatures, Instant updated) {

    public StoryState {
        outlets = List.copyOf(outlets);
        languages = List.copyOf(languages);
        articleIds = List.copyOf(articleIds);
        signatures = List.copyOf(signatures);
    }

    /** The story as the contract carries it. */
    public Story toStory() {
        return new Story(id, firstArticleId, firstSeen, articles, Math.max(1, outlets.size()), languages.size());
    }
}
