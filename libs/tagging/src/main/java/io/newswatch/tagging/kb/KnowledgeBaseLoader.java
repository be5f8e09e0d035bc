package io.newswatch.tagging.kb;

import io.newswatch.contract.EntityType;
import io.newswatch.contract.GeoPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads knowledge-base files: the ones shipped on the classpath (listed in {@code kb/index.txt}), then the user's
 * own files or folders of {@code *.tsv}. A later entry with an existing id extends it: its aliases, demonyms and
 * context are added, and its non-empty fields replace the earlier ones.
 *
 * <p>Format (tab-separated, {@code #} starts a comment line):
 * {@code id  name  country  lat,lon  alias|alias  key=value; key=a|b}. Attribute keys: {@code kind}, {@code
 * demonyms}, {@code alone}, {@code ambiguous}, {@code context}, {@code prior}, {@code role}, {@code capital}.
 */
public final class KnowledgeBaseLoader {

    /** Classpath folder of the shipped files. */
    public static final String CLASSPATH_ROOT = "io/newswatch/tagging/kb/";
    private static final Set<String> KEYS = Set.of("kind", "demonyms", "alone", "ambiguous", "context", "prior",
            "role", "capital");

    private final Map<String, KbEntity> entities = new LinkedHashMap<>();

    /** The shipped knowledge base plus the given extra files or folders. */
    public static KnowledgeBase load(List<Path> extra) {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        loader.addShipped();
        for (Path path : extra) {
            loader.addPath(path);
        }
        return loader.build();
    }

    /** Adds the files shipped with the enricher. */
    public KnowledgeBaseLoader addShipped() {
        for (String file : shippedFiles()) {
            try (InputStream in = resource(CLASSPATH_ROOT + file)) {
                add(file, new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shipped knowledge base file " + file, e);
            }
        }
        return this;
    }

    /** Adds a file, or every {@code *.tsv} of a folder in name order. */
    public KnowledgeBaseLoader addPath(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                    addPath(file);
                }
            } catch (IOException e) {
                throw new KnowledgeBaseException("cannot list knowledge base folder " + path + ": " + e.getMessage(), e);
            }
            return this;
        }
        if (!Files.isReadable(path)) {
            throw new KnowledgeBaseException("knowledge base file " + path + " does not exist or cannot be read "
                    + "(check newswatch.enricher.knowledge-base.extra-files)");
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            add(path.toString(), reader);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read knowledge base file " + path + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Adds the entries of one file. */
    public KnowledgeBaseLoader add(String name, Reader reader) {
        try {
            BufferedReader lines = new BufferedReader(reader);
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                merge(parse(line, name + ":" + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return this;
    }

    public KnowledgeBase build() {
        return new KnowledgeBase(new LinkedHashMap<>(entities));
    }

    static List<String> shippedFiles() {
        try (InputStream in = resource(CLASSPATH_ROOT + "index.txt")) {
            List<String> files = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    files.add(line.trim());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the knowledge base index", e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = KnowledgeBaseLoader.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new KnowledgeBaseException(path + " is missing from the classpath");
        }
        return in;
    }

    private static KbEntity parse(String line, String where) {
        String[] cols = line.split("\t", -1);
        if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
            throw new KnowledgeBaseException(where + ": expected at least an id and a name separated by a tab");
        }
        String id = cols[0].trim();
        EntityType type = typeOf(id, where);
        String country = col(cols, 2);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new KnowledgeBaseException(where + ": country must be an ISO 3166-1 alpha-2 code such as RU, was '"
                    + country + "'");
        }
        GeoPoint geo = geo(col(cols, 3), where);
        List<String> aliases = list(col(cols, 4));
        Map<String, String> attributes = attributes(col(cols, 5), where);
        double prior;
        try {
            prior = Double.parseDouble(attributes.getOrDefault("prior", "1"));
        } catch (NumberFormatException e) {
            throw new KnowledgeBaseException(where + ": prior must be a number, was " + attributes.get("prior"));
        }
        return new KbEntity(id, cols[1].trim(), type, country, geo, aliases, list(attributes.get("demonyms")),
                list(attributes.get("alone")), Boolean.parseBoolean(attributes.getOrDefault("ambiguous", "false")),
                list(attributes.get("context")), prior, attributes.get("kind"), attributes.get("role"), where);
    }

    private static EntityType typeOf(String id, String where) {
        int slash = id.indexOf('/');
        String prefix = slash < 0 ? "" : id.substring(0, slash);
        return switch (prefix) {
            case "person" -> EntityType.PERSON;
            case "organization" -> EntityType.ORGANIZATION;
            case "location" -> EntityType.LOCATION;
            default -> throw new KnowledgeBaseException(where + ": id '" + id
                    + "' must start with person/, organization/ or location/");
        };
    }

    private static String col(String[] cols, int i) {
        if (i >= cols.length) {
            return null;
        }
        String value = cols[i].trim();
        return value.isEmpty() ? null : value;
    }

    private static GeoPoint geo(String value, String where) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",");
        try {
            return new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (RuntimeException e) {
            throw new KnowledgeBaseException(where + ": coordinates must be 'lat,lon' in decimal degrees, was '"
                    + value + "'");
        }
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : value.split("\\|")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private static Map<String, String> attributes(String value, String where) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (value == null) {
            return attributes;
        }
        for (String pair : value.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair.trim() : pair.substring(0, eq).trim();
            if (!KEYS.contains(key)) {
                throw new KnowledgeBaseException(where + ": unknown attribute '" + key + "' (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            attributes.put(key, eq < 0 ? "true" : pair.substring(eq + 1).trim());
        }
        return attributes;
    }

    private void merge(KbEntity next) {
        KbEntity old = entities.get(next.id());
        if (old == null) {
            entities.put(next.id(), next);
            return;
        }
        entities.put(next.id(), new KbEntity(next.id(), next.name(), next.type(),
                next.country() != null ? next.country() : old.country(),
                next.geo() != null ? next.geo() : old.geo(),
                union(old.aliases(), next.aliases()), union(old.demonyms(), next.demonyms()),
                union(old.alone(), next.alone()), next.ambiguous() || old.ambiguous(),
                union(old.context(), next.context()), next.prior(),
                next.kind() != null ? next.kind() : old.kind(), next.role() != null ? next.role() : old.role(),
                next.source()));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
