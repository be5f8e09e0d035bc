package io.newswatch.tagging.text;

import java.util.Locale;
import java.util.Set;

/**
 * Tells Serbian, Croatian, Bosnian and Montenegrin apart, which n-gram detectors confuse (they share most words, and
 * Bosnian, Montenegrin and Croatian share the ijekavian forms; Lingua has no Montenegrin at all), by what each
 * standard writes differently:
 * <ul>
 *   <li>the reflex of jat: Serbian writes {@code pre}, {@code vreme}, {@code predsednik}, the others {@code prije},
 *       {@code vrijeme}, {@code predsjednik} (Montenegrin's {@code predśednik} is jotated, not ekavian);</li>
 *   <li>words only Croatian uses ({@code tijekom}, {@code tisuća}, {@code europski}, the Croatian month names,
 *       {@code priopćio}) against the ones the others use ({@code tokom}, {@code hiljada}, {@code evropski},
 *       {@code januar});</li>
 *   <li>{@code opć-} (Bosnian and Croatian: {@code općina}, {@code saopćeno}, {@code uopće}) against {@code opšt-}
 *       (Serbian and Montenegrin: {@code opština}, {@code saopštila}, {@code uopšte});</li>
 *   <li>what marks Bosnian ({@code historija}, {@code sedmica}, {@code lahko}, Bosnia's institutions and towns) and
 *       Montenegrin (the letters {@code ś ź}, {@code đe}, {@code sjutra}, {@code nijesu}, {@code crnogorski}, Crna
 *       Gora and its towns);</li>
 *   <li>the script: Cyrillic is Serbian or Montenegrin, never Croatian or Bosnian in practice.</li>
 * </ul>
 * Words are read folded (Cyrillic as Serbian Latin); the jotated letters from the text as written.
 */
final class SouthSlavic {

