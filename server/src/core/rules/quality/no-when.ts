import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule } from '../rule';
import { eachQualityFragment, type QualityData, qualityData } from './quality-rule';
import { type CompiledQuality, firstMatch, normalised, wordBefore } from './words';

/** Whether a text says when: a year or date, a time word of any language, or a placeholder after a time preposition. */
export function saysWhen(text: string, compiled: CompiledQuality): boolean {
  // The likeliest first: a year, then a placeholder for a date, then the words.
  if (compiled.timePatterns.some((pattern) => firstMatch(pattern, text))) return true;
  if (text.includes('<')) {
    for (const found of text.matchAll(/<([\p{L}]+)>/gu)) {
      if (!compiled.timePlaceholders.has((found[1] as string).toLowerCase())) continue;
      const before = wordBefore(text, found.index);
      if (before !== undefined && compiled.timePrepositions.has(before)) return true;
    }
  }
  return firstMatch(compiled.anyLanguage('timeWords'), text) !== undefined || firstMatch(compiled.capitalisedTime, text) !== undefined;
}

/** The description names no time: an outsider cannot place the change. */
export const noWhen: Rule<QualityData> = {
  code: 'no-when',
  check(context) {
    return eachQualityFragment(context, (fragment) => {
      const description = fragment.field('description');
      if (!description || saysWhen(normalised(description.value), fragment.compiled)) return undefined;
      return makeDiagnostic<QualityData>(
        'no-when',
        'hint',
        description.valueRange,
        l10n.t('The description does not say when the change happened: no date, month, year or period.'),
        qualityData(fragment),
      );
    });
  },
};
