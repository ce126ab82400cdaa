import type { CompiledAnonymisation, IdentifierKind } from './compiled';
import { findEmails } from './emails';
import { findPersons } from './persons';
import { findPhones } from './phones';
import { findCuedPlaces } from './place-cues';
import { findPlaces } from './places';
import { piecesOf, shiftedFindings } from './sentences';
import { DIVISION_AFTER, inside, organisationSpans, tokensOf } from './tokens';

/** An identifying detail found in a text: its kind and where it stands (UTF-16 offsets). */
export interface IdentifierFinding {
  readonly kind: IdentifierKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A placeholder of the anonymisation (`<person>`, `<LOC>`, `<redacted>`): never read as a name. */
const PLACEHOLDER = /<[^<>\n]{1,40}>/g;

/**
 * The identifying details of a text, in order, without overlaps: an e-mail address or a
 * telephone number wins over a name or a place inside it; a name or a place inside an
 * organisation's name is the organisation's. Placeholders and the harvest's allowed texts are
 * never read. `country` is the ISO code of the fragment's country (telephone plans).
 */
export function findIdentifiers(
  text: string,
  settings: CompiledAnonymisation,
  country: string | undefined,
  /** Parts of names found in the fragment's other texts (see `identifiersOfTexts`), and who hears the ones found here. */
  names: { readonly known?: ReadonlySet<string>; readonly onPart?: (part: string) => void } = {},
): IdentifierFinding[] {
  if (settings.kinds.size === 0 || text.trim() === '') return [];
  // Blanked out, offsets kept: `<LOC>` is no place, an allowed `Mama Africa` no name.
  let masked = text.includes('<') ? text.replace(PLACEHOLDER, blank) : text;
  if (settings.allowedPattern) masked = masked.replace(settings.allowedPattern, blank);
  const found: IdentifierFinding[] = [];
  const add = (kind: IdentifierKind, spans: ReadonlyArray<{ start: number; end: number }>) => {
    for (const { start, end } of spans) found.push({ kind, start, end, text: text.slice(start, end) });
  };
  if (settings.kinds.has('email')) add('email', findEmails(masked));
  if (settings.kinds.has('phone')) add('phone', findPhones(masked, country, settings.countryCodes));
  if (settings.kinds.has('person') || settings.kinds.has('place')) {
    const tokens = tokensOf(masked, settings.smallWords());
    const organisations = organisationSpans(masked, tokens, settings.persons.organisationWords);
    const named = (spans: ReadonlyArray<{ start: number; end: number }>) => spans.filter((span) => !inside(span, organisations));
    if (settings.kinds.has('person')) add('person', named(findPersons(masked, tokens, settings.persons, names.known, names.onPart)));
    if (settings.kinds.has('place')) {
      const gazetteer = settings.gazetteer();
      const places = findPlaces(masked, gazetteer, tokens);
      places.push(...findCuedPlaces(masked, tokens, gazetteer, settings.persons, places));
      // `the Area Land Committee of Lamwo district`: a place its division word names stays one inside an organisation's name.
      add(
        'place',
        places.filter((span) => !inside(span, organisations) || DIVISION_AFTER.test(masked.slice(span.end, span.end + 16))),
      );
    }
  }
  // By start; at one start, e-mail and phone (added first) before a name over the same text.
  found.sort((a, b) => a.start - b.start);
  const kept: IdentifierFinding[] = [];
  for (const finding of found) {
    if (settings.allowed.has(finding.text.toLowerCase())) continue;
    const last = kept[kept.length - 1];
    if (last && finding.start < last.end) continue;
    kept.push(finding);
  }
  return kept;
}

/**
 * The identifying details of a fragment's texts, each text's in order: a part of a name found in
 * one text (`Nafisa` of `Nafisa Babiker`) is found standing alone in the others too. Each text is
 * read piece by piece (sentences, the merged story's parts: sentences.ts), and a piece read once
 * is not read again: the merged story repeats its fields. `memo` keeps pieces' findings beyond
 * this call (the editor's: a keystroke changes one sentence); it is bounded by its owner.
 */
export function identifiersOfTexts(
  texts: readonly string[],
  settings: CompiledAnonymisation,
  country: string | undefined,
  memo?: IdentifierMemo,
): IdentifierFinding[][] {
  if (memo && memo.size > MEMO_LIMIT) memo.clear();
  const parts = new Set<string>();
  const key = (piece: string) => `${country ?? ''}\u0000${piece}`;
  const readPiece = (piece: string) => {
    const found: string[] = [];
    return { findings: findIdentifiers(piece, settings, country, { onPart: (part) => found.push(part) }), parts: found };
  };
  const read = (piece: string) => {
    // Without a memo (the command line), nothing to keep: a piece is rarely read twice once the merged story is not.
    let known = memo?.get(key(piece));
    if (!known) {
      known = readPiece(piece);
      memo?.set(key(piece), known);
    }
    for (const part of known.parts) parts.add(part);
    return known.findings;
  };
  const pieces = texts.map(piecesOf);
  const found = pieces.map((list) => list.flatMap((piece) => shiftedFindings(read(piece.text), piece.start)));
  if (parts.size === 0) return found;
  // Again, with every part known, only the pieces where one stands.
  return pieces.map((list, index) =>
    list.some((piece) => [...parts].some((part) => piece.text.includes(part)))
      ? list.flatMap((piece) =>
          [...parts].some((part) => piece.text.includes(part))
            ? shiftedFindings(findIdentifiers(piece.text, settings, country, { known: parts }), piece.start)
            : shiftedFindings(read(piece.text), piece.start),
        )
      : (found[index] as IdentifierFinding[]),
  );
}

/** The pieces a memo keeps at most: a few hundred fragments' worth. */
const MEMO_LIMIT = 5_000;

/** What a memo of `identifiersOfTexts` holds. */
export type IdentifierMemo = Map<string, { findings: IdentifierFinding[]; parts: readonly string[] }>;

function blank(text: string): string {
  return ' '.repeat(text.length);
}
