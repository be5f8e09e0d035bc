package io.newswatch.tagging.match;

import io.newswatch.tagging.text.Inflection;
import io.newswatch.tagging.text.Tokenizer;
import io.newswatch.tagging.text.Tokens;

/**
 * Every folded word that some dictionary knows, with a dense id; and word stems ("sanction*") that match any word
 * they begin. A text is looked up once ({@link #lookup(Tokens)}) and every matcher then works on ids. Words are
 * found by their 64-bit hash and then compared letter by letter, so a hash collision never makes a false match.
 *
 * <p>Built once at start, then read-only and safe to share between threads.
 */
public final class Vocabulary {

    /** The id of a word no dictionary knows. */
    public static final int UNKNOWN = -1;

    private final LongIntMap words = new LongIntMap(1 << 14);
    private final LongIntMap stems = new LongIntMap(256);
    /**
     * Every word's and stem's spelling, one after the other, each after one char holding its length. The tables map a
     * hash to {@code offset << 32 | id}, so checking a hit reads one place of this array: not an id's entry in a list
     * and then a separate char[] (each a cache miss on the tables' megabytes, a third of the look-up in a profile).
     */
    private char[] pool = new char[1 << 16];
    private int poolSize;
    /** Offset in {@link #pool} of each id's spelling. */
    private int[] offsets = new int[1 << 14];
    private int count;
    /**
     * One bit per hash bucket that holds a word: most unknown words of a text are rejected here, before a probe of
     * the (much larger) hash table. 2^19 bits (64 KB): with the 54,000 names of the gazetteer about 9% are set (at
     * 2^16 bits more than half were, and most unknown words went on to the table).
     */
    private static final int PRESENT_BITS = 19;
    private final long[] present = new long[1 << (PRESENT_BITS - 6)];
    private int shortestStem = Integer.MAX_VALUE;
    /**
     * Per two-letter beginning, the lengths of the stems that begin so (bit {@code L} for length {@code L}, bit 63 for
     * 63 and longer): most words skip the stem search at once, and the others probe the stem table only at the
     * lengths some stem has (every length from the shortest stem up was probed, each a hash and a miss).
     */
    private final long[] stemLengths = new long[1 << 12];
    /**
     * One bit per hash bucket that holds a stem, like {@link #present} for words: a word's prefixes at the lengths
     * some stem has are mostly no stem, and each was a probe of the stem table (4% of tagging in a profile).
     */
    private static final int STEM_BITS = 16;
    private final long[] stemPresent = new long[1 << (STEM_BITS - 6)];

    /**
     * The words of names (added by {@link #add}), as opposed to words only topic terms use ({@link #addTermWord}): an
     * inflected word is taken back only to a name's form, never to a term's ("Sarajevu" to "Sarajevo", not to the
     * term word "Sarajeva").
     */
    private final java.util.BitSet names = new java.util.BitSet();
    /**
     * The words that are a whole name by themselves ("Одеса"), as opposed to words only inside longer names ("Одес" of
     * "Нижний Одес"): a word standing alone is taken back to a whole name before a part of one ("Одесу" is "Одеса").
     */
    private final java.util.BitSet oneWordNames = new java.util.BitSet();

    /** The id of a folded word of a name, adding it when new. */
    public int add(String folded) {
        int id = addTermWord(folded);
        names.set(id);
        return id;
    }

    /** Marks a word of a name as a whole name by itself ({@link #lemma}). */
    public void markOneWordName(int id) {
        oneWordNames.set(id);
    }

    /** The id of a folded word of a topic term, adding it when new: no base form for inflected words. */
    public int addTermWord(String folded) {
        char[] chars = folded.toCharArray();
        long hash = Tokenizer.hash(chars, 0, chars.length);
        int bit = bit(hash);
        present[bit >>> 6] |= 1L << bit;
        return intern(words, hash, chars);
    }

    private static int bit(long hash) {
        return (int) (hash >>> (64 - PRESENT_BITS));
    }

    private static int stemBit(long hash) {
        return (int) (hash >>> (64 - STEM_BITS));
    }

    /** The id of a folded stem (without its {@code *}), adding it when new; stems have ids like words. */
    public int addStem(String folded) {
        char[] chars = folded.toCharArray();
        shortestStem = Math.min(shortestStem, chars.length);
        long bit = 1L << Math.min(chars.length, 63);
        if (chars.length >= 2) {
            stemLengths[startKey(chars, 0)] |= bit;
        } else {
            for (int k = 0; k < stemLengths.length; k++) {
                stemLengths[k] |= bit;
            }
        }
        long hash = Tokenizer.hash(chars, 0, chars.length);
        int bucket = stemBit(hash);
        stemPresent[bucket >>> 6] |= 1L << bucket;
        return intern(stems, hash, chars);
    }

