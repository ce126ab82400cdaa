import * as l10n from '@vscode/l10n';
import type { DiagnosticRelatedInformation, Location, Range } from 'vscode-languageserver-types';
import type { SchemaIndex } from '../schema/schema-index';
import type { ParsedFile } from '../text/parse';
import { fieldNamed } from '../text/parse';
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
  const byId = new Map<string, FragmentId | FragmentId[]>();
  for (const entry of ids) {
    const known = byId.get(entry.id);
    byId.set(entry.id, known === undefined ? entry : Array.isArray(known) ? [...known, entry] : [known, entry]);
  }
  const diagnostics: FragmentDiagnostic[] = [];
  for (const entry of ids) {
    // Most IDs stand once in their file (a harvest file of 2,000 has 2,000): nothing to relate.
    const inFile = byId.get(entry.id);
    const elsewhere = idLocationsElsewhere?.(entry.id) ?? [];
    if (!Array.isArray(inFile) && elsewhere.length === 0) continue;
    const related: DiagnosticRelatedInformation[] = (Array.isArray(inFile) ? inFile : [])
      .filter((other) => other !== entry)
      .map((other) => ({ location: { uri, range: other.range }, message: l10n.t('Also {0}', entry.id) }));
    for (const location of elsewhere) related.push({ location, message: l10n.t('Also {0}', entry.id) });
    diagnostics.push(
      makeDiagnostic('duplicate-id', 'error', entry.range, l10n.t('{0} "{1}" is used by another fragment.', idField, entry.id), undefined, related),
    );
  }
  return diagnostics;
}

/** The same FragmentID on two fragments: of this file, or of other files when the workspace is known. */
export const duplicateId: Rule = {
  code: 'duplicate-id',
  check({ file, index, uri, idLocationsElsewhere }) {
    return duplicateIdDiagnostics(fragmentIds(file, index), uri, index.schema.idField, idLocationsElsewhere);
  },
};
