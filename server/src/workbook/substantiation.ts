import * as l10n from '@vscode/l10n';
import { safeFileNamePart } from '../core/harvest/file-names';
import type { FragmentService } from '../core/service';
import { type AnswersPlan, planAnswers, type ReturnedForm } from '../core/substantiation/apply';
import { formSheets } from '../core/substantiation/form';
import { type PrepareRequest, planSubstantiation, type SubstantiationPlan } from '../core/substantiation/prepare';
import { readResponses } from '../core/substantiation/responses';
import { readWorkbookSheets, writeWorkbook } from '.';
import type { GivenLimits, RaiseLimitWith } from './limits';
import { WorkbookError } from './workbook-error';

/**
 * What substantiation needs of where it runs: the CLI and the desktop's server read and write the
 * disk (server/src/node/substantiation-files.ts), the web worker asks the client
 * (server/src/browser/substantiation-requests.ts). Everything else is this one implementation.
 */
export interface SubstantiationFiles {
  /** The fragment files of folders and files, as exports read them. */
  readHarvest(paths: readonly string[]): Promise<ReadonlyArray<{ readonly name: string; readonly text: string }>>;
  readBytes(path: string): Promise<Uint8Array>;
  /** Writes every file, or none (`folder` made first when asked). */
  writeAll(files: ReadonlyArray<{ readonly path: string; readonly content: string | Uint8Array }>, folder?: string): Promise<void>;
  /** A file's path (or URI) in a folder, and a path's last part. */
  join(folder: string, name: string): string;
  baseName(path: string): string;
}

export interface PrepareOptions extends PrepareRequest {
  readonly service: FragmentService;
  /** Plan only: say which forms would be written and which outcomes marked, write nothing. */
  readonly dryRun?: boolean | undefined;
  /** The day the forms are prepared on (`YYYY-MM-DD`); today unless given. */
  readonly today?: string;
}

export interface PrepareSummary extends Omit<SubstantiationPlan, 'edits' | 'forms'> {
  /** Each form written (or to write): its path, its substantiator and its outcomes' ids. */
  readonly forms: ReadonlyArray<{ readonly path: string; readonly substantiator: string; readonly ids: readonly string[] }>;
  /** The fragment files whose outcomes were marked `sent`. */
  readonly marked: readonly string[];
  readonly written: boolean;
}

/**
 * `fragments substantiate prepare` and Prepare Substantiation… (FORMAT.md §9): the forms and the
 * outcomes marked `sent`, written together, all or nothing.
 */
export async function prepareSubstantiation(
  files: SubstantiationFiles,
  paths: readonly string[],
  outFolder: string,
  options: PrepareOptions,
): Promise<PrepareSummary> {
  const harvestFiles = await files.readHarvest(paths);
  const { schema, index } = options.service;
  const plan = planSubstantiation(harvestFiles, schema, index, options, { checksIdentifiers: options.service.checksIdentifiers });
  const prepared = options.today ?? new Date().toISOString().slice(0, 10);
  const harvest = files.baseName(paths[0] ?? '');
  const sample = options.sample && { count: options.sample.count, perField: plan.perField, seed: options.sample.seed };
  const used = new Set<string>();
  const forms = await Promise.all(
    plan.forms.map(async (form) => {
      const path = files.join(outFolder, formFileName(form.substantiator, used));
      const content = await writeWorkbook(formSheets(form, schema, { harvest, prepared, sample }), 'xlsx');
      return { path, content, substantiator: form.substantiator, ids: form.outcomes.map((outcome) => outcome.id) };
    }),
  );
  const summary = {
    perField: plan.perField,
    confidentialLeftOut: plan.confidentialLeftOut,
    unanonymisedLeftOut: plan.unanonymisedLeftOut,
    forms: forms.map(({ path, substantiator, ids }) => ({ path, substantiator, ids })),
    marked: plan.edits.map((edit) => edit.name),
  };
  if (options.dryRun) return { ...summary, written: false };
  await files.writeAll(
    [...forms.map(({ path, content }) => ({ path, content })), ...plan.edits.map((edit) => ({ path: edit.name, content: edit.text }))],
    outFolder,
  );
  return { ...summary, written: true };
}

/** `substantiation-Lawyer, bar association.xlsx`: the substantiator's words made safe, a number added should two be the same. */
function formFileName(substantiator: string, used: Set<string>): string {
  const base = `substantiation-${safeFileNamePart(substantiator).replace(/\s+/g, ' ').trim().slice(0, 80)}`;
  let name = `${base}.xlsx`;
  for (let number = 2; used.has(name.toLowerCase()); number++) name = `${base} (${number}).xlsx`;
  used.add(name.toLowerCase());
  return name;
}

export interface AnswersOptions {
  readonly service: FragmentService;
  /** Overwrite earlier answers that differ. */
  readonly force?: boolean | undefined;
  readonly dryRun?: boolean | undefined;
  readonly limits?: GivenLimits | undefined;
  readonly raiseWith?: RaiseLimitWith;
  /** How the user says "overwrite" where this runs, for the message that asks them to: `--force` unless given. */
  readonly forceWith?: string | undefined;
}

export interface AnswersSummary extends Omit<AnswersPlan, 'edits'> {
  readonly changed: readonly string[];
  readonly written: boolean;
}

/** `fragments substantiate import` and Import Substantiation Responses…: the answers of the forms into the harvest, all or nothing. */
export async function importSubstantiation(
  files: SubstantiationFiles,
  formPaths: readonly string[],
  harvestPaths: readonly string[],
  options: AnswersOptions,
): Promise<AnswersSummary> {
  const { schema, index } = options.service;
  const forms: ReturnedForm[] = [];
  for (const path of formPaths) {
    const name = files.baseName(path);
    const bytes = await files.readBytes(path);
    let sheets: Awaited<ReturnType<typeof readWorkbookSheets>>;
    try {
      sheets = await readWorkbookSheets(bytes, name, { limits: options.limits, raiseWith: options.raiseWith });
    } catch (error) {
      throw new WorkbookError(`${name}: ${(error as Error).message}`);
    }
    forms.push({ name, responses: readResponses(sheets, schema, name) });
  }
  const harvestFiles = await files.readHarvest(harvestPaths);
  const plan = planAnswers(harvestFiles, schema, index, forms, {
    force: options.force === true,
    forceFlag: options.forceWith,
    listConflicts: options.dryRun === true,
  });
  const { edits, ...counts } = plan;
  const summary = { ...counts, changed: edits.map((edit) => edit.name) };
  if (options.dryRun || edits.length === 0) return { ...summary, written: false };
  await files.writeAll(edits.map((edit) => ({ path: edit.name, content: edit.text })));
  return { ...summary, written: true };
}

/** The message of a file that cannot be read, as every adapter words it. */
export function unreadable(path: string, reason: string): WorkbookError {
  return new WorkbookError(l10n.t('cannot read {0}: {1}', path, reason));
}
