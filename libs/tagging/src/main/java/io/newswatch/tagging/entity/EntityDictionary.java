package io.newswatch.tagging.entity;

import io.newswatch.tagging.kb.KbEntity;
import io.newswatch.tagging.kb.KnowledgeBase;
import io.newswatch.tagging.match.PhraseTrie;
import io.newswatch.tagging.match.Vocabulary;
import io.newswatch.tagging.text.Tokenizer;
import io.newswatch.tagging.text.Tokens;

import io.newswatch.folding.Cyrillic;
import io.newswatch.folding.TextFolding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The knowledge base compiled for matching: every name, alias, demonym and stand-alone short form as a phrase of
 * word ids in one {@link PhraseTrie}, each with the case it must have in a text. Read-only once built.
 */
public final class EntityDictionary {

    /** How an alias names its entity. */
    public enum AliasKind {
        /** A full name or alias. */
        NAME,
        /** A short form that names the entity on its own ("Putin"). */
        ALONE,
        /** An adjective or noun of nationality: a weaker mention of a country ("Russian"). */
        DEMONYM
    }

    /** Case rule per alias word: any case; an upper-case first letter; all upper case (acronyms). */
    static final byte ANY_CASE = 0;
    static final byte CAPITAL = 1;
    static final byte ALL_CAPS = 2;

    /** Separators a text may have inside a match only where the alias has them too. */
    static final int BOUNDARIES = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_QUOTE | Tokens.AFTER_PUNCTUATION;

    /**
     * One alias.
     *
     * @param entity     index into {@link #entity(int)}
     * @param kind       how it names the entity
     * @param caseRule   per word: {@link #ANY_CASE}, {@link #CAPITAL} or {@link #ALL_CAPS}
     * @param separators per word: the boundary flags the alias itself has before that word, and {@link
     *                   Tokens#POSSESSIVE} when the word before it is possessive ("People's Liberation Army")
     * @param text       the alias as written in the knowledge base
     */
    record Alias(int entity, AliasKind kind, byte[] caseRule, int[] separators, String text) {
    }

    private final Vocabulary vocabulary;
    private final PhraseTrie trie = new PhraseTrie();
    private final List<KbEntity> entities = new ArrayList<>();
    private final List<Alias> aliases = new ArrayList<>();
    private final List<int[][]> context = new ArrayList<>();
    private final int[] lastNameWord;
    private final List<List<String>> variants = new ArrayList<>();

    /** Compiles a knowledge base; its words are added to {@code vocabulary}. */
    public EntityDictionary(KnowledgeBase kb, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (KbEntity e : kb.entities()) {
            int index = entities.size();
            entities.add(e);
            addAlias(index, AliasKind.NAME, e.name());
            e.aliases().forEach(a -> addAlias(index, AliasKind.NAME, a));
            e.alone().forEach(a -> addAlias(index, AliasKind.ALONE, a));
            e.demonyms().forEach(a -> {
                addAlias(index, AliasKind.DEMONYM, a);
                String plural = plural(a);
                if (plural != null) {
                    addAlias(index, AliasKind.DEMONYM, plural);
                }
            });
            context.add(e.context().stream().map(this::phrase).toArray(int[][]::new));
            variants.add(variantsOf(e));
        }
        lastNameWord = new int[entities.size()];
        for (int i = 0; i < entities.size(); i++) {
            int[] words = phrase(entities.get(i).name());
            lastNameWord[i] = words.length == 0 ? Vocabulary.UNKNOWN : words[words.length - 1];
        }
    }

    /**
     * Adds an alias as written and in the other spellings a text may write or fold it to: a Cyrillic alias in every
     * transliteration scheme (Шойгу is shoygu in a Russian text, sojgu in a Serbian one, and Shoigu, Schoigu in Latin
     * texts), a name with umlauts or Nordic vowels also with their digraphs (Schröder is also Schroeder, Løkke also
     * Loekke), a name with đ also with a bare d (Dukanovic). The same folding as the text's: {@link TextFolding}.
     */
    private void addAlias(int entity, AliasKind kind, String text) {
        Set<String> seen = new HashSet<>();
        boolean cyrillic = text.chars().anyMatch(c -> Cyrillic.isCyrillic((char) c));
        for (Cyrillic.Scheme scheme : cyrillic ? ALL_SCHEMES : List.of(Cyrillic.Scheme.RUSSIAN)) {
            addAliasOnly(entity, kind, text, scheme, seen);
        }
        String digraphs = TextFolding.germanicDigraphs(text);
        if (!digraphs.equals(text)) {
            addAliasOnly(entity, kind, digraphs, Cyrillic.Scheme.RUSSIAN, seen);
        }
        if (text.indexOf('đ') >= 0 || text.indexOf('Đ') >= 0) {
            addAliasOnly(entity, kind, text.replace('đ', 'd').replace('Đ', 'D'), Cyrillic.Scheme.RUSSIAN, seen);
        }
    }

