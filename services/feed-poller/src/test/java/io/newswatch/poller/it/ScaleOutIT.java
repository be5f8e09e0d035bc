package io.newswatch.poller.it;

import io.newswatch.contract.Ids;
import io.newswatch.stack.ServiceEnvironment;
import io.newswatch.stack.TestStack;
import io.newswatch.stack.NewswatchService;
import io.newswatch.stack.ServiceProcesses;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged poller instances against the real broker share the feeds through the consumer group: each feed is
 * polled by one instance only; when one instance is killed, the other takes its feeds over within a minute and
 * carries on where it stopped (conditional GET with the validators it left in Kafka, nothing published twice); an
 * instance restarted does the same.
 */
class ScaleOutIT {

    /**
     * Feeds spread over the feeds topic's 3 partitions by id, which depends on the test site's random port: with 12,
     * an instance's one partition held none about once in a hundred runs (it then never polled); with 30, (2/3)^30.
     */
    private static final int FEEDS = 30;
    private static final Duration TAKEOVER = Duration.ofMinutes(1);

    private static TestStack stack;
    private static FeedSite site;
    private static ServiceProcesses processes;
    private static final Map<String, Integer> PORTS = new HashMap<>();
    private static String run;

    @TempDir
    static Path files;

    @BeforeAll
    static void start() throws IOException {
        stack = TestStack.reserve();
        run = stack.topicPrefix().replace(".", "");
        site = new FeedSite();
        StringBuilder yaml = new StringBuilder("feeds:\n");
        for (int i = 0; i < FEEDS; i++) {
            site.put("/feeds/" + i + ".xml", feed(i));
            yaml.append("  - url: ").append(site.base()).append("/feeds/").append(i).append(".xml\n")
                    .append("    name: Wire ").append(i).append("\n    pollInterval: PT2S\n    fullText: false\n");
        }
        Files.writeString(files.resolve("feeds.yaml"), yaml);
        processes = new ServiceProcesses(stack.stack().home());
        startInstance("a");
        startInstance("b");
    }

    private static void startInstance(String name) throws IOException {
        int port = PORTS.computeIfAbsent(name, n -> freePort());
        // the test's feed site is on the loopback interface, which the address guard refuses unless allowed
        processes.start(instance(name), NewswatchService.FEED_POLLER, port, NewswatchService.FEED_POLLER.heap(), ServiceEnvironment.of(stack)
                .withFeedsFile(files.resolve("feeds.yaml")).allowing(ServiceEnvironment.LOOPBACK)
                .with(NewswatchService.FEED_POLLER, Map.of(
                        "NEWSWATCH_POLLER_MIN_INTERVAL", "PT1S",
                        "NEWSWATCH_POLLER_INSTANCE_ID", name,
                        "NEWSWATCH_POLLER_HTTP_USER_AGENT", "newswatch-feed-poller/it (" + name + ")",
                        "NEWSWATCH_POLLER_POLITENESS_MIN_DELAY_PER_HOST", "PT0S"))
                .of(NewswatchService.FEED_POLLER));
        processes.awaitReady(instance(name), port, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        for (String name : PORTS.keySet()) {
            processes.stop(instance(name), Duration.ofSeconds(20));
        }
        if (site != null) {
            site.close();
        }
        if (stack != null) {
            stack.release();
        }
    }

    @Test
    void feedsAreSharedTakenOverAndNeverPublishedTwice() throws Exception {
        // both instances poll, and each feed is polled by exactly one of them
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(pollersSince(Instant.EPOCH).values()
                .stream().flatMap(Set::stream).collect(Collectors.toSet())).as("pollers of each feed: %s (requests: %s)",
                pollersSince(Instant.EPOCH), site.requests().stream().limit(5).toList()).contains("a", "b"));
        Instant settled = Instant.now();
        await().atMost(Duration.ofMinutes(1)).until(() -> pollersSince(settled).size() == FEEDS);
        Instant window = Instant.now();
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(30)).until(() ->
                pollersSince(window).values().stream().allMatch(pollers -> pollers.size() <= 1));
        Map<String, Set<String>> owners = pollersSince(window);
        assertThat(owners).hasSize(FEEDS);
        List<String> ofB = owners.entrySet().stream().filter(e -> e.getValue().equals(Set.of("b")))
                .map(Map.Entry::getKey).toList();
        assertThat(ofB).isNotEmpty().hasSizeLessThan(FEEDS);

