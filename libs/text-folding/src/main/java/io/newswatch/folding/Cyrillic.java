package io.newswatch.folding;

/**
 * Cyrillic to ASCII Latin, one word at a time, in the schemes readers type names in. Table-driven and allocation-free
 * on the hot path; the context rules (a word's first letter, the letter before, {@code -ий} at the end) are the ones
 * that make the common spellings: {@code Ельцин} → {@code yeltsin}, {@code Дмитрий} → {@code dmitry}, {@code Київ}
 * → {@code kyiv}.
 */
public final class Cyrillic {

    /** A way of writing Cyrillic in Latin letters, folded to ASCII. */
    public enum Scheme {
        /**
         * Serbian, Montenegrin, Bosnian, Croatian and Macedonian: the region's own Latin alphabet, folded
         * ({@code Вучић} → {@code vucic}, {@code Ђукановић} → {@code djukanovic}); a Cyrillic text and its Latin
         * edition fold to the same words.
         */
        SOUTH_SLAVIC,
        /** Russian as English-language media write it: BGN/PCGN simplified ({@code Шойгу} → {@code shoygu}, {@code -ий} → {@code -y}). */
        RUSSIAN,
        /** Russian in strict BGN/PCGN ({@code Дмитрий} → {@code dmitriy}). */
        RUSSIAN_BGN,
        /** Russian with {@code й} as {@code i}, as many outlets write it ({@code Шойгу} → {@code shoigu}, {@code Сергей} → {@code sergei}). */
        RUSSIAN_I,
        /** Ukrainian in the national system, which BGN/PCGN adopted in 2019 ({@code Київ} → {@code kyiv}). */
        UKRAINIAN,
        /** Ukrainian in the older BGN/PCGN system, still in English use ({@code Зеленський} → {@code zelenskyy}). */
        UKRAINIAN_BGN,
        /** Russian as German media write it (Duden): {@code Лавров} → {@code lawrow}, {@code Шойгу} → {@code schoigu}, {@code Сергей} → {@code sergei}. */
        GERMAN,
        /** Ukrainian as German media write it: {@code Зеленський} → {@code selenskyj}. */
        GERMAN_UKRAINIAN,
        /** The scientific transliteration (ISO 9 family), folded: {@code Шойгу} → {@code sojgu}, {@code Зеленский} → {@code zelenskij}. */
        SCIENTIFIC;

        /** The scheme a text in this language (ISO 639-1, or null) folds its Cyrillic with. */
        public static Scheme forLanguage(String language) {
            if (language == null) {
                return RUSSIAN;
            }
            return switch (language) {
                case "sr", "bs", "hr", "me", "cnr", "sh", "mk" -> SOUTH_SLAVIC;
                case "uk" -> UKRAINIAN;
                default -> RUSSIAN;
            };
        }
    }

    private static final int BASE = 0x0400;
    private static final int SIZE = 0x0100;
    private static final String VOWELS = "аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ";
    /** Per scheme (by its ordinal), the spelling of each letter of the block. */
    private static final String[][] TABLES = new String[Scheme.values().length][SIZE];
    /**
     * Per character of the block, what the hot path asks of it, computed once from {@link Character} (a third of a
     * Cyrillic word's folding went to {@code Character.toLowerCase} in a profile): its lower case, its
     * {@link #marker}, and whether it is a vowel or a sign ({@link #isVowelOrSign}).
     */
    private static final char[] LOWER = new char[SIZE];
    private static final Scheme[] MARKER = new Scheme[SIZE];
    private static final boolean[] VOWEL_OR_SIGN = new boolean[SIZE];

