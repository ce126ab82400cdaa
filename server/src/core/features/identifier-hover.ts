import * as l10n from '@vscode/l10n';
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import type { PossibleIdentifierData } from '../rules/possible-identifier';
import type { FragmentDiagnostic } from '../rules/rule';
import { comparePositions } from '../text/text';

/** On a `possible-identifier`: why it matters, and what to do (FORMAT.md §8). */
export function identifierHover(diagnostics: readonly FragmentDiagnostic[], position: Position): Hover | undefined {
  const found = diagnostics.find(
    (diagnostic) =>
      diagnostic.code === 'possible-identifier' &&
      comparePositions(diagnostic.range.start, position) <= 0 &&
      comparePositions(position, diagnostic.range.end) <= 0,
  ) as FragmentDiagnostic<PossibleIdentifierData> | undefined;
  if (!found?.data) return undefined;
  const what = {
    person: l10n.t('a person’s name'),
    place: l10n.t('a place below the country'),
    email: l10n.t('an e-mail address'),
    phone: l10n.t('a telephone number'),
  }[found.data.kind];
  const value = [
    `**${l10n.t('Possible identifying detail')}** (\`possible-identifier\`): ${what}`,
    l10n.t(
      'Outcomes are shared with partners, with online tools such as Causal Map and in reports. A name, a village, a telephone number or an e-mail address left in the text can identify a human-rights defender, a witness or a victim, and put them at risk.',
    ),
    l10n.t(
      'Replace it everywhere in the fragment (the merged story included) with the quick fix, or, if it identifies nobody (an organisation, a public institution), allow it for the harvest. Until then, exports, Copy Merged Story and the report leave this outcome out unless you include it.',
    ),
  ].join('\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: found.range };
}
