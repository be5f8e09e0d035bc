package io.newswatch.alerter.match;

import java.util.List;

/**
 * Why a rule matched an article, for the alert and for {@code ./newswatch match}.
 *
 * @param snippet  the passages joined, matched words in {@code <em>}; the text is HTML-escaped
 * @param passages up to three sentences (or windows of long ones) around the matches, matched words in
 *                 {@code <em>}, HTML-escaped
 * @param terms    the matched words as the article writes them ("Đukanović", "NATO Russia Council")
 * @param entities ids of the entities whose names satisfied an entity field of the query
 * @param topics   ids of the topics that satisfied a topic field of the query
 */
public record MatchExplanation(String snippet, List<String> passages, List<String> terms, List<String> entities,
                               List<String> topics) {

    public MatchExplanation {
        passages = List.copyOf(passages);
        terms = List.copyOf(terms);
        entities = List.copyOf(entities);
        topics = List.copyOf(topics);
    }
}