    private static final Set<String> EKAVIAN = Set.of("pre", "posle", "vreme", "vremena", "deo", "reka", "reke",
            "mesto", "mesta", "ovde", "gde", "lepo", "uvek", "predsednik", "predsednika",
            "predsedniku", "predsednica", "sednica", "sednici", "sednice", "vest", "vesti", "deca", "dece",
            "dete", "veruje", "pesma", "mere", "mera", "odeljenje", "primer", "primera", "celog",
            "ceo", "celu", "cela", "nedelje", "nedelju", "sever", "severu", "smer", "dve", "ocenio", "ocenila",
            "sledece", "sledeci", "mesec", "meseca", "meseci", "belo", "cene", "cena", "cenu", "promene", "promena",
            "primena", "primene", "telo", "tela", "verovatno", "videti", "videli", "zeleo", "zelela", "zeleli",
            "hteo", "htela", "delimicno", "delovanje", "svedok", "svedoci", "lekar", "vek", "veka", "sreda", "sredu",
            "razumevanje", "poverenje");
    private static final Set<String> IJEKAVIAN = Set.of("prije", "poslije", "vrijeme", "dio", "rijeka", "rijeke",
            "mjesto", "mjesta", "svijet", "svijeta", "ovdje", "gdje", "lijepo", "uvijek", "predsjednik",
            "predsjednika", "predsjedniku", "predsjednica", "sjednica", "sjednici", "sjednice", "vijest", "vijesti",
            "djeca", "djece", "dijete", "vjeruje", "pjesma", "mjere", "mjera", "odjeljenje", "primjer",
            "primjera", "cijelog", "cio", "cijelu", "cijela", "sjever", "sjeveru", "nedjelje", "nedjelju", "smjer",
            "mjeseci", "mjesec", "mjeseca", "sljedece", "sljedeci", "bijelo", "ocijenio", "ocijenila", "dvije",
            "cijene", "cijena", "cijenu", "promjene", "promjena", "primjena", "primjene", "tijelo", "tijela",
            "vjerovatno", "vjerojatno", "vidjeti", "vidjeli", "zelio", "zeljela", "zeljeli", "htio", "htjela",
            "djelimicno", "djelovanje", "svjedok", "svjedoci", "ljekar", "vijek", "vijeka", "srijeda", "srijedu",
            "razumijevanje", "povjerenje");
    private static final Set<String> CROATIAN = Set.of("tijekom", "tisuca", "tisuce", "tisucu", "europski",
            "europska", "europske", "europskoj", "europsku", "europskog", "europe", "europa", "europi", "sijecnja",
            "veljace", "ozujka", "travnja", "svibnja", "lipnja", "srpnja", "kolovoza", "rujna", "listopada",
            "studenoga", "studenog", "prosinca", "sveuciliste", "sveucilista", "obitelj", "obitelji", "zrakoplov",
            "zrakoplova", "vlak", "glazba", "tjedan", "tjedna", "tjednu", "kruh", "tocno", "mirovina", "izvjesce",
            "tko", "vanjskih", "vanjske", "vanjski", "sabor", "sabora", "saboru", "drzavni", "stoga",
            "primjerice", "izvijestio", "izvijestila", "tvrtka", "tvrtke", "tvrtki", "gospodarstvo", "gospodarstva",
            "gospodarski", "veleposlanik", "veleposlanstvo", "ravnatelj", "ravnatelja", "vojarna", "vojarne",
            "nogomet", "kazaliste", "kolodvor", "hina", "dionice",
            "kucanstva", "kucanstvo", "europodrucja", "milijuna", "milijun", "zastupnik", "zastupnika", "zastupnici", "suradnja",
            "suradnje", "suradnju", "suradnik", "obrana", "obrane", "obrani");
    private static final Set<String> EASTERN = Set.of("tokom", "hiljada", "hiljade", "hiljadu", "evropski",
            "evropska", "evropske", "evropskoj", "evropsku", "evropskog", "evrope", "evropa", "evropi", "januar",
            "januara", "februar", "februara", "marta", "aprila", "maja", "juna", "jula", "avgust", "avgusta",
            "august", "augusta", "septembar", "septembra", "oktobar", "oktobra", "novembar", "novembra", "decembar",
            "decembra", "univerzitet", "univerziteta", "porodica", "porodice", "voz", "muzika",
            "sedmica", "sedmice", "hleb", "hljeb", "tacno", "penzija", "izvestaj", "izvjestaj", "takodje", "ko",
            "sta", "spoljnih", "spoljne", "spoljni", "bezbednost", "bezbednosti", "bezbjednost", "bezbjednosti",
            "istorija", "istorije", "historija", "historije", "uslov", "uslova", "vazduh",
            "vazduha", "zvanicnik", "zvanicnici", "zvanicnika", "zvanicno", "poslanik", "poslanika", "miliona", "milion", "ambasador",
            "ambasada", "fudbal", "pozoriste", "hemija", "saradnja", "saradnje", "saradnju",
            "saradnik", "odbrana", "odbrane", "odbrani");
    /** Words only the Bosnian standard writes. */
    private static final Set<String> BOSNIAN = Set.of("historija", "historije", "historiji", "historijski", "lahko",
            "kahva", "sahat", "hudut", "mahala", "juni", "juli", "predsjedavajuci", "predsjedavajuca",
            "predsjedavajuceg");
    /** Bosnia's names, institutions and towns: evidence once the text is not Croatian. */
    private static final Set<String> BOSNIA = Set.of("bosanski", "bosanska", "bosanske", "bosanskog", "bosne",
            "bosni", "sarajevo", "sarajevu", "sarajeva", "federacije", "federaciji", "bosnjak", "bosnjaci",
            "bosnjaka", "bosnjacki", "kanton", "kantona", "kantonu", "tuzla", "tuzli", "tuzle", "zenica", "zenici",
            "zenice", "mostar", "mostaru", "mostara", "bihac", "bihacu", "predsjednistvo", "predsjednistva");
    /** Montenegro's names and towns: evidence once the text is not Croatian. */
    private static final Set<String> MONTENEGRIN = Set.of("crnogorski", "crnogorska", "crnogorske", "crnogorskoj",
            "crnogorsku", "crnogorskog", "crnogorskih", "crnogorskim", "crnogorci", "crnogoraca", "podgorica",
            "podgorici", "podgorice", "podgoricu", "cetinje", "cetinju", "cetinja", "niksic", "niksicu", "niksica",
            "budva", "budvi", "budve", "budvu", "kotor", "kotoru", "kotora", "ulcinj", "ulcinju", "ulcinja", "tivat",
            "tivtu", "tivta", "pljevlja", "pljevljima", "berane", "beranama", "kolasin", "kolasinu", "danilovgrad",
            "danilovgradu", "rozaje", "dps");
    /** Forms only the Montenegrin standard writes (folded). */
    private static final Set<String> MONTENEGRIN_FORMS = Set.of("sjutra", "nijesu", "nijesam", "nijesmo", "nijeste",
            "nijesi");
    /** Montenegrin's jotated forms as written ({@code đe} folds like {@code dje}). */
    private static final Set<String> MONTENEGRIN_WRITTEN = Set.of("đe", "ovđe", "onđe", "niđe", "neđe", "đevojka",
            "đevojke", "đevojku", "đed", "đeda", "neđelja", "neđelje", "neđelju", "ђе", "овђе");
    private static final Set<String> CRNA = Set.of("crna", "crne", "crnoj", "crnu");
    private static final Set<String> GORA = Set.of("gora", "gore", "gori", "goru");

    private SouthSlavic() {
    }

