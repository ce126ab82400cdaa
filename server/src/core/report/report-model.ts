import * as l10n from '@vscode/l10n';
import type { HarvestFragment } from '../harvest/harvest-fragments';
import { naturalCompare } from '../harvest/natural-order';
import { OTHER_CONFIDENTIAL } from '../harvest/records';
import { type HarvestSummary, NO_VALUE } from '../harvest/summary';
import type { FragmentSchema } from '../schema/schema-types';
import { substantiationFieldKeys } from '../schema/substantiation-types';
import { storyModel } from '../story/story-model';
import { fieldNamed } from '../text/parse';
import { type SummaryMatrix, type SummaryTable, summaryTables } from './summary-tables';

/**
 * The harvest report of FORMAT.md §10 as plain data: what its writers (.docx, Markdown) put on
 * the page, every word already in the display language. It is made of the summary the dashboard
 * draws, which counts every outcome, and of the outcomes the caller may quote: confidential and
 * un-anonymised ones are left out of `harvest` before it comes here unless the user included them.
 */
export interface ReportModel {
  /** The document's language (BCP 47), for Word's spelling and hyphenation. */
  readonly language: string;
  readonly title: string;
  readonly headings: { readonly scope: string; readonly totals: string; readonly tables: string; readonly outcomes: string };
  readonly scope: readonly ReportLine[];
  readonly totals: readonly ReportLine[];
  readonly tables: readonly SummaryTable[];
  readonly matrix?: SummaryMatrix;
  /** What is counted but not quoted, in sentences; empty when every outcome is quoted. */
  readonly leftOut: readonly string[];
  readonly objectives: ReadonlyArray<{ readonly objective: string; readonly outcomes: readonly ReportOutcome[] }>;
  /** How a quoted confidential outcome is marked on its first line. */
  readonly confidentialMark: string;
}

export interface ReportLine {
  readonly label: string;
  readonly value: string;
}

export interface ReportOutcome {
  readonly id: string;
  readonly confidential: boolean;
  /** The merged story, section by section, as stored: every `<redacted>` kept. */
  readonly story: ReadonlyArray<{ readonly label: string; readonly text: string }>;
  /** Ratings, status, evidence and substantiation, as written. */
  readonly details: readonly ReportLine[];
}

export interface ReportInput {
  readonly summary: HarvestSummary;
  /** The outcomes the report quotes (already without those left out). */
  readonly harvest: readonly HarvestFragment[];
  readonly leftOut: { readonly confidential: number; readonly unanonymised: number };
  readonly schema: FragmentSchema;
  readonly language: string;
}

/** Tables the report leaves to the editor: the problems are the writer's, not the evaluation's findings. */
const NOT_REPORTED = new Set(['problems']);

export function reportModel(input: ReportInput): ReportModel {
  const { summary, schema } = input;
  const { tables, matrix } = summaryTables(summary);
  const objectiveField = schema.harvest.dimensions.find((dimension) => dimension.name === 'objective')?.field ?? schema.objectiveCheck?.objectiveField;
  return {
    language: input.language,
    title: l10n.t('Outcome Harvest report'),
    headings: { scope: l10n.t('Scope'), totals: l10n.t('Totals'), tables: l10n.t('Tables'), outcomes: l10n.t('Outcomes') },
    scope: scopeOf(summary),
    totals: [
      { label: l10n.t('Outcomes'), value: String(summary.totals.outcomes) },
      { label: l10n.t('Confidential'), value: String(summary.totals.confidential) },
      { label: l10n.t('With evidence'), value: String(summary.totals.withEvidence) },
      { label: l10n.t('With problems'), value: String(summary.totals.withProblems) },
      { label: l10n.t('Possible identifiers'), value: String(summary.totals.withIdentifiers) },
    ],
    tables: tables.filter((table) => !NOT_REPORTED.has(table.id) && table.rows.length > 0),
    ...(matrix ? { matrix } : {}),
    leftOut: leftOutSentences(input.leftOut),
    objectives: byObjective(input.harvest, schema, objectiveField, summary),
    confidentialMark: l10n.t('Confidential'),
  };
}