    private static final List<Cyrillic.Scheme> ALL_SCHEMES = List.of(Cyrillic.Scheme.values());

    private void addAliasOnly(int entity, AliasKind kind, String text, Cyrillic.Scheme scheme, Set<String> seen) {
        Tokens tokens = Tokenizer.tokenize(text, scheme);
        int n = tokens.size();
        if (n == 0 || !seen.add(String.join(" ", java.util.stream.IntStream.range(0, n).mapToObj(tokens::folded).toList()))) {
            return;
        }
        int[] words = new int[n];
        byte[] caseRule = new byte[n];
        int[] separators = new int[n];
        for (int i = 0; i < n; i++) {
            words[i] = vocabulary.add(tokens.folded(i));
            caseRule[i] = switch (tokens.shape(i)) {
                case Tokens.UPPER -> tokens.end(i) - tokens.start(i) >= 2 ? ALL_CAPS : CAPITAL;
                case Tokens.CAPITALIZED -> CAPITAL;
                default -> ANY_CASE;
            };
            separators[i] = i == 0 ? 0 : tokens.flags(i) & BOUNDARIES
                    | (tokens.has(i - 1, Tokens.POSSESSIVE) ? Tokens.POSSESSIVE : 0);
        }
        if (n == 1) {
            vocabulary.markOneWordName(words[0]);
        }
        int id = aliases.size();
        aliases.add(new Alias(entity, kind, caseRule, separators, text));
        trie.add(words, id);
    }

    /**
     * The plural of a demonym that is also a noun for a person ("Serb" - "Serbs", "Palestinian" - "Palestinians",
     * "Israeli" - "Israelis"); null for adjectives that have none ("French", "Swiss", "Chinese", "Icelandic").
     */
    static String plural(String demonym) {
        String lower = demonym.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("ese") || lower.endsWith("ish") || lower.endsWith("ch") || lower.endsWith("ss")
                || lower.endsWith("ic") || lower.endsWith("x") || lower.endsWith("s")) {
            return null;
        }
        char last = lower.charAt(lower.length() - 1);
        return "nibketr".indexOf(last) >= 0 ? demonym + "s" : null;
    }

    /** A phrase as word ids (added to the vocabulary). */
    int[] phrase(String text) {
        Tokens tokens = Tokenizer.tokenize(text);
        int[] words = new int[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = vocabulary.add(tokens.folded(i));
        }
        return words;
    }

    PhraseTrie trie() {
        return trie;
    }

    Alias alias(int id) {
        return aliases.get(id);
    }

    public KbEntity entity(int index) {
        return entities.get(index);
    }

    /** At most this many variants go into an event: the entity's names, not every spelling of them. */
    static final int MAX_VARIANTS = 24;

    /**
     * The names the knowledge base knows an entity by besides its canonical one (aliases, short forms, native-script
     * names), one per spelling (case and accents aside, scripts kept apart), for the event: rules can follow an entity
     * by any of them.
     */
    private static List<String> variantsOf(KbEntity e) {
        Set<String> seen = new HashSet<>();
        seen.add(plain(e.name()));
        List<String> names = new ArrayList<>();
        for (String name : java.util.stream.Stream.concat(e.aliases().stream(), e.alone().stream()).toList()) {
            if (names.size() < MAX_VARIANTS && seen.add(plain(name))) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static String plain(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The other names of an entity ({@link #variantsOf}). */
    List<String> variants(int index) {
        return variants.get(index);
    }

    /** Context phrases of an entity, as word ids. */
    int[][] context(int index) {
        return context.get(index);
    }

    /** The id of the last word of an entity's canonical name (its surname, for people). */
    int lastNameWord(int index) {
        return lastNameWord[index];
    }

    public int entityCount() {
        return entities.size();
    }

    public int aliasCount() {
        return aliases.size();
    }

    /** Approximate heap held by the compiled dictionary (trie and aliases; the vocabulary is counted apart). */
    public long bytes() {
        long total = trie.bytes();
        for (Alias a : aliases) {
            total += 48 + a.caseRule().length + 4L * a.separators().length + 40 + 2L * a.text().length();
        }
        return total;
    }
}
