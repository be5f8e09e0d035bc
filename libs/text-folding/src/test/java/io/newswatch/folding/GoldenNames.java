package io.newswatch.folding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden list of names ({@code golden-names.tsv}): how a name is written in an article and the spellings that must
 * find it. Published in this module's test jar so that every consumer of the folding tests itself against the same
 * list.
 */
public final class GoldenNames {

    /**
     * One name.
     *
     * @param written  as an article writes it
     * @param language the article's language, or null
     * @param queries  spellings an analyst may type that must find it
     */
    public record Name(String written, String language, List<String> queries) {
        @Override
        public String toString() {
            return written + " (" + language + ")";
        }
    }

    private GoldenNames() {
    }

    /** Every name of the list. */
    public static List<Name> all() {
        try (InputStream in = GoldenNames.class.getResourceAsStream("golden-names.tsv")) {
            if (in == null) {
                throw new IllegalStateException("golden-names.tsv is missing from the classpath");
            }
            List<Name> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                names.add(new Name(cols[0], cols[1].equals("-") ? null : cols[1], List.of(cols[2].split("\\|"))));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
