package io.newswatch.enricher.text;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.Locale;

/**
 * Guesses the language of a text when the feed did not say, with Lingua (a well-kept n-gram detector) restricted to
 * the languages newswatch's sources write in, in its low-accuracy mode (trigrams only) on the first
 * {@value #SAMPLE} characters: accurate on news paragraphs, and cheap enough to keep tagging above 3,000 articles per
 * CPU-second (see the README's benchmark). Lingua does not tell Serbian, Croatian, Bosnian and Montenegrin written in
 * Latin letters apart reliably, and has no Montenegrin: {@link SouthSlavic} decides among them by the text's
 * vocabulary. Thread-safe; the models load once, at first use.
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
    }

    private LanguageDetector() {
    }

    /** Loads the models now (at start) rather than on the first article. */
    public static void load() {
        Holder.LINGUA.detectLanguageOf("newswatch");
    }

    /** ISO 639-1 code of the text's language ({@code cnr} for Montenegrin, which has none), or null when unsure. */
    public static String detect(String text) {
        String sample = sample(text);
        if (letters(sample) < 12) {
            return null;
        }
        Language language = Holder.LINGUA.detectLanguageOf(sample);
        if (language == Language.UNKNOWN) {
            return null;
        }
        String code = code(language);
        return switch (code) {
            case "hr", "bs", "sr" -> SouthSlavic.refine(Tokenizer.tokenize(sample, code), code);
            default -> code;
        };
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
