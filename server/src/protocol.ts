import type { StoryModel } from './core/story-model';

/**
 * Requests of ours beside LSP's, shared by the server and the client. Types only and plain
 * names, so the client's bundle takes nothing of the server with it.
 */
export const STORY_MODEL_REQUEST = 'fragments/storyModel';

export interface StoryModelParams {
  readonly textDocument: { readonly uri: string };
}

export type StoryModelResult = StoryModel | null;
export type { FragmentStoryModel, StoryModel } from './core/story-model';
