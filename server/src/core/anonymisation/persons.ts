import { PERSON_ROLES } from '../schema/anonymisation-defaults';
import { SmallWordKind } from './small-words';
import { bare, DIVISION_AFTER, isApostrophe, isArticle, joinedByBlanks, type Token } from './tokens';
import { memoByToken } from './word-memo';

/** The word lists the person finder reads (schema data: `anonymisation` in the schema, `.fragmentrc.json` adds to them). */
export interface PersonWords {
  /** Titles and honorifics, as written (`Mrs`, `Maître`), without their dot. */
  readonly titles: ReadonlySet<string>;
  /** Given names, as written and without accents. */
  readonly givenNames: ReadonlySet<string>;
  /** Capitalised words that never start or carry a name (months, openers, roles). */
  readonly neverNames: ReadonlySet<string>;
  readonly organisationWords: ReadonlySet<string>;
}

/** The particles inside names: `Abdel Rahman al-Hassan`, `Ould`, `bin`, `ag`. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ben', 'ibn', 'abu', 'ould', 'ag', 'wa', 'van', 'von', 'da', 'dos', 'wad']);
/** A particle written onto the name after it: `al-Hakimi`, `el-Sayed`, `Ag-Ibrahim`. */
const PARTICLE_NAME = /^(?:al|el|ad|ag|ash|as|bin|ben|ould|wad|abu|ibn)[-‑]\p{Lu}/iu;
/** Titles that need their dot to be one: `M. Mukendi`, not the letter `M`. */
const DOTTED_ONLY = new Set(['M', 'MM', 'St']);
/** Verbs of telling right after a lone given name: `Amani explained…`, `Fatouma a déclaré…`. */
const TELLING =
  /^[ \t]+(?:said|says|explained|explains|told|reported|recalled|noted|stated|added|testified|confirmed|shared|narrated|a\s+(?:dit|expliqué|déclaré|raconté|témoigné|confirmé|ajouté|rapporté|souligné)|explique|raconte|témoigne|déclare|affirme|souligne)\b/u;

