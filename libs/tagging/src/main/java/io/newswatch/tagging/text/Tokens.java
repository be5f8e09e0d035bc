package io.newswatch.tagging.text;

/**
 * The words of one text, as parallel arrays (no object per token, the tagger's hot path allocates almost nothing).
 * Produced by {@link Tokenizer}; token {@code i} spans {@code text[start[i], end[i])} and folds to
 * {@code folded[foldStart[i], foldStart[i] + foldLength[i])}.
 */
public final class Tokens {

    /** Shape: first letter lower case. */
    public static final byte LOWER = 0;
    /** Shape: first letter upper case, not all upper case ("Montenegro"). */
    public static final byte CAPITALIZED = 1;
    /** Shape: all letters upper case ("NATO", "U"). */
    public static final byte UPPER = 2;
    /** Shape: starts with a digit. */
    public static final byte NUMBER = 3;
    /** Shape: a script without case (Arabic, Chinese...). */
    public static final byte UNCASED = 4;

    /** Flag: first word of a sentence. */
    public static final int SENTENCE_START = 1;
    /** Flag: first word of a line or paragraph. */
    public static final int LINE_START = 1 << 1;
    /** Flag: followed by a possessive 's, which is not part of the token. */
    public static final int POSSESSIVE = 1 << 2;
    /** Flag: inside boilerplate (captions, credits, copyright lines): never an entity. */
    public static final int BOILERPLATE = 1 << 3;
    /** Flag: part of the article's title. */
    public static final int TITLE = 1 << 4;
    /** Flag: joined to the previous word by a hyphen ("al-Assad", "NATO-Russia"). */
    public static final int AFTER_HYPHEN = 1 << 5;
    /** Flag: a comma stands between the previous word and this one. */
    public static final int AFTER_COMMA = 1 << 6;
    /** Flag: a quotation mark stands between the previous word and this one. */
    public static final int AFTER_QUOTE = 1 << 7;
    /** Flag: some other punctuation (colon, semicolon, parenthesis, dash) stands before this word. */
    public static final int AFTER_PUNCTUATION = 1 << 8;

    final String text;
    char[] folded;
    int foldedLength;
    int size;
    int[] start;
    int[] end;
    int[] foldStart;
    int[] foldLength;
    long[] hash;
    byte[] shape;
    int[] flags;
    /** Folded tokens made into strings so far: the finders ask for the same token many times. */
    private String[] foldedStrings;

    Tokens(String text, int capacity) {
        this.text = text;
        start = new int[capacity];
        end = new int[capacity];
        foldStart = new int[capacity];
        foldLength = new int[capacity];
        hash = new long[capacity];
        shape = new byte[capacity];
        flags = new int[capacity];
    }

    /** The text these tokens come from. */
    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    public byte shape(int i) {
        return shape[i];
    }

    public int flags(int i) {
        return flags[i];
    }

    public boolean has(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    /** Marks token {@code i} with a flag. */
    public void mark(int i, int flag) {
        flags[i] |= flag;
    }

    /** 64-bit FNV-1a hash of the folded token. */
    public long hash(int i) {
        return hash[i];
    }

    /** The token as written. */
    public String surface(int i) {
        return text.substring(start[i], end[i]);
    }

    /** The text from token {@code from} to token {@code to}, inclusive, as written. */
    public String surface(int from, int to) {
        return text.substring(start[from], end[to]);
    }

    /** The folded token as a string, made at the first call and kept for the next. */
    public String folded(int i) {
        if (foldedStrings == null || foldedStrings.length < size) {
            foldedStrings = foldedStrings == null ? new String[size] : java.util.Arrays.copyOf(foldedStrings, size);
        }
        String s = foldedStrings[i];
        if (s == null) {
            s = new String(folded, foldStart[i], foldLength[i]);
            foldedStrings[i] = s;
        }
        return s;
    }

    /** True when the folded token equals {@code word} (already folded). */
    public boolean is(int i, String word) {
        int length = foldLength[i];
        if (length != word.length()) {
            return false;
        }
        int offset = foldStart[i];
        for (int k = 0; k < length; k++) {
            if (folded[offset + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when the folded token ends with {@code ending} (already folded). */
    public boolean endsWith(int i, String ending) {
        int length = ending.length();
        if (foldLength[i] < length) {
            return false;
        }
        int offset = foldStart[i] + foldLength[i] - length;
        for (int k = 0; k < length; k++) {
            if (folded[offset + k] != ending.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when the folded token equals {@code length} chars of {@code chars} from {@code offset}. */
    boolean equalsFolded(int i, char[] chars, int offset, int length) {
        if (foldLength[i] != length) {
            return false;
        }
        int from = foldStart[i];
        for (int k = 0; k < length; k++) {
            if (folded[from + k] != chars[offset + k]) {
                return false;
            }
        }
        return true;
    }

    /** The buffer of folded characters (read-only by contract). */
    public char[] foldedChars() {
        return folded;
    }

    public int foldStart(int i) {
        return foldStart[i];
    }

    public int foldLength(int i) {
        return foldLength[i];
    }

    /** True when the token starts with an upper-case letter (capitalised or all caps). */
    public boolean capitalized(int i) {
        return shape[i] == CAPITALIZED || shape[i] == UPPER;
    }

    void grow() {
        int capacity = start.length * 2;
        start = java.util.Arrays.copyOf(start, capacity);
        end = java.util.Arrays.copyOf(end, capacity);
        foldStart = java.util.Arrays.copyOf(foldStart, capacity);
        foldLength = java.util.Arrays.copyOf(foldLength, capacity);
        hash = java.util.Arrays.copyOf(hash, capacity);
        shape = java.util.Arrays.copyOf(shape, capacity);
        flags = java.util.Arrays.copyOf(flags, capacity);
    }
}