        // kill -9 one instance: the other takes its feeds over within a minute, with their validators
        processes.kill(instance("b"));
        Instant killed = Instant.now();
        await().atMost(TAKEOVER).pollInterval(Duration.ofMillis(500)).until(() ->
                ofB.stream().allMatch(path -> polledBy(path, "a", killed)));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.printf("feed takeover after kill -9: %d ms%n", takeover.toMillis());
        for (String path : ofB) {
            FeedSite.Request first = site.requests().stream()
                    .filter(r -> r.path().equals(path) && r.userAgent().contains("(a)") && r.at().isAfter(killed))
                    .findFirst().orElseThrow();
            assertThat(first.ifNoneMatch()).as("validator of %s carried over", path).isNotNull();
        }

        // restart the survivor: state comes back from Kafka, the first polls are conditional
        processes.stop(instance("a"), Duration.ofSeconds(20));
        Instant restarted = Instant.now();
        startInstance("a");
        await().atMost(Duration.ofMinutes(1)).until(() -> IntStream.range(0, FEEDS)
                .allMatch(i -> polledBy("/feeds/" + i + ".xml", "a", restarted)));
        assertThat(site.requests().stream().filter(r -> r.at().isAfter(restarted) && r.path().startsWith("/feeds/"))
                .allMatch(r -> r.ifNoneMatch() != null)).isTrue();

        // every item was published exactly once through all of it
        try (TopicReader raw = new TopicReader(stack.kafkaBootstrapServers(), stack.topics().articlesRaw())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> raw.records().size() >= 2 * FEEDS);
            List<String> keys = raw.records().stream().map(ConsumerRecord::key).toList();
            assertThat(keys).doesNotHaveDuplicates().hasSize(2 * FEEDS);
            assertThat(keys).contains(Ids.article(site.base() + "/news/0-1.html"));
        }
    }

    /** For each feed path, the instances that polled it since a time. */
    private static Map<String, Set<String>> pollersSince(Instant since) {
        return site.requests().stream().filter(r -> r.at().isAfter(since) && r.path().startsWith("/feeds/"))
                .collect(Collectors.groupingBy(FeedSite.Request::path,
                        Collectors.mapping(r -> r.userAgent().replaceAll(".*\\((\\w+)\\).*", "$1"), Collectors.toSet())));
    }

    private static boolean polledBy(String path, String instance, Instant since) {
        Predicate<FeedSite.Request> match = r -> r.path().equals(path) && r.at().isAfter(since)
                && r.userAgent().contains("(" + instance + ")");
        return site.requests().stream().anyMatch(match);
    }

    private static String feed(int i) {
        StringBuilder items = new StringBuilder();
        for (int n = 1; n <= 2; n++) {
            items.append("<item><title>Story ").append(n).append(" of wire ").append(i).append("</title>")
                    .append("<link>${base}/news/").append(i).append('-').append(n).append(".html</link>")
                    .append("<guid>wire-").append(i).append('-').append(n).append("</guid>")
                    .append("<pubDate>Mon, 0").append(n).append(" Jun 2020 10:00:00 GMT</pubDate>")
                    .append("<description>Text of story ").append(n).append(".</description></item>");
        }
        return "<rss version=\"2.0\"><channel><title>Wire " + i + "</title><link>${base}/</link><description>d"
                + "</description>" + items + "</channel></rss>";
    }

    private static String instance(String name) {
        return "feed-poller-" + run + "-" + name;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
