import * as l10n from '@vscode/l10n';
import { holdsIdentifiers } from '../anonymisation/fragment-identifiers';
import { HarvestInputError } from '../harvest/import-rows';
import { naturalCompare } from '../harvest/natural-order';
import type { SchemaIndex } from '../schema/schema-index';
import type { FragmentSchema } from '../schema/schema-types';
import type { SubstantiationSchema } from '../schema/substantiation-types';
import { confidentialityOf } from '../story/confidentiality';
import { type Fragment, fieldNamed, parseFragmentFile } from '../text/parse';
import { withFieldValues } from './field-edits';
import { sampleGroups } from './sample';

/** How the outcomes of a form are chosen: all those given, or a sample of each group. */
export interface SampleRequest {
  /** Outcomes drawn from each group. */
  readonly count: number;
  /** The field (or the harvest dimension, by name: `objective`) whose values make the groups; all outcomes are one group without it. */
  readonly per?: string | undefined;
  /** The seed the draw starts from, recorded in the forms. */
  readonly seed: string;
}

export interface PrepareRequest {
  /** The substantiators, each a role and organisation; groups (or outcomes) go to them in turn. */
  readonly substantiators: readonly string[];
  readonly sample?: SampleRequest | undefined;
  /** Put confidential outcomes in the forms too (the user asked for them); left out otherwise. */
  readonly includeConfidential?: boolean;
}

/** One outcome as a form shows it. */
export interface FormOutcome {
  readonly id: string;
  /** The texts of the parts asked about, by the key of the field shown (`Outcome description`). */
  readonly texts: ReadonlyMap<string, string>;
  /** The group it was drawn from ('' without groups). */
  readonly group: string;
}

export interface PlannedForm {
  readonly substantiator: string;
  readonly outcomes: readonly FormOutcome[];
}

export interface SubstantiationPlan {
  readonly forms: readonly PlannedForm[];
  /** The files whose outcomes become `sent`, with their new text; files that do not change are not here. */
  readonly edits: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  /** The field the sample was drawn per (its key), when it was. */
  readonly perField: string | undefined;
  readonly confidentialLeftOut: number;
  readonly unanonymisedLeftOut: number;
}

interface Candidate {
  readonly file: string;
  readonly id: string;
  readonly fragment: Fragment;
}

/**
 * The forms of a substantiation (FORMAT.md §9) from the fragment files of a harvest: the outcomes
 * chosen (all, or a reproducible sample), confidential ones left out unless asked for and those
 * still holding a possible identifying detail always, shared out among the substantiators; and
 * the files with those outcomes marked `sent`.
 */
