import type { HarvestSummary } from './core/harvest/summary';
import type { StoryModel } from './core/story/story-model';
import type { AnswersSummary } from './core/substantiation/apply';

/**
 * Requests of ours beside LSP's, shared by the server and the client. Types only and plain
 * names, so the client's bundle takes nothing of the server with it.
 */
export const STORY_MODEL_REQUEST = 'fragments/storyModel';

// The client opens such a `.txt` as a fragment.
export { FRAGMENT_FIRST_LINE } from './core/text/first-line';

export interface StoryModelParams {
  readonly textDocument: { readonly uri: string };
}

export type StoryModelResult = StoryModel | null;

/** The fragment files of the workspace folders (URIs), for "Fix all fragments in workspace". */
export const WORKSPACE_FILES_REQUEST = 'fragments/workspaceFiles';

/** The edits of fix-all for one file, open or not (`TextEdit[]`). */
export const FIX_ALL_EDITS_REQUEST = 'fragments/fixAllEdits';

export interface FixAllEditsParams {
  readonly textDocument: { readonly uri: string };
}

/** The harvest summed up (`HarvestSummary`), for the Harvest view and the dashboard; no params. Answered once the workspace is indexed. */
export const HARVEST_SUMMARY_REQUEST = 'fragments/harvestSummary';
export type HarvestSummaryResult = HarvestSummary;

/** Sent by the server when the harvest's files or their problems changed: ask for the summary again. No params. */
export const HARVEST_CHANGED_NOTIFICATION = 'fragments/harvestChanged';

export { OTHER_CONFIDENTIAL } from './core/harvest/records';

export { EVIDENCE_GROUPS, type HarvestSummary, NO_VALUE, type SummaryDimension, type SummaryFragment, type SummaryGroup } from './core/harvest/summary';
export type { FragmentStoryModel, StoryModel } from './core/story/story-model';

/** Imports a workbook (file URI) into a folder of fragment files, as `fragments import` does. */
export const IMPORT_WORKBOOK_REQUEST = 'fragments/importWorkbook';

export interface ImportWorkbookParams {
  readonly workbook: string;
  readonly folder: string;
  readonly namePattern?: string;
  readonly fix?: boolean;
  /** Overwrite files whose text differs (the user said so). */
  readonly force?: boolean;
  /** Say what would be created and changed; write nothing. */
  readonly dryRun?: boolean;
  /** The limits of the workbook read (FORMAT.md §6), from the settings `outcomeFragments.import.*`; each one left out is the default. */
  readonly maxRows?: number;
  readonly maxUnpackedMB?: number;
}

export interface ImportWorkbookResult {
  readonly rows: number;
  readonly emptyRows: number;
  readonly created: readonly string[];
  readonly changed: readonly string[];
  readonly unchanged: readonly string[];
  readonly written: boolean;
  /** The summary in words, as the CLI prints it. */
  readonly message: string;
}

/** Exports folders (or files) of fragments to a workbook, as `fragments export` does; progress comes as HARVEST_PROGRESS_NOTIFICATION. */
export const EXPORT_HARVEST_REQUEST = 'fragments/exportHarvest';

export interface ExportHarvestParams {
  readonly paths: readonly string[];
  readonly output: string;
  readonly layout: 'master' | 'causal-map';
  readonly includeConfidential: boolean;
  /** Export outcomes that still hold a possible identifying detail too (FORMAT.md §8); left out otherwise. */
  readonly includeUnanonymised?: boolean;
  /** Names this export in its progress notifications. */
  readonly progressToken?: string;
}

export interface ExportHarvestResult {
  /** The files written (URIs): one workbook, or one CSV file per sheet. */
  readonly files: readonly string[];
  readonly fragmentFiles: number;
  readonly fragments: number;
  readonly confidentialLeftOut: number;
  /** Outcomes left out because they still hold a possible identifying detail. */
  readonly unanonymisedLeftOut: number;
  readonly warnings: readonly string[];
}

