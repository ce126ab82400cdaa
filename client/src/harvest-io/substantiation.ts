import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  IMPORT_SUBSTANTIATION_REQUEST,
  type ImportSubstantiationParams,
  type ImportSubstantiationResult,
  PREPARE_SUBSTANTIATION_REQUEST,
  type PrepareSubstantiationParams,
  type PrepareSubstantiationResult,
} from '../../../server/src/protocol';
import { errorMessage, pickOne } from './pickers';

/** What a caller (another extension, a test) may decide instead of the user; each one left out is asked. */
export interface PrepareSubstantiationOptions {
  readonly out?: vscode.Uri;
  readonly substantiators?: readonly string[];
  /** `null`: every outcome given, no sample. */
  readonly sample?: { readonly count: number; readonly per?: string; readonly seed: string } | null;
  readonly includeConfidential?: boolean;
  /** Write without asking to confirm (false: write nothing). */
  readonly confirm?: boolean;
}

export interface SubstantiationOutcome<Result> {
  readonly result?: Result;
  readonly error?: string;
}

/** The harvest dimensions of the default schema a sample is drawn per; any other field can be typed. */
const GROUPS = ['objective', 'country', 'year', 'status', 'social-actor'];

/**
 * "Prepare Substantiation…" (FORMAT.md §9): the outcomes (the folder or files clicked), the
 * substantiators, all or a seeded sample, confidential ones or not; a dry run, a confirmation,
 * then the forms and the outcomes marked `sent`, written all or nothing, in the language server.
 */
