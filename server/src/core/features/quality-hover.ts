import * as l10n from '@vscode/l10n';
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import type { FragmentDiagnostic } from '../rules/rule';
import type { QualitySchema } from '../schema/quality-types';
import { comparePositions } from '../text/text';

/** One hint's explanation; the default schema's words are translated (a configuration's own stay as written). */
function explanation(code: string, { title, criterion, good, weak }: QualitySchema['explanations'][string]): string {
  return [`**${l10n.t(title)}** (\`${code}\`)`, l10n.t(criterion), `- ${l10n.t('Good: {0}', l10n.t(good))}\n- ${l10n.t('Weak: {0}', l10n.t(weak))}`].join(
    '\n\n',
  );
}

/** On a quality hint's range: what the hint checks, in two sentences, with a good and a weak example. */
export function qualityHover(diagnostics: readonly FragmentDiagnostic[], position: Position, quality: QualitySchema | undefined): Hover | undefined {
  if (!quality) return undefined;
  const explained = diagnostics.filter(
    (diagnostic) =>
      quality.explanations[diagnostic.code] !== undefined &&
      comparePositions(diagnostic.range.start, position) <= 0 &&
      comparePositions(position, diagnostic.range.end) <= 0,
  );
  const [first] = explained;
  if (!first) return undefined;
  const value = explained
    .map((diagnostic) => explanation(diagnostic.code, quality.explanations[diagnostic.code] as QualitySchema['explanations'][string]))
    .join('\n\n---\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: first.range };
}

/** A quality hint's explanation beside what the position's hover says otherwise (a key's meaning). */
export function withQualityHover(
  other: Hover | undefined,
  diagnostics: readonly FragmentDiagnostic[],
  position: Position,
  quality: QualitySchema | undefined,
): Hover | undefined {
  const explained = qualityHover(diagnostics, position, quality);
  if (!explained || !other) return explained ?? other;
  const text = (contents: Hover['contents']) => (typeof contents === 'object' && 'value' in contents ? contents.value : String(contents));
  return {
    contents: { kind: MarkupKind.Markdown, value: `${text(explained.contents)}\n\n---\n\n${text(other.contents)}` },
    ...(other.range ? { range: other.range } : {}),
  };
}