/** Writes the harvest report (FORMAT.md §10), as `fragments report` does; progress comes as HARVEST_PROGRESS_NOTIFICATION. */
export const EXPORT_REPORT_REQUEST = 'fragments/exportReport';

export interface ExportReportParams {
  readonly paths: readonly string[];
  /** The report to write: a .docx, or a .md (its charts in a folder beside it). */
  readonly output: string;
  /** Quote confidential outcomes too (marked so); counted but not quoted otherwise. */
  readonly includeConfidential: boolean;
  /** Quote outcomes that may still name someone too (FORMAT.md §8); counted but not quoted otherwise. */
  readonly includeUnanonymised?: boolean;
  readonly progressToken?: string;
}

export interface ExportReportResult {
  /** The files written (URIs): the report first, then a Markdown report's charts. */
  readonly files: readonly string[];
  readonly fragmentFiles: number;
  readonly outcomes: number;
  readonly quoted: number;
  readonly confidentialLeftOut: number;
  readonly unanonymisedLeftOut: number;
}

/** Prepares substantiation forms (FORMAT.md §9), as `fragments substantiate prepare` does; URIs throughout. */
export const PREPARE_SUBSTANTIATION_REQUEST = 'fragments/prepareSubstantiation';

export interface PrepareSubstantiationParams {
  /** The harvest's folders or files. */
  readonly paths: readonly string[];
  /** The folder of the forms. */
  readonly out: string;
  readonly substantiators: readonly string[];
  /** A sample of `count` per group of `per` (a field or a dimension's name), drawn from `seed`; all the outcomes otherwise. */
  readonly sample?: { readonly count: number; readonly per?: string; readonly seed: string };
  readonly includeConfidential: boolean;
  readonly dryRun?: boolean;
}

export interface PrepareSubstantiationResult {
  readonly forms: ReadonlyArray<{ readonly path: string; readonly substantiator: string; readonly ids: readonly string[] }>;
  readonly marked: readonly string[];
  readonly confidentialLeftOut: number;
  readonly unanonymisedLeftOut: number;
  readonly written: boolean;
  /** The summary in words, as the CLI prints it. */
  readonly message: string;
}

/** Writes the answers of returned forms into the harvest, as `fragments substantiate import` does. */
export const IMPORT_SUBSTANTIATION_REQUEST = 'fragments/importSubstantiation';

export interface ImportSubstantiationParams {
  readonly forms: readonly string[];
  readonly into: readonly string[];
  /** Overwrite earlier answers that differ (the user said so). */
  readonly force?: boolean;
  readonly dryRun?: boolean;
  readonly maxRows?: number;
  readonly maxUnpackedMB?: number;
}

export interface ImportSubstantiationResult extends AnswersSummary {
  readonly changed: readonly string[];
  readonly conflicts: readonly string[];
  readonly written: boolean;
  readonly message: string;
}

export const HARVEST_PROGRESS_NOTIFICATION = 'fragments/harvestProgress';

export interface HarvestProgressParams {
  readonly token: string;
  readonly done: number;
  readonly total: number;
}

/** The error code of a harvest request whose input or output is at fault: its message is for the user. */
export const HARVEST_ERROR_CODE = 1;

/**
 * Asked by a server that cannot read the workspace folders itself (the web worker): the client
 * finds their fragment and configuration files (honouring `files.exclude`, none over
 * `maxFileSize`), sends them as FOLDER_FILES_NOTIFICATION batches, then answers. Asked only of a
 * client whose `initializationOptions` say `readsFolders: true`.
 */
export const READ_FOLDERS_REQUEST = 'fragments/readFolders';

export interface ReadFoldersParams {
  /** Folder URIs. */
  readonly folders: readonly string[];
  readonly maxFileSize: number;
}

export interface ReadFoldersResult {
  /** How many files were sent. */
  readonly files: number;
}

/**
 * Files of the folders, from the client that reads them for the server: a batch of the first
 * reading (`load`), or what a file watcher saw (a `workspace/didChangeWatchedFiles` follows).
 * A null text: the file is gone, too large, or no longer a fragment file.
 */
