package io.newswatch.e2e;

import io.newswatch.contract.elasticsearch.IndexNames;
import org.assertj.core.api.SoftAssertions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The check every fault test ends with, against what a {@link NewsStream} published: each story is exactly one
 * document in Elasticsearch, each alert it must raise was delivered to the webhook exactly once and is one document
 * of the alert history, and nothing else arrived. Waits (bounded) for the pipeline to catch up, then watches a while
 * longer so that a late duplicate (a replay after a restart) is caught too.
 *
 * <p>One exception, the alerter's documented contract (services/alerter/docs/delivery.md, "No repeat after a
 * restart"): a webhook the receiver took in the moment before the alerter was killed ({@code kill -9}), whose
 * {@code delivered} status Kafka had not acknowledged yet, is sent once more by the restarted alerter with the same
 * {@code Idempotency-Key} (the alert id), for the receiver to drop. No sender can do better against a receiver that
 * keeps repeats; so a second delivery is accepted only when the first arrived within {@link #IN_FLIGHT} before a
 * kill the test {@linkplain #alerterKilled reported}. Anything else delivered twice (a replay of settled alerts) still
 * fails.
 */
final class ExactlyOnce {

    private static final Duration SETTLE = Duration.ofSeconds(8);
    /** How long before a kill a webhook's status may still be on its way to Kafka, on a loaded 2-core machine. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(3);

    private final Search search;
    private final IndexNames indices;
    private final WebhookRecorder webhook;
    private final List<Instant> alerterKills = new CopyOnWriteArrayList<>();

    ExactlyOnce(Infrastructure infrastructure, WebhookRecorder webhook) {
        this.search = new Search(infrastructure.setup());
        this.indices = infrastructure.indices();
        this.webhook = webhook;
    }

    /** The alerter was just killed ({@code kill -9}): what it had in flight may be delivered once more. */
    void alerterKilled(Instant at) {
        alerterKills.add(at);
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
        compare(soft, "webhook deliveries", alerts, webhookDeliveries());
        compare(soft, "alerts in Elasticsearch", alerts, search.ids(indices.alerts()));
        soft.assertThat(webhook.requests().stream()
                .filter(request -> !request.alertId().equals(request.idempotencyKey()))
                .map(request -> request.alertId() + " with key " + request.idempotencyKey()).toList())
                .as("webhook requests without their alert id as Idempotency-Key").isEmpty();
        soft.assertAll();
    }

    /**
     * The alert id of every webhook request, less the one repeat allowed of an alert whose first request arrived
     * within {@link #IN_FLIGHT} before an alerter kill and its second after it, both with the alert id as their
     * {@code Idempotency-Key} (said on the console, so that a run shows how often). A repeat without that key gives
     * the receiver no way to drop it and still fails.
     */
    private List<String> webhookDeliveries() {
        List<String> ids = new ArrayList<>(webhook.alertIds());
        Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        counts.forEach((id, count) -> {
            if (count != 2) {
                return;
            }
            List<WebhookRecorder.Delivery> requests = webhook.requests(id);
            Instant first = requests.getFirst().at();
            boolean sameKey = requests.stream().allMatch(request -> id.equals(request.idempotencyKey()));
            if (sameKey && alerterKills.stream().anyMatch(kill -> !first.isAfter(kill)
                    && first.isAfter(kill.minus(IN_FLIGHT)) && requests.getLast().at().isAfter(kill))) {
                System.out.printf("Alert %s: delivered at %s, just before the alerter was killed, and once more"
                        + " after its restart (same Idempotency-Key)%n", id, first);
                ids.remove(id);
            }
        });
        return ids;
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
