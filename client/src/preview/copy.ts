import type { FragmentStoryModel } from '../../../server/src/protocol';

/**
 * What "Copy Merged Story" copies, and whether it must ask first: the story as it will be read
 * (every redaction kept), and a question whenever the outcome is, or is treated as, confidential.
 */
export function storyToCopy(fragment: FragmentStoryModel): { text: string; mustAsk: boolean } {
  return { text: fragment.story.text, mustAsk: fragment.confidentiality.confidential };
}
