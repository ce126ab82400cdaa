import type { FragmentStoryModel } from '../../../server/src/protocol';

/**
 * What "Copy Merged Story" copies, and why it must ask first: the story as it will be read (every
 * redaction kept); a question whenever the outcome is, or is treated as, confidential, or still
 * holds a possible identifying detail (FORMAT.md §8).
 */
export function storyToCopy(fragment: FragmentStoryModel): { text: string; mustAsk: boolean; confidential: boolean; identifiers: number } {
  const confidential = fragment.confidentiality.confidential;
  const identifiers = fragment.identifiers;
  return { text: fragment.story.text, mustAsk: confidential || identifiers > 0, confidential, identifiers };
}
