package io.newswatch.tagging.text;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Guesses the language of a text when the feed did not say, with Lingua (a well-kept n-gram detector) restricted to
 * the languages newswatch's sources write in, in its low-accuracy mode (trigrams only) on the first
 * {@value #SAMPLE} characters: accurate on news paragraphs, and cheap enough to keep tagging above 3,000 articles per
 * CPU-second (see the README's benchmark). Lingua does not tell Serbian, Croatian, Bosnian and Montenegrin written in
 * Latin letters apart reliably, and has no Montenegrin: {@link SouthSlavic} decides among them by the text's
 * vocabulary. Thread-safe; the models load once, at first use.
 *
 * <p>Why shortcuts before Lingua rather than a smaller sample or fewer languages: Lingua 1.2 costs about 1.3 ms of
 * process CPU per sample over these languages (every trigram looked up in every model of the script, on the common
 * fork-join pool), four times the rest of the tagging, and shrinking it loses accuracy; the languages most articles
 * come in say themselves clearly in their function words and letters, at 15-20 µs. So: the first
 * {@value #WORDS_SAMPLE} characters with at least {@value #CLEAR_HITS} of English, German or French function words
 * ({@link #FUNCTION_WORDS}), six times fewer of the others' (Serbo-Croatian's counted too), and a head (what Lingua
 * reads) that agrees, are that language; the Cyrillic languages by their own letters; Serbo-Croatian in Latin
 * letters by {@code ć}/{@code đ}, its function words and a Latin head; and {@link SouthSlavic} tells Serbian,
 * Croatian, Bosnian and Montenegrin apart (Lingua over Croatian and Bosnian alone where their vocabulary says
 * nothing). Everything else (short texts, other languages, mixed heads) goes to Lingua over the languages of the
 * sample's script. On the public evaluation sets (4,400 articles and sentences in eight languages), the gold and the
 * bench corpus the shortcuts answer as before or better ({@code EvaluationTool --languages-only}).
 */
public final class LanguageDetector {

    /** Characters read: enough for a few sentences, so the cost does not grow with the article. */
    static final int SAMPLE = 240;

    /** The languages newswatch's sources write in Latin letters (Lingua's Serbian is Cyrillic only). */
    private static final Language[] LATIN = {
            Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE,
            Language.DUTCH, Language.ROMANIAN, Language.POLISH, Language.CZECH, Language.SLOVAK, Language.SLOVENE,
            Language.CROATIAN, Language.BOSNIAN, Language.ALBANIAN, Language.TURKISH, Language.HUNGARIAN,
            Language.FINNISH, Language.SWEDISH, Language.DANISH, Language.BOKMAL, Language.ESTONIAN, Language.LATVIAN,
            Language.LITHUANIAN, Language.AZERBAIJANI, Language.CATALAN, Language.INDONESIAN};
    /** ... in Cyrillic letters. */
    private static final Language[] CYRILLIC = {
            Language.SERBIAN, Language.MACEDONIAN, Language.BULGARIAN, Language.RUSSIAN, Language.UKRAINIAN,
            Language.BELARUSIAN, Language.KAZAKH};
    /** ... in other scripts. */
    private static final Language[] OTHER = {
            Language.GREEK, Language.ARABIC, Language.PERSIAN, Language.HEBREW, Language.GEORGIAN, Language.ARMENIAN,
            Language.CHINESE, Language.JAPANESE, Language.KOREAN, Language.HINDI};

    /**
     * Lingua's cost grows with the languages it weighs (about 40 µs of CPU each per sample): the sample's script
     * picks the detector, so a Latin sample is weighed against the Latin-script languages only, a Cyrillic one
     * against the Cyrillic ones; a sample of mixed or other scripts gets all of them. Lingua itself keeps only the
     * languages of a sample's most frequent alphabet, so the answers are the same.
     */
    private static final class Holder {
        static final com.github.pemistahl.lingua.api.LanguageDetector ALL = lingua(Stream.of(LATIN, CYRILLIC, OTHER)
                .flatMap(Arrays::stream).toArray(Language[]::new));
        static final com.github.pemistahl.lingua.api.LanguageDetector LATIN_ONLY = lingua(LATIN);
        static final com.github.pemistahl.lingua.api.LanguageDetector CYRILLIC_ONLY = lingua(CYRILLIC);
        /** Croatian and Bosnian only, for Latin samples that are clearly Serbo-Croatian ({@link #bySouthSlavicLatin}). */
        static final com.github.pemistahl.lingua.api.LanguageDetector SERBO_CROATIAN = lingua(Language.CROATIAN,
                Language.BOSNIAN);

        private static com.github.pemistahl.lingua.api.LanguageDetector lingua(Language... languages) {
            return LanguageDetectorBuilder.fromLanguages(languages).withLowAccuracyMode()
                    .withPreloadedLanguageModels().build();
        }
    }

    /** Function words that tell English, German and French apart (lower case, as written; none is in two lists). */
    static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "of", "that", "with", "was", "were", "said", "has", "have", "which", "from",
                    "this", "their", "would", "been", "for", "are", "after", "but", "not", "they", "will", "who"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "sich", "auch", "auf", "für", "wurde",
                    "sind", "wird", "nach", "bei", "sagte", "werden", "einem", "einer", "eines", "dass", "hatte",
                    "haben", "noch", "vom", "zum", "zur"),
            "fr", Set.of("les", "et", "est", "dans", "pour", "qui", "pas", "sur", "avec", "ont", "mais", "été", "aux",
                    "une", "cette", "leur", "selon", "elle", "ses", "ces", "sont", "du"));
    /**
     * Serbo-Croatian function words (as written, lower case) that none of the lists above has, nor French or German: a Serbian lead
     * followed by an English paragraph is not English.
     */
    private static final Set<String> SERBO_CROATIAN_WORDS = Set.of("su", "koji", "koja", "koje", "što", "kao",
            "nije", "će", "ali", "ili", "kako", "jer", "već", "nakon", "prema", "iz", "od", "za", "bio", "bila",
            "biti", "rekao", "rekla");
    /**
     * The commonest Serbo-Croatian words, some of which French or German also write ({@code je}, {@code se},
     * {@code da}): a language the function words name must have more of its own than of these in the head.
     */
    private static final Set<String> SERBO_CROATIAN_HEAD_WORDS = Set.of("je", "da", "se", "na", "za", "od", "su",
            "koji", "koja", "koje", "što", "sa", "iz", "kao", "nije", "će", "bi", "ali", "ili", "kako", "jer", "već");
    private static final int EN = 0;
    private static final int DE = 1;
    private static final int FR = 2;
    private static final int SH = 3;
    private static final String[] CODES = {"en", "de", "fr"};
    /** Function words of one language a sample needs for the shortcut to name it. */
    static final int CLEAR_HITS = 6;
    /** Characters the shortcut reads: counting words is cheap, and news leads are dense with names. */
    static final int WORDS_SAMPLE = 600;

    private LanguageDetector() {
    }

    /** Loads the models now (at start) rather than on the first article. */
    public static void load() {
        Holder.ALL.detectLanguageOf("newswatch");
        Holder.LATIN_ONLY.detectLanguageOf("newswatch");
        Holder.CYRILLIC_ONLY.detectLanguageOf("новости");
        Holder.SERBO_CROATIAN.detectLanguageOf("newswatch");
    }

    /** ISO 639-1 code of the text's language ({@code cnr} for Montenegrin, which has none), or null when unsure. */
    public static String detect(String text) {
        String sample = sample(text);
        if (letters(sample) < 12) {
            return null;
        }
        String words = text.length() <= WORDS_SAMPLE ? text : text.substring(0, WORDS_SAMPLE);
        String clear = byFunctionWords(words, sample.length());
        if (clear == null) {
            clear = byCyrillicLetters(words, sample.length());
        }
        if (clear == null) {
            clear = bySouthSlavicLatin(words, sample);
        }
        return clear != null ? clear : byLingua(sample);
    }

    /**
     * Russian, Ukrainian or Serbian when the sample is Cyrillic and has letters only one of them writes, at least
     * twice, and none that only the others write (Russian {@code ы э ё}; Ukrainian {@code і ї є ґ}; Serbian
     * {@code ђ ћ}, with Montenegrin told apart by {@link SouthSlavic}); else null (Belarusian, Bulgarian, Macedonian,
     * Kazakh and mixed samples go to Lingua).
     */
    static String byCyrillicLetters(String sample) {
        return byCyrillicLetters(sample, Math.min(sample.length(), SAMPLE));
    }

    /**
     * As {@link #byCyrillicLetters(String)}, with the share of Cyrillic letters asked of the first {@code linguaEnd}
     * characters (what Lingua would read: at least nine in ten) and of the whole sample (at least three in four), so
     * that a Serbian article quoting a Latin name or two further down is still answered here.
     */
    static String byCyrillicLetters(String sample, int linguaEnd) {
        int cyrillic = 0;
        int letters = 0;
        int headCyrillic = 0;
        int headLetters = 0;
        int ru = 0;
        int uk = 0;
        int sr = 0;
        int others = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = Character.toLowerCase(sample.charAt(i));
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            headLetters += i < linguaEnd ? 1 : 0;
            if (c < 0x400 || c > 0x4FF) {
                continue;
            }
            cyrillic++;
            headCyrillic += i < linguaEnd ? 1 : 0;
            switch (c) {
                case 'ы', 'э', 'ё' -> ru++;
                case 'і', 'ї', 'є', 'ґ' -> uk++;
                case 'ђ', 'ћ' -> sr++;
                // Belarusian ў, Macedonian ѓ ќ ѕ, Kazakh ә ғ қ ң ө ұ ү һ, and ј љ њ џ (Serbian and Macedonian)
                case 'ў', 'ѓ', 'ќ', 'ѕ', 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ' -> others++;
                default -> { }
            }
        }
        if (cyrillic < 40 || headCyrillic * 10 < headLetters * 9 || cyrillic * 4 < letters * 3 || others > 0) {
            return null;
        }
        if (ru >= 2 && uk == 0 && sr == 0) {
            return "ru";
        }
        if (uk >= 2 && ru == 0 && sr == 0) {
            return "uk";
        }
        if (sr >= 2 && ru == 0 && uk == 0) {
            return SouthSlavic.refine(Tokenizer.tokenize(sample, "sr"), "sr");
        }
        return null;
    }

    /** Function words of Serbian, Croatian, Bosnian and Montenegrin in Latin letters (folded: {@code sto}). */
    private static final Set<String> SOUTH_SLAVIC_WORDS = Set.of("je", "i", "u", "da", "se", "na", "za", "od", "su",
            "koji", "koja", "koje", "sto", "sta", "sa", "iz", "kao", "nije", "ce", "bi", "ali", "ili", "kako", "jer",
            "vec", "biti", "bio", "bila", "nakon", "prema", "ima");
    /** Words of Slovene, which shares much of the above. */
    private static final Set<String> SLOVENE_WORDS = Set.of("in", "ki", "tudi", "bo", "so", "bil", "kot");

    /**
     * Serbian, Croatian, Bosnian or Montenegrin in Latin letters when the sample has {@code ć} or {@code đ}, at least
     * {@value #CLEAR_HITS} of their function words, at most one of Slovene's (and six times fewer) and no letter of Polish, Czech or Slovak, and
     * {@link SouthSlavic} finds evidence for one of the four; else null (Lingua decides).
     */
    static String bySouthSlavicLatin(String sample) {
        return bySouthSlavicLatin(sample, sample(sample));
    }

    /**
     * As {@link #bySouthSlavicLatin(String)}; where the vocabulary does not settle which of the four it is, Lingua
     * decides among Serbian, Croatian and Bosnian alone, on {@code linguaSample} as {@link #byLingua} would, and
     * {@link SouthSlavic} refines its answer as there: the sample is clearly one of them (the checks above), and
     * Lingua's scores of these three do not depend on which other languages it weighs, so the answer is the full
     * detector's at a fifteenth of the cost.
     */
    static String bySouthSlavicLatin(String sample, String linguaSample) {
        int marks = 0;
        int foreign = 0;
        int otherScript = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = Character.toLowerCase(sample.charAt(i));
            if (c == 'ć' || c == 'đ') {
                marks++;
            } else if (i >= linguaSample.length() || !Character.isLetter(c)) {
                continue;
            } else if ("łąęěřůýäôľĺŕťďňáéíóúőűöüàèìòù".indexOf(c) >= 0) {
                foreign++;
            } else if (c > 0x24F) {
                otherScript++;
            }
        }
        // the head (what Lingua reads) decides: a foreign name or two there (José, Müller) is news as usual, while
        // Polish, Czech and Slovak write their own letters in every other word; further down, another language's
        // paragraph or a quotation in Cyrillic does not change the answer
        if (marks == 0 || foreign > 2 || otherScript > 0) {
            return null;
        }
        Tokens tokens = Tokenizer.tokenize(sample, "sr");
        int hits = 0;
        int slovene = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.foldLength(i) > 6) {
                continue;
            }
            String word = tokens.folded(i);
            slovene += SLOVENE_WORDS.contains(word) ? 1 : 0;
            hits += SOUTH_SLAVIC_WORDS.contains(word) ? 1 : 0;
        }
        // one "in" may be an English phrase quoted further down; Slovene writes its "in", "ki", "so" all the time
        if (hits < CLEAR_HITS || slovene >= 2 || slovene * 6 > hits) {
            return null;
        }
        String settled = SouthSlavic.refine(tokens, null);
        return settled != null ? settled : byLingua(Holder.SERBO_CROATIAN, linguaSample);
    }

    /**
     * The language of a sample by Lingua alone (no shortcut), or null when unsure; Lingua weighs only the languages
     * of the sample's script when nine in ten of its letters are Latin, or Cyrillic.
     */
    static String byLingua(String sample) {
        int latin = 0;
        int cyrillic = 0;
        int letters = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                latin += c <= 0x24F ? 1 : 0;
                cyrillic += c >= 0x400 && c <= 0x4FF ? 1 : 0;
            }
        }
        var lingua = latin * 10 >= letters * 9 ? Holder.LATIN_ONLY
                : cyrillic * 10 >= letters * 9 ? Holder.CYRILLIC_ONLY : Holder.ALL;
        return byLingua(lingua, sample);
    }

    private static String byLingua(com.github.pemistahl.lingua.api.LanguageDetector lingua, String sample) {
        Language language = lingua.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return null;
        }
        String code = code(language);
        return switch (code) {
            case "hr", "bs", "sr" -> SouthSlavic.refine(Tokenizer.tokenize(sample, code), code);
            default -> code;
        };
    }

    /**
     * English, German or French when the sample's function words say so clearly ({@value #CLEAR_HITS} of one
     * language, six times fewer of the others), else null.
     */
    static String byFunctionWords(String sample) {
        return byFunctionWords(sample, Math.min(sample.length(), SAMPLE));
    }

    /**
     * As {@link #byFunctionWords(String)}; words in another script (a Russian name or quotation in an English
     * report) are allowed while they hold at most a fifth of the letters, both of the whole sample and of its first
     * {@code linguaEnd} characters (what Lingua would read).
     */
    static String byFunctionWords(String sample, int linguaEnd) {
        int[] hits = new int[4];
        int[] headHits = new int[4];
        int headSerboCroatian = 0;
        int latin = 0;
        int foreign = 0;
        int headLatin = 0;
        int headForeign = 0;
        int i = 0;
        int n = sample.length();
        while (i < n) {
            char c = sample.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean other = false;
            while (i < n && Character.isLetter(c = sample.charAt(i))) {
                other |= c > 0x24F;
                i++;
            }
            int head = Math.max(0, Math.min(i, linguaEnd) - start);
            if (other) {
                foreign += i - start;
                headForeign += head;
                continue;
            }
            latin += i - start;
            headLatin += head;
            if (i - start > 6) {
                continue;
            }
            String word = sample.substring(start, i).toLowerCase(Locale.ROOT);
            int language = FUNCTION_WORDS.get("en").contains(word) ? EN
                    : FUNCTION_WORDS.get("de").contains(word) ? DE
                    : FUNCTION_WORDS.get("fr").contains(word) ? FR
                    : SERBO_CROATIAN_WORDS.contains(word) ? SH : -1;
            if (language >= 0) {
                hits[language]++;
                headHits[language] += start < linguaEnd ? 1 : 0;
            }
            headSerboCroatian += start < linguaEnd && SERBO_CROATIAN_HEAD_WORDS.contains(word) ? 1 : 0;
        }
        if (!hasSouthSlavicLetters(sample, linguaEnd)) {
            headSerboCroatian = 0; // je, se, sa in French are French
        }
        // Lingua reads the head: another script there (more than a fifth) is for Lingua; further down (a quotation,
        // another paragraph) it does not change Lingua's answer, so it may hold up to half the letters
        if (foreign * 2 > latin + foreign || headForeign * 5 > headLatin + headForeign) {
            return null;
        }
        for (int language : new int[]{EN, DE, FR}) {
            int others = hits[EN] + hits[DE] + hits[FR] + hits[SH] - hits[language];
            int headOthers = headHits[EN] + headHits[DE] + headHits[FR] + headHits[SH] - headHits[language];
            // clear in the whole sample; or clear in the head (what Lingua reads) with a paragraph in another
            // language further down
            if (hits[language] >= CLEAR_HITS && (headSerboCroatian == 0 || headHits[language] > headSerboCroatian)
                    && (6 * others <= hits[language] || headHits[language] >= CLEAR_HITS - 2 && headOthers == 0)) {
                return CODES[language];
            }
        }
        return null;
    }

    private static boolean hasSouthSlavicLetters(String sample, int end) {
        for (int i = 0; i < end && i < sample.length(); i++) {
            if ("čćšžđČĆŠŽĐ".indexOf(sample.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String code(Language language) {
        return switch (language) {
            case BOKMAL -> "no";
            default -> language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
        };
    }

    /** The first characters of the text, cut at a word boundary. */
    private static String sample(String text) {
        if (text.length() <= SAMPLE) {
            return text;
        }
        int end = SAMPLE;
        while (end < text.length() && end < SAMPLE + 40 && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static int letters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 12; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }
}
