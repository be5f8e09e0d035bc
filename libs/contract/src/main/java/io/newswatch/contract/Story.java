package io.newswatch.contract;

import java.time.Instant;

/**
 * The story an article belongs to: copies and light rewrites of one report share it.
 *
 * @param id             story id (the id of its first article)
 * @param firstArticleId the first article seen of this story
 * @param firstSeen      when that article was seen
 * @param articles       articles in the story so far, this one included
 * @param outlets        distinct outlets (source domains) carrying it so far
 * @param languages      distinct languages so far
 */
public record Story(String id, String firstArticleId, Instant firstSeen, int articles, int outlets, int languages) {

    /** A story of one article. */
    public static Story of(Article article) {
        return new Story(article.id(), article.id(), article.fetched(), 1, 1, 1);
    }
}