    static {
        // lower-case letter, then its spelling per scheme in the order of Scheme.values()
        //            SOUTH  RU     RU_BGN RU_I   UK     UK_BGN DE      DE_UK   SCI
        row("а", "a", "a", "a", "a", "a", "a", "a", "a", "a");
        row("б", "b", "b", "b", "b", "b", "b", "b", "b", "b");
        row("в", "v", "v", "v", "v", "v", "v", "w", "w", "v");
        row("г", "g", "g", "g", "g", "h", "h", "g", "h", "g");
        row("ґ", "g", "g", "g", "g", "g", "g", "g", "g", "g");
        row("д", "d", "d", "d", "d", "d", "d", "d", "d", "d");
        row("ђ", "dj", "dj", "dj", "dj", "dj", "dj", "dj", "dj", "dj");
        row("ѓ", "gj", "gj", "gj", "gj", "gj", "gj", "gj", "gj", "gj");
        row("е", "e", "e", "e", "e", "e", "e", "e", "e", "e");
        row("ё", "e", "e", "e", "e", "yo", "yo", "jo", "jo", "e");
        row("є", "je", "ye", "ye", "ye", "ie", "ye", "je", "je", "je");
        row("ж", "z", "zh", "zh", "zh", "zh", "zh", "sch", "sch", "z");
        row("з", "z", "z", "z", "z", "z", "z", "s", "s", "z");
        row("ѕ", "dz", "dz", "dz", "dz", "dz", "dz", "dz", "dz", "dz");
        row("и", "i", "i", "i", "i", "y", "y", "i", "y", "i");
        row("і", "i", "i", "i", "i", "i", "i", "i", "i", "i");
        row("ї", "ji", "yi", "yi", "yi", "i", "yi", "ji", "ji", "ji");
        row("й", "j", "y", "y", "i", "i", "y", "i", "j", "j");
        row("ј", "j", "j", "j", "j", "j", "j", "j", "j", "j");
        row("к", "k", "k", "k", "k", "k", "k", "k", "k", "k");
        row("л", "l", "l", "l", "l", "l", "l", "l", "l", "l");
        row("љ", "lj", "lj", "lj", "lj", "lj", "lj", "lj", "lj", "lj");
        row("м", "m", "m", "m", "m", "m", "m", "m", "m", "m");
        row("н", "n", "n", "n", "n", "n", "n", "n", "n", "n");
        row("њ", "nj", "nj", "nj", "nj", "nj", "nj", "nj", "nj", "nj");
        row("о", "o", "o", "o", "o", "o", "o", "o", "o", "o");
        row("п", "p", "p", "p", "p", "p", "p", "p", "p", "p");
        row("р", "r", "r", "r", "r", "r", "r", "r", "r", "r");
        row("с", "s", "s", "s", "s", "s", "s", "s", "s", "s");
        row("т", "t", "t", "t", "t", "t", "t", "t", "t", "t");
        row("ћ", "c", "c", "c", "c", "c", "c", "c", "c", "c");
        row("ќ", "kj", "kj", "kj", "kj", "kj", "kj", "kj", "kj", "kj");
        row("у", "u", "u", "u", "u", "u", "u", "u", "u", "u");
        row("ў", "u", "w", "w", "w", "w", "w", "w", "w", "u");
        row("ф", "f", "f", "f", "f", "f", "f", "f", "f", "f");
        row("х", "h", "kh", "kh", "kh", "kh", "kh", "ch", "ch", "h");
        row("ц", "c", "ts", "ts", "ts", "ts", "ts", "z", "z", "c");
        row("ч", "c", "ch", "ch", "ch", "ch", "ch", "tsch", "tsch", "c");
        row("џ", "dz", "dzh", "dzh", "dzh", "dzh", "dzh", "dsch", "dsch", "dz");
        row("ш", "s", "sh", "sh", "sh", "sh", "sh", "sch", "sch", "s");
        row("щ", "st", "shch", "shch", "shch", "shch", "shch", "schtsch", "schtsch", "sc");
        row("ъ", "", "", "", "", "", "", "", "", "");
        row("ы", "y", "y", "y", "y", "y", "y", "y", "y", "y");
        row("ь", "", "", "", "", "", "", "", "", "");
        row("э", "e", "e", "e", "e", "e", "e", "e", "e", "e");
        row("ю", "ju", "yu", "yu", "yu", "iu", "yu", "ju", "ju", "ju");
        row("я", "ja", "ya", "ya", "ya", "ia", "ya", "ja", "ja", "ja");
        for (int k = 0; k < SIZE; k++) {
            char c = (char) (BASE + k);
            LOWER[k] = Character.toLowerCase(c);
            MARKER[k] = marker(LOWER[k]);
            VOWEL_OR_SIGN[k] = VOWELS.indexOf(c) >= 0 || c == 'ь' || c == 'ъ' || c == 'Ь' || c == 'Ъ'
                    || !Character.isLetter(c);
        }
    }

