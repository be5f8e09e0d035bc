package io.newswatch.e2e;

import io.newswatch.contract.Ids;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A steady stream of news for the fault tests: numbered local-news stories published one at a time, round robin
 * over one or more {@link GrowingFeedServer}s, every third one mentioning {@value #TERM} (so the rule of
 * {@link #rulesYaml} alerts on exactly those, one alert per article). It remembers what it published, which is what
 * {@link ExactlyOnce} compares Elasticsearch and the webhook with.
 */
final class NewsStream implements AutoCloseable {

    /** The rule the stream's alerts come from. */
    static final String RULE_ID = "montenegro";
    /** The term of that rule, in one story out of {@value #MENTION_EVERY}. */
    static final String TERM = "Montenegro";
    static final int MENTION_EVERY = 3;

    private static final List<String> CITIES = List.of("Vienna", "Lisbon", "Oslo", "Krakow", "Valencia", "Tallinn",
            "Porto", "Ghent", "Bergen", "Graz", "Brno", "Turku", "Aarhus", "Leipzig", "Bilbao", "Cork");
    private static final List<String> PROJECTS = List.of("new bike lanes", "a public library", "flood barriers",
            "school meals", "a tram extension", "street lighting", "a harbour crane", "heat pumps for schools");
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

    /** One story as published: where, and what it must become downstream. */
    record Published(GrowingFeedServer site, String slug, boolean mentionsTerm) {

        /** Its id in Kafka and Elasticsearch. */
        String articleId() {
            return site.articleId(slug);
        }

        /** The id of the one alert it must raise, when it mentions the term. */
        String alertId() {
            return Ids.alert(RULE_ID, articleId(), 0);
        }
    }

    private final List<GrowingFeedServer> sites;
    private final Duration every;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private int next;
    private ScheduledExecutorService publisher;

    /**
     * @param sites where stories appear, in turn
     * @param every the steady pace: one story per this interval
     */
    NewsStream(List<GrowingFeedServer> sites, Duration every) {
        this.sites = List.copyOf(sites);
        this.every = every;
    }

    /** The rules file of the stream's rule: one alert per matching article, to the given channel and the log. */
    static String rulesYaml(String channel) {
        return """
                rules:
                  - id: %s
                    name: %s
                    query: %s
                    scope: article
                    channels: [log, "%s"]
                """.formatted(RULE_ID, TERM, TERM, channel);
    }

    /** Starts publishing at the steady pace, in the background. */
    synchronized void start() {
        if (publisher == null) {
            publisher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
            publisher.scheduleAtFixedRate(() -> publishNow(1), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops publishing; what was published stays in the feeds. */
    void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = publisher;
            publisher = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A fault test's stream: publishes for {@code lead}, injects and undoes the fault, publishes for {@code tail}. */
    void around(Duration lead, Fault fault, Duration tail) throws Exception {
        start();
        try {
            Thread.sleep(lead);
            fault.inject();
            Thread.sleep(tail);
        } finally {
            stop();
        }
    }

    /** Something a test does to the system while the stream runs (and undoes). */
    @FunctionalInterface
    interface Fault {
        void inject() throws Exception;
    }

    /** The next {@code count} stories, not yet published (a test that must know their ids beforehand). */
    synchronized List<Published> preview(int count) {
        List<Published> stories = new ArrayList<>();
        for (int n = next; n < next + count; n++) {
            stories.add(new Published(sites.get(n % sites.size()), slug(n), mentions(n)));
        }
        return stories;
    }

    /** Publishes the next {@code count} stories at once. */
    synchronized List<Published> publishNow(int count) {
        List<Published> stories = preview(count);
        for (Published story : stories) {
            int n = next++;
            String city = CITIES.get(n % CITIES.size());
            String project = PROJECTS.get(n / CITIES.size() % PROJECTS.size());
            String title = "%s approves %s, plan %d".formatted(city, project, n);
            String body = "The city council of %s approved %s on %s; the plan, number %d this year, costs %d million euros."
                    .formatted(city, project, DAYS.get(n % DAYS.size()), n, 3 + n % 40)
                    + (story.mentionsTerm()
                    ? "\nEngineers from " + TERM + " who built a similar scheme on the coast will advise the city."
                    : "\nWork is due to start within %d months, officials said.".formatted(2 + n % 10));
            story.site().publish(story.slug(), title, body);
            published.add(story);
        }
        return stories;
    }

    /** Every story published so far. */
    List<Published> published() {
        return List.copyOf(published);
    }

    /** The article ids of every story published so far. */
    Set<String> articleIds() {
        return published.stream().map(Published::articleId).collect(Collectors.toSet());
    }

    /** The alert ids the stories published so far must raise, one per story that mentions the term. */
    Set<String> alertIds() {
        return published.stream().filter(Published::mentionsTerm).map(Published::alertId).collect(Collectors.toSet());
    }

    private String slug(int n) {
        return "plan-" + run + "-" + n;
    }

    private static boolean mentions(int n) {
        return n % MENTION_EVERY == 0;
    }

    @Override
    public void close() {
        stop();
    }
}
