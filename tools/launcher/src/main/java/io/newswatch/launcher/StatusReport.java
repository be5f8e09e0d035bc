package io.newswatch.launcher;

import io.newswatch.stack.ServiceProcesses;
import io.newswatch.stack.NewswatchService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.TopicNames;
import io.newswatch.kafka.ConsumerGroupLag;
import io.newswatch.stack.CpuPriority;
import io.newswatch.stack.LocalStack;
import io.newswatch.stack.ProcessTree;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./newswatch status}: each part's health, each stage's backlog, the feeds and their last poll, the rule count,
 * recent alerts. Exit status 0 when every part is up.
 */
final class StatusReport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Pages of a listing read at most (100,000 rules or feeds). */
    private static final int MAX_PAGES = 100;
    /** A niced stage this far behind gets a line saying why and how to give it normal priority. */
    static final long NICED_BEHIND = 1_000;

    private final LocalStack stack;
    private final ServiceProcesses services;
    private final Map<String, String> env;
    private final PrintStream out;

    /** @param env where Kafka is and the topic prefix, as the services take them */
    StatusReport(LocalStack stack, ServiceProcesses services, Map<String, String> env, PrintStream out) {
        this.stack = stack;
        this.services = services;
        this.env = env;
        this.out = out;
    }

    int print() {
        boolean allUp = true;
        boolean kafkaUp = false;
        out.println("PART           STATE     ADDRESS");
        for (Map.Entry<String, LocalStack.ServerState> server : stack.status().entrySet()) {
            LocalStack.ServerState state = server.getValue();
            boolean up = state == LocalStack.ServerState.RUNNING || state == LocalStack.ServerState.REUSED;
            allUp &= up;
            kafkaUp |= up && server.getKey().equals("kafka");
            out.printf("%-14s %-9s %s%s%n", server.getKey(), up ? "up" : "DOWN", stack.address(server.getKey()),
                    state == LocalStack.ServerState.REUSED ? "  (not started by this checkout)"
                            : state == LocalStack.ServerState.PORT_TAKEN ? "  (port taken by something else)"
                            : state == LocalStack.ServerState.STARTING ? "  (starting)" : "");
        }
        for (NewswatchService service : NewswatchService.values()) {
            Optional<String> health = ServiceProcesses.health(services.bind(), service.port(), "/q/health/ready");
            boolean up = ServiceProcesses.ready(services.bind(), service.port());
            allUp &= up;
            String detail = health.isEmpty() ? (services.process(service.id()).isPresent() ? "  (starting)" : "")
                    : up ? "" : "  " + downChecks(health.get());
            out.printf("%-14s %-9s %s%s%n", service.id(), up ? "up" : "DOWN", services.bind().url(service.port()),
                    detail);
        }
        boolean demo = ProcessTree.alive(stack.home().pidFile("demo-feed")).isPresent();
        out.printf("%-14s %-9s %s/rss.xml%n", "demo-feed", demo ? "up" : "down",
                services.bind().url(DemoFeedServer.port()));
        if (kafkaUp) {
            printBacklog();
        }
        printFeeds();
        printRules();
        printAlerts();
        return allUp ? 0 : 1;
    }

    /** Records each stage has still to read, and the niceness it runs at: a niced stage falls behind on a busy machine. */
    private void printBacklog() {
        TopicNames topics = new TopicNames(env.getOrDefault("NEWSWATCH_TOPIC_PREFIX", TopicNames.DEFAULT_PREFIX));
        Map<String, ConsumerGroupLag.Watched> stages = ConsumerGroupLag.downstreamStages(topics);
        try (Admin admin = KafkaClientSettings.from(env).clients().admin("newswatch-status")) {
            Map<ConsumerGroupLag.Watched, ConsumerGroupLag.Lag> read =
                    new ConsumerGroupLag(admin, Duration.ofSeconds(3)).read(List.copyOf(stages.values()));
            Map<String, ConsumerGroupLag.Lag> lags = new LinkedHashMap<>();
            Map<String, OptionalInt> niceness = new LinkedHashMap<>();
            stages.forEach((stage, watched) -> {
                lags.put(stage, read.get(watched));
                niceness.put(stage, services.process(stage).map(CpuPriority::current).orElse(OptionalInt.empty()));
            });
            out.println();
            backlogSection(lags, niceness).forEach(out::println);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            out.printf("%nBACKLOG: Kafka did not answer (%s)%n", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each stage's backlog; a stage that runs niced and is behind gets a line saying why and what to do. */
    static List<String> backlogSection(Map<String, ConsumerGroupLag.Lag> lags, Map<String, OptionalInt> niceness) {
        List<String> lines = new ArrayList<>();
        lines.add("BACKLOG (records a stage has still to read)");
        lags.forEach((stage, lag) -> {
            int nice = niceness.getOrDefault(stage, OptionalInt.empty()).orElse(0);
            lines.add(String.format("  %-12s %,10d%s%s", stage, lag.total(), lag.active() ? "" : "  (no consumer)",
                    nice > 0 ? "  at niceness " + nice : ""));
            if (nice > 0 && lag.total() >= NICED_BEHIND) {
                lines.add(String.format("  %-12s %10s  runs after the alert path: it catches up when the CPU is free;"
                        + " %s=0 ./newswatch up gives it normal priority", "", "", CpuPriority.variable(stage)));
            }
        });
        return lines;
    }

    private void printFeeds() {
        getAll(NewswatchService.FEED_POLLER.port(), "/feeds").ifPresent(this::printFeeds);
    }

    /** The feeds; a feed without a name is shown by its URL without credentials or query. */
    void printFeeds(JsonNode feeds) {
        out.printf("%nFEEDS (%d)%n", feeds.size());
        for (JsonNode feed : feeds) {
            JsonNode status = feed.path("status");
            String name = feed.hasNonNull("name") && !feed.path("name").asText().isBlank()
                    ? feed.path("name").asText() : Redact.url(feed.path("url").asText());
            out.printf("  %-28s last poll %-25s HTTP %-4s items %-5s failures %-3s next %s%s%s%n",
                    truncate(name, 28),
                    status.path("lastPoll").asText("-"), status.path("httpStatus").asText("-"),
                    status.path("itemsPublished").asText("0"), status.path("consecutiveFailures").asText("0"),
                    status.path("nextPoll").asText("-"),
                    status.path("pagesDisallowed").asLong() > 0
                            ? "  pages disallowed by robots.txt: " + status.path("pagesDisallowed").asLong() : "",
                    status.hasNonNull("error") ? "  error: " + Redact.text(status.path("error").asText()) : "");
        }
    }

    private void printRules() {
        getAll(NewswatchService.ALERTER.port(), "/rules").ifPresent(rules -> {
            out.println();
            rulesSection(rules).forEach(out::println);
        });
    }

    /** The rule count, and each rule that does not match with why (the alerter's {@code problem}). */
    static List<String> rulesSection(JsonNode rules) {
        List<String> lines = new ArrayList<>();
        List<JsonNode> broken = new ArrayList<>();
        rules.forEach(rule -> {
            if (rule.hasNonNull("problem")) {
                broken.add(rule);
            }
        });
        lines.add("RULES: " + rules.size() + (broken.isEmpty() ? "" : " (" + broken.size() + " BROKEN, not matching)"));
        for (JsonNode rule : broken) {
            JsonNode problem = rule.path("problem");
            lines.add(String.format("  BROKEN %-24s %s%s (since %s)", truncate(rule.path("id").asText(), 24),
                    problem.path("reason").asText(),
                    problem.hasNonNull("position") ? " at position " + problem.path("position").asInt() : "",
                    problem.path("since").asText("?")));
        }
        return lines;
    }

    private void printAlerts() {
        get(NewswatchService.ALERTER.port(), "/alerts?limit=5").ifPresent(alerts -> {
            out.printf("%nRECENT ALERTS%n");
            if (alerts.isEmpty()) {
                out.println("  (none yet)");
            }
            for (JsonNode alert : alerts) {
                out.printf("  %s  [%s]  %s%n", alert.path("timestamp").asText(), alert.path("ruleName").asText(),
                        alert.path("title").asText(alert.path("url").asText()));
            }
        });
    }

    private static String downChecks(String health) {
        try {
            StringBuilder down = new StringBuilder();
            for (JsonNode check : Json.mapper().readTree(health).path("checks")) {
                if (!"UP".equals(check.path("status").asText())) {
                    down.append(down.isEmpty() ? "" : ", ").append(check.path("name").asText()).append(" down");
                }
            }
            return "(" + down + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A listing, every page of it: {@code GET /feeds} and {@code /rules} page (a {@code X-Next-Cursor} header names
     * the next), up to {@link #MAX_PAGES} pages of 1,000. Empty when the service does not answer.
     */
    private Optional<JsonNode> getAll(int port, String path) {
        ArrayNode all = Json.mapper().createArrayNode();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String url = path + (path.contains("?") ? "&" : "?") + "limit=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor);
            Optional<HttpResponse<String>> response = request(port, url);
            Optional<JsonNode> body = response.flatMap(StatusReport::array);
            if (body.isEmpty()) {
                return page == 0 ? Optional.empty() : Optional.of(all);
            }
            body.get().forEach(all::add);
            cursor = response.get().headers().firstValue("X-Next-Cursor").orElse(null);
            if (cursor == null) {
                break;
            }
        }
        return Optional.of(all);
    }

    private Optional<JsonNode> get(int port, String path) {
        return request(port, path).flatMap(StatusReport::array);
    }

    private Optional<HttpResponse<String>> request(int port, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(services.bind().url(port) + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> array(HttpResponse<String> response) {
        try {
            JsonNode body = Json.mapper().readTree(response.body());
            return body.isArray() ? Optional.of(body) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