    /**
     * The language of a Serbian, Croatian, Bosnian or Montenegrin text.
     *
     * @param tokens   the text (a sample), tokenized with South Slavic folding
     * @param detected what the n-gram detector said ({@code sr}, {@code hr} or {@code bs}), or null: kept when the
     *                 text has no evidence either way
     * @return {@code sr}, {@code hr}, {@code bs} or {@code cnr}; null only when {@code detected} is null and the
     * text has no evidence
     */
    static String refine(Tokens tokens, String detected) {
        Evidence e = evidence(tokens);
        if (e.cyrillic) {
            // Croatian and Bosnian news are not written in Cyrillic; Serbian outlets in Montenegro write Cyrillic
            // too, so only Montenegrin's own forms (not its places) make a Cyrillic text Montenegrin
            return e.montenegrinForms > 0 && e.ekavian == 0 ? "cnr" : "sr";
        }
        if (e.ekavian > e.ijekavian) {
            return "sr";
        }
        if (e.croatian > e.eastern) {
            return "hr";
        }
        // the places and opć-/opšt- speak for Bosnian or Montenegrin only once the words say it is not Croatian
        boolean eastern = e.eastern > e.croatian;
        int bosnian = 2 * e.bosnian + (eastern ? e.bosnia + e.opc : 0);
        int montenegrin = 2 * e.montenegrinForms + (eastern ? e.montenegrin + (e.opst > e.opc ? 1 : 0) : 0);
        if (montenegrin > bosnian) {
            return "cnr";
        }
        if (bosnian > montenegrin) {
            return "bs";
        }
        if (eastern) {
            // ijekavian with the eastern words and nothing more: Bosnian or Serbian as written in Bosnia
            return detected != null && !detected.equals("hr") ? detected : e.opst > e.opc ? "sr" : "bs";
        }
        return detected;
    }

    /** The counts of each kind of evidence in a text. */
    private static Evidence evidence(Tokens tokens) {
        Evidence e = new Evidence();
        String text = tokens.text();
        int cyrillic = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'ś' || c == 'ź' || c == 'Ś' || c == 'Ź' || c == '\u0301') {
                e.montenegrinForms++; // the letters only Montenegrin adds (Cyrillic с́ з́ with a combining acute)
            }
            if (Character.isLetter(c)) {
                letters++;
                cyrillic += c >= 0x400 && c <= 0x4FF ? 1 : 0;
            }
        }
        e.cyrillic = cyrillic * 2 > letters;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.foldLength(i) > 16) {
                continue;
            }
            String word = tokens.folded(i);
            boolean jotated = false;
            for (int k = tokens.start(i); k < tokens.end(i); k++) {
                char c = text.charAt(k);
                jotated |= c == 'ś' || c == 'ź' || c == 'Ś' || c == 'Ź';
            }
            if (!jotated) {
                // predśednik folds to predsednik: jotated ijekavian, not ekavian
                e.ekavian += EKAVIAN.contains(word) ? 1 : 0;
            }
            e.ijekavian += IJEKAVIAN.contains(word) || jotated ? 1 : 0;
            e.croatian += CROATIAN.contains(word) ? 1 : 0;
            e.eastern += EASTERN.contains(word) ? 1 : 0;
            e.bosnian += BOSNIAN.contains(word) ? 1 : 0;
            e.bosnia += BOSNIA.contains(word) ? 1 : 0;
            // saopćiti (Bosnian), saopštiti (Serbian, Montenegrin), priopćiti (Croatian), in every form
            if (word.startsWith("saops")) {
                e.opst++;
                e.eastern++;
            } else if (word.startsWith("saopc")) {
                e.opc++;
                e.eastern++;
            } else if (word.startsWith("priopc")) {
                e.croatian++;
            } else if (word.startsWith("opstin") || word.startsWith("uopst")
                    || word.startsWith("opst") && word.length() <= 6) {
                e.opst++; // opština, opšti, uopšte
                e.eastern++;
            } else if (word.startsWith("opcin") || word.startsWith("uopc")
                    || word.startsWith("opc") && word.length() <= 5) {
                e.opc++; // općina, opći, uopće (Croatian too)
            }
            e.montenegrin += MONTENEGRIN.contains(word) ? 1 : 0;
            e.montenegrinForms += MONTENEGRIN_FORMS.contains(word) ? 1 : 0;
            if (tokens.foldLength(i) <= 8) {
                String written = tokens.surface(i);
                e.montenegrinForms += MONTENEGRIN_WRITTEN.contains(written.toLowerCase(Locale.ROOT)) ? 1 : 0;
                e.bosnia += written.equals("BiH") || written.equals("FBiH") ? 1 : 0; // not the verb form bih
            }
            if (i + 1 < tokens.size() && CRNA.contains(word) && GORA.contains(tokens.folded(i + 1))) {
                e.montenegrin++; // Crna Gora, Crne Gore, Crnoj Gori
            }
        }
        return e;
    }

    private static final class Evidence {
        boolean cyrillic;
        int ekavian;
        int ijekavian;
        int croatian;
        int eastern;
        int bosnian;
        int bosnia;
        int montenegrin;
        int montenegrinForms;
        int opc;
        int opst;
    }
}
