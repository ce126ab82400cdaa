import * as l10n from '@vscode/l10n';
import type { Position } from 'vscode-languageserver-types';
import { compileAnonymisation, type IdentifierKind } from '../anonymisation/compiled';
import { fragmentIdentifiers, occurrencesIn } from '../anonymisation/fragment-identifiers';
import { fragmentAt } from '../text/locate';
import { makeDiagnostic, type Rule } from './rule';

export interface PossibleIdentifierData {
  readonly kind: IdentifierKind;
  /** The text found, as written. */
  readonly text: string;
  /** The message without the text, for a report that must not quote it (a confidential fragment's). */
  readonly withoutValues: string;
  /** Where the finding stands: its fragment is the one holding this line. */
  readonly at: Position;
}

/**
 * A person's name, a place below the country, an e-mail address or a telephone number left in a
 * text (FORMAT.md §8). Its fixes replace every occurrence in the fragment, the merged story
 * included; none is preferred, so that fix-all never anonymises by itself.
 */
export const possibleIdentifier: Rule<PossibleIdentifierData> = {
  code: 'possible-identifier',
  check({ file, index, identifierMemo }) {
    const section = index.schema.anonymisation;
    if (!section) return [];
    const { kinds } = compileAnonymisation(section);
    return file.fragments.flatMap((fragment) =>
      fragmentIdentifiers(fragment, index.schema, identifierMemo).map((finding) => {
        const placeholder = section.placeholders[finding.kind];
        return makeDiagnostic<PossibleIdentifierData>(
          'possible-identifier',
          kinds.get(finding.kind) ?? 'warning',
          finding.range,
          messageOf(finding.kind, finding.text, placeholder),
          { kind: finding.kind, text: finding.text, withoutValues: messageOf(finding.kind, undefined, placeholder), at: finding.range.start },
        );
      }),
    );
  },
  fixes(diagnostic, { file, index }) {
    const section = index.schema.anonymisation;
    const data = diagnostic.data;
    const fragment = data && fragmentAt(file, data.at.line);
    if (!section || !data || !fragment) return [];
    const placeholder = section.placeholders[data.kind];
    const edits = occurrencesIn(fragment, index.schema, data.text).map((range) => ({ range, newText: placeholder }));
    if (edits.length === 0) return [];
    return [{ title: l10n.t('Replace "{0}" with {1} in this fragment', data.text, placeholder), edits, isPreferred: false }];
  },
};

/** The message of a finding; without its text when `text` is undefined. */
function messageOf(kind: IdentifierKind, text: string | undefined, placeholder: string): string {
  if (text === undefined) {
    switch (kind) {
      case 'person':
        return l10n.t('A person’s name may be left in the text: replace it with {0} before the harvest is shared, or allow it.', placeholder);
      case 'place':
        return l10n.t('A place below the country may be named in the text: replace it with {0} before the harvest is shared, or allow it.', placeholder);
      case 'email':
        return l10n.t('An e-mail address is left in the text: replace it with {0} before the harvest is shared.', placeholder);
      case 'phone':
        return l10n.t('A telephone number is left in the text: replace it with {0} before the harvest is shared.', placeholder);
    }
  }
  switch (kind) {
    case 'person':
      return l10n.t('"{0}" may be a person’s name: replace it with {1} before the harvest is shared, or allow it.', text, placeholder);
    case 'place':
      return l10n.t('"{0}" may be a place below the country: replace it with {1} before the harvest is shared, or allow it.', text, placeholder);
    case 'email':
      return l10n.t('"{0}" is an e-mail address: replace it with {1} before the harvest is shared.', text, placeholder);
    case 'phone':
      return l10n.t('"{0}" is a telephone number: replace it with {1} before the harvest is shared.', text, placeholder);
  }
}
