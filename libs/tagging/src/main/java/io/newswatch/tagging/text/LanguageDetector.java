package io.newswatch.tagging.text;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a text when the feed did not say, with Lingua (a well-kept n-gram detector) restricted to
 * the languages newswatch's sources write in, in its low-accuracy mode (trigrams only) on the first
 * {@value #SAMPLE} characters: accurate on news paragraphs, and cheap enough to keep tagging above 3,000 articles per
 * CPU-second (see the README's benchmark). Lingua does not tell Serbian, Croatian, Bosnian and Montenegrin written in
 * Latin letters apart reliably, and has no Montenegrin: {@link SouthSlavic} decides among them by the text's
 * vocabulary. Thread-safe; the models load once, at first use.
 *
 * <p>Lingua 1.2 costs about a millisecond of CPU per article over these languages (every trigram is looked up in
 * every Latin-script model), four times the rest of the tagging. Before it, a shortcut settles the clear cases of the
 * three Latin-script languages most articles come in: the first {@value #WORDS_SAMPLE} characters with at least
 * {@value #CLEAR_HITS} of one language's commonest function words ({@link #FUNCTION_WORDS}) and six times fewer of
 * the others' are that language (a fifth of the letters may be in another script: names quoted in Cyrillic); the
 * Cyrillic languages by their own letters, and Serbo-Croatian in Latin letters by its function words and
 * {@link SouthSlavic} (with Lingua over its three languages alone where the vocabulary does not decide). Everything
 * else (short texts, other languages, mixed samples) goes to Lingua. On the public evaluation sets (English, German,
 * French, Russian, Ukrainian, Croatian, Serbian news), the gold articles and the bench corpus the shortcuts never
 * disagreed with Lingua where it answered, but once (a Serbian article Lingua called Bosnian).
 */
public final class LanguageDetector {

    /** Characters read: enough for a few sentences, so the cost does not grow with the article. */
    static final int SAMPLE = 240;

    private static final Language[] LANGUAGES = {
            Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN, Language.PORTUGUESE,
            Language.DUTCH, Language.ROMANIAN, Language.POLISH, Language.CZECH, Language.SLOVAK, Language.SLOVENE,
            Language.CROATIAN, Language.BOSNIAN, Language.SERBIAN, Language.MACEDONIAN, Language.BULGARIAN,
            Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN, Language.ALBANIAN, Language.TURKISH,
            Language.HUNGARIAN, Language.FINNISH, Language.SWEDISH, Language.DANISH, Language.BOKMAL,
            Language.ESTONIAN, Language.LATVIAN, Language.LITHUANIAN, Language.GREEK, Language.ARABIC,
            Language.PERSIAN, Language.HEBREW, Language.GEORGIAN, Language.ARMENIAN, Language.AZERBAIJANI,
            Language.KAZAKH, Language.CHINESE, Language.JAPANESE, Language.KOREAN, Language.HINDI, Language.CATALAN,
            Language.INDONESIAN};

    private static final class Holder {
        static final com.github.pemistahl.lingua.api.LanguageDetector LINGUA = LanguageDetectorBuilder
                .fromLanguages(LANGUAGES).withLowAccuracyMode().withPreloadedLanguageModels().build();
        /** Serbian, Croatian and Bosnian only, for samples that are clearly one of them ({@link #bySouthSlavicLatin}). */
        static final com.github.pemistahl.lingua.api.LanguageDetector SERBO_CROATIAN = LanguageDetectorBuilder
                .fromLanguages(Language.SERBIAN, Language.CROATIAN, Language.BOSNIAN).withLowAccuracyMode()
                .withPreloadedLanguageModels().build();
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
    /** Function words of one language a sample needs for the shortcut to name it. */
    static final int CLEAR_HITS = 6;
    /** Characters the shortcut reads: counting words is cheap, and news leads are dense with names. */
    static final int WORDS_SAMPLE = 600;

    private LanguageDetector() {
    }

    /** Loads the models now (at start) rather than on the first article. */
    public static void load() {
        Holder.LINGUA.detectLanguageOf("newswatch");
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
            return southSlavic(sample);
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
        for (int i = 0; i < sample.length(); i++) {
            char c = Character.toLowerCase(sample.charAt(i));
            if (c == 'ć' || c == 'đ') {
                marks++;
            } else if ("łąęěřůýäôľĺŕťďňáéíóúőűöüàèìòù".indexOf(c) >= 0 || (c > 0x24F && Character.isLetter(c)
                    && c != 'ś' && c != 'ź')) {
                return null;
            }
        }
        if (marks == 0) {
            return null;
        }
        Tokens tokens = Tokenizer.tokenize(sample, "hr");
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
        String settled = southSlavic(sample);
        return settled != null ? settled : byLingua(Holder.SERBO_CROATIAN, linguaSample);
    }

    /** One of the four by {@link SouthSlavic}'s evidence, or null when it has none (its answer is then its default). */
    private static String southSlavic(String sample) {
        Tokens tokens = Tokenizer.tokenize(sample, "sr");
        String croatianDefault = SouthSlavic.refine(tokens, "hr");
        return croatianDefault.equals(SouthSlavic.refine(tokens, "sr")) ? croatianDefault : null;
    }

    /** The language of a sample by Lingua alone (no shortcut), or null when unsure. */
    static String byLingua(String sample) {
        return byLingua(Holder.LINGUA, sample);
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
        int en = 0;
        int de = 0;
        int fr = 0;
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
            if (FUNCTION_WORDS.get("en").contains(word)) {
                en++;
            } else if (FUNCTION_WORDS.get("de").contains(word)) {
                de++;
            } else if (FUNCTION_WORDS.get("fr").contains(word)) {
                fr++;
            }
        }
        if (foreign * 5 > latin + foreign || headForeign * 5 > headLatin + headForeign) {
            return null; // much of another script: Lingua
        }
        if (en >= CLEAR_HITS && 6 * (de + fr) <= en) {
            return "en";
        }
        if (de >= CLEAR_HITS && 6 * (en + fr) <= de) {
            return "de";
        }
        if (fr >= CLEAR_HITS && 6 * (en + de) <= fr) {
            return "fr";
        }
        return null;
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