    private int intern(LongIntMap map, long hash, char[] chars) {
        int existing = find(map, hash, chars, 0, chars.length);
        if (existing != UNKNOWN) {
            return existing;
        }
        if (chars.length > Character.MAX_VALUE) {
            throw new IllegalArgumentException("word too long: " + chars.length + " chars");
        }
        int id = count++;
        if (id == offsets.length) {
            offsets = java.util.Arrays.copyOf(offsets, id * 2);
        }
        while (poolSize + 1 + chars.length > pool.length) {
            pool = java.util.Arrays.copyOf(pool, pool.length * 2);
        }
        int offset = poolSize;
        pool[offset] = (char) chars.length;
        System.arraycopy(chars, 0, pool, offset + 1, chars.length);
        poolSize += 1 + chars.length;
        offsets[id] = offset;
        putProbing(map, hash, (long) offset << 32 | id);
        return id;
    }

    /** The id of a folded word, or {@link #UNKNOWN}. */
    public int id(String folded) {
        char[] chars = folded.toCharArray();
        return find(words, Tokenizer.hash(chars, 0, chars.length), chars, 0, chars.length);
    }

    /** Number of words and stems. */
    public int size() {
        return count;
    }

    /** The folded spelling of an id. */
    public String spelling(int id) {
        int offset = offsets[id];
        return new String(pool, offset + 1, pool[offset]);
    }

    /** Looks every token of a text up: word ids and, where stems exist, the id of the longest stem each begins with. */
    public Lookup lookup(Tokens tokens) {
        return lookup(tokens, null);
    }

    /**
     * Looks every token of a text up, and, for the capitalised words of a language whose names inflect, the form its
     * dictionaries hold ({@link Inflection}): "Лаврова" is also "Лавров", "Russlands" also "Russland".
     *
     * @param language the text's ISO 639-1 code, or null
     */
    public Lookup lookup(Tokens tokens, String language) {
        int n = tokens.size();
        int[] ids = new int[n];
        int[] stemIds = stems.size() == 0 ? null : new int[n];
        String[][][] rules = Inflection.rulesByLastLetter(language);
        int[] lemmas = Inflection.rules(language).length == 0 ? null : new int[n];
        char[] folded = tokens.foldedChars();
        for (int i = 0; i < n; i++) {
            int from = tokens.foldStart(i);
            int length = tokens.foldLength(i);
            long hash = tokens.hash(i);
            int bit = bit(hash);
            ids[i] = (present[bit >>> 6] & (1L << bit)) == 0 ? UNKNOWN : find(words, hash, folded, from, length);
            if (stemIds != null) {
                stemIds[i] = longestStem(folded, from, length);
            }
            if (lemmas != null) {
                // and the lower-case words of a name ("Европске уније", "Evropskoj uniji")
                lemmas[i] = tokens.capitalized(i) || i > 0 && tokens.capitalized(i - 1)
                        ? lemma(folded, from, length, rules[Inflection.last(folded, from, length)], ids[i],
                        alone(tokens, i)) : UNKNOWN;
            }
        }
        return new Lookup(ids, stemIds, lemmas, this);
    }

    private static final int NAME_BREAK = Tokens.SENTENCE_START | Tokens.LINE_START | Tokens.AFTER_COMMA
            | Tokens.AFTER_PUNCTUATION | Tokens.AFTER_QUOTE;

    /** True when no capitalised word stands right before or after token {@code i}: it would be a name by itself. */
    private static boolean alone(Tokens tokens, int i) {
        return (i == 0 || !tokens.capitalized(i - 1) || (tokens.flags(i) & NAME_BREAK) != 0)
                && (i + 1 >= tokens.size() || !tokens.capitalized(i + 1) || (tokens.flags(i + 1) & NAME_BREAK) != 0);
    }

    /**
     * The id of the first base form a rule makes of a word that a name of the vocabulary has, or {@link #UNKNOWN}. A
     * stem keeps three letters, or two before a base of two ("Києва" is Київ). A word standing {@code alone} goes to
     * the first base form that is a whole name, if any ("Одесу" to "Одеса", not to the "Одес" of "Нижний Одес").
     */
    private int lemma(char[] chars, int from, int length, String[][] rules, int self, boolean alone) {
        int first = UNKNOWN;
        for (String[] rule : rules) {
            String ending = rule[0];
            String base = rule[1];
            int stem = length - ending.length();
            if (stem < (base.length() >= 2 ? 2 : 3) || !endsWith(chars, from, length, ending)) {
                continue;
            }
            // the candidate's hash without making it: the stem's letters, then the base's
            long hash = Tokenizer.hashMore(Tokenizer.hash(chars, from, stem), base);
            int bit = bit(hash);
            int id = (present[bit >>> 6] & (1L << bit)) == 0 ? UNKNOWN : findJoined(hash, chars, from, stem, base);
            if (id != UNKNOWN && id != self && names.get(id)) {
                if (!alone || oneWordNames.get(id)) {
                    return id;
                }
                if (first == UNKNOWN) {
                    first = id;
                }
            }
        }
        return first;
    }