export function planSubstantiation(
  files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
  schema: FragmentSchema,
  index: SchemaIndex,
  request: PrepareRequest,
  options: { readonly checksIdentifiers: boolean },
): SubstantiationPlan {
  const section = sectionOf(schema);
  const perField = request.sample?.per === undefined ? undefined : groupField(schema, request.sample.per);
  const candidates: Candidate[] = [];
  let confidentialLeftOut = 0;
  let unanonymisedLeftOut = 0;
  const seen = new Set<string>();
  for (const file of files) {
    for (const fragment of parseFragmentFile(file.text, index).fragments) {
      const id = fieldNamed(fragment, schema.idField)?.value ?? '';
      if (id === '' || seen.has(id)) continue;
      seen.add(id);
      if (!request.includeConfidential && confidentialityOf(fragment, schema).confidential) confidentialLeftOut++;
      else if (options.checksIdentifiers && holdsIdentifiers(fragment, schema)) unanonymisedLeftOut++;
      else candidates.push({ file: file.name, id, fragment });
    }
  }
  const groupOf = (candidate: Candidate) => (perField ? (fieldNamed(candidate.fragment, perField)?.value ?? '') : '');
  const chosen = request.sample
    ? sampleGroups(candidates, (candidate) => candidate.id, groupOf, request.sample.count, request.sample.seed, groupOrder(schema, perField))
    : candidates.map((item) => ({ group: groupOf(item), item })).sort((a, b) => naturalCompare(a.item.id, b.item.id));
  if (chosen.length === 0) throw new HarvestInputError(nothingToSend(candidates.length, confidentialLeftOut, unanonymisedLeftOut));

  const substantiators = request.substantiators.length > 0 ? request.substantiators : [l10n.t('Substantiator')];
  const forms = substantiators.map((substantiator) => ({ substantiator, outcomes: [] as FormOutcome[] }));
  // With groups, each group goes to the next substantiator; without, each outcome does.
  const groups = [...new Set(chosen.map((entry) => entry.group))];
  for (const [position, { group, item }] of chosen.entries()) {
    const turn = perField ? groups.indexOf(group) : position;
    const texts = new Map(section.parts.map((part) => [part.about, fieldNamed(item.fragment, part.about)?.value ?? ''] as const));
    forms[turn % forms.length]?.outcomes.push({ id: item.id, texts, group });
  }

  const sentIds = new Map<string, string[]>();
  for (const { item } of chosen) {
    const status = fieldNamed(item.fragment, section.statusField)?.value ?? '';
    // An outcome already answered keeps its status: a second form does not undo the answers.
    if (status.toLowerCase() === section.statuses.answered.toLowerCase()) continue;
    const inFile = sentIds.get(item.file) ?? [];
    inFile.push(item.id);
    sentIds.set(item.file, inFile);
  }
  const edits = files.flatMap((file) => {
    const ids = sentIds.get(file.name);
    if (!ids) return [];
    let text = file.text;
    for (const id of ids) text = withFieldValues(text, index, id, new Map([[section.statusField, section.statuses.sent]]));
    return text === file.text ? [] : [{ name: file.name, text }];
  });
  return { forms: forms.filter((form) => form.outcomes.length > 0), edits, perField, confidentialLeftOut, unanonymisedLeftOut };
}

/** The schema's substantiation section, or why there is none. */
export function sectionOf(schema: FragmentSchema): SubstantiationSchema {
  if (!schema.substantiation) throw new HarvestInputError(l10n.t('the schema has no "substantiation" section: add one to .fragmentrc.json (FORMAT.md §9)'));
  return schema.substantiation;
}

/** The field a sample is drawn per: a harvest dimension by its name (`objective`), or a field by its key (any case). */
export function groupField(schema: FragmentSchema, per: string): string {
  const dimension = schema.harvest.dimensions.find((entry) => entry.name.toLowerCase() === per.toLowerCase());
  if (dimension) return dimension.field;
  const field = schema.fields.find((entry) => entry.key.toLowerCase() === per.trim().toLowerCase());
  if (field) return field.key;
  const names = schema.harvest.dimensions.map((entry) => entry.name).join(', ');
  throw new HarvestInputError(l10n.t('no field or harvest dimension "{0}" to sample per: name a field, or one of {1}', per, names));
}

/** Groups in the order of the field's listed values, then the others in natural order. */
function groupOrder(schema: FragmentSchema, perField: string | undefined): (a: string, b: string) => number {
  const listed = schema.fields.find((field) => field.key === perField)?.values ?? [];
  const rank = (value: string) => {
    const at = listed.indexOf(value);
    return at < 0 ? listed.length : at;
  };
  return (a, b) => rank(a) - rank(b) || naturalCompare(a, b);
}

function nothingToSend(eligible: number, confidentialLeftOut: number, unanonymisedLeftOut: number): string {
  if (eligible === 0 && confidentialLeftOut + unanonymisedLeftOut === 0) return l10n.t('no outcomes in the files given');
  return l10n.t(
    'no outcome can go into a form: {0} confidential (included only when asked for), {1} still holding possible identifying details (never sent: anonymise them first)',
    confidentialLeftOut,
    unanonymisedLeftOut,
  );
}
