import { type FragmentDiagnostic, Severity } from '../rules/rule';
import type { FragmentSchema } from '../schema/schema-types';
import { type Fragment, fieldNamed } from '../text/parse';
import { saysNothing } from '../values/non-answer';
import { listEntries } from '../values/values';
import { type ConfidentialityVerdict, confidentialityOf } from './confidentiality';
import { computeMergedStory, isUpToDate, regenerateMergedStory, storedMergedStory } from './merged-story';

/** What the preview shows of one fragment: plain data, rendered by the client. */
export interface FragmentStoryModel {
  readonly id: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly confidentiality: ConfidentialityVerdict;
  readonly badges: ReadonlyArray<{ readonly field: string; readonly value: string; readonly line: number; readonly endLine: number }>;
  readonly story: {
    /** The merged story section by section, every redaction of the stored story kept. */
    readonly sections: ReadonlyArray<{
      readonly field: string;
      readonly label: string;
      readonly text: string;
      readonly line: number;
      readonly endLine: number;
    }>;
    /** The whole story as it will be read (what "Copy merged story" copies). */
    readonly text: string;
    /** The stored story no longer matches the fields. */
    readonly stale: boolean;
  };
  readonly evidence: {
    readonly field: string;
    readonly state: 'present' | 'empty' | 'missing';
    readonly text: string;
    readonly line?: number;
    readonly endLine?: number;
  };
  readonly chips: ReadonlyArray<{ readonly field: string; readonly entries: readonly string[]; readonly line: number; readonly endLine: number }>;
  readonly problems: { readonly errors: number; readonly warnings: number; readonly other: number };
  /** Its `possible-identifier` findings: a story that may still name someone is not copied without asking. */
  readonly identifiers: number;
}

export interface StoryModel {
  readonly fragments: readonly FragmentStoryModel[];
}

export function storyModel(fragments: readonly Fragment[], schema: FragmentSchema, diagnostics: readonly FragmentDiagnostic[]): StoryModel {
  return { fragments: fragments.map((fragment, position) => fragmentModel(fragment, position, schema, diagnostics)) };
}

function fragmentModel(fragment: Fragment, position: number, schema: FragmentSchema, diagnostics: readonly FragmentDiagnostic[]): FragmentStoryModel {
  const id = fieldNamed(fragment, schema.idField)?.value || `Fragment ${position + 1}`;
  const badges = schema.preview.badges.flatMap((key) => {
    const field = fieldNamed(fragment, key);
    return field && field.value !== '' ? [{ field: key, value: field.value, line: field.line, endLine: field.endLine }] : [];
  });
  const chips = schema.preview.chips.flatMap((key) => {
    const field = fieldNamed(fragment, key);
    if (!field || field.value === '') return [];
    const entries = field.schemaField?.type === 'list' ? listEntries(field).map((entry) => entry.text) : [field.value];
    return [{ field: key, entries, line: field.line, endLine: field.endLine }];
  });
  const evidenceKey = schema.preview.evidence;
  const evidenceField = evidenceKey === undefined ? undefined : fieldNamed(fragment, evidenceKey);
  const evidence = evidenceField
    ? {
        field: evidenceKey as string,
        state: saysNothing(evidenceField, schema) ? ('empty' as const) : ('present' as const),
        text: evidenceField.value,
        line: evidenceField.line,
      }
    : { field: evidenceKey ?? '', state: 'missing' as const, text: '' };
  const inFragment = diagnostics.filter((diagnostic) => fragment.startLine <= diagnostic.range.start.line && diagnostic.range.start.line <= fragment.endLine);
  return {
    id,
    startLine: fragment.startLine,
    endLine: fragment.endLine,
    confidentiality: confidentialityOf(fragment, schema),
    badges,
    story: storySections(fragment, schema),
    evidence,
    chips,
    problems: {
      errors: inFragment.filter((diagnostic) => diagnostic.severity === Severity.error).length,
      warnings: inFragment.filter((diagnostic) => diagnostic.severity === Severity.warning).length,
      other: inFragment.filter((diagnostic) => (diagnostic.severity ?? Severity.error) > Severity.warning).length,
    },
    identifiers: inFragment.filter((diagnostic) => diagnostic.code === 'possible-identifier').length,
  };
}

/**
 * The story as it will be read: computed from the current fields, with every word the stored
 * story hides hidden again, then cut into its sections at the labels.
 */
function storySections(fragment: Fragment, schema: FragmentSchema): FragmentStoryModel['story'] {
  const story = schema.mergedStory;
  if (!story) return { sections: [], text: '', stale: false };
  const computed = computeMergedStory(fragment, story);
  const stored = storedMergedStory(fragment, story);
  const text = stored ? regenerateMergedStory(stored.value, computed.text) : computed.text;
  const linesOf = (key: string) => {
    const field = fieldNamed(fragment, key);
    return { line: field?.line ?? fragment.startLine, endLine: field?.endLine ?? fragment.startLine };
  };
  const sections: Array<{ field: string; label: string; text: string; line: number; endLine: number }> = [];
  let cursor = 0;
  for (const [index, part] of computed.parts.entries()) {
    const next = computed.parts[index + 1];
    const start = part.label === '' ? cursor : text.indexOf(part.label, cursor);
    const end = next ? text.indexOf(next.label === '' ? story.separator : `${story.separator}${next.label}`, start) : text.length;
    if (start < 0 || end < 0) {
      // A label fell under a redaction: show the story whole rather than guess where to cut.
      return { sections: [{ field: story.field, label: '', text, ...linesOf(story.field) }], text, stale: isStale() };
    }
    sections.push({ field: part.field, label: part.label, text: text.slice(start + part.label.length, end).trim(), ...linesOf(part.field) });
    cursor = end;
  }
  return { sections, text, stale: isStale() };

  function isStale(): boolean {
    return stored !== undefined && !isUpToDate(stored.value, computed.text);
  }
}
