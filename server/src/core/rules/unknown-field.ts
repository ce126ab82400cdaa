import * as l10n from '@vscode/l10n';
import { quotedAlternatives } from '../text/words';
import { type Fix, makeDiagnostic, type Rule } from './rule';

interface UnknownFieldData {
  /** Keys of the near fields, nearest first. */
  readonly suggestions: string[];
  /** The clearly nearest field, when it is not in the fragment already. */
  readonly preferred?: string;
}

/** A key that is no field of the schema; the message and fixes name the near fields. */
export const unknownField: Rule<UnknownFieldData> = {
  code: 'unknown-field',
  check({ file }) {
    return file.fragments.flatMap((fragment) =>
      fragment.fields.flatMap((field) => {
        if (field.match.kind !== 'unknown' || field.malformed) return [];
        const suggestions = field.match.suggestions.map((suggestion) => suggestion.key);
        // Renaming is preferred when the key is read as its nearest field (no other field of the fragment is).
        const preferred = field.schemaField?.key;
        return [
          makeDiagnostic<UnknownFieldData>(
            'unknown-field',
            'warning',
            field.keyRange,
            suggestions.length > 0
              ? l10n.t('Unknown field "{0}". Did you mean {1}?', field.key, quotedAlternatives(suggestions))
              : l10n.t('Unknown field "{0}".', field.key),
            {
              suggestions,
              ...(preferred !== undefined ? { preferred } : {}),
            },
          ),
        ];
      }),
    );
  },
  fixes(diagnostic) {
    const { suggestions = [], preferred } = diagnostic.data ?? { suggestions: [] };
    return suggestions.map(
      (key): Fix => ({ title: l10n.t('Rename to "{0}"', key), edits: [{ range: diagnostic.range, newText: key }], isPreferred: key === preferred }),
    );
  },
};
