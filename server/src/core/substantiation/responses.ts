import * as l10n from '@vscode/l10n';
import { cellText, columnName, isEmptyCell, type Sheet } from '../harvest/cells';
import { flattenLineBreaks, HarvestInputError } from '../harvest/import-rows';
import type { FragmentSchema } from '../schema/schema-types';
import type { Agreement } from '../schema/substantiation-types';
import { sectionOf } from './prepare';

/** One outcome's row of a returned form: the answers by their field's key, as the scale writes them. */
export interface Response {
  readonly id: string;
  /** The row in the sheet, from 1, for messages. */
  readonly row: number;
  readonly answers: ReadonlyMap<string, string>;
  readonly comments: string;
  readonly substantiator: string;
}

/** At most this many problems are listed in one message. */
const LISTED = 5;

/**
 * The answers of a returned form (FORMAT.md §9), read by its headers whatever their order and
 * whatever the order of its rows: from the first sheet whose first row holds a FragmentID header
 * and an answer header. Throws a HarvestInputError naming every answer that is not on the scale.
 */
export function readResponses(sheets: readonly Sheet[], schema: FragmentSchema, formName: string): Response[] {
  const section = sectionOf(schema);
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[’‘]/g, "'");
  const answerKeys = section.parts.map((part) => part.field);
  const found = sheets
    .map((sheet) => ({ sheet, headers: (sheet.rows[0] ?? []).map((cell) => fold(cellText(cell))) }))
    .find(({ headers }) => headers.includes(fold(schema.idField)) && answerKeys.some((key) => headers.includes(fold(key))));
  if (!found) {
    throw new HarvestInputError(
      l10n.t('{0} is not a substantiation form: no sheet has a header row with "{1}" and "{2}"', formName, schema.idField, answerKeys[0] ?? ''),
    );
  }
  const column = (key: string) => found.headers.indexOf(fold(key));
  const idColumn = column(schema.idField);
  const answerColumns = answerKeys.map((key) => [key, column(key)] as const);
  const commentsColumn = column(section.commentsField);
  const substantiatorColumn = column(section.substantiatorField);
  const scale = new Map(section.scale.map((step) => [fold(step.value), step.value]));
  const problems: string[] = [];
  const responses: Response[] = [];
  const rowOfId = new Map<string, number>();
  for (const [index, row] of found.sheet.rows.entries()) {
    if (index === 0 || row.every((cell) => isEmptyCell(cell))) continue;
    const id = cellText(row[idColumn]).trim();
    const answers = new Map<string, string>();
    for (const [key, at] of answerColumns) {
      const written = at < 0 ? '' : cellText(row[at]).trim();
      if (written === '') continue;
      const value = scale.get(fold(written));
      if (value === undefined) problems.push(l10n.t('row {0}, column {1} ("{2}"): "{3}"', index + 1, columnName(at + 1), key, written));
      else answers.set(key, value);
    }
    // A comment's line breaks as spaces: a field value is one line, as an import writes a cell (FORMAT.md §6).
    const text = (at: number) => (at < 0 ? '' : flattenLineBreaks(cellText(row[at]).trim()));
    if (id === '') {
      if (answers.size > 0) problems.push(l10n.t('row {0} has answers but no {1}', index + 1, schema.idField));
      continue;
    }
    const earlier = rowOfId.get(id);
    if (earlier !== undefined) problems.push(l10n.t('rows {0} and {1} both answer for {2}', earlier, index + 1, id));
    rowOfId.set(id, index + 1);
    responses.push({ id, row: index + 1, answers, comments: text(commentsColumn), substantiator: text(substantiatorColumn) });
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, LISTED).join('; ');
    const more = problems.length > LISTED ? l10n.t(' (and {0} more)', problems.length - LISTED) : '';
    throw new HarvestInputError(
      l10n.t(
        '{0} holds answers that are not on the scale ({1}), or rows that cannot be read: {2}{3}. Nothing was imported.',
        formName,
        section.scale.map((step) => step.value).join(', '),
        listed,
        more,
      ),
    );
  }
  return responses;
}

/** What a response says overall: a disagreement on any part outweighs a partial one, which outweighs agreement. */
export function overallAgreement(response: Response, schema: FragmentSchema): Agreement | undefined {
  const section = sectionOf(schema);
  const said = new Set([...response.answers.values()].map((value) => section.scale.find((step) => step.value === value)?.agreement));
  for (const agreement of ['disagrees', 'partly agrees', 'agrees', 'does not know'] as const) if (said.has(agreement)) return agreement;
  return undefined;
}