/** A locale as the CLI or VS Code names it (`fr`, `fr_BE.UTF-8`, `en-GB`) as a document's language: `fr-FR`, `fr-BE`, `en-GB`. */
export function documentLanguage(locale: string): string {
  const [language = 'en', region] = locale.split('.')[0]?.split(/[-_]/) ?? [];
  const lower = /^[a-z]{2,3}$/i.test(language) ? language.toLowerCase() : 'en';
  const defaults: Record<string, string> = { en: 'US', fr: 'FR' };
  const upper = region && /^[a-z]{2}$/i.test(region) ? region.toUpperCase() : defaults[lower];
  return upper ? `${lower}-${upper}` : lower;
}

function scopeOf(summary: HarvestSummary): ReportLine[] {
  const shown = (name: string) =>
    (summary.dimensions.find((dimension) => dimension.name === name)?.groups ?? [])
      .map((group) => group.value)
      .filter((value) => value !== NO_VALUE && value !== OTHER_CONFIDENTIAL);
  const years = shown('year')
    .map(Number)
    .filter((year) => Number.isInteger(year));
  const lines: ReportLine[] = [
    { label: l10n.t('Files'), value: String(summary.files.length) },
    { label: l10n.t('Outcomes'), value: String(summary.totals.outcomes) },
  ];
  if (years.length > 0) {
    const first = Math.min(...years);
    const last = Math.max(...years);
    lines.push({ label: l10n.t('Period'), value: first === last ? String(first) : `${first}–${last}` });
  }
  const countries = shown('country');
  if (countries.length > 0) lines.push({ label: l10n.t('Countries'), value: countries.join(', ') });
  return lines;
}

function leftOutSentences(leftOut: ReportInput['leftOut']): string[] {
  const sentences: string[] = [];
  if (leftOut.confidential === 1) sentences.push(l10n.t('1 confidential outcome is counted in the tables; its text is left out.'));
  else if (leftOut.confidential > 1)
    sentences.push(l10n.t('{0} confidential outcomes are counted in the tables; their text is left out.', leftOut.confidential));
  if (leftOut.unanonymised === 1)
    sentences.push(l10n.t('1 outcome that may still name someone (possible-identifier) is counted in the tables; its text is left out.'));
  else if (leftOut.unanonymised > 1)
    sentences.push(
      l10n.t('{0} outcomes that may still name someone (possible-identifier) are counted in the tables; their text is left out.', leftOut.unanonymised),
    );
  return sentences;
}

/** The outcomes under their objective, the objectives in the summary's order, each ordered by FragmentID. */
function byObjective(harvest: readonly HarvestFragment[], schema: FragmentSchema, objectiveField: string | undefined, summary: HarvestSummary) {
  const none = l10n.t('(no objective)');
  const groups = new Map<string, ReportOutcome[]>();
  for (const { fragment } of harvest) {
    const objective = (objectiveField === undefined ? '' : (fieldNamed(fragment, objectiveField)?.value.trim() ?? '')) || none;
    const outcomes = groups.get(objective) ?? [];
    outcomes.push(outcomeOf(fragment, schema));
    groups.set(objective, outcomes);
  }
  const order = (summary.dimensions.find((dimension) => dimension.name === 'objective')?.groups ?? []).map((group) => group.value);
  const rank = (objective: string) => (objective === none ? Number.MAX_SAFE_INTEGER : order.indexOf(objective) < 0 ? order.length : order.indexOf(objective));
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || naturalCompare(a, b))
    .map(([objective, outcomes]) => ({ objective, outcomes: outcomes.sort((a, b) => naturalCompare(a.id, b.id)) }));
}

function outcomeOf(fragment: HarvestFragment['fragment'], schema: FragmentSchema): ReportOutcome {
  const model = storyModel([fragment], schema, []).fragments[0];
  if (!model) return { id: '', confidential: true, story: [], details: [] };
  const details: ReportLine[] = model.badges.map((badge) => ({ label: badge.field, value: badge.value }));
  if (model.evidence.field !== '')
    details.push({
      label: model.evidence.field,
      value: model.evidence.state === 'present' ? model.evidence.text : model.evidence.state === 'empty' ? l10n.t('(empty)') : l10n.t('(no evidence field)'),
    });
  if (schema.substantiation)
    for (const key of substantiationFieldKeys(schema.substantiation)) {
      const value = fieldNamed(fragment, key)?.value.trim() ?? '';
      if (value !== '') details.push({ label: key, value });
    }
  return {
    id: model.id,
    confidential: model.confidentiality.confidential,
    // The description's section has no label in the story: it is named by its field.
    story: model.story.sections.map((section) => ({ label: section.label.replace(/:\s*$/, '') || section.field, text: section.text })),
    details,
  };
}
