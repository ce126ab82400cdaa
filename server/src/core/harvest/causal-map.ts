import * as l10n from '@vscode/l10n';
import type { FieldSchema, FragmentSchema } from '../schema/schema-types';
import { storyModel } from '../story/story-model';
import { fieldNamed } from '../text/parse';
import { listEntries } from '../values/values';
import { type Cell, cellFromText, type Row, type Sheet } from './cells';
import type { HarvestFragment } from './harvest-fragments';

/**
 * The `causal-map` layout (FORMAT.md §6), for Causal Map's importer: `statements` (one row per
 * non-empty part of each merged story, every redaction of the stored story kept), `sources`
 * (one row per fragment with its classifications and ratings) and `questions` (the parts).
 */
export function causalMapSheets(fragments: readonly HarvestFragment[], schema: FragmentSchema): Sheet[] {
  const story = schema.mergedStory;
  const questions = (story?.parts ?? []).map((part) => ({ id: snakeCase(part.field), text: questionText(part.label, part.field) }));
  const statements: Row[] = [['source_id', 'question_id', 'text']];
  const model = storyModel(
    fragments.map((fragment) => fragment.fragment),
    schema,
    [],
  );
  const ids = fragments.map((fragment, position) => sourceId(fragment, schema, position));
  let wholeStories = false;
  for (const [position, fragmentModel] of model.fragments.entries()) {
    for (const section of fragmentModel.story.sections) {
      // A story whose labels fell under a redaction is one statement: cutting it would be a guess.
      if (section.field === story?.field) wholeStories = true;
      statements.push([ids[position] as string, snakeCase(section.field), section.text]);
    }
  }
  if (story && wholeStories)
    questions.push({ id: snakeCase(story.field), text: l10n.t('Merged story (its parts could not be told apart under its redactions)') });

  const sourceFields = schema.fields.filter(isClassification);
  const sources: Row[] = [['source_id', ...sourceFields.map((field) => snakeCase(field.key))]];
  for (const [position, fragment] of fragments.entries()) {
    sources.push([ids[position] as string, ...sourceFields.map((field) => classificationCell(fragment, field))]);
  }
  return [
    { name: 'statements', rows: statements },
    { name: 'sources', rows: sources },
    { name: 'questions', rows: [['question_id', 'question_text'], ...questions.map((question): Row => [question.id, question.text])] },
  ];
}

/** Classifications and ratings: every field that is not free text (or free text with a pattern, like `harvest N`), nor the id or the story. */
function isClassification(field: FieldSchema): boolean {
  if (field.type === 'id' || field.type === 'derived') return false;
  return field.type !== 'text' || field.pattern !== undefined;
}

function classificationCell(fragment: HarvestFragment, field: FieldSchema): Cell {
  // A misspelt key that clearly names the field (`coutnry`) is read as it (FORMAT.md §3).
  const found =
    fieldNamed(fragment.fragment, field.key) ??
    fragment.fragment.fields.find((candidate) => candidate.match.kind === 'unknown' && candidate.match.unique?.key === field.key);
  if (!found) return null;
  if (field.type === 'list')
    return (
      listEntries(found)
        .map((entry) => entry.text)
        .join(', ') || null
    );
  return cellFromText(found.value);
}

function sourceId(fragment: HarvestFragment, schema: FragmentSchema, position: number): string {
  return fieldNamed(fragment.fragment, schema.idField)?.value || `${fragment.file}#${position + 1}`;
}

/** A question's text: the part's label without its colon, or the field's key for the unlabelled first part. */
function questionText(label: string, field: string): string {
  return label.replace(/:\s*$/, '').trim() || field;
}

/** `Link to SCC Specific Objectives` → `link_to_scc_specific_objectives`; `TypeOfChangeCluster` → `type_of_change_cluster`. */
export function snakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}
