import type { HarvestSummary } from './core/harvest/summary';
import type { StoryModel } from './core/story-model';

/**
 * Requests of ours beside LSP's, shared by the server and the client. Types only and plain
 * names, so the client's bundle takes nothing of the server with it.
 */
export const STORY_MODEL_REQUEST = 'fragments/storyModel';

/** Fragment files generated from the harvest spreadsheet are `.txt` files that start with their FragmentID. */
export const FRAGMENT_FIRST_LINE = /^\uFEFF?\*\*FragmentID\*\*:/;

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
export type { FragmentStoryModel, StoryModel } from './core/story-model';
