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
export type { FragmentStoryModel, StoryModel } from './core/story-model';
