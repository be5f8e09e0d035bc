package io.newswatch.e2e;

import io.newswatch.contract.elasticsearch.IndexNames;
import org.assertj.core.api.SoftAssertions;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The check every fault test ends with, against what a {@link NewsStream} published: each story is exactly one
 * document in Elasticsearch, each alert it must raise was delivered to the webhook exactly once and is one document
 * of the alert history, and nothing else arrived. Waits (bounded) for the pipeline to catch up, then watches a while
 * longer so that a late duplicate (a replay after a restart) is caught too.
 */
final class ExactlyOnce {

    private static final Duration SETTLE = Duration.ofSeconds(8);

    private final Search search;
    private final IndexNames indices;
    private final WebhookRecorder webhook;

    ExactlyOnce(Infrastructure infrastructure, WebhookRecorder webhook) {
        this.search = new Search(infrastructure.setup());
        this.indices = infrastructure.indices();
        this.webhook = webhook;
    }

    /** Waits up to {@code within} for everything the stream published to arrive once, then checks it stays so. */
    void verify(NewsStream stream, Duration within) throws InterruptedException {
        Set<String> articles = stream.articleIds();
        Set<String> alerts = stream.alertIds();
        await().atMost(within).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .untilAsserted(() -> check(articles, alerts));
        Thread.sleep(SETTLE);
        check(articles, alerts);
    }

    private void check(Set<String> articles, Set<String> alerts) {
        SoftAssertions soft = new SoftAssertions();
        compare(soft, "articles in Elasticsearch", articles, search.ids(indices.articles()));
        compare(soft, "webhook deliveries", alerts, webhook.alertIds());
        compare(soft, "alerts in Elasticsearch", alerts, search.ids(indices.alerts()));
        soft.assertAll();
    }

    /** Missing, repeated and unexpected ids, each named, so that a failure says which and how many. */
    private static void compare(SoftAssertions soft, String what, Set<String> expected, List<String> actual) {
        Map<String, Long> counts = actual.stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        soft.assertThat(difference(expected, counts.keySet())).as(what + ": missing (of " + expected.size() + ")")
                .isEmpty();
        soft.assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                .as(what + ": more than once").isEmpty();
        soft.assertThat(difference(counts.keySet(), expected)).as(what + ": never published").isEmpty();
    }

    private static Set<String> difference(Collection<String> left, Collection<String> right) {
        Set<String> difference = new HashSet<>(left);
        difference.removeAll(right);
        return difference;
    }
}
