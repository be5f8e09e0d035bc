package io.newswatch.tagging.entity;

import io.newswatch.folding.TextFolding;
import io.newswatch.tagging.kb.KnowledgeBaseLoader;
import io.newswatch.tagging.text.FoldedWords;
import io.newswatch.tagging.text.Inflection;
import io.newswatch.tagging.text.Tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Given names, folded in every transliteration: a word that starts a person's name in the news. Two lists:
 * {@code kb/given-names.txt}, written by hand, and {@code kb/given-names-generated.txt}, the given names of the npm
 * package {@code @faker-js/faker} for German, French, Russian, Ukrainian, Serbian and Croatian less common words and
 * places ({@code services/enricher/tools/given-names.sh}). Inflected forms ("Рустама", "Петером") are recognised
 * through the case endings of the text's language.
 */
public final class GivenNames {

    /** The lists read, hand-written first (before {@link #NAME_WORDS}, which reads them). */
    private static final List<String> LISTS = List.of("given-names.txt", "given-names-generated.txt");

    /** Asked by a token's hash and folded characters (no string made): most words of a text are asked. */
    private static final FoldedWords NAME_WORDS = FoldedWords.of(load());

    private GivenNames() {
    }

    /** True when a folded word ({@code TextFolding.fold}) is a given name as listed, in no other case. */
    public static boolean isGivenName(String folded) {
        return NAME_WORDS.contains(folded.toCharArray(), 0, folded.length());
    }

    /** True when token {@code i}, or its base form in {@code language}, is a given name. */
    static boolean contains(Tokens t, int i, String language) {
        if (NAME_WORDS.contains(t, i)) {
            return true;
        }
        if (Inflection.rules(language).length == 0) {
            return false;
        }
        // the base forms spelled in one small buffer, not a substring and a concatenation per rule
        char[] chars = t.foldedChars();
        int from = t.foldStart(i);
        int length = t.foldLength(i);
        String[][] rules = Inflection.rulesByLastLetter(language)[Inflection.last(chars, from, length)];
        char[] candidate = null;
        for (String[] rule : rules) {
            String ending = rule[0];
            int stem = length - ending.length();
            if (stem < 3 || !t.endsWith(i, ending)) {
                continue;
            }
            String base = rule[1];
            int size = stem + base.length();
            if (candidate == null || candidate.length < size) {
                candidate = new char[size + 8];
            }
            System.arraycopy(chars, from, candidate, 0, stem);
            base.getChars(0, base.length(), candidate, stem);
            if (NAME_WORDS.contains(candidate, 0, size)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The listed given names (folded) that token {@code i} may be, as written or in another case of {@code language}
     * ("Петра" → "petra", "petro", "petr"; "Петрові" → "petro", "petr"), empty when none. Strings are made: for the few
     * capitalised words that a text's people need.
     */
    static List<String> bases(Tokens t, int i, String language) {
        String folded = t.folded(i);
        List<String> bases = new ArrayList<>(2);
        if (NAME_WORDS.contains(t, i)) {
            bases.add(folded);
        }
        for (String[] rule : Inflection.rules(language)) {
            String ending = rule[0];
            int stem = folded.length() - ending.length();
            if (stem >= 3 && folded.endsWith(ending)) {
                String base = folded.substring(0, stem) + rule[1];
                if (isGivenName(base) && !bases.contains(base)) {
                    bases.add(base);
                }
            }
        }
        return bases;
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        for (String list : LISTS) {
            read(KnowledgeBaseLoader.CLASSPATH_ROOT + list, names);
        }
        return Set.copyOf(names);
    }

    private static void read(String path, Set<String> names) {
        try (InputStream in = GivenNames.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.strip().split("\\s+")) {
                    names.addAll(TextFolding.variants(name, null));
                    for (String language : new String[] {"ru", "uk", "sr"}) {
                        names.add(TextFolding.fold(name, language));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
