import * as l10n from '@vscode/l10n';
import type { DiagnosticRelatedInformation, Location, Range } from 'vscode-languageserver-types';
import type { ParsedFile } from '../parse';
import { fieldNamed } from '../parse';
import type { SchemaIndex } from '../schema/schema-index';
import { type FragmentDiagnostic, makeDiagnostic, type Rule } from './rule';

/** A FragmentID where it stands. */
export interface FragmentId {
  readonly id: string;
  readonly range: Range;
}

/** The non-empty FragmentIDs of a file, in order. */
export function fragmentIds(file: ParsedFile, index: SchemaIndex): FragmentId[] {
  return file.fragments.flatMap((fragment) => {
    const field = fieldNamed(fragment, index.schema.idField);
    return field && field.value !== '' ? [{ id: field.value, range: field.valueRange }] : [];
  });
}

/** duplicate-id for IDs of one file: each one used again in the file, or elsewhere in the workspace. */
export function duplicateIdDiagnostics(
  ids: readonly FragmentId[],
  uri: string,
  idField: string,
  idLocationsElsewhere?: (id: string) => readonly Location[],
): FragmentDiagnostic[] {
  const byId = new Map<string, FragmentId[]>();
  for (const entry of ids) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  return ids.flatMap((entry) => {
    const related: DiagnosticRelatedInformation[] = (byId.get(entry.id) ?? [])
      .filter((other) => other !== entry)
      .map((other) => ({ location: { uri, range: other.range }, message: l10n.t('Also {0}', entry.id) }));
    for (const location of idLocationsElsewhere?.(entry.id) ?? []) related.push({ location, message: l10n.t('Also {0}', entry.id) });
    if (related.length === 0) return [];
    return [makeDiagnostic('duplicate-id', 'error', entry.range, l10n.t('{0} "{1}" is used by another fragment.', idField, entry.id), undefined, related)];
  });
}

/** The same FragmentID on two fragments: of this file, or of other files when the workspace is known. */
export const duplicateId: Rule = {
  code: 'duplicate-id',
  check({ file, index, uri, idLocationsElsewhere }) {
    return duplicateIdDiagnostics(fragmentIds(file, index), uri, index.schema.idField, idLocationsElsewhere);
  },
};