    private static void row(String letter, String... spellings) {
        char lower = letter.charAt(0);
        char upper = Character.toUpperCase(lower);
        Scheme[] schemes = Scheme.values();
        for (int s = 0; s < schemes.length; s++) {
            String[] table = TABLES[schemes[s].ordinal()];
            table[lower - BASE] = spellings[s];
            table[upper - BASE] = spellings[s];
        }
    }

    private Cyrillic() {
    }

    /** True for a letter of the Cyrillic block. */
    public static boolean isCyrillic(char c) {
        return c >= BASE && c < BASE + SIZE;
    }

    /**
     * The scheme one word is written in: Serbian and Macedonian letters (ђ ћ ј љ њ џ ѓ ќ ѕ) make it South Slavic and
     * Ukrainian letters (і ї є ґ) Ukrainian, whatever the text's language; otherwise the text's scheme. Only the
     * schemes a text folds in ({@link Scheme#forLanguage}) give way to the letters; the others are spellings asked for.
     */
    public static Scheme schemeOf(CharSequence text, int from, int to, Scheme textScheme) {
        if (textScheme != Scheme.RUSSIAN && textScheme != Scheme.SOUTH_SLAVIC && textScheme != Scheme.UKRAINIAN) {
            return textScheme;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // an ASCII character lower-cases to ASCII: never a marker
            Scheme marker = isCyrillic(c) ? MARKER[c - BASE] : c < 0x80 ? null : marker(Character.toLowerCase(c));
            if (marker != null) {
                return marker;
            }
        }
        return textScheme;
    }

    /** The scheme a lower-case letter marks a word as written in, or null for a letter of every scheme. */
    private static Scheme marker(char lower) {
        return switch (lower) {
            case 'ђ', 'ћ', 'ј', 'љ', 'њ', 'џ', 'ѓ', 'ќ', 'ѕ' -> Scheme.SOUTH_SLAVIC;
            case 'і', 'ї', 'є', 'ґ' -> Scheme.UKRAINIAN;
            default -> null;
        };
    }

    private static char lower(char c) {
        return isCyrillic(c) ? LOWER[c - BASE] : Character.toLowerCase(c);
    }

    /**
     * The ASCII spelling of the Cyrillic letter {@code text[i]} in a word spanning {@code [from, to)}, lower case;
     * null for a character of the block that is not a letter of these languages (it is then only lower-cased).
     * Returns the number of Cyrillic characters consumed through {@code consumed[0]} (2 for a word-final {@code ий}).
     */
    static String letter(CharSequence text, int i, int from, int to, Scheme scheme, int[] consumed) {
        char c = text.charAt(i);
        consumed[0] = 1;
        String base = TABLES[scheme.ordinal()][c - BASE];
        if (base == null) {
            return null;
        }
        char lower = LOWER[c - BASE];
        boolean initial = i == from || isVowelOrSign(text.charAt(i - 1));
        switch (scheme) {
            case RUSSIAN, RUSSIAN_BGN, RUSSIAN_I, GERMAN -> {
                if (lower == 'е' || lower == 'ё') {
                    if (initial) {
                        return scheme == Scheme.GERMAN ? (lower == 'е' ? "je" : "jo") : "ye";
                    }
                    return lower == 'ё' && scheme == Scheme.GERMAN ? "jo" : "e";
                }
                if ((lower == 'и' || lower == 'ы') && i + 2 == to && lower(text.charAt(i + 1)) == 'й') {
                    consumed[0] = 2; // Дмитрий → Dmitry (BGN: Dmitriy; German: Dmitri)
                    return switch (scheme) {
                        case RUSSIAN_BGN -> lower == 'и' ? "iy" : "yy";
                        case GERMAN -> lower == 'и' ? "i" : "y";
                        default -> "y";
                    };
                }
                return base;
            }
            case UKRAINIAN -> {
                if (i == from) {
                    switch (lower) {
                        case 'є' -> {
                            return "ye";
                        }
                        case 'ї' -> {
                            return "yi";
                        }
                        case 'й' -> {
                            return "y";
                        }
                        case 'ю' -> {
                            return "yu";
                        }
                        case 'я' -> {
                            return "ya";
                        }
                        default -> {
                            return base;
                        }
                    }
                }
                return base;
            }
            default -> {
                return base;
            }
        }
    }

    private static boolean isVowelOrSign(char c) {
        return isCyrillic(c) ? VOWEL_OR_SIGN[c - BASE] : !Character.isLetter(c); // the vowels and signs are Cyrillic
    }
}