const ROLES = new Set(PERSON_ROLES);
/** The small words `findPersons` reads besides the titles (`tokensOf`'s `kept`): roles before a name, particles inside one. */
export const PERSON_SMALL_WORDS: readonly string[] = [...ROLES, ...PARTICLES];
const NO_PARTS: ReadonlySet<string> = new Set();
/** `coordinator, Nafisa Babiker`, `l'avocat, Me Gervais`: a role, and a comma or nothing, before a name. */
const ROLE_GAP = /^,?[ \t]{1,2}$/;
/** After a name, what says it is a person's: `, a Yazidi lawyer`, `, âgée de 34 ans`, ` (34 ans)`. */
const APPOSITION = /^,[ \t]+(?:a|an|the|our|their|his|her|un|une|le|la|l['’]|notre|leur|son|sa|one|aged|âgée?s?|agée?s?|\d{1,2}(?:[ ,]|$))/u;
/** `, parajuriste`, `, head of…`, `, étudiant`: a role right after the comma. */
const ROLE_AFTER = /^,[ \t]+([\p{Ll}][\p{L}-]*)/u;
const AGE_AFTER = /^[ \t]*\(\s*\d{1,2}(?:\s*(?:ans|years?(?: old)?|yrs?))?\s*\)/u;
/** What an apposition says of an organisation or a place rather than a person (`Seconde Chance, a local organisation`). */
const ORGANISATION_NOUNS =
  /(?:organi[sz]ations?|associations?|network|ngos?|ong|group|coalition|platform|plateforme|initiative|cooperative|coopérative|union|committee|comité|radio|station|project|projet|programme|program|réseau|collectif|structure|mouvement|movement|asbl|company|firm|alliance|federation|fédération|centre|center|school|école|university|université|hospital|hôpital|clinic|church|église|mosque|ministry|ministère|commission|council|conseil|court|cour|tribunal|town|city|ville|village|district|county|province|region|région|country|pays|camp|area|neighbourhood|quartier|locality|localité|commune|territory|territoire|site|market|marché|river|fleuve|lake|lac|law|loi|newspaper|journal|magazine|website|platform|app|application|tool|outil|software)(?![\p{L}])/iu
    .source;
const NOT_A_PERSON_AFTER = new RegExp(
  // `, a local organisation`, `, une localité`; or right after the name, `women's centre`, `association`.
  `^(?:,[ \\t]+(?:[\\p{L}'’-]+[ \\t]+){0,3}?|[ \\t]+(?:(?!(?:of|for|from|at|in|on|with|and|or|de|du|des|la|le|les|the|et|ou|avec|au)[ \\t])[\\p{Ll}][\\p{L}'’-]*[ \\t]+)?)${ORGANISATION_NOUNS}`,
  'iu',
);

/**
 * Person names: after a title (`Mrs. Rose Nyota`, `Maître Jeanne Kavira`), a given name followed
 * by a family name (`Jean-Pierre Mukendi`, `Jeanne KAVIRA`), a capitalised name followed by one
 * in capitals (`Kambale MUHINDO`), or a lone given name that tells something (`Amani explained`).
 * The span is the name without its title. Organisation names are the caller's to remove.
 */
export function findPersons(
  text: string,
  tokens: readonly Token[],
  words: PersonWords,
  /** Parts of names found elsewhere in the fragment (its other fields): found here too when they stand alone. */
  knownParts: ReadonlySet<string> = NO_PARTS,
  /** Told each part of a name of several words found here. */
  onPart?: (part: string) => void,
): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let index = 0;
  // The parts known, and those found here (made only when one is: most texts name no one).
  let parts: Set<string> | undefined = knownParts.size > 0 ? new Set(knownParts) : undefined;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    // A title written in lower case (`l'abbé`, `le pasteur`) starts a name too; a kept small word says at once whether it is one.
    const kinds = token.kinds;
    const startsName = token.capital || (kinds !== 0 ? (kinds & SmallWordKind.title) !== 0 : words.titles.has(withoutArticle(token.text)));
    const name = startsName ? personAt(text, tokens, index, words) : undefined;
    if (name) {
      found.push({ start: (tokens[name.from] as Token).start, end: (tokens[name.to] as Token).end });
      if (name.to > name.from) {
        for (const at of [name.from, name.to]) {
          const part = (tokens[at] as Token).text;
          if (PARTICLE_NAME.test(part)) continue;
          parts ??= new Set();
          parts.add(part);
          onPart?.(part);
        }
      }
      index = name.to + 1;
    } else index++;
  }
  if (parts === undefined) return found;
  // `Nafisa Babiker … Nafisa`, `Dr Célestin Paluku … Paluku`: a part of a name found, standing alone later.
  for (const token of tokens) {
    if (!parts.has(token.text) || found.some((span) => span.start <= token.start && token.end <= span.end)) continue;
    // `Hodan district` beside `Hodan Mohamed Ali`: the district keeps its name.
    if (DIVISION_AFTER.test(text.slice(token.end, token.end + 16))) continue;
    found.push({ start: token.start, end: token.end });
  }
  return found.sort((a, b) => a.start - b.start);
}

