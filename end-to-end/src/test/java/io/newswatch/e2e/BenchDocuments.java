package io.newswatch.e2e;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.bench.CorpusGenerator;
import io.newswatch.bench.NewsArticle;
import io.newswatch.contract.Ids;
import io.newswatch.contract.Json;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Articles of the benchmark corpus ({@link CorpusGenerator}) as the indexer would store them once enriched, without
 * running the enricher: the fields of {@code newswatch-articles.index-template.json}, people, organisations and
 * places found by name, topics by desk and by keyword, syndicated copies in the story of their original (counted
 * as the enricher counts: articles and outlets so far), spread over a period so that the newest are recent.
 * Deterministic for a seed.
 */
final class BenchDocuments {

    private static final List<String> OUTLETS = List.of("Adriatic Times", "Balkan Insight Daily", "Baltic Courier",
            "Black Sea Herald", "Brussels Post", "Capital Chronicle", "Continental Press", "Danube Dispatch",
            "Eastern Review", "Euro Monitor", "Evening Standard Wire", "Harbour Wire", "Meridian News",
            "Morning Ledger", "Nordic Observer", "Northern Gazette", "Pannonian Journal", "Riverside Tribune",
            "Southern Cross Media", "The Daily Signal", "The Global Desk", "The Weekly Brief", "Valley Voice",
            "Western Mail Online", "World Affairs Today", "Alpine Post", "Atlantic Record", "City Register",
            "Coastal News", "Highland Bulletin");
    private static final Map<String, String> KEYWORD_TOPICS = keywordTopics();

    private record Story(String id, String firstArticle, Instant firstSeen, Set<String> outlets, int articles) {
    }

    private final CorpusGenerator generator;
    private final SplittableRandom random;
    private final CorpusGenerator.Names names = CorpusGenerator.names();
    private final Map<Long, Story> stories = new HashMap<>();
    private final Instant start;
    private final Duration step;

    /**
     * @param count  articles in all
     * @param period the articles are published evenly over the period before {@code end}
     */
    BenchDocuments(long seed, int count, Instant end, Duration period) {
        this.generator = new CorpusGenerator(seed);
        this.random = new SplittableRandom(seed + 1);
        this.start = end.minus(period);
        this.step = period.dividedBy(count);
    }

