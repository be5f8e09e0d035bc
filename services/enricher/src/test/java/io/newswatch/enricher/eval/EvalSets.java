package io.newswatch.enricher.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newswatch.contract.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads evaluation sets kept outside the repository: JSON Lines, one document per line (the format the converters in
 * {@code services/enricher/eval/} write):
 *
 * <pre>
 * {"id": "...", "language": "de", "text": "Title\n\nBody...", "titleEnd": 5,
 *  "mentions": [{"start": 7, "end": 13, "type": "PERSON", "entity": "optional key"}],
 *  "ignored": [{"start": 20, "end": 27}],
 *  "topics": ["optional", "list"]}
 * </pre>
 *
 * {@code type} is {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION} or absent (untyped gold); {@code entity}
 * groups mentions of one entity (absent: distinct names are compared); {@code topics} absent means not annotated.
 * The same format holds another tagger's predictions (id and mentions only), to score it with the same code.
 */
public final class EvalSets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalSets() {
    }

    /** The JSON Lines files of a folder (sorted by name), or the file itself. */
    public static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one set; its name is the file name without {@code .jsonl}. */
    public static List<EvalDocument> read(Path file) {
        String set = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        List<EvalDocument> documents = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    documents.add(document(set, JSON.readTree(line)));
                } catch (RuntimeException | IOException e) {
                    throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static EvalDocument document(String set, JsonNode node) {
        String id = node.path("id").asText(null);
        String text = node.path("text").asText(null);
        if (id == null || text == null) {
            throw new IllegalArgumentException("a document needs an id and a text");
        }
        List<EvalDocument.Mention> mentions = mentions(text, node.path("mentions"));
        List<EvalDocument.Mention> ignored = mentions(text, node.path("ignored"));
        Map<String, EvalDocument.EntityInfo> entities = new LinkedHashMap<>();
        for (EvalDocument.Mention m : mentions) {
            if (m.entity() != null) {
                entities.putIfAbsent(m.entity(), new EvalDocument.EntityInfo(m.entity(), m.type(), m.text(), null, false));
            }
        }
        boolean grouped = !mentions.isEmpty() && mentions.stream().allMatch(m -> m.entity() != null);
        List<String> topics = null;
        if (node.has("topics") && node.get("topics").isArray()) {
            topics = new ArrayList<>();
            for (JsonNode t : node.get("topics")) {
                topics.add(t.asText());
            }
        }
        return new EvalDocument(set, id, node.path("language").asText(null), text, node.path("titleEnd").asInt(0),
                mentions, ignored, grouped ? entities : Map.of(), topics);
    }

    private static List<EvalDocument.Mention> mentions(String text, JsonNode array) {
        List<EvalDocument.Mention> mentions = new ArrayList<>();
        for (JsonNode m : array) {
            int start = m.path("start").asInt(-1);
            int end = m.path("end").asInt(-1);
            if (start < 0 || end <= start || end > text.length()) {
                throw new IllegalArgumentException("bad span " + m);
            }
            String type = m.path("type").asText(null);
            mentions.add(new EvalDocument.Mention(start, end, text.substring(start, end),
                    type == null || type.isEmpty() ? null : EntityType.valueOf(type), m.path("entity").asText(null)));
        }
        mentions.sort(Comparator.comparingInt(EvalDocument.Mention::start));
        return mentions;
    }

    /** Writes documents (or predictions) in the same format. */
    public static void write(Path file, List<EvalDocument> documents) {
        try {
            List<String> lines = new ArrayList<>();
            for (EvalDocument d : documents) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("id", d.id());
                out.put("language", d.language());
                out.put("text", d.text());
                out.put("titleEnd", d.titleEnd());
                out.put("mentions", d.mentions().stream().map(EvalSets::span).toList());
                if (!d.ignored().isEmpty()) {
                    out.put("ignored", d.ignored().stream().map(EvalSets::span).toList());
                }
                if (d.topics() != null) {
                    out.put("topics", d.topics());
                }
                lines.add(JSON.writeValueAsString(out));
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> span(EvalDocument.Mention m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start", m.start());
        out.put("end", m.end());
        if (m.type() != null) {
            out.put("type", m.type().name());
        }
        if (m.entity() != null) {
            out.put("entity", m.entity());
        }
        return out;
    }
}
