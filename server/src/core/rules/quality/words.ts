import type { QualitySchema, QualityWordList, QualityWords } from '../../schema/quality-types';
import { patternText } from '../../text/pattern-text';

/** A text as the word lists read it: curly apostrophes made straight (same length, so offsets hold). */
export function normalised(text: string): string {
  return text.replace(/[’ʼ]/g, "'");
}

const LETTER = '[\\p{L}\\p{N}]';

/** One entry of a word list as a regular expression source: `*` any letters, spaces any white space. */
function entrySource(entry: string): string {
  return normalised(entry.trim())
    .split(/\s+/)
    .map((word) =>
      word
        .split('*')
        .map((piece) => patternText(piece))
        .join('[\\p{L}\\p{M}]*'),
    )
    .join('\\s+');
}

/** A list as one regular expression, longest entries first, each on word boundaries. */
export function listPattern(entries: readonly string[], caseSensitive = false): RegExp | undefined {
  const sources = [...new Set(entries.filter((entry) => entry.trim() !== ''))].sort((a, b) => b.length - a.length).map(entrySource);
  if (sources.length === 0) return undefined;
  return new RegExp(`(?<!${LETTER})(?:${sources.join('|')})(?!${LETTER})`, caseSensitive ? 'gu' : 'giu');
}

/** Every match of a list in a text (empty when the list is empty). */
export function matchesOf(pattern: RegExp | undefined, text: string): RegExpExecArray[] {
  if (!pattern) return [];
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)];
}

export function firstMatch(pattern: RegExp | undefined, text: string): RegExpExecArray | undefined {
  if (!pattern) return undefined;
  pattern.lastIndex = 0;
  return pattern.exec(text) ?? undefined;
}

const wordsOfText = new Map<string, string[]>();

/** The words of a text, lower-cased (apostrophes split them: `l'alliance` is `l`, `alliance`); several rules ask for the same text's. */
export function wordsOf(text: string): readonly string[] {
  const known = wordsOfText.get(text);
  if (known) return known;
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (text.length <= MAX_REMEMBERED_TEXT) {
    if (wordsOfText.size > 1000) wordsOfText.clear(); // a bound
    wordsOfText.set(text, words);
  }
  return words;
}

/** The word that ends right before `index` (lower-cased), found by looking back from there, not by splitting the text. */
export function wordBefore(text: string, index: number): string | undefined {
  let end = index;
  while (end > 0 && !isWordCharacter(text, end - 1)) end--;
  let start = end;
  while (start > 0 && isWordCharacter(text, start - 1)) start--;
  return start === end ? undefined : text.slice(start, end).toLowerCase();
}

function isWordCharacter(text: string, index: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[index] as string);
}

/** The compiled lists of one language. */
export interface LanguageLists {
  readonly code: string;
  readonly words: QualityWords;
  readonly markers: ReadonlySet<string>;
  readonly stopWords: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly relativePronouns: ReadonlySet<string>;
  pattern(list: QualityWordList): RegExp | undefined;
}

/** The quality section compiled once: its lists as regular expressions, by language and across languages. */
export interface CompiledQuality {
  readonly quality: QualitySchema;
  readonly languages: readonly LanguageLists[];
  /** A list of every language at once: where finding a word means "no hint", any language's word counts. */
  anyLanguage(list: QualityWordList): RegExp | undefined;
  readonly programmeNames: (language: LanguageLists) => RegExp | undefined;
  readonly capitalisedTime: RegExp | undefined;
  readonly timePatterns: readonly RegExp[];
  /** `timePlaceholders` and every language's `timePrepositions`, lower-cased. */
  readonly timePlaceholders: ReadonlySet<string>;
  readonly timePrepositions: ReadonlySet<string>;
  languageOf(text: string): LanguageLists | undefined;
}

const compiled = new WeakMap<QualitySchema, CompiledQuality>();
/** Longer texts are not remembered (a pasted book must not stay in memory). */
const MAX_REMEMBERED_TEXT = 10_000;

export function compileQuality(quality: QualitySchema): CompiledQuality {
  const known = compiled.get(quality);
  if (known) return known;
  const languages = Object.entries(quality.languages).map(([code, words]) => languageLists(code, words));
  const everyLanguage = new Map<QualityWordList, RegExp | undefined>();
  const names = new Map<string, RegExp | undefined>();
  // Four rules ask the language of the same description: told once per text.
  const languageOfText = new Map<string, LanguageLists | undefined>();
  const result: CompiledQuality = {
    quality,
    languages,
    anyLanguage(list) {
      if (!everyLanguage.has(list)) everyLanguage.set(list, listPattern(languages.flatMap((language) => language.words[list])));
      return everyLanguage.get(list);
    },
    programmeNames(language) {
      if (!names.has(language.code)) names.set(language.code, listPattern([...quality.programmeNames, ...language.words.programmeWords]));
      return names.get(language.code);
    },
    capitalisedTime: listPattern(
      languages.flatMap((language) => language.words.capitalisedTimeWords),
      true,
    ),
    timePatterns: quality.timePatterns.map((source) => new RegExp(source, 'gu')),
    timePlaceholders: new Set(quality.timePlaceholders.map((name) => name.toLowerCase())),
    timePrepositions: new Set(languages.flatMap((language) => language.words.timePrepositions.map((word) => normalised(word).toLowerCase()))),
    languageOf(text) {
      if (languageOfText.has(text)) return languageOfText.get(text);
      if (languageOfText.size > 1000) languageOfText.clear(); // a bound, and only short texts are kept
      // The language whose little words the text uses most; the first language on a tie.
      let best: LanguageLists | undefined;
      let bestCount = -1;
      const words = wordsOf(text);
      for (const language of languages) {
        let count = 0;
        for (const word of words) if (language.markers.has(word)) count++;
        if (count > bestCount) {
          best = language;
          bestCount = count;
        }
      }
      if (text.length <= MAX_REMEMBERED_TEXT) languageOfText.set(text, best);
      return best;
    },
  };
  compiled.set(quality, result);
  return result;
}

function languageLists(code: string, words: QualityWords): LanguageLists {
  const patterns = new Map<QualityWordList, RegExp | undefined>();
  const lowerSet = (list: readonly string[]) => new Set(list.map((word) => normalised(word).toLowerCase()));
  return {
    code,
    words,
    markers: lowerSet(words.markers),
    stopWords: lowerSet(words.stopWords),
    prepositions: lowerSet(words.prepositions),
    relativePronouns: lowerSet(words.relativePronouns),
    pattern(list) {
      if (!patterns.has(list)) patterns.set(list, listPattern(words[list]));
      return patterns.get(list);
    },
  };
}