    private static Map<String, String> keywordTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("Crimea", "crimea");
        topics.put("Sevastopol", "crimea");
        topics.put("Syria", "syria");
        topics.put("Aleppo", "syria");
        topics.put("Kosovo", "western-balkans");
        topics.put("Serbia", "western-balkans");
        topics.put("Montenegro", "western-balkans");
        topics.put("Bosnia", "western-balkans");
        topics.put("North Macedonia", "western-balkans");
        topics.put("NATO-Russia Council", "nato-russia-council");
        topics.put("accession talks", "enlargement");
        topics.put("enlargement", "enlargement");
        topics.put("sanctions", "sanctions");
        topics.put("arms control", "arms-control");
        return topics;
    }

    /** The next article's document. */
    ObjectNode next() {
        NewsArticle article = generator.next();
        Instant published = start.plus(step.multipliedBy(article.number()))
                .plusMillis(random.nextLong(Math.max(1, step.toMillis())));
        Instant fetched = published.plusSeconds(30 + random.nextInt(300));
        String outlet = OUTLETS.get(random.nextInt(OUTLETS.size()));
        String domain = outlet.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "") + ".example";
        String url = "https://" + domain + "/news/" + article.slug();
        String id = Ids.article(url);
        String body = String.join("\n\n", article.paragraphs());
        String text = article.title() + "\n\n" + body;

        Story story;
        if (article.syndicated() && stories.containsKey(article.copyOf())) {
            Story original = stories.get(article.copyOf());
            Set<String> outlets = new LinkedHashSet<>(original.outlets());
            outlets.add(domain);
            story = new Story(original.id(), original.firstArticle(), original.firstSeen(), outlets,
                    original.articles() + 1);
            stories.put(article.copyOf(), story);
        } else {
            story = new Story(id, id, fetched, new LinkedHashSet<>(List.of(domain)), 1);
            stories.put(article.number(), story);
        }

        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("id", id);
        doc.put("url", url);
        doc.put("title", article.title());
        doc.put("summary", article.lead());
        doc.put("body", body);
        doc.put("text_folded", fold(text));
        doc.put("author", article.byline());
        doc.put("language", "en");
        doc.put("published", published.toString());
        doc.put("fetched", fetched.toString());
        doc.put("enriched", fetched.plusMillis(40).toString());
        doc.put("indexed", fetched.plusMillis(900).toString());
        doc.put("revision", 1);
        ObjectNode source = doc.putObject("source");
        source.put("name", outlet);
        source.put("domain", domain);
        source.put("feed", Ids.feed("https://" + domain + "/rss.xml"));
        source.putArray("tags").add(article.desk());

        ArrayNode entities = doc.putArray("entities");
        ArrayNode all = doc.putArray("entity");
        Map<String, ArrayNode> byType = Map.of("PERSON", doc.putArray("person"), "ORGANIZATION",
                doc.putArray("organization"), "LOCATION", doc.putArray("location"));
        entities(text, names.people(), "PERSON", entities, all, byType);
        entities(text, names.organizations(), "ORGANIZATION", entities, all, byType);
        entities(text, names.places(), "LOCATION", entities, all, byType);

        Set<String> topicIds = new LinkedHashSet<>();
        topicIds.add(article.desk().equals("security") ? "diplomacy" : article.desk());
        KEYWORD_TOPICS.forEach((keyword, topic) -> {
            if (text.contains(keyword)) {
                topicIds.add(topic);
            }
        });
        ArrayNode topics = doc.putArray("topics");
        ArrayNode topic = doc.putArray("topic");
        for (String topicId : topicIds) {
            topics.addObject().put("id", topicId).put("label", topicId.replace('-', ' ')).put("score", 0.5);
            topic.add(topicId);
        }
        ObjectNode storyFields = doc.putObject("story");
        storyFields.put("id", story.id());
        storyFields.put("first_article", story.firstArticle());
        storyFields.put("first_seen", story.firstSeen().toString());
        storyFields.put("articles", story.articles());
        storyFields.put("outlets", story.outlets().size());
        storyFields.put("languages", 1);
        doc.putArray("quotes");
        return doc;
    }

    private static void entities(String text, List<String> candidates, String type, ArrayNode entities,
                                 ArrayNode all, Map<String, ArrayNode> byType) {
        for (String name : candidates) {
            int mentions = 0;
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
                mentions++;
            }
            if (mentions > 0) {
                entities.addObject().put("id", type.toLowerCase(Locale.ROOT) + "/" + fold(name).toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")).put("name", name).put("type", type).put("mentions", mentions)
                        .put("salience", 0.5);
                all.add(name);
                byType.get(type).add(name);
            }
        }
    }

    /** Folded to ASCII as the indexer folds Latin text ({@code Đ} as {@code Dj}). */
    static String fold(String text) {
        String dj = text.replace("Đ", "Dj").replace("đ", "dj");
        return Normalizer.normalize(dj, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    /** Documents of alerts: one for each of the first matching articles of a rule, as the indexer writes them. */
    static ObjectNode alert(String ruleId, String ruleName, String query, ObjectNode article, String term) {
        ObjectNode alert = Json.mapper().createObjectNode();
        String id = Ids.alert(ruleId, article.path("story").path("id").asText(), 0);
        Instant fetched = Instant.parse(article.path("fetched").asText());
        alert.put("id", id);
        alert.put("timestamp", fetched.plusMillis(300).toString());
        alert.putObject("rule").put("id", ruleId).put("name", ruleName).put("query", query);
        alert.putObject("article").put("id", article.path("id").asText()).put("url", article.path("url").asText())
                .put("title", article.path("title").asText()).put("fetched", fetched.toString());
        alert.put("source", article.path("source").path("name").asText());
        alert.putObject("story").put("id", article.path("story").path("id").asText())
                .put("outlets", article.path("story").path("outlets").asInt());
        alert.put("level", 0);
        String summary = article.path("summary").asText();
        alert.put("snippet", summary.replace(term, "<em>" + term + "</em>"));
        alert.putArray("passages").add(summary);
        alert.putArray("terms").add(term);
        alert.putArray("channels").add("log");
        alert.putArray("deliveries").addObject().put("channel", "log").put("status", "delivered").put("attempts", 1)
                .put("at", fetched.plusSeconds(1).toString());
        alert.put("status", "delivered");
        alert.put("latency_ms", 300);
        return alert;
    }

    /** Folds a list of documents' titles to check which mention a term (for alerts). */
    static List<ObjectNode> mentioning(List<ObjectNode> documents, String term, int limit) {
        List<ObjectNode> found = new ArrayList<>();
        for (int i = documents.size() - 1; i >= 0 && found.size() < limit; i--) {
            if (documents.get(i).path("title").asText().contains(term)) {
                found.add(documents.get(i));
            }
        }
        return found;
    }
}
