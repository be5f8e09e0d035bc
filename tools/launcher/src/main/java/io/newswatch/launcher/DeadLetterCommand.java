package io.newswatch.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.contract.Json;
import io.newswatch.contract.kafka.TopicNames;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./newswatch dlq list | show ID | replay}: what is in the dead-letter topic, why, and putting it back on
 * the topic it came from once the cause is fixed. Works on the local stack and on any cluster the environment
 * points at ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_*} client settings, {@code NEWSWATCH_TOPIC_PREFIX}), as
 * the services do.
 *
 * <p>A replay is safe to repeat: every consumer is idempotent (the indexer writes deterministic ids with external
 * versions, the enricher does not count a replayed article in its story again, the alerter derives alert ids from
 * rule and story and never notifies one twice). Still, a letter replayed once is skipped by later replays unless
 * {@code --again} is given.
 */
final class DeadLetterCommand {

    static final String USAGE = """
            usage: ./newswatch dlq list   [--topic T] [--since TIME] [--reason TEXT] [--service S] [--limit N] [--json]
                   ./newswatch dlq show   ID
                   ./newswatch dlq replay [--topic T] [--since TIME] [--reason TEXT] [--service S] [--again] [--dry-run]
                   ./newswatch dlq replay ID... [--again] [--dry-run]
                   ./newswatch dlq replay --all [--again] [--dry-run]

              ID      PARTITION:OFFSET in the dead-letter topic, as list shows it
              --topic the topic the records came from (articles.enriched or newswatch.articles.enriched)
              --since an ISO time (2026-12-05T09:30:00Z, 2026-12-05) or an age (30m, 2h, 7d)
              --reason text in the reason; --service the service that gave up (enricher, indexer, alerter; "-" when unnamed)
              --again also replay letters replayed before; --dry-run lists what would be replayed

            Kafka: KAFKA_BOOTSTRAP_SERVERS and KAFKA_* client settings, as the services take them (else the local
            stack); the topic: NEWSWATCH_TOPIC_PREFIX + dlq.""";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    DeadLetterCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Runs {@code dlq ARGS}; returns the exit status: 0 done, 1 a replay failed, 2 a usage error. */
    int run(List<String> args) {
        Options options;
        try {
            options = Options.parse(args, clock);
        } catch (IllegalArgumentException e) {
            err.println("newswatch dlq: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.action.equals("help")) {
            out.println(USAGE);
            return 0;
        }
        KafkaClientSettings settings = KafkaClientSettings.from(env);
        String prefix = env.getOrDefault("NEWSWATCH_TOPIC_PREFIX", TopicNames.DEFAULT_PREFIX);
        try (DeadLetterTopic topic = new DeadLetterTopic(settings, new TopicNames(prefix).deadLetters(), clock)) {
            return switch (options.action) {
                case "list" -> list(topic, options, prefix);
                case "show" -> show(topic, options);
                default -> replay(topic, options, prefix);
            };
        } catch (IllegalStateException | org.apache.kafka.common.KafkaException e) {
            err.println("newswatch dlq: " + e.getMessage() + " (Kafka at " + settings.describe() + ")");
            return 1;
        }
    }

    private int list(DeadLetterTopic topic, Options options, String prefix) {
        List<DeadLetter> letters = select(topic, options, prefix);
        if (options.json) {
            letters.forEach(letter -> out.println(json(letter, false)));
            return 0;
        }
        List<DeadLetter> shown = options.limit > 0 && letters.size() > options.limit
                ? letters.subList(letters.size() - options.limit, letters.size()) : letters;
        out.printf("%-10s %-20s %-12s %-30s %-18s %-10s %s%n", "ID", "DEAD-LETTERED", "SERVICE", "FROM TOPIC", "KEY",
                "REPLAYED", "REASON");
        for (DeadLetter letter : shown) {
            out.printf("%-10s %-20s %-12s %-30s %-18s %-10s %s%n", letter.id(),
                    letter.timestamp().truncatedTo(ChronoUnit.SECONDS), truncate(letter.service(), 12),
                    truncate(String.valueOf(letter.sourceTopic()), 30), truncate(String.valueOf(letter.keyText()), 18),
                    letter.replays().isEmpty() ? "-" : letter.replays().size() + "x",
                    truncate(oneLine(letter.reason()), 120));
        }
        long replayed = letters.stream().filter(letter -> !letter.replays().isEmpty()).count();
        out.printf("%n%d dead letter%s in %s%s (%d replayed)%s%n", letters.size(), letters.size() == 1 ? "" : "s",
                topic.name(), options.filter.narrows() ? " matching" : "", replayed,
                shown.size() < letters.size() ? "; the latest " + shown.size() + " shown (--limit 0 for all)" : "");
        Map<String, Integer> byReason = new TreeMap<>();
        letters.forEach(letter -> byReason.merge(letter.service() + ", " + firstPart(letter), 1, Integer::sum));
        byReason.forEach((reason, count) -> out.printf("  %5d  %s%n", count, reason));
        return 0;
    }

    private int show(DeadLetterTopic topic, Options options) {
        String id = options.ids.getFirst();
        DeadLetter letter = topic.find(id);
        if (letter == null) {
            err.println("newswatch dlq: no dead letter " + id + " in " + topic.name());
            return 1;
        }
        out.println(json(letter, true).toPrettyString());
        return 0;
    }

    private int replay(DeadLetterTopic topic, Options options, String prefix) {
        List<DeadLetter> chosen;
        if (!options.ids.isEmpty()) {
            chosen = new ArrayList<>();
            for (String id : options.ids) {
                DeadLetter letter = topic.find(id);
                if (letter == null) {
                    err.println("newswatch dlq: no dead letter " + id + " in " + topic.name());
                    return 1;
                }
                chosen.add(letter);
            }
        } else {
            chosen = select(topic, options, prefix);
        }
        List<DeadLetter> due = chosen.stream().filter(letter -> options.again || letter.replays().isEmpty()).toList();
        int skipped = chosen.size() - due.size();
        int failed = 0;
        for (DeadLetter letter : due) {
            if (options.dryRun) {
                out.printf("would replay %s to %s (key %s)%n", letter.id(), letter.sourceTopic(), letter.keyText());
                continue;
            }
            try {
                topic.replay(letter);
                out.printf("replayed %s to %s (key %s)%n", letter.id(), letter.sourceTopic(), letter.keyText());
            } catch (IllegalStateException e) {
                failed++;
                err.printf("cannot replay %s: %s%n", letter.id(), e.getMessage());
            }
        }
        out.printf("%s %d of %d dead letter%s%s%s%n", options.dryRun ? "would replay" : "replayed", due.size() - failed,
                chosen.size(), chosen.size() == 1 ? "" : "s",
                skipped > 0 ? "; " + skipped + " replayed before were skipped (--again replays them too)" : "",
                failed > 0 ? "; " + failed + " failed" : "");
        return failed > 0 ? 1 : 0;
    }

    private List<DeadLetter> select(DeadLetterTopic topic, Options options, String prefix) {
        return topic.read(options.filter.since()).stream()
                .filter(letter -> options.filter.matches(letter, prefix)).toList();
    }

    private static ObjectNode json(DeadLetter letter, boolean withValue) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", letter.id());
        node.put("deadLettered", letter.timestamp().toString());
        node.put("service", letter.service());
        node.put("topic", letter.sourceTopic());
        node.put("key", letter.keyText());
        node.put("reason", letter.reason());
        ArrayNode replays = node.putArray("replayed");
        letter.replays().forEach(when -> replays.add(when.toString()));
        ObjectNode headers = node.putObject("headers");
        for (Header header : letter.headers()) {
            headers.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        if (withValue) {
            String value = letter.valueText();
            JsonNode parsed = null;
            if (value != null) {
                try {
                    parsed = Json.mapper().readTree(value);
                } catch (IOException e) {
                    parsed = null; // not JSON: shown as text
                }
            }
            if (parsed != null && parsed.isContainerNode()) {
                node.set("value", parsed);
            } else {
                node.put("value", value);
            }
        } else {
            node.put("valueBytes", letter.value() == null ? 0 : letter.value().length);
        }
        return node;
    }

    private static String firstPart(DeadLetter letter) {
        String reason = letter.reason();
        int colon = reason.indexOf(": ");
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** The parsed command line (picocli: an unknown option is an error, not an ID). */
    @Command(name = "dlq")
    private static final class Options {
        @Parameters(index = "0", arity = "0..1", paramLabel = "list|show|replay")
        String action;
        @Parameters(index = "1..*", paramLabel = "ID")
        final List<String> ids = new ArrayList<>();
        @Option(names = {"-h", "--help"}, usageHelp = true)
        boolean help;
        @Option(names = "--topic")
        String topic;
        @Option(names = "--since")
        String since;
        @Option(names = "--reason")
        String reason;
        @Option(names = "--service")
        String service;
        @Option(names = "--limit")
        String limitText;
        @Option(names = "--again")
        boolean again;
        @Option(names = "--dry-run")
        boolean dryRun;
        @Option(names = "--all")
        boolean all;
        @Option(names = "--json")
        boolean json;
        DeadLetterFilter filter = DeadLetterFilter.ALL;
        int limit = 100;

        static Options parse(List<String> args, Clock clock) {
            Options options = new Options();
            try {
                new CommandLine(options).parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            if (options.help || options.action == null || options.action.equals("help")) {
                options.action = "help";
                return options;
            }
            if (!List.of("list", "show", "replay").contains(options.action)) {
                throw new IllegalArgumentException("unknown action '" + options.action + "'");
            }
            for (String id : options.ids) {
                if (!id.matches("\\d{1,9}:\\d{1,19}")) {
                    throw new IllegalArgumentException("'" + id + "' is no ID (PARTITION:OFFSET, as list shows it)");
                }
            }
            if (options.limitText != null) {
                options.limit = number(options.limitText);
            }
            options.filter = new DeadLetterFilter(options.topic,
                    options.since == null ? null : DeadLetterFilter.parseTime(options.since, clock), options.reason,
                    options.service);
            if (options.action.equals("show") && options.ids.size() != 1) {
                throw new IllegalArgumentException("show takes one ID (PARTITION:OFFSET, as list shows it)");
            }
            if (options.action.equals("replay") && options.ids.isEmpty() && !options.all
                    && !options.filter.narrows()) {
                throw new IllegalArgumentException("say what to replay: IDs, a filter (--topic, --since, --reason, "
                        + "--service), or --all");
            }
            if (!options.ids.isEmpty() && options.filter.narrows()) {
                throw new IllegalArgumentException("give either IDs or a filter, not both");
            }
            return options;
        }

        private static int number(String text) {
            try {
                int value = Integer.parseInt(text);
                if (value < 0) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--limit " + text + " is not a count");
            }
        }
    }
}
