package io.newswatch.poller.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newswatch.contract.Feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code deploy/feeds.yaml}: a list under {@code feeds:} of {@link FeedDefinition}s, whose values may hold
 * {@code ${ENV_VAR:default}} placeholders, expanded from the environment when the file is loaded.
 */
public final class FeedsFile {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*+)(?::([^}]*+))?}");
    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file could not be used; the message says where and why. */
    public static class FileException extends Exception {
        public FileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private FeedsFile() {
    }

    /** Loads the file with placeholders from the process environment. */
    public static List<Feed> load(Path file, FeedDefinitions definitions, Instant now) throws FileException {
        return load(file, definitions, now, System.getenv()::get);
    }

    public static List<Feed> load(Path file, FeedDefinitions definitions, Instant now, Function<String, String> env)
            throws FileException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new FileException("cannot read the feeds file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        JsonNode feeds = root.path("feeds");
        if (!feeds.isArray()) {
            throw new FileException(file + ": expected a list under \"feeds:\"", null);
        }
        List<Feed> result = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            String where = file + ", feed " + (i + 1);
            try {
                JsonNode expanded = expand(feeds.get(i), env);
                FeedDefinition definition = YAML.treeToValue(expanded, FeedDefinition.class);
                result.add(definitions.toFeed(definition, now));
            } catch (InvalidFeedException e) {
                throw new FileException(where + ": " + e.getMessage(), e);
            } catch (JsonProcessingException e) {
                throw new FileException(where + ": " + e.getOriginalMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new FileException(where + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** Expands placeholders in every string value of a node. */
    static JsonNode expand(JsonNode node, Function<String, String> env) {
        if (node.isTextual()) {
            return TextNode.valueOf(expand(node.asText(), env));
        }
        if (node.isArray()) {
            ArrayNode array = ((ArrayNode) node).arrayNode();
            node.forEach(element -> array.add(expand(element, env)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = ((ObjectNode) node).objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                object.set(field.getKey(), expand(field.getValue(), env));
            }
            return object;
        }
        return node;
    }

    static String expand(String text, Function<String, String> env) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = env.apply(matcher.group(1));
            if (value == null || value.isEmpty()) {
                value = matcher.group(2);
            }
            if (value == null) {
                throw new IllegalArgumentException("${" + matcher.group(1) + "} is not set and has no default");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