    private static boolean endsWith(char[] chars, int from, int length, String ending) {
        int offset = from + length - ending.length();
        for (int k = 0; k < ending.length(); k++) {
            if (chars[offset + k] != ending.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int startKey(char[] chars, int from) {
        return (chars[from] * 31 + chars[from + 1]) & ((1 << 12) - 1);
    }

    private int longestStem(char[] chars, int from, int length) {
        if (length < shortestStem || length < 2) {
            return UNKNOWN;
        }
        long lengths = stemLengths[startKey(chars, from)];
        if (lengths == 0) {
            return UNKNOWN;
        }
        int longest = 63 - Long.numberOfLeadingZeros(lengths);
        int last = longest == 63 ? length : Math.min(length, longest);
        int found = UNKNOWN;
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < last; k++) {
            h ^= chars[from + k];
            h *= 0x100000001b3L;
            int bit = stemBit(h);
            if ((lengths & 1L << Math.min(k + 1, 63)) != 0 && (stemPresent[bit >>> 6] & 1L << bit) != 0) {
                int id = find(stems, h, chars, from, k + 1);
                if (id != UNKNOWN) {
                    found = id;
                }
            }
        }
        return found;
    }

    /** Approximate heap held by the tables, in bytes. */
    public long bytes() {
        return words.bytes() + stems.bytes() + present.length * 8L + stemPresent.length * 8L + 2L * pool.length
                + 4L * offsets.length;
    }

    // Colliding hashes (different words, same 64-bit hash) are chained by probing the hash plus a counter.
    private int find(LongIntMap map, long hash, char[] chars, int from, int length) {
        for (long probe = hash; ; probe++) {
            long entry = map.getLong(probe, MISSING);
            if (entry == MISSING) {
                return UNKNOWN;
            }
            int offset = (int) (entry >>> 32);
            if (pool[offset] == length && same(pool, offset + 1, chars, from, length)) {
                return (int) entry;
            }
        }
    }

    private static final long MISSING = -1;

    /** {@link #find} of a word spelled as {@code stem} chars of {@code chars} from {@code from}, then {@code base}. */
    private int findJoined(long hash, char[] chars, int from, int stem, String base) {
        int length = stem + base.length();
        for (long probe = hash; ; probe++) {
            long entry = words.getLong(probe, MISSING);
            if (entry == MISSING) {
                return UNKNOWN;
            }
            int offset = (int) (entry >>> 32);
            if (pool[offset] == length && same(pool, offset + 1, chars, from, stem)
                    && endsWith(pool, offset + 1, length, base)) {
                return (int) entry;
            }
        }
    }

    /**
     * A plain loop: words are a few letters long, and for those {@code Arrays.equals} over ranges (bounds checks,
     * then the vectorised mismatch) cost more than the comparison (a third of the look-up in a profile).
     */
    private static boolean same(char[] word, int offset, char[] chars, int from, int length) {
        for (int k = 0; k < length; k++) {
            if (word[offset + k] != chars[from + k]) {
                return false;
            }
        }
        return true;
    }

    private static void putProbing(LongIntMap map, long hash, long value) {
        long probe = hash;
        while (map.getLong(probe, MISSING) != MISSING) {
            probe++;
        }
        map.putLong(probe, value);
    }

    /**
     * The ids of one text's tokens.
     *
     * @param ids        word id per token, or {@link #UNKNOWN}
     * @param stems      longest-stem id per token, or {@link #UNKNOWN}; null when the vocabulary has no stems
     * @param lemmas     id of the base form of an inflected name per token, or {@link #UNKNOWN}; null when the
     *                   text's language has no inflection rules
     * @param vocabulary the vocabulary the ids are of
     */
    public record Lookup(int[] ids, int[] stems, int[] lemmas, Vocabulary vocabulary) {
        public int stem(int i) {
            return stems == null ? UNKNOWN : stems[i];
        }

        public int lemma(int i) {
            return lemmas == null ? UNKNOWN : lemmas[i];
        }

        /** The token's word as the dictionaries hold it: its base form when it is an inflected name. */
        public String base(Tokens tokens, int i) {
            int lemma = lemma(i);
            return lemma >= 0 ? vocabulary.spelling(lemma) : tokens.folded(i);
        }
    }
}
