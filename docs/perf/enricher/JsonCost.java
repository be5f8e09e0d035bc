// The enricher's JSON per article, outside tagging (session 17, enricher-json). Two modes, from the repository root after
// `./mvnw -q -o -pl services/enricher test-compile`, CP = the enricher's test classpath (dependency:build-classpath
// -Dmdep.includeScope=test), a build's enricher and contract classes first:
//   javac -d /tmp/jc -cp "services/enricher/target/classes:services/enricher/target/test-classes:CP" docs/perf/enricher/JsonCost.java
//   java -cp "/tmp/jc:...same..." io.newswatch.enricher.kafka.JsonCost dump N   -> SHA-256 of N articles' raw JSON, their
//        enriched JSON and the story states written, with fixed clocks (run with two builds' classes: the same hashes)
//   java -Xmx1g -XX:+UseParallelGC -cp ... io.newswatch.enricher.kafka.JsonCost cost N ROUNDS   -> thread CPU per article of
//        the JSON work, jsr310's instants (A, as main) against Json's mapping (B), and a story state decoded (A) against
//        compared with what was written (B), alternated ABBA in one thread
package io.newswatch.enricher.kafka;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.contract.Article;
import io.newswatch.contract.EnrichedArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;
import io.newswatch.enricher.bench.EnricherBenchmark;
import io.newswatch.enricher.story.StoryClusterer;
import io.newswatch.enricher.story.StoryState;
import io.newswatch.tagging.Enricher;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.topic.Taxonomy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

public final class JsonCost {

    record Work(List<byte[]> raw, List<EnrichedArticle> enriched, List<StoryState> states) {
    }

    static Work work(int n) throws Exception {
        Instant base = Instant.parse("2026-12-07T08:00:00Z");
        Clock clock = Clock.fixed(base.plusSeconds(7200), ZoneOffset.UTC);
        Enricher enricher = new Enricher(KnowledgeBaseLoader.load(List.of()), Taxonomy.load(List.of()), clock);
        List<StoryState> states = new ArrayList<>();
        StoryClusterer stories = new StoryClusterer(clock, 0.3, Duration.ofDays(3), states::add);
        List<Article> corpus = EnricherBenchmark.corpus();
        List<byte[]> raw = new ArrayList<>();
        List<EnrichedArticle> enriched = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Article a = corpus.get(i % corpus.size());
            String url = a.url() + "?n=" + i;
            // instants as the poller writes them: whole seconds, milliseconds, microseconds
            Instant fetched = base.plusSeconds(i).plusNanos(i % 3 == 0 ? 0 : i % 3 == 1 ? (i * 7919L % 1000) * 1_000_000L
                    : (i * 104_729L % 1_000_000) * 1000L);
            Article article = new Article(a.schemaVersion(), a.type(), Ids.article(url), fetched.plusMillis(3), url,
                    a.title(), a.summary(), a.body(), a.author(), a.language(), fetched.minusSeconds(600 + i % 50),
                    i % 5 == 0, fetched, a.categories(), a.source(), a.contentHash(), a.revision());
            raw.add(Json.encodeBytes(article));
            enriched.add(enricher.enrich(Json.decode(raw.get(i), Article.class), stories));
        }
        return new Work(raw, enriched, states);
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Work work = work(n);
        if (args[0].equals("dump")) {
            MessageDigest raw = MessageDigest.getInstance("SHA-256");
            MessageDigest enriched = MessageDigest.getInstance("SHA-256");
            MessageDigest states = MessageDigest.getInstance("SHA-256");
            MessageDigest again = MessageDigest.getInstance("SHA-256");
            work.raw().forEach(raw::update);
            for (EnrichedArticle e : work.enriched()) {
                byte[] bytes = Json.encodeBytes(e);
                enriched.update(bytes);
                again.update(Json.encode(Json.decode(bytes, EnrichedArticle.class)).getBytes(StandardCharsets.UTF_8));
            }
            for (StoryState s : work.states()) {
                byte[] bytes = Json.encodeBytes(s);
                states.update(bytes);
                again.update(Json.encodeBytes(Json.decode(new String(bytes, StandardCharsets.UTF_8), StoryState.class)));
            }
            HexFormat hex = HexFormat.of();
            System.out.printf("%d articles, %d story states%nraw      %s%nenriched %s%nstates   %s%nround trip %s%n", n,
                    work.states().size(), hex.formatHex(raw.digest()), hex.formatHex(enriched.digest()),
                    hex.formatHex(states.digest()), hex.formatHex(again.digest()));
            return;
        }
        int rounds = Integer.parseInt(args[2]);
        var jsr310Mapper = Json.class.getDeclaredMethod("jsr310Mapper"); // main's mapping, package-private
        jsr310Mapper.setAccessible(true);
        ObjectMapper jsr310 = (ObjectMapper) jsr310Mapper.invoke(null);
        Codec a = new Codec(jsr310.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8), jsr310.reader());
        Codec b = new Codec(Json.mapper().writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8), Json.mapper().reader());
        List<byte[]> stateBytes = work.states().stream().map(Json::encodeBytes).toList();
        List<String> stateTexts = stateBytes.stream().map(s -> new String(s, StandardCharsets.UTF_8)).toList();
        var threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%d articles, %d states (%.0f bytes each), %d enriched bytes each; load %.1f%n", n, stateBytes.size(),
                stateBytes.stream().mapToInt(s -> s.length).average().orElse(0),
                (int) work.enriched().stream().mapToInt(e -> Json.encodeBytes(e).length).average().orElse(0),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String[] names = {"raw article decoded", "enriched encoded", "story states encoded", "states read back"};
        for (int round = 0; round < rounds; round++) {
            for (Codec codec : (round % 2 == 0 ? List.of(a, b) : List.of(b, a))) {
                boolean mine = codec == b;
                long[] cpu = new long[4];
                long sink = 0;
                long t = threads.getCurrentThreadCpuTime();
                for (byte[] r : work.raw()) {
                    sink += codec.reader.readValue(r, Article.class).title().length();
                }
                cpu[0] = threads.getCurrentThreadCpuTime() - t;
                t = threads.getCurrentThreadCpuTime();
                for (EnrichedArticle e : work.enriched()) {
                    sink += codec.writer.writeValueAsBytes(e).length;
                }
                cpu[1] = threads.getCurrentThreadCpuTime() - t;
                t = threads.getCurrentThreadCpuTime();
                for (StoryState s : work.states()) {
                    sink += codec.writer.writeValueAsBytes(s).length;
                }
                cpu[2] = threads.getCurrentThreadCpuTime() - t;
                t = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < stateTexts.size(); i++) {
                    sink += mine ? (OwnStoryWrites.sameText(stateTexts.get(i), stateBytes.get(i)) ? 1 : 0)
                            : codec.reader.readValue(stateTexts.get(i), StoryState.class).articles();
                }
                cpu[3] = threads.getCurrentThreadCpuTime() - t;
                StringBuilder line = new StringBuilder(String.format("round %2d %s:", round, mine ? "B" : "A"));
                long total = 0;
                for (int k = 0; k < 4; k++) {
                    line.append(String.format(" %s %.2f µs,", names[k], cpu[k] / 1e3 / n));
                    total += cpu[k];
                }
                System.out.println(line + String.format(" total %.2f µs per article (%d)", total / 1e3 / n, sink % 10));
            }
        }
    }

    record Codec(ObjectWriter writer, ObjectReader reader) {
    }
}