export const FOLDER_FILES_NOTIFICATION = 'fragments/folderFiles';

export interface FolderFilesParams {
  readonly files: ReadonlyArray<{ readonly uri: string; readonly text: string | null }>;
  readonly load?: boolean;
}

/**
 * Asked by the web worker's server, which has no file system, for workbook import and export:
 * the client reads and writes through `workspace.fs`. Bytes travel as base64.
 */
export const HOST_READ_FILES_REQUEST = 'fragments/host/readFiles';
export interface HostReadFilesParams {
  readonly uris: readonly string[];
}
/** Per URI, in order: its bytes, or `missing` (no such file), or the reason it could not be read. */
export type HostReadFilesResult = ReadonlyArray<{ readonly base64?: string; readonly missing?: true; readonly error?: string }>;

/** The `*.fragment` and `*.txt` files under folders (a file stands for itself); `missing` lists what does not exist. */
export const HOST_LIST_FILES_REQUEST = 'fragments/host/listFiles';
export interface HostListFilesParams {
  readonly uris: readonly string[];
}
export interface HostListFilesResult {
  /** A file given stands for itself (`isFile`); a folder lists its files. */
  readonly folders: ReadonlyArray<{ readonly uri: string; readonly isFile: boolean; readonly files: readonly string[] }>;
  readonly missing: readonly string[];
}

/** Writes files all or nothing: each to a temporary name beside it, then renamed over; an error's message says why. */
export const HOST_WRITE_FILES_REQUEST = 'fragments/host/writeFiles';
export interface HostWriteFilesParams {
  readonly files: ReadonlyArray<{ readonly uri: string; readonly base64: string }>;
}

/** The text of the browser's harvest bundle (dist/browser/harvest.js), which the worker loads on first use. */
export const HOST_HARVEST_BUNDLE_REQUEST = 'fragments/host/harvestBundle';

/** The browser's report bundle (dist/browser/report.js) and what its charts need (resvg's WebAssembly, the font), as base64, loaded when a report is made. */
export const HOST_REPORT_BUNDLE_REQUEST = 'fragments/host/reportBundle';
export interface HostReportBundleResult {
  readonly script: string;
  readonly wasm: string;
  readonly fonts: readonly string[];
}

/** What New Outcome Fragment… offers for a folder, from its schema: the objectives (code and value as written) and the countries listed. */
export const NEW_FRAGMENT_CHOICES_REQUEST = 'fragments/newFragmentChoices';
export interface NewFragmentChoicesParams {
  /** The folder the new file goes into (its `.fragmentrc.json` gives the schema). */
  readonly folder: string;
}
export interface NewFragmentChoicesResult {
  readonly objectives: ReadonlyArray<{ readonly code: string; readonly value: string }>;
  readonly countries: readonly string[];
}

/** A new fragment's text with the next free FragmentID of its objective in the whole harvest (FORMAT.md §3); the client writes the file. */
export const NEW_FRAGMENT_REQUEST = 'fragments/newFragment';
export interface NewFragmentParams {
  readonly folder: string;
  readonly objective: string;
  readonly country?: string;
  readonly year?: number;
}
export interface NewFragmentResult {
  readonly id: string;
  readonly text: string;
  /** The file name the ID suggests (`CIV034.fragment`). */
  readonly fileName: string;
  readonly cursor: { readonly line: number; readonly character: number };
}

/** Which schema a file is checked with, for the language status: the SCC default, or a `.fragmentrc.json` (and whether it has problems). */
export const SCHEMA_STATUS_REQUEST = 'fragments/schemaStatus';
export interface SchemaStatusParams {
  readonly uri: string;
}
export interface SchemaStatusResult {
  /** The schema's name (`SCC`, or the configuration's). */
  readonly schema: string;
  /** The `.fragmentrc.json` in force (URI), if one is. */
  readonly config?: string;
  /** How many problems that configuration has (its broken parts are left out, the rest applies). */
  readonly configProblems: number;
}
