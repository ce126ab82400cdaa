/** A word of a text as the name finders read it: where it stands and how it is written. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Starts with a capital letter (`Goma`, `KAVIRA`, `Jean-Pierre`). */
  readonly capital: boolean;
  /** Two letters or more, all capitals (`SECHA`, `KAVIRA`): an acronym, or a family name written the French way. */
  readonly allCaps: boolean;
}

// Letters, marks, and the apostrophes and hyphens inside names (`N'Diaye`, `Mbuji-Mayi`, `al-Hassan`).
const WORD = /[\p{L}\p{M}]+(?:['’\-‑][\p{L}\p{M}]+)*/gu;
const POSSESSIVE = /['’]s$/u;
/** An elided article before a capital: `d'Appel`, `L'Association` (not `N'Diaye`). */
const ELIDED = /^[dlDL]['’](?=\p{Lu})/u;

/** The words of a text, in order; a possessive `'s` is not part of the word (`SECHA's` is `SECHA`). */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const elided = ELIDED.exec(match[0]);
    if (elided) {
      // `d'Appel`, `l'Université`: the article is a connector, the word after it a word of its own.
      const article = elided[0].length;
      tokens.push({ text: match[0].slice(0, article), start: match.index, end: match.index + article, capital: false, allCaps: false });
      pushToken(tokens, match[0].slice(article), match.index + article);
      continue;
    }
    pushToken(tokens, match[0], match.index);
  }
  return tokens;
}

function pushToken(tokens: Token[], word: string, at: number): void {
  {
    const written = word.replace(POSSESSIVE, '');
    const match = { index: at };
    const first = written[0] as string;
    const capital = first !== first.toLowerCase() && first === first.toUpperCase();
    const letters = written.replace(/[^\p{L}]/gu, '');
    tokens.push({
      text: written,
      start: match.index,
      end: match.index + written.length,
      capital,
      allCaps: capital && letters.length >= 2 && letters === letters.toUpperCase(),
    });
  }
}

/** A division word right after a name: a place's (`Hodan district`, `Kolnyang payam`). */
export const DIVISION_AFTER =
  /^[ \t]+(?:district|county|sub-county|payam|boma|town|village|camp|territory|commune|parish|ward|location|quartier|colline)(?![\p{L}])/iu;

/** What stands between two tokens: only blanks (one name may run across them), or anything else. */
export function joinedByBlanks(text: string, before: Token, after: Token): boolean {
  return /^[ \t\u00a0]{1,2}$/.test(text.slice(before.end, after.start));
}

/** A word's forms a list is compared with: as written, and without its accents. */
export function bare(word: string): string {
  // Most words are plain ASCII: nothing to take off, and no normalisation to pay for.
  return NON_ASCII.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '') : word;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: any character outside ASCII is what is looked for
const NON_ASCII = /[^\x00-\x7f]/;

/** The small words that join the parts of an organisation's name (`Ministry of Justice`, `Tribunal de Grande Instance de Bunia`). */
// Not `and`, `et`: they join two names (`the Ministry of Justice and Jean Mukendi`) more often than one.
const CONNECTORS = new Set(['of', 'for', 'the', 'on', 'de', 'des', 'du', 'la', 'le', 'les', 'pour', 'sur', 'en', "d'", "l'", 'd’', 'l’']);

/**
 * The spans of organisation, institution and project names: a run of capitalised words holding
 * one of `organisationWords` (with the `of …` parts after it), or followed by an acronym in
 * brackets (`Seconde Chance (SECHA)`). A name or a place inside one is not a
 * person's name or a place to hide: it names the organisation (FORMAT.md §8).
 */
export function organisationSpans(text: string, tokens: readonly Token[], organisationWords: ReadonlySet<string>): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let index = 0;
  while (index < tokens.length) {
    const first = tokens[index] as Token;
    if (!first.capital) {
      index++;
      continue;
    }
    // A run of capitalised words, each next to the one before; then connectors and more such runs.
    const segments: Array<{ from: number; to: number }> = [];
    let end = index;
    for (;;) {
      let to = end;
      while (to + 1 < tokens.length && (tokens[to + 1] as Token).capital && joinedByBlanks(text, tokens[to] as Token, tokens[to + 1] as Token)) to++;
      segments.push({ from: end, to });
      // `of the`, `de la`, `d'`: connectors between two capitalised runs.
      let next = to + 1;
      let previous = tokens[to] as Token;
      let connectors = 0;
      while (next < tokens.length && connectors < 2 && CONNECTORS.has((tokens[next] as Token).text.toLowerCase()) && !(tokens[next] as Token).capital) {
        if (!/^[ \t\u00a0']{0,2}$/.test(text.slice(previous.end, (tokens[next] as Token).start))) break;
        previous = tokens[next] as Token;
        next++;
        connectors++;
      }
      if (connectors === 0) break;
      const candidate = tokens[next];
      if (!candidate?.capital || !/^[ \t\u00a0']{0,2}$/.test(text.slice(previous.end, candidate.start))) break;
      end = next;
    }
    const lastSegment = segments[segments.length - 1] as { from: number; to: number };
    const organised = segments.findIndex(({ from, to }) => {
      for (let at = from; at <= to; at++) if (isOrganisationWord((tokens[at] as Token).text, organisationWords)) return true;
      return false;
    });
    const runEnd = tokens[lastSegment.to] as Token;
    const acronymAfter = /^\s*\(\s*[\p{Lu}\p{N}][\p{Lu}\p{N}&.\-‑/ ]{1,15}\)/u.test(text.slice(runEnd.end, runEnd.end + 20));
    if (organised >= 0) {
      // The run holding the word and every `of …` part after it; the runs before a connector are names of their own.
      const from = (segments[organised] as { from: number }).from;
      spans.push({ start: (tokens[from] as Token).start, end: runEnd.end });
    } else if (acronymAfter) {
      spans.push({ start: (tokens[(segments[0] as { from: number }).from] as Token).start, end: runEnd.end });
    }
    index = lastSegment.to + 1;
  }
  return spans;
}

/** `Foundation`, `Foundations`, `Fondation`, `Ministère`: compared without accents, plural or singular. */
function isOrganisationWord(word: string, organisationWords: ReadonlySet<string>): boolean {
  if (organisationWords.has(word)) return true;
  const plain = bare(word);
  return organisationWords.has(plain) || (plain.endsWith('s') && organisationWords.has(plain.slice(0, -1)));
}

/** Whether a span lies inside one of the spans (sorted or not: the lists are short). */
export function inside(span: { start: number; end: number }, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  return spans.some((other) => other.start <= span.start && span.end <= other.end);
}