export async function prepareSubstantiation(
  client: () => Promise<BaseLanguageClient>,
  resources: readonly vscode.Uri[],
  options: PrepareSubstantiationOptions = {},
): Promise<SubstantiationOutcome<PrepareSubstantiationResult> | undefined> {
  const paths = resources.length > 0 ? resources : await pickHarvest(vscode.l10n.t('Prepare Substantiation: the outcomes to choose from'));
  if (!paths || paths.length === 0) return undefined;
  const first = paths[0] as vscode.Uri;
  const substantiators = options.substantiators ?? (await askSubstantiators());
  if (!substantiators) return undefined;
  const sample = options.sample === undefined ? await askSample() : (options.sample ?? undefined);
  if (sample === null) return undefined;
  const includeConfidential =
    options.includeConfidential ??
    (await pickOne(
      [
        { label: vscode.l10n.t('Leave confidential outcomes out'), value: false },
        { label: vscode.l10n.t('Include confidential outcomes'), detail: vscode.l10n.t('Only for substantiators allowed to read them'), value: true },
      ],
      undefined,
      vscode.l10n.t('Confidential outcomes'),
    ));
  if (includeConfidential === undefined) return undefined;
  const out = options.out ?? vscode.Uri.joinPath(first, '..', 'substantiation');
  const params: PrepareSubstantiationParams = {
    paths: paths.map((uri) => uri.toString()),
    out: out.toString(),
    substantiators,
    ...(sample ? { sample } : {}),
    includeConfidential,
  };
  const running = await client();
  try {
    const plan = await running.sendRequest<PrepareSubstantiationResult>(PREPARE_SUBSTANTIATION_REQUEST, { ...params, dryRun: true });
    const write = vscode.l10n.t('Write the Forms');
    const confirmed =
      options.confirm ??
      (await vscode.window.showInformationMessage(
        vscode.l10n.t('Write {0} substantiation forms into {1}?', plan.forms.length, out.path.replace(/^.*\//, '')),
        { modal: true, detail: plan.message },
        write,
      )) === write;
    if (!confirmed) return { result: plan };
    const result = await running.sendRequest<PrepareSubstantiationResult>(PREPARE_SUBSTANTIATION_REQUEST, params);
    void reveal(result.message, out);
    return { result };
  } catch (error) {
    const message = errorMessage(error);
    if (message === undefined) return undefined;
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot prepare substantiation: {0}', message));
    return { error: message };
  }
}

export interface ImportSubstantiationOptions {
  readonly into?: readonly vscode.Uri[];
  /** Overwrite earlier answers that differ without asking (false: write nothing when some do). */
  readonly overwrite?: boolean;
}

/** "Import Substantiation Responses…": the returned forms, the harvest they answer for; a dry run, then the answers, all or nothing. */
export async function importSubstantiation(
  client: () => Promise<BaseLanguageClient>,
  resources: readonly vscode.Uri[],
  options: ImportSubstantiationOptions = {},
): Promise<SubstantiationOutcome<ImportSubstantiationResult> | undefined> {
  const forms = resources.length > 0 ? resources : await pickForms();
  if (!forms || forms.length === 0) return undefined;
  const into = options.into ?? (await pickHarvest(vscode.l10n.t('Import Substantiation Responses: the harvest the forms answer for')));
  if (!into || into.length === 0) return undefined;
  const settings = vscode.workspace.getConfiguration('outcomeFragments.import', into[0]);
  const params: ImportSubstantiationParams = {
    forms: forms.map((uri) => uri.toString()),
    into: into.map((uri) => uri.toString()),
    maxRows: settings.get<number>('maxRows', 50_000),
    maxUnpackedMB: settings.get<number>('maxUnpackedMB', 200),
  };
  const running = await client();
  try {
    const plan = await running.sendRequest<ImportSubstantiationResult>(IMPORT_SUBSTANTIATION_REQUEST, { ...params, dryRun: true });
    let force = false;
    if (plan.conflicts.length > 0) {
      const overwrite = vscode.l10n.t('Overwrite');
      force =
        options.overwrite ??
        (await vscode.window.showWarningMessage(
          vscode.l10n.t('The forms differ from {0} earlier answers. Overwrite them?', plan.conflicts.length),
          { modal: true, detail: plan.conflicts.slice(0, 5).join('\n') },
          overwrite,
        )) === overwrite;
      if (!force) return { result: plan };
    }
    const result = await running.sendRequest<ImportSubstantiationResult>(IMPORT_SUBSTANTIATION_REQUEST, { ...params, force });
    void vscode.window.showInformationMessage(result.message);
    return { result };
  } catch (error) {
    const message = errorMessage(error);
    if (message === undefined) return undefined;
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import the substantiation responses: {0}', message));
    return { error: message };
  }
}

async function askSubstantiators(): Promise<string[] | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Prepare Substantiation: the substantiators'),
    prompt: vscode.l10n.t('Each one’s role and organisation, not a name; separate them with ";". Each gets a form with their share of the outcomes.'),
    placeHolder: vscode.l10n.t('Lawyer, bar association of the province; Journalist, community radio'),
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Name at least one substantiator') : undefined),
  });
  if (typed === undefined) return undefined;
  return typed
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The sample, or undefined for every outcome; null when the user dismissed a question. */
async function askSample(): Promise<{ count: number; per?: string; seed: string } | undefined | null> {
  const per = await pickOne<string>(
    [
      { label: vscode.l10n.t('Every outcome given'), value: '' },
      ...GROUPS.map((group) => ({ label: vscode.l10n.t('A sample per {0}', group), value: group })),
      { label: vscode.l10n.t('A sample of all the outcomes'), value: '*' },
    ],
    undefined,
    vscode.l10n.t('Prepare Substantiation: which outcomes'),
  );
  if (per === undefined) return null;
  if (per === '') return undefined;
  const count = await vscode.window.showInputBox({
    title: vscode.l10n.t('How many outcomes to draw?'),
    value: '1',
    validateInput: (value) => (/^[1-9]\d*$/.test(value.trim()) ? undefined : vscode.l10n.t('A whole number of 1 or more')),
  });
  if (count === undefined) return null;
  const seed = await vscode.window.showInputBox({
    title: vscode.l10n.t('The seed of the draw'),
    prompt: vscode.l10n.t('Recorded in the forms: the same seed draws the same outcomes again.'),
    value: String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0'),
  });
  if (seed === undefined) return null;
  return { count: Number(count), seed: seed.trim() || '0', ...(per === '*' ? {} : { per }) };
}

async function pickHarvest(title: string): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    title,
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
  });
}

async function pickForms(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import Substantiation Responses: the returned forms'),
    canSelectFiles: true,
    canSelectMany: true,
    filters: { [vscode.l10n.t('Workbooks (.xlsx, .csv)')]: ['xlsx', 'csv'] },
  });
}

async function reveal(message: string, folder: vscode.Uri): Promise<void> {
  const action = vscode.l10n.t('Reveal in Explorer');
  if ((await vscode.window.showInformationMessage(message, action)) === action) await vscode.commands.executeCommand('revealInExplorer', folder);
}
