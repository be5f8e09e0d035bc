package io.newswatch.enricher.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses the language of a text when the feed did not say: first by script (Cyrillic letters that only some
 * languages use, Greek, Arabic, Hebrew, Georgian, Armenian, CJK...), then, for Latin script, by counting the
 * function words of 25 languages. Reads at most the first {@value #SAMPLE} characters, so its cost does not grow
 * with the article. Returns null when there is too little evidence to say.
 */
public final class LanguageDetector {

    private static final int SAMPLE = 2000;
    private static final int MIN_EVIDENCE = 3;

    private static final Map<String, List<String>> FUNCTION_WORDS = Map.ofEntries(
            Map.entry("en", List.of("the", "and", "of", "to", "is", "in", "that", "was", "for", "with", "on", "said", "have", "it", "by", "which", "are", "has", "not", "this")),
            Map.entry("fr", List.of("le", "la", "les", "et", "des", "est", "une", "du", "dans", "que", "qui", "pour", "pas", "sur", "au", "avec", "ont", "sont", "aux", "cette")),
            Map.entry("de", List.of("der", "die", "und", "das", "ist", "nicht", "ein", "eine", "mit", "sich", "auf", "den", "dem", "zu", "von", "wird", "auch", "dass", "fur", "im")),
            Map.entry("es", List.of("el", "los", "las", "y", "del", "que", "en", "por", "una", "con", "para", "es", "se", "su", "al", "como", "mas", "pero", "fue", "este")),
            Map.entry("it", List.of("il", "di", "che", "e", "della", "per", "non", "sono", "gli", "una", "del", "con", "le", "nel", "alla", "anche", "dei", "ha", "questo", "delle")),
            Map.entry("pt", List.of("de", "que", "os", "do", "da", "em", "um", "uma", "para", "com", "nao", "por", "mais", "das", "dos", "como", "foi", "ao", "pelo", "sao")),
            Map.entry("nl", List.of("de", "het", "een", "van", "en", "is", "dat", "op", "niet", "zijn", "voor", "met", "ook", "aan", "wordt", "door", "naar", "bij", "dit", "heeft")),
            Map.entry("ro", List.of("si", "de", "la", "cu", "pe", "care", "este", "din", "un", "o", "pentru", "mai", "sunt", "fost", "au", "ca", "lui", "nu", "acest", "fi")),
            Map.entry("pl", List.of("i", "w", "nie", "na", "sie", "z", "jest", "do", "ze", "to", "jak", "po", "przez", "oraz", "tak", "ale", "dla", "od", "byl", "jego")),
            Map.entry("cs", List.of("a", "v", "se", "na", "je", "ze", "to", "s", "z", "do", "jako", "ale", "by", "jsou", "byl", "podle", "pro", "take", "jeho", "bylo")),
            Map.entry("sk", List.of("a", "v", "sa", "na", "je", "ze", "to", "s", "z", "do", "ako", "ale", "by", "su", "bol", "podla", "pre", "tiez", "jeho", "aj")),
            Map.entry("sl", List.of("in", "je", "v", "na", "se", "da", "za", "so", "ki", "pa", "bi", "tudi", "ne", "ali", "bo", "od", "po", "kot", "smo", "sta")),
            Map.entry("hr", List.of("i", "je", "u", "na", "se", "da", "za", "su", "od", "koji", "kao", "sa", "iz", "ali", "bi", "ce", "sto", "nije", "prije", "biti")),
            Map.entry("sq", List.of("dhe", "te", "ne", "nje", "per", "qe", "eshte", "nga", "me", "se", "e", "i", "ka", "jane", "do", "si", "por", "kjo", "ky", "u")),
            Map.entry("tr", List.of("ve", "bir", "bu", "icin", "ile", "da", "de", "olarak", "olan", "gibi", "daha", "en", "ise", "ama", "kadar", "sonra", "cok", "ne", "oldu", "var")),
            Map.entry("hu", List.of("a", "az", "es", "hogy", "nem", "egy", "is", "van", "meg", "mint", "de", "ami", "volt", "csak", "mar", "el", "kell", "pedig", "ezt", "vagy")),
            Map.entry("fi", List.of("ja", "on", "etta", "ei", "se", "oli", "ovat", "mutta", "myos", "kun", "han", "ole", "joka", "tai", "sen", "niin", "jo", "kanssa", "mukaan", "hanen")),
            Map.entry("sv", List.of("och", "att", "det", "som", "ar", "pa", "for", "med", "inte", "en", "av", "har", "till", "den", "om", "var", "ett", "sig", "men", "fran")),
            Map.entry("da", List.of("og", "at", "det", "som", "er", "pa", "for", "med", "ikke", "af", "en", "har", "til", "den", "der", "var", "et", "sig", "men", "fra")),
            Map.entry("no", List.of("og", "at", "det", "som", "er", "pa", "for", "med", "ikke", "av", "en", "har", "til", "den", "var", "et", "seg", "men", "fra", "ble")),
            Map.entry("et", List.of("ja", "on", "et", "ei", "see", "ka", "oli", "mis", "kui", "aga", "ta", "nad", "oma", "ning", "siis", "tema", "pole", "veel", "kes", "nii")),
            Map.entry("lv", List.of("un", "ir", "ar", "kas", "par", "no", "uz", "ka", "ta", "bet", "vai", "tas", "ari", "jau", "ir", "lai", "pie", "bija", "tika", "tiek")),
            Map.entry("lt", List.of("ir", "kad", "yra", "su", "i", "is", "del", "bet", "kaip", "jo", "tai", "buvo", "o", "kuris", "taip", "per", "ar", "jau", "nuo", "apie")),
            Map.entry("id", List.of("dan", "yang", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke", "ada", "oleh", "sebagai", "karena", "mereka", "telah")),
            Map.entry("ca", List.of("el", "la", "i", "els", "les", "de", "que", "amb", "per", "una", "del", "es", "va", "seva", "als", "pel", "aquest", "mes", "pero", "tambe")));

    /** Languages in a fixed order: scores are arrays indexed like this. */
    private static final String[] LANGUAGES = FUNCTION_WORDS.keySet().stream().sorted().toArray(String[]::new);
    /** Function words, and per word its weight in each language (a word of several languages weighs less in each). */
    private static final List<String> WORDS = new java.util.ArrayList<>();
    private static final List<double[]> WEIGHTS = new java.util.ArrayList<>();
    /** Folded-word hash to index in {@link #WORDS}, so that detection allocates nothing per word. */
    private static final io.newswatch.enricher.match.LongIntMap INDEX = new io.newswatch.enricher.match.LongIntMap(1024);

    static {
        Map<String, Integer> spread = new HashMap<>();
        FUNCTION_WORDS.values().forEach(words -> words.stream().distinct().forEach(w -> spread.merge(w, 1, Integer::sum)));
        for (int l = 0; l < LANGUAGES.length; l++) {
            for (String word : FUNCTION_WORDS.get(LANGUAGES[l]).stream().distinct().toList()) {
                int index = INDEX.get(hash(word), -1);
                if (index < 0) {
                    index = WORDS.size();
                    WORDS.add(word);
                    WEIGHTS.add(new double[LANGUAGES.length]);
                    INDEX.put(hash(word), index);
                }
                WEIGHTS.get(index)[l] = 1.0 / spread.get(word);
            }
        }
    }

    private static long hash(String folded) {
        char[] chars = folded.toCharArray();
        return Tokenizer.hash(chars, 0, chars.length);
    }

    private LanguageDetector() {
    }

    /** ISO 639-1 code of the text's language, or null when unsure. */
    public static String detect(String text) {
        return detect(Tokenizer.tokenize(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text));
    }

    /** The same, for a text already tokenized (only its first {@value #SAMPLE} characters are read). */
    public static String detect(Tokens tokens) {
        String text = tokens.text();
        String byScript = byScript(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
        if (byScript != null) {
            return byScript;
        }
        return byFunctionWords(tokens);
    }

    private static String byScript(String sample) {
        int latin = 0;
        int cyrillic = 0;
        Map<String, Integer> other = new HashMap<>();
        boolean ukrainian = false;
        boolean belarusian = false;
        boolean serbian = false;
        boolean macedonian = false;
        boolean russianOnly = false;
        int hardSign = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c < 128) {
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                    latin++;
                }
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            switch (script) {
                case LATIN -> latin++;
                case CYRILLIC -> {
                    cyrillic++;
                    char l = Character.toLowerCase(c);
                    ukrainian |= l == 'ї' || l == 'є' || l == 'ґ' || l == 'і';
                    belarusian |= l == 'ў';
                    serbian |= l == 'ђ' || l == 'ћ' || l == 'џ' || l == 'љ' || l == 'њ' || l == 'ј';
                    macedonian |= l == 'ѓ' || l == 'ќ' || l == 'ѕ';
                    russianOnly |= l == 'ы' || l == 'э' || l == 'ё';
                    if (l == 'ъ') {
                        hardSign++;
                    }
                }
                case GREEK -> other.merge("el", 1, Integer::sum);
                case ARABIC -> other.merge(c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' ? "fa" : "ar", 1, Integer::sum);
                case HEBREW -> other.merge("he", 1, Integer::sum);
                case GEORGIAN -> other.merge("ka", 1, Integer::sum);
                case ARMENIAN -> other.merge("hy", 1, Integer::sum);
                case HIRAGANA, KATAKANA -> other.merge("ja", 3, Integer::sum);
                case HANGUL -> other.merge("ko", 1, Integer::sum);
                case HAN -> other.merge("zh", 1, Integer::sum);
                case DEVANAGARI -> other.merge("hi", 1, Integer::sum);
                case THAI -> other.merge("th", 1, Integer::sum);
                default -> {
                    // other scripts are too rare here to name
                }
            }
        }
        if (cyrillic > latin && cyrillic >= other.values().stream().mapToInt(Integer::intValue).sum()) {
            if (macedonian) {
                return "mk";
            }
            if (serbian) {
                return "sr";
            }
            if (belarusian) {
                return "be";
            }
            if (ukrainian && !russianOnly) {
                return "uk";
            }
            if (!russianOnly && hardSign * 100 > cyrillic) {
                return "bg";
            }
            return "ru";
        }
        String best = null;
        int bestCount = latin;
        for (Map.Entry<String, Integer> e : other.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if ("zh".equals(best) && other.getOrDefault("ja", 0) > 0) {
            return "ja";
        }
        return best;
    }

    private static String byFunctionWords(Tokens tokens) {
        double[] scores = new double[LANGUAGES.length];
        int evidence = 0;
        for (int i = 0; i < tokens.size() && tokens.start(i) < SAMPLE; i++) {
            int index = INDEX.get(tokens.hash(i), -1);
            if (index >= 0 && tokens.is(i, WORDS.get(index))) {
                evidence++;
                double[] weights = WEIGHTS.get(index);
                for (int l = 0; l < scores.length; l++) {
                    scores[l] += weights[l];
                }
            }
        }
        if (evidence < MIN_EVIDENCE) {
            return null;
        }
        int bestIndex = 0;
        for (int l = 1; l < scores.length; l++) {
            if (scores[l] > scores[bestIndex]) {
                bestIndex = l;
            }
        }
        String best = LANGUAGES[bestIndex];
        if ("hr".equals(best) && ekavian(tokens)) {
            return "sr";
        }
        return best;
    }

    /** Serbian writes "pre", "posle", "vreme" where Croatian, Bosnian and Montenegrin write "prije", "poslije", "vrijeme". */
    private static boolean ekavian(Tokens tokens) {
        int ekavian = 0;
        int ijekavian = 0;
        for (int i = 0; i < tokens.size() && tokens.start(i) < SAMPLE; i++) {
            if (tokens.foldLength(i) < 2 || tokens.foldLength(i) > 7) {
                continue;
            }
            switch (tokens.folded(i)) {
                case "pre", "posle", "vreme", "deo", "reka", "mesto", "svet", "ovde", "gde", "lepo" -> ekavian++;
                case "prije", "poslije", "vrijeme", "dio", "rijeka", "mjesto", "svijet", "ovdje", "gdje", "lijepo" -> ijekavian++;
                default -> {
                    // not a marker
                }
            }
        }
        return ekavian > ijekavian;
    }
}