function personAt(text: string, tokens: readonly Token[], index: number, words: PersonWords): { from: number; to: number } | undefined {
  const token = tokens[index] as Token;
  if (isTitle(text, token, words)) {
    // `Chief Justice Martha Koome`: the last title of a row of titles.
    let first = index + 1;
    while (first < tokens.length && isTitle(text, tokens[first] as Token, words) && follows(text, tokens, first, true)) first++;
    if (first >= tokens.length || !follows(text, tokens, first, true)) return undefined;
    const to = nameRun(text, tokens, first, words, 4);
    return to === undefined ? undefined : { from: first, to };
  }
  if (isNameWord(token, words) && isGivenName(token, words)) {
    const to = nameRun(text, tokens, index + 1, words, 3, index);
    if (to !== undefined) return { from: index, to };
    if (token.allCaps) return undefined;
    // `Amani explained…`, `Amani, one of the five`, `Kadiatou, animatrice`: a lone given name that is someone.
    const after = textAfter(text, token);
    const role = ROLE_AFTER.exec(after)?.[1];
    if (TELLING.test(after.slice(0, 24)) || (APPOSITION.test(after) && !NOT_A_PERSON_AFTER.test(after)) || (role !== undefined && ROLES.has(role)))
      return { from: index, to: index };
    return undefined;
  }
  const run = isNameWord(token, words) ? nameRun(text, tokens, index, words, 4) : undefined;
  if (run === undefined) return undefined;
  const found = signalledName(text, tokens, index, run, words);
  // `the Nisaa Al-Amal women's centre`, `Seconde Chance, a local organisation`: an organisation's name.
  // Looked for only once a name is signalled: the longest pattern, kept off most capitalised words.
  return found && !NOT_A_PERSON_AFTER.test(textAfter(text, tokens[run] as Token)) ? found : undefined;
}

