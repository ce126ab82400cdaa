import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule } from './rule';

interface NonCanonicalKeyData {
  readonly canonical: string;
}

/** A key that names a field only when case and spacing are ignored, or through an alias. */
export const nonCanonicalKey: Rule<NonCanonicalKeyData> = {
  code: 'non-canonical-key',
  check({ file }) {
    return file.fragments.flatMap((fragment) =>
      fragment.fields.flatMap((field) => {
        if (field.match.kind !== 'non-canonical' || field.malformed) return [];
        const canonical = field.match.field.key;
        return [
          makeDiagnostic<NonCanonicalKeyData>('non-canonical-key', 'hint', field.keyRange, l10n.t('"{0}" is written "{1}".', field.key, canonical), {
            canonical,
          }),
        ];
      }),
    );
  },
  fixes(diagnostic) {
    if (!diagnostic.data) return [];
    const { canonical } = diagnostic.data;
    return [{ title: l10n.t('Rename to "{0}"', canonical), edits: [{ range: diagnostic.range, newText: canonical }], isPreferred: true }];
  },
};
