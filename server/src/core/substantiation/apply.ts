import * as l10n from '@vscode/l10n';
import { HarvestInputError } from '../harvest/import-rows';
import type { SchemaIndex } from '../schema/schema-index';
import type { FragmentSchema } from '../schema/schema-types';
import { substantiationFieldKeys } from '../schema/substantiation-types';
import { fieldNamed, parseFragmentFile } from '../text/parse';
import { withFieldValues } from './field-edits';
import { sectionOf } from './prepare';
import { overallAgreement, type Response } from './responses';

export interface ReturnedForm {
  readonly name: string;
  readonly responses: readonly Response[];
}

export interface AnswersSummary {
  /** Outcomes that got at least one answer or a comment. */
  readonly answered: number;
  readonly agreed: number;
  readonly partlyAgreed: number;
  readonly disagreed: number;
  /** Rows of the forms left without an answer. */
  readonly unanswered: number;
}

export interface AnswersPlan extends AnswersSummary {
  /** The files whose outcomes take the answers, with their new text; files that do not change are not here. */
  readonly edits: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  /** Earlier answers that differ from the form's, overwritten (only `force` allows it). */
  readonly conflicts: readonly string[];
}

/**
 * The answers of returned forms written into the harvest's outcomes (FORMAT.md §9): each answer
 * into its field, the comments and the substantiator, and the status `answered`. A form none of
 * whose outcomes is in the harvest is another harvest's, and an outcome the harvest lacks is
 * named: both throw, nothing written. So does an earlier, different answer, unless `force`.
 */
export function planAnswers(
  files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
  schema: FragmentSchema,
  index: SchemaIndex,
  forms: readonly ReturnedForm[],
  /**
   * `forceFlag`: how the user says "overwrite" where this runs (the CLI's flag, or the editor's button).
   * `listConflicts`: a plan only (a dry run) lists the earlier answers that differ rather than refusing.
   */
  options: { readonly force?: boolean; readonly forceFlag?: string | undefined; readonly listConflicts?: boolean } = {},
): AnswersPlan {
  const section = sectionOf(schema);
  const where = new Map<string, { file: number; values: Map<string, string> }>();
  for (const [file, { text }] of files.entries()) {
    for (const fragment of parseFragmentFile(text, index).fragments) {
      const id = fieldNamed(fragment, schema.idField)?.value ?? '';
      if (id === '' || where.has(id)) continue;
      const values = new Map<string, string>();
      for (const key of substantiationFieldKeys(section)) values.set(key, fieldNamed(fragment, key)?.value ?? '');
      where.set(id, { file, values });
    }
  }
  for (const form of forms) {
    const missing = form.responses.filter((response) => !where.has(response.id)).map((response) => response.id);
    if (missing.length === 0) continue;
    if (missing.length === form.responses.length) {
      throw new HarvestInputError(
        l10n.t('{0} is a form of another harvest: none of its outcomes ({1}) is in the files given. Nothing was imported.', form.name, preview(missing)),
      );
    }
    throw new HarvestInputError(l10n.t('{0} answers for outcomes that are not in the files given: {1}. Nothing was imported.', form.name, preview(missing)));
  }

  const changes = new Map<number, Array<{ id: string; values: Map<string, string> }>>();
  const conflicts: string[] = [];
  const summary = { answered: 0, agreed: 0, partlyAgreed: 0, disagreed: 0, unanswered: 0 };
  for (const form of forms) {
    for (const response of form.responses) {
      if (response.answers.size === 0 && response.comments === '') {
        summary.unanswered++;
        continue;
      }
      const outcome = where.get(response.id) as { file: number; values: Map<string, string> };
      const values = new Map<string, string>(response.answers);
      if (response.comments !== '') values.set(section.commentsField, response.comments);
      if (response.substantiator !== '') values.set(section.substantiatorField, response.substantiator);
      for (const [key, value] of values) {
        const earlier = outcome.values.get(key) ?? '';
        if (earlier === '' || earlier.toLowerCase() === value.toLowerCase()) continue;
        conflicts.push(l10n.t('{0}: "{1}" is "{2}", the form says "{3}"', response.id, key, earlier, value));
      }
      values.set(section.statusField, section.statuses.answered);
      const inFile = changes.get(outcome.file) ?? [];
      inFile.push({ id: response.id, values });
      changes.set(outcome.file, inFile);
      summary.answered++;
      const agreement = overallAgreement(response, schema);
      if (agreement === 'agrees') summary.agreed++;
      else if (agreement === 'partly agrees') summary.partlyAgreed++;
      else if (agreement === 'disagrees') summary.disagreed++;
    }
  }
  if (conflicts.length > 0 && !options.force && !options.listConflicts) {
    throw new HarvestInputError(
      l10n.t(
        'the forms would overwrite earlier answers that differ ({0}): {1}. Nothing was imported; import them again with {2} to overwrite them.',
        conflicts.length,
        conflicts.slice(0, 3).join('; ') + (conflicts.length > 3 ? '; …' : ''),
        options.forceFlag ?? '--force',
      ),
    );
  }
  const edits = [...changes].flatMap(([fileIndex, outcomes]) => {
    const file = files[fileIndex] as { name: string; text: string };
    let text = file.text;
    for (const { id, values } of outcomes) text = withFieldValues(text, index, id, values);
    return text === file.text ? [] : [{ name: file.name, text }];
  });
  return { ...summary, edits, conflicts };
}

/** The first few ids, for a message. */
function preview(ids: readonly string[]): string {
  return ids.length > 3 ? `${ids.slice(0, 3).join(', ')}, …` : ids.join(', ');
}
