package io.newswatch.contract;

import java.util.List;

/**
 * A topic assigned to an article.
 *
 * @param id       topic id, lowercase with hyphens ("enlargement", "nato-russia-council")
 * @param label    human label ("NATO enlargement")
 * @param score    the weighted evidence that passed the topic's threshold
 * @param evidence the terms and entities that contributed
 */
public record TopicScore(String id, String label, double score, List<String> evidence) {

    public TopicScore {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
