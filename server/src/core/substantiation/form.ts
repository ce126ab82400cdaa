import * as l10n from '@vscode/l10n';
import type { Row, Sheet } from '../harvest/cells';
import type { FragmentSchema } from '../schema/schema-types';
import type { PlannedForm } from './prepare';
import { sectionOf } from './prepare';

/** What a form records of how it was made, on its instruction sheet. */
export interface FormContext {
  /** The harvest's name (its folder). */
  readonly harvest: string;
  /** The day it was prepared, `YYYY-MM-DD`. */
  readonly prepared: string;
  /** The sample the outcomes were drawn in, when they were. */
  readonly sample?: { readonly count: number; readonly perField: string | undefined; readonly seed: string } | undefined;
}

/** The name of the sheet of outcomes, which an import looks for by its headers, not by this name. */
export const OUTCOMES_SHEET = 'Outcomes';

/**
 * A substantiation form (FORMAT.md §9): an instruction sheet first, in the display language, then
 * one row per outcome: FragmentID and the texts asked about, the substantiator, then the answer
 * columns headed by their fields' keys, the answers to choose from a drop-down list.
 */
export function formSheets(form: PlannedForm, schema: FragmentSchema, context: FormContext): Sheet[] {
  const section = sectionOf(schema);
  const scale = section.scale.map((step) => step.value);
  const headers = [
    schema.idField,
    ...section.parts.map((part) => part.about),
    section.substantiatorField,
    ...section.parts.map((part) => part.field),
    section.commentsField,
  ];
  const rows: Row[] = [headers];
  for (const outcome of form.outcomes) {
    rows.push([outcome.id, ...section.parts.map((part) => outcome.texts.get(part.about) ?? ''), form.substantiator, ...section.parts.map(() => null), null]);
  }
  const firstAnswer = 2 + section.parts.length;
  const outcomes: Sheet = {
    name: OUTCOMES_SHEET,
    rows,
    lists: section.parts.map((_, offset) => ({ column: firstAnswer + offset, values: scale })),
    widths: [22, ...section.parts.map(() => 60), 28, ...section.parts.map(() => 20), 50],
  };
  return [instructions(form, schema, context, scale), outcomes];
}

function instructions(form: PlannedForm, schema: FragmentSchema, context: FormContext, scale: readonly string[]): Sheet {
  const section = sectionOf(schema);
  const { sample } = context;
  const drawn = sample
    ? sample.perField
      ? l10n.t('{0} per "{1}", drawn with the seed {2}', sample.count, sample.perField, sample.seed)
      : l10n.t('{0} drawn with the seed {1}', sample.count, sample.seed)
    : l10n.t('chosen by the evaluation team');
  const lines: string[] = [
    l10n.t('Substantiation of outcomes'),
    '',
    l10n.t(
      'Thank you for reading these outcomes. You know about these changes and are independent of the programme: your view tells the evaluation whether each outcome is right.',
    ),
    '',
    l10n.t('On the sheet "{0}", each row is one outcome. For each one:', OUTCOMES_SHEET),
    l10n.t('1. Read the outcome in the columns "{0}".', section.parts.map((part) => part.about).join('", "')),
    l10n.t('2. In each of the columns "{0}", choose your answer from the list: {1}.', section.parts.map((part) => part.field).join('", "'), scale.join(', ')),
    l10n.t('3. Under "{0}", add what you would correct, or what you doubt (optional).', section.commentsField),
    l10n.t('4. Under "{0}", correct your role and organisation if they are not right. Do not write names of people.', section.substantiatorField),
    l10n.t('Leave the column "{0}" as it is; you may sort the rows or leave some unanswered. Save the workbook and send it back.', schema.idField),
    '',
    l10n.t('Prepared for: {0}', form.substantiator),
    l10n.t('Harvest: {0}', context.harvest),
    l10n.t('Prepared on: {0}', context.prepared),
    l10n.t('Outcomes: {0} ({1})', form.outcomes.length, drawn),
  ];
  return { name: l10n.t('Instructions'), rows: lines.map((line) => [line === '' ? null : line]), widths: [120] };
}
