package io.newswatch.tagging.topic;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newswatch.tagging.kb.KnowledgeBaseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The topics an article can get: the shipped {@code taxonomy.yaml} and the user's own files (a topic with an
 * existing id replaces it). Checked at load: ids, thresholds and terms, with the file and topic named in errors.
 */
public final class Taxonomy {

    /** Classpath location of the shipped taxonomy. */
    public static final String SHIPPED = "io/newswatch/tagging/topics/taxonomy.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<TopicDefinition> topics;

    private Taxonomy(List<TopicDefinition> topics) {
        this.topics = List.copyOf(topics);
    }

    /** The shipped taxonomy plus extra files. */
    public static Taxonomy load(List<Path> extra) {
        Map<String, TopicDefinition> topics = new LinkedHashMap<>();
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new KnowledgeBaseException(SHIPPED + " is missing from the classpath");
            }
            read(in, SHIPPED, topics);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read " + SHIPPED + ": " + e.getMessage(), e);
        }
        for (Path path : extra) {
            try (InputStream in = Files.newInputStream(path)) {
                read(in, path.toString(), topics);
            } catch (IOException e) {
                throw new KnowledgeBaseException("cannot read taxonomy file " + path + " (check "
                        + "newswatch.enricher.taxonomy.extra-files): " + e.getMessage(), e);
            }
        }
        return new Taxonomy(new ArrayList<>(topics.values()));
    }

    /** A taxonomy of the given topics (tests). */
    public static Taxonomy of(List<TopicDefinition> topics) {
        topics.forEach(t -> check(t, "topics"));
        return new Taxonomy(topics);
    }

    public List<TopicDefinition> topics() {
        return topics;
    }

    /** The file's shape: {@code topics: [...]}. */
    record File(List<TopicDefinition> topics) {
    }

    private static void read(InputStream in, String name, Map<String, TopicDefinition> into) throws IOException {
        File file;
        try {
            file = YAML.readValue(in, File.class);
        } catch (IOException e) {
            throw new KnowledgeBaseException(name + " is not a valid taxonomy: " + e.getMessage(), e);
        }
        if (file == null || file.topics() == null) {
            throw new KnowledgeBaseException(name + " has no 'topics:' list");
        }
        for (TopicDefinition topic : file.topics()) {
            check(topic, name);
            into.put(topic.id(), topic);
        }
    }

    private static void check(TopicDefinition topic, String name) {
        if (topic.id() == null || !ID.matcher(topic.id()).matches()) {
            throw new KnowledgeBaseException(name + ": topic id '" + topic.id()
                    + "' must be lowercase words joined by hyphens");
        }
        if (topic.threshold() <= 0) {
            throw new KnowledgeBaseException(name + ": topic " + topic.id() + " needs a threshold above 0");
        }
        if (topic.terms().isEmpty() && topic.entities().isEmpty()) {
            throw new KnowledgeBaseException(name + ": topic " + topic.id() + " has neither terms nor entities");
        }
        for (List<String> group : topic.require()) {
            if (group.isEmpty()) {
                throw new KnowledgeBaseException(name + ": topic " + topic.id() + " has an empty require group");
            }
            for (String item : group) {
                if (item.startsWith(TopicDefinition.COUNTRY_PREFIX)) {
                    checkCountry(item.substring(TopicDefinition.COUNTRY_PREFIX.length()), topic, name);
                }
            }
        }
        for (Map.Entry<String, Double> place : topic.places().entrySet()) {
            checkCountry(place.getKey(), topic, name);
            if (place.getValue() == null || !Double.isFinite(place.getValue()) || place.getValue() == 0) {
                throw new KnowledgeBaseException(name + ": topic " + topic.id() + " gives places in "
                        + place.getKey() + " no weight (a number other than 0)");
            }
        }
    }

    private static void checkCountry(String code, TopicDefinition topic, String name) {
        if (!COUNTRY.matcher(code).matches()) {
            throw new KnowledgeBaseException(name + ": topic " + topic.id() + " names country '" + code
                    + "', which is not an ISO 3166-1 alpha-2 code in capitals (SY, UA)");
        }
    }
}
