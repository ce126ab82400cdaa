import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Field } from '../parse';
import { fieldNamed, makeDiagnostic, type Rule } from './rule';

/** The same FragmentID on two fragments: of this file, or of other files when the workspace is known. */
export const duplicateId: Rule = {
  code: 'duplicate-id',
  check({ file, index, uri, idLocationsElsewhere }) {
    const idFields = file.fragments
      .map((fragment) => fieldNamed(fragment, index.schema.idField))
      .filter((field): field is Field => field !== undefined && field.value !== '');
    const byId = new Map<string, Field[]>();
    for (const field of idFields) byId.set(field.value, [...(byId.get(field.value) ?? []), field]);
    return idFields.flatMap((field) => {
      const related: DiagnosticRelatedInformation[] = (byId.get(field.value) ?? [])
        .filter((other) => other !== field)
        .map((other) => ({ location: { uri, range: other.valueRange }, message: `Also ${field.value}` }));
      for (const location of idLocationsElsewhere?.(field.value) ?? []) related.push({ location, message: `Also ${field.value}` });
      if (related.length === 0) return [];
      return [
        makeDiagnostic('duplicate-id', 'error', field.valueRange, `${index.schema.idField} "${field.value}" is used by another fragment.`, undefined, related),
      ];
    });
  },
};
