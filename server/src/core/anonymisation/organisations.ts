import { AnyCaseWords } from './small-words';
import { bare, joinedByBlanks, type Token } from './tokens';
import { memoByWord } from './word-memo';

/** The small words that join the parts of an organisation's name (`Ministry of Justice`, `Tribunal de Grande Instance de Bunia`). */
// Not `and`, `et`: they join two names (`the Ministry of Justice and Jean Mukendi`) more often than one.
const CONNECTORS = new AnyCaseWords(['of', 'for', 'the', 'on', 'de', 'des', 'du', 'la', 'le', 'les', 'pour', 'sur', 'en', "d'", "l'", 'd’', 'l’']);
/** The small words `organisationSpans` reads (`tokensOf`'s `kept`). */
export const ORGANISATION_SMALL_WORDS: readonly string[] = [...CONNECTORS.words];

/**
 * The spans of organisation, institution and project names: a run of capitalised words holding
 * one of `organisationWords` (with the `of …` parts after it), or followed by an acronym in
 * brackets (`Seconde Chance (SECHA)`). A name or a place inside one is not a
 * person's name or a place to hide: it names the organisation (FORMAT.md §8).
 */
export function organisationSpans(text: string, tokens: readonly Token[], organisationWords: ReadonlySet<string>): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let bracket = text.indexOf('(');
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index] as Token;
    if (!first.capital) {
      index++;
      continue;
    }
    // A run of capitalised words, each next to the one before; then connectors and more such runs.
    // The first run holding an organisation's word starts the name (`organisedFrom`).
    let organisedFrom = -1;
    let end = index;
    let to = end;
    for (;;) {
      to = end;
      while (to + 1 < tokens.length && (tokens[to + 1] as Token).capital && joinedByBlanks(text, tokens[to] as Token, tokens[to + 1] as Token)) to++;
      if (organisedFrom < 0 && holdsOrganisationWord(tokens, end, to, organisationWords)) organisedFrom = end;
      // `of the`, `de la`, `d'`: connectors between two capitalised runs.
      let next = to + 1;
      let previous = tokens[to] as Token;
      let connectors = 0;
      while (next < tokens.length && connectors < 2 && !(tokens[next] as Token).capital && CONNECTORS.has((tokens[next] as Token).text)) {
        if (!joinsOrganisation(text, previous.end, (tokens[next] as Token).start)) break;
        previous = tokens[next] as Token;
        next++;
        connectors++;
      }
      if (connectors === 0) break;
      const candidate = tokens[next];
      if (!candidate?.capital || !joinsOrganisation(text, previous.end, candidate.start)) break;
      end = next;
    }
    const runEnd = tokens[to] as Token;
    // Asked after every run of capitalised words: the pattern only where a bracket opens (looked for again once passed).
    if (bracket >= 0 && bracket < runEnd.end) bracket = text.indexOf('(', runEnd.end);
    const acronymAfter = bracket >= 0 && bracket < runEnd.end + 20 && ACRONYM_AFTER.test(text.slice(runEnd.end, runEnd.end + 20));
    // The run holding the word and every `of …` part after it; the runs before a connector are names of their own.
    if (organisedFrom >= 0) spans.push({ start: (tokens[organisedFrom] as Token).start, end: runEnd.end });
    else if (acronymAfter) spans.push({ start: first.start, end: runEnd.end });
    index = to + 1;
  }
  return spans;
}

function holdsOrganisationWord(tokens: readonly Token[], from: number, to: number, organisationWords: ReadonlySet<string>): boolean {
  for (let at = from; at <= to; at++) if (isOrganisationWord((tokens[at] as Token).text, organisationWords)) return true;
  return false;
}

/** `(SECHA)`, `(CNDH-RDC)`: an acronym in brackets after a name. */
const ACRONYM_AFTER = /^\s*\(\s*[\p{Lu}\p{N}][\p{Lu}\p{N}&.\-‑/ ]{1,15}\)/u;

/** Between two parts of an organisation's name: at most two blanks or apostrophes (`[ \t\u00a0']{0,2}`). */
function joinsOrganisation(text: string, from: number, to: number): boolean {
  if (to - from > 2 || to < from) return false;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 9 && code !== 0xa0 && code !== 39) return false;
  }
  return true;
}

/** `Foundation`, `Foundations`, `Fondation`, `Ministère`: compared without accents, plural or singular. */
const isOrganisationWord = memoByWord((word: string, organisationWords: ReadonlySet<string>) => {
  const plain = bare(word);
  return organisationWords.has(word) || organisationWords.has(plain) || (plain.endsWith('s') && organisationWords.has(plain.slice(0, -1)));
});

/** Whether a span lies inside one of the spans (sorted or not: the lists are short). */
export function inside(span: { start: number; end: number }, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  return spans.some((other) => other.start <= span.start && span.end <= other.end);
}
