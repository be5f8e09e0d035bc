package io.newswatch.tagging.text;

import java.util.Set;

/**
 * Tells Serbian, Croatian, Bosnian and Montenegrin apart, which n-gram detectors confuse (they share most words, and
 * Bosnian, Montenegrin and Croatian share the ijekavian forms): by the reflex of jat (Serbian writes {@code pre},
 * {@code vreme}, {@code predsednik}, the others {@code prije}, {@code vrijeme}, {@code predsjednik}), by the words
 * only Croatian uses ({@code tijekom}, {@code tisuća}, {@code europski}, the Croatian month names) against the ones
 * the others use ({@code tokom}, {@code hiljada}, {@code evropski}, {@code januar}), and by what marks Bosnian
 * ({@code historija}, {@code općina} with eastern vocabulary) and Montenegrin ({@code ś}, {@code ź}, {@code đe},
 * {@code crnogorski}). Words are read folded (Cyrillic as Serbian Latin).
 */
final class SouthSlavic {

    private static final Set<String> EKAVIAN = Set.of("pre", "posle", "vreme", "vremena", "deo", "reka", "reke",
            "mesto", "mesta", "svet", "sveta", "ovde", "gde", "lepo", "uvek", "predsednik", "predsednika",
            "predsedniku", "predsednica", "sednica", "sednici", "sednice", "vest", "vesti", "deca", "dece", "reci",
            "reč", "dete", "veruje", "pesma", "beograd", "mere", "mera", "odeljenje", "primer", "primera");
    private static final Set<String> IJEKAVIAN = Set.of("prije", "poslije", "vrijeme", "dio", "rijeka", "rijeke",
            "mjesto", "mjesta", "svijet", "svijeta", "ovdje", "gdje", "lijepo", "uvijek", "predsjednik",
            "predsjednika", "predsjedniku", "predsjednica", "sjednica", "sjednici", "sjednice", "vijest", "vijesti",
            "djeca", "djece", "rijeci", "dijete", "vjeruje", "pjesma", "mjere", "mjera", "odjeljenje", "primjer",
            "primjera");
    private static final Set<String> CROATIAN = Set.of("tijekom", "tisuca", "tisuce", "tisucu", "europski",
            "europska", "europske", "europskoj", "europsku", "europskog", "europe", "europa", "europi", "sijecnja",
            "veljace", "ozujka", "travnja", "svibnja", "lipnja", "srpnja", "kolovoza", "rujna", "listopada",
            "studenoga", "studenog", "prosinca", "sveuciliste", "sveucilista", "obitelj", "obitelji", "zrakoplov",
            "zrakoplova", "vlak", "glazba", "tjedan", "tjedna", "tjednu", "kruh", "tocno", "mirovina", "izvjesce",
            "takoder", "tko", "vanjskih", "vanjske", "sabor", "sabora", "hrvatski", "hrvatska", "hrvatske",
            "drzavni", "stoga", "primjerice", "opcenito", "sigurnost", "sigurnosti");
    private static final Set<String> EASTERN = Set.of("tokom", "hiljada", "hiljade", "hiljadu", "evropski",
            "evropska", "evropske", "evropskoj", "evropsku", "evropskog", "evrope", "evropa", "evropi", "januar",
            "januara", "februar", "februara", "marta", "aprila", "maja", "juna", "jula", "avgust", "avgusta",
            "august", "augusta", "septembar", "septembra", "oktobar", "oktobra", "novembar", "novembra", "decembar",
            "decembra", "univerzitet", "univerziteta", "porodica", "porodice", "avion", "aviona", "voz", "muzika",
            "sedmica", "sedmice", "hleb", "hljeb", "tacno", "penzija", "izvestaj", "izvjestaj", "takodje", "ko",
            "sta", "spoljnih", "spoljne", "spoljni", "bezbednost", "bezbednosti", "bezbjednost", "bezbjednosti",
            "opstina", "opstine", "istorija", "istorije", "historija", "historije");
    private static final Set<String> BOSNIAN = Set.of("historija", "historije", "historiji", "historijski", "opcina",
            "opcine", "opcini", "lahko", "kahva", "sahat", "bosanski", "bosanska", "bosanske", "bosne", "bih",
            "sarajevo", "sarajevu", "sarajeva", "federacije", "federaciji", "bosnjak", "bosnjaci", "bosnjaka");
    private static final Set<String> MONTENEGRIN = Set.of("dje", "crnogorski", "crnogorska", "crnogorske",
            "crnogorskoj", "crnogorsku", "crnogorskog", "crnogorskih", "crnogorci", "crnogoraca", "podgorica",
            "podgorici", "podgorice", "cetinje", "cetinju", "cetinja");

    private SouthSlavic() {
    }

    /**
     * The language of a Serbian, Croatian, Bosnian or Montenegrin text.
     *
     * @param tokens   the text (a sample), tokenized with South Slavic folding
     * @param detected what the n-gram detector said ({@code sr}, {@code hr} or {@code bs}): kept when the text
     *                 has no evidence either way
     * @return {@code sr}, {@code hr}, {@code bs} or {@code cnr}
     */
    static String refine(Tokens tokens, String detected) {
        int ekavian = 0;
        int ijekavian = 0;
        int croatian = 0;
        int eastern = 0;
        int bosnian = 0;
        int montenegrin = 0;
        String text = tokens.text();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'ś' || c == 'ź' || c == 'Ś' || c == 'Ź') {
                montenegrin += 2; // the letters only Montenegrin adds
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.foldLength(i) > 14) {
                continue;
            }
            String word = tokens.folded(i);
            ekavian += EKAVIAN.contains(word) ? 1 : 0;
            ijekavian += IJEKAVIAN.contains(word) ? 1 : 0;
            croatian += CROATIAN.contains(word) ? 1 : 0;
            eastern += EASTERN.contains(word) ? 1 : 0;
            bosnian += BOSNIAN.contains(word) ? 1 : 0;
            montenegrin += MONTENEGRIN.contains(word) ? 1 : 0;
        }
        if (ekavian > ijekavian) {
            return "sr";
        }
        if (croatian > eastern) {
            return "hr";
        }
        if (eastern > croatian || !detected.equals("hr")) {
            if (montenegrin > bosnian) {
                return "cnr";
            }
            if (bosnian > montenegrin) {
                return "bs";
            }
            return detected.equals("hr") ? "bs" : detected;
        }
        return detected;
    }
}
