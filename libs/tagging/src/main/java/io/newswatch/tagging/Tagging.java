package io.newswatch.tagging;

import io.newswatch.contract.Quote;
import io.newswatch.contract.TopicScore;
import io.newswatch.tagging.entity.FoundEntity;
import io.newswatch.tagging.text.Tokens;

import java.util.List;

/**
 * What the enricher found in one text, before it becomes an event.
 *
 * @param language ISO 639-1 code (given or detected), or null
 * @param tokens   the text's tokens (for story fingerprints)
 * @param entities entities, most salient first, with their mentions
 * @param topics   topics that passed, best first
 * @param quotes   direct quotations with speakers
 */
public record Tagging(String language, Tokens tokens, List<FoundEntity> entities, List<TopicScore> topics,
                      List<Quote> quotes) {
}
