import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule } from '../rule';
import { eachQualityFragment, type QualityData, qualityData } from './quality-rule';
import { normalised, wordsOf } from './words';

/** Fewer content words than this and a significance is too short to judge. */
const MIN_CONTENT_WORDS = 4;

/** Most of the significance's words are the description's: it restates the change instead of saying why it matters. */
export const significanceRestates: Rule<QualityData> = {
  code: 'significance-restates',
  check(context) {
    return eachQualityFragment(context, (fragment) => {
      const description = fragment.field('description');
      const significance = fragment.field('significance');
      if (!description || !significance) return undefined;
      const text = normalised(significance.value);
      const language = fragment.compiled.languageOf(text);
      const content = wordsOf(text).filter((word) => !language?.stopWords.has(word) && !/^\d+$/.test(word));
      if (content.length < MIN_CONTENT_WORDS) return undefined;
      const described = new Set(wordsOf(normalised(description.value)));
      const share = content.filter((word) => described.has(word)).length / content.length;
      if (share < fragment.quality.restatedShare) return undefined;
      return makeDiagnostic<QualityData>(
        'significance-restates',
        'hint',
        significance.valueRange,
        l10n.t('The significance repeats the description ({0}% of its words are the description’s): say why the change matters.', Math.round(share * 100)),
        qualityData(fragment),
      );
    });
  },
};
