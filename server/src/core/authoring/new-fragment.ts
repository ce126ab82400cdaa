import * as l10n from '@vscode/l10n';
import type { FragmentSchema } from '../schema/schema-types';
import { substantiationFieldKeys } from '../schema/substantiation-types';
import { fieldNamed, type ParsedFile } from '../text/parse';

/** What a new fragment is asked for: its objective (a code such as `CIV`, or the objective as written), and optionally where and when. */
export interface NewFragmentChoices {
  readonly objective: string;
  readonly country?: string | undefined;
  readonly year?: number | undefined;
}

export interface NewFragment {
  readonly id: string;
  readonly text: string;
  /** Where the writer starts: the end of the first part of the story's line (the description), as a line and a character. */
  readonly cursor: { readonly line: number; readonly character: number };
}

/** A choice that cannot make a fragment (an objective the schema does not list): the message says why. */
export class NewFragmentError extends Error {}

/**
 * The objectives a new fragment may serve: the listed values of the objective field with their
 * codes (`CIV` of `CIV: Less suppression of civic space`).
 */
export function objectivesOf(schema: FragmentSchema): Array<{ readonly code: string; readonly value: string }> {
  const check = schema.objectiveCheck;
  if (!check) return [];
  const field = schema.fields.find((candidate) => candidate.key === check.objectiveField);
  const pattern = new RegExp(check.objectiveCodePattern);
  return (field?.values ?? []).flatMap((value) => {
    const code = pattern.exec(value)?.[1];
    return code ? [{ code, value }] : [];
  });
}

/**
 * The next free FragmentID of an objective (FORMAT.md §3): the prefix the harvest already uses
 * with its code, and one more than the highest number in use with it, as many digits written;
 * in a harvest without one, the schema's `newId` with `001`.
 */
export function nextFragmentId(ids: readonly string[], code: string, schema: FragmentSchema): string {
  const ofCode = new RegExp(`^(.*?)${escapeRegExp(code)}(\\d+)$`);
  let best: { prefix: string; number: number; digits: number } | undefined;
  for (const id of ids) {
    const match = ofCode.exec(id.trim());
    if (!match) continue;
    const number = Number(match[2]);
    if (!best || number > best.number) best = { prefix: match[1] as string, number, digits: (match[2] as string).length };
  }
  if (best) return `${best.prefix}${code}${String(best.number + 1).padStart(best.digits, '0')}`;
  const template = schema.objectiveCheck?.newId ?? '{code}{number}';
  return template.replace('{code}', code).replace('{number}', '001');
}

/**
 * A new fragment of the schema, its fields in canonical order (the substantiation fields left for
 * later, as the snippet leaves them): the FragmentID, the objective, the country and the year
 * filled in, every other value empty for the writer. `ids` are the harvest's FragmentIDs.
 */
export function newFragment(schema: FragmentSchema, ids: readonly string[], choices: NewFragmentChoices, eol = '\n'): NewFragment {
  const objectives = objectivesOf(schema);
  const wanted = choices.objective.trim();
  const objective = objectives.find((candidate) => candidate.code.toLowerCase() === wanted.toLowerCase() || candidate.value === wanted);
  if (!objective) {
    throw new NewFragmentError(
      l10n.t('{0} is not an objective of the schema; one of: {1}', wanted, objectives.map((candidate) => candidate.code).join(', ') || l10n.t('(none)')),
    );
  }
  const id = nextFragmentId(ids, objective.code, schema);
  const countryField = schema.harvest.dimensions.find((dimension) => dimension.name === 'country')?.field;
  const later = new Set(schema.substantiation ? substantiationFieldKeys(schema.substantiation) : []);
  const values = new Map<string, string>([
    [schema.idField, id],
    [schema.objectiveCheck?.objectiveField ?? '', objective.value],
  ]);
  if (countryField && choices.country) values.set(countryField, choices.country.trim());
  const lines = schema.fields
    .filter((field) => !later.has(field.key))
    .map((field) => {
      const value = values.get(field.key) ?? (field.type === 'year' && choices.year !== undefined ? String(choices.year) : '');
      return `**${field.key}**: ${value}`;
    });
  const startField = schema.mergedStory?.parts[0]?.field;
  const line = Math.max(
    0,
    lines.findIndex((text) => text.startsWith(`**${startField}**: `)),
  );
  return { id, text: `${lines.join(eol)}${eol}`, cursor: { line, character: (lines[line] as string).length } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The FragmentIDs a parsed file holds (one per fragment that has one), for `nextFragmentId`. */
export function fragmentIdsOf(file: ParsedFile, schema: FragmentSchema): string[] {
  return file.fragments.flatMap((fragment) => {
    const id = fieldNamed(fragment, schema.idField)?.value;
    return id ? [id] : [];
  });
}

/** `SCC-<redacted>/CIV034` → `CIV034.fragment`: the ID's last part, in letters every file system takes. */
export function fileNameFor(id: string): string {
  const last = id.split('/').pop() ?? id;
  return `${last.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'new'}.fragment`;
}
