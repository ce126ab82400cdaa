import type { Range } from 'vscode-languageserver-types';
import type { QualitySchema } from '../../schema/quality-types';
import { type Field, type Fragment, fieldNamed, positionInValue } from '../../text/parse';
import type { FragmentDiagnostic, RuleContext } from '../rule';
import { type CompiledQuality, compileQuality } from './words';

/** What every quality hint carries: the fragment it is about, for "Dismiss for this fragment". */
export interface QualityData {
  readonly fragmentId?: string;
}

/** One fragment as the quality hints read it. */
export interface QualityFragment {
  readonly fragment: Fragment;
  readonly fragmentId: string | undefined;
  readonly quality: QualitySchema;
  readonly compiled: CompiledQuality;
  /** The named field of the fragment with a non-empty value (an empty one is `empty-field`'s business). */
  field(role: keyof QualitySchema['fields']): Field | undefined;
}

/** Runs `check` on each fragment of the file, when the schema has quality hints. */
export function eachQualityFragment<Data extends QualityData>(
  context: RuleContext,
  check: (fragment: QualityFragment) => FragmentDiagnostic<Data> | undefined,
): FragmentDiagnostic<Data>[] {
  const quality = context.index.schema.quality;
  if (!quality) return [];
  const compiled = compileQuality(quality);
  const diagnostics: FragmentDiagnostic<Data>[] = [];
  for (const fragment of context.file.fragments) {
    const id = fieldNamed(fragment, context.index.schema.idField)?.value;
    const found = check({
      fragment,
      fragmentId: id === undefined || id === '' ? undefined : id,
      quality,
      compiled,
      field(role) {
        const field = fieldNamed(fragment, quality.fields[role]);
        return field && field.value !== '' ? field : undefined;
      },
    });
    if (found) diagnostics.push(found);
  }
  return diagnostics;
}

/** The range of `length` characters at `offset` in a field's (trimmed) value. */
export function rangeInValue(field: Field, offset: number, length: number): Range {
  return {
    start: positionInValue(field.valueLines, field.valueOffset + offset),
    end: positionInValue(field.valueLines, field.valueOffset + offset + length),
  };
}

/** The data of a hint on one fragment: its FragmentID when it has one. */
export function qualityData(fragment: QualityFragment): QualityData {
  return fragment.fragmentId === undefined ? {} : { fragmentId: fragment.fragmentId };
}
