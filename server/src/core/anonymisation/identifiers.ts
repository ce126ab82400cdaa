import { leadingSpace } from '../text/parse';
import type { CompiledAnonymisation, IdentifierKind } from './compiled';
import { findEmails } from './emails';
import { inside, organisationSpans } from './organisations';
import { findPersons } from './persons';
import { findPhones } from './phones';
import { findCuedPlaces } from './place-cues';
import { findPlaces } from './places';
import { piecesOf, shiftedFindings } from './sentences';
import { DIVISION_AFTER, tokensOf } from './tokens';
import { ownString } from './word-memo';

/** An identifying detail found in a text: its kind and where it stands (UTF-16 offsets). */
export interface IdentifierFinding {
  readonly kind: IdentifierKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

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
  if (settings.kinds.size === 0 || leadingSpace(text) === text.length) return [];
  // Blanked out, offsets kept: `<LOC>` is no place, an allowed `Mama Africa` no name.
  let masked = withoutPlaceholders(text);
  if (settings.allowedPattern) masked = masked.replace(settings.allowedPattern, blank);
  const found: IdentifierFinding[] = [];
  const { looksFor } = settings;
  if (looksFor.email) addFindings(found, text, 'email', findEmails(masked));
  if (looksFor.phone) addFindings(found, text, 'phone', findPhones(masked, country, settings.countryCodes));
  if (looksFor.person || looksFor.place) {
    const tokens = tokensOf(masked, settings.smallWords());
    const persons = looksFor.person ? findPersons(masked, tokens, settings.persons, names.known, names.onPart) : NONE;
    let places: ReadonlyArray<{ start: number; end: number }> = NONE;
    if (looksFor.place) {
      const gazetteer = settings.gazetteer();
      const known = findPlaces(masked, gazetteer, tokens);
      const cued = findCuedPlaces(masked, tokens, gazetteer, settings.persons, known);
      places = cued.length > 0 ? [...known, ...cued] : known;
    }
    // The organisations' names are read only when a name or a place was found (most texts have neither).
    if (persons.length > 0 || places.length > 0) {
      const organisations = organisationSpans(masked, tokens, settings.persons.organisationWords);
      addFindings(
        found,
        text,
        'person',
        persons.filter((span) => !inside(span, organisations)),
      );
      // `the Area Land Committee of Lamwo district`: a place its division word names stays one inside an organisation's name.
      addFindings(
        found,
        text,
        'place',
        places.filter((span) => !inside(span, organisations) || DIVISION_AFTER.test(masked.slice(span.end, span.end + 16))),
      );
    }
  }
  if (found.length === 0) return found;
  // By start; at one start, e-mail and phone (added first) before a name over the same text.
  found.sort((a, b) => a.start - b.start);
  const kept: IdentifierFinding[] = [];
  for (const finding of found) {
    if (settings.allowed.has(finding.text.toLowerCase())) continue;
    const last = kept.length > 0 ? kept[kept.length - 1] : undefined;
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
  const names = { onPart: (part: string) => parts.add(part) };
  const read = (piece: string) => {
    // Without a memo (the command line), nothing to keep: a piece is rarely read twice once the merged story is not.
    if (!memo) return findIdentifiers(piece, settings, country, names);
    const key = `${country ?? ''}\u0000${piece}`;
    let known = memo.get(key);
    if (!known) {
      const found: string[] = [];
      known = { findings: findIdentifiers(piece, settings, country, { onPart: (part) => found.push(part) }), parts: found };
      memo.set(key, known);
    }
    for (const part of known.parts) parts.add(part);
    return known.findings;
  };
  // Loops, not `map`: the check runs this for every fragment, and arrays of every kind come here
  // (none, one text, many), which made V8 set aside its optimised code for `map` again and again.
  const pieces: Array<ReturnType<typeof piecesOf>> = [];
  for (const text of texts) pieces.push(piecesOf(text));
  const readPiece = (piece: { text: string }) => read(piece.text);
  const found: IdentifierFinding[][] = [];
  for (const list of pieces) found.push(findingsOf(list, readPiece));
  if (parts.size === 0) return found;
  // Again, with every part known, only the pieces where one stands.
  const holdsPart = (piece: { text: string }) => [...parts].some((part) => piece.text.includes(part));
  return pieces.map((list, index) =>
    list.some(holdsPart)
      ? findingsOf(list, (piece) => (holdsPart(piece) ? findIdentifiers(piece.text, settings, country, { known: parts }) : read(piece.text)))
      : (found[index] as IdentifierFinding[]),
  );
}

/** The findings of a text's pieces, each read by `read`, where they stand in the text (most pieces have none). */
function findingsOf(
  pieces: ReadonlyArray<{ text: string; start: number }>,
  read: (piece: { text: string; start: number }) => IdentifierFinding[],
): IdentifierFinding[] {
  const found: IdentifierFinding[] = [];
  for (const piece of pieces) {
    const findings = read(piece);
    if (findings.length > 0) found.push(...shiftedFindings(findings, piece.start));
  }
  return found;
}

/** Pushes the findings of a kind, with their text. */
function addFindings(found: IdentifierFinding[], text: string, kind: IdentifierKind, spans: ReadonlyArray<{ start: number; end: number }>): void {
  for (const { start, end } of spans) found.push({ kind, start, end, text: text.slice(start, end) });
}

/** No spans: what a finder that found nothing is read as. */
const NONE: ReadonlyArray<{ start: number; end: number }> = [];

/** The pieces a memo keeps at most: a few hundred fragments' worth. */
const MEMO_LIMIT = 5_000;

/** What a memo of `identifiersOfTexts` holds. */
export type IdentifierMemo = Map<string, { findings: IdentifierFinding[]; parts: readonly string[] }>;

/**
 * The text with its placeholders (`<person>`, `<LOC>`, `<redacted>`: a `<`, 1 to 40 characters
 * but `<`, `>` and a line break, a `>`) blanked out. Read by hand: most pieces hold none, and the
 * others several (a pattern's replace calls back for each). Always a string of its own: a piece
 * is a slice of its file's text, which V8 reads through a view, character by character more
 * slowly than a string of its own (by half: measured over the bench's corpus); the finders read
 * every character, and a copy costs less than that.
 */
function withoutPlaceholders(text: string): string {
  let open = text.indexOf('<');
  if (open < 0) return ownString(text);
  const parts: string[] = [];
  let copied = 0;
  while (open >= 0) {
    let close = open + 1;
    while (close < text.length && close - open <= 41 && !endsPlaceholder(text.charCodeAt(close))) close++;
    if (text.charCodeAt(close) === 62 /* > */ && close > open + 1 && close - open <= 41) {
      parts.push(text.slice(copied, open), BLANKS[close + 1 - open] as string);
      copied = close + 1;
      open = text.indexOf('<', copied);
    } else open = text.indexOf('<', open + 1);
  }
  if (copied === 0) return ownString(text);
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Blanks as long as a placeholder can be, by length. */
const BLANKS = Array.from({ length: 43 }, (_, length) => ' '.repeat(length));

/** `<`, `>`, a line break: what a placeholder holds none of. */
const endsPlaceholder = (code: number) => code === 60 || code === 62 || code === 10;

function blank(text: string): string {
  return ' '.repeat(text.length);
}