/** The name from `index` (its run of name words ends at `run`) when something around it says it is a person's. */
function signalledName(text: string, tokens: readonly Token[], index: number, run: number, words: PersonWords): { from: number; to: number } | undefined {
  const token = tokens[index] as Token;
  // `the journalist Blessing Dung`, `la militante Aline Bisimwa`: a role right before the name.
  const before = index > 0 ? tokens[index - 1] : undefined;
  if (before && !before.capital && ROLES.has(before.text.toLowerCase()) && ROLE_GAP.test(text.slice(before.end, token.start))) {
    if (!(run === index && token.allCaps)) return { from: index, to: run };
  }
  // `Rasha al-Ahmad`, `Almoustapha Ag Elkhassim`: a particle inside the name says it is one.
  for (let at = index + 1; at <= run; at++) if (isParticle(tokens[at] as Token)) return { from: index, to: run };
  if (run > index) {
    const after = textAfter(text, tokens[run] as Token);
    // `Khalida Qasim Elias, a Yazidi lawyer`; `Claudine Niyonzima, parajuriste`; `Otieno Ouma explained`; `Aline Bisimwa (34 ans)`.
    const role = ROLE_AFTER.exec(after)?.[1];
    if (APPOSITION.test(after) || (role !== undefined && ROLES.has(role)) || AGE_AFTER.test(after)) return { from: index, to: run };
    if (TELLING.test(after.slice(0, 24))) return { from: index, to: run };
    // `Muhindo Esther`: the family name first, then a given name.
    if (!token.allCaps && isGivenName(tokens[index + 1] as Token, words) && !(tokens[index + 1] as Token).allCaps) return { from: index, to: run };
  }
  // `Kambale MUHINDO`, `KAVIRA Jeanne`: a name with the family name in capitals, the French way.
  const next = tokens[index + 1];
  if (next && follows(text, tokens, index + 1) && isNameWord(token, words) && isNameWord(next, words)) {
    const familyInCapitals = !token.allCaps && next.allCaps && next.text.length >= 3;
    const givenAfter = token.allCaps && token.text.length >= 3 && !next.allCaps && isGivenName(next, words);
    if ((familyInCapitals || givenAfter) && !/^\s*\(/.test(text.slice(next.end, next.end + 3))) return { from: index, to: index + 1 };
  }
  return undefined;
}

/**
 * The last token of the name that starts at `first` (capitalised words next to each other, the
 * particles inside them); undefined when none starts there. With `after`, the name continues the
 * given name at `after` and must begin right next to it.
 */
function nameRun(text: string, tokens: readonly Token[], first: number, words: PersonWords, longest: number, after?: number): number | undefined {
  if (after !== undefined && !follows(text, tokens, first)) return undefined;
  let to: number | undefined;
  let at = first;
  let count = 0;
  while (at < tokens.length && count < longest) {
    const token = tokens[at] as Token;
    if (at > first && !follows(text, tokens, at)) break;
    if (!token.capital && PARTICLES.has(bare(token.text).toLowerCase())) {
      // A particle counts only inside a name: a capitalised word must come after it.
      const next = tokens[at + 1];
      if (!next?.capital || !follows(text, tokens, at + 1)) break;
      at++;
      continue;
    }
    if (!isNameWord(token, words) && !((at > first || after !== undefined) && PARTICLE_NAME.test(token.text))) break;
    // An acronym is no family name (`Jean SECHA`), unless it reads as one: three letters or more, and not in brackets.
    if (token.allCaps && (token.text.length < 3 || text[token.end] === ')')) break;
    to = at;
    count++;
    at++;
  }
  return to;
}

/** What follows a name, as far as the patterns after one read. */
function textAfter(text: string, last: Token): string {
  return text.slice(last.end, last.end + 80);
}

/** `al-Hassan`, or `bin`, `Ag` standing alone inside a name. */
function isParticle(token: Token): boolean {
  return PARTICLE_NAME.test(token.text) || PARTICLES.has(bare(token.text).toLowerCase());
}

/** A capitalised word that may be part of a person's name. */
function isNameWord(token: Token, words: PersonWords): boolean {
  return token.capital && (classOfToken(token, words) & MAY_BE_NAME) !== 0;
}

function isGivenName(token: Token, words: PersonWords): boolean {
  return (classOfToken(token, words) & GIVEN_NAME) !== 0;
}

const MAY_BE_NAME = 1;
const GIVEN_NAME = 2;
const TITLE = 4;
/**
 * What a token's word is to the lists (`MAY_BE_NAME`, `GIVEN_NAME`, `TITLE`), kept with the word
 * (measured: 3% fewer of the check's instructions over the bench's corpus): the same words are asked of again and again.
 */
const classOfToken = memoByToken((word: string, words: PersonWords) => {
  const title = words.titles.has(word);
  const mayBeName = !words.neverNames.has(word) && !words.organisationWords.has(word) && !title && !words.neverNames.has(bare(word));
  return (mayBeName ? MAY_BE_NAME : 0) | (listsGivenName(word, words) ? GIVEN_NAME : 0) | (title ? TITLE : 0);
});

function listsGivenName(word: string, words: PersonWords): boolean {
  if (words.givenNames.has(word) || words.givenNames.has(bare(word))) return true;
  // `Jean-Pierre`, `Marie-Ange`: a compound whose first part is a given name.
  const hyphen = word.search(/[-‑]/);
  if (hyphen < 0) return false;
  const firstPart = word.slice(0, hyphen);
  return words.givenNames.has(firstPart) || words.givenNames.has(bare(firstPart));
}

function isTitle(text: string, token: Token, words: PersonWords): boolean {
  // `l'abbé`: the titles written in lower case come after an article.
  // A capitalised word's answer is remembered with the word (`classOfToken`): every capitalised word is asked.
  const word = token.capital ? token.text : withoutArticle(token.text);
  if (token.capital ? (classOfToken(token, words) & TITLE) === 0 : !words.titles.has(word) || word[0] !== word[0]?.toLowerCase()) return false;
  const dotted = text[token.end] === '.';
  return dotted || !DOTTED_ONLY.has(token.text);
}

/** `abbé` of `l'abbé`: a word without the elided article it is written with. */
function withoutArticle(word: string): string {
  // Asked of every small word: one of one letter (`à`) is never read past its end (see tokens.ts's `letterAt`).
  return word.length > 1 && isApostrophe(word.charCodeAt(1)) && isArticle(word.charCodeAt(0)) ? word.slice(2) : word;
}

/** The token at `index` follows the one before it with only blanks between (after a title, its dot too). */
function follows(text: string, tokens: readonly Token[], index: number, afterTitle = false): boolean {
  if (index < 1) return false;
  const before = tokens[index - 1];
  const token = tokens[index];
  if (!before || !token) return false;
  return joinedByBlanks(text, before, token) || (afterTitle && /^\.[ \t\u00a0]{1,2}$/.test(text.slice(before.end, token.start)));
}
