import * as l10n from '@vscode/l10n';
import { fold } from '../../text/near';
import { makeDiagnostic, type Rule } from '../rule';
import { eachQualityFragment, type QualityData, qualityData } from './quality-rule';
import { wordsOf } from './words';

/** `Rating significance` is high, but the significance that should argue for it is one short sentence. */
export const unsupportedRating: Rule<QualityData> = {
  code: 'unsupported-rating',
  check(context) {
    return eachQualityFragment(context, (fragment) => {
      const rating = fragment.field('ratingSignificance');
      const significance = fragment.field('significance');
      if (!rating || !significance || fold(rating.value) !== fold(fragment.quality.highRating)) return undefined;
      const sentences = significance.value.split(/[.!?]+(?:\s+|$)/u).filter((sentence) => sentence.trim() !== '');
      if (sentences.length > 1 || wordsOf(significance.value).length >= fragment.quality.shortSignificanceWords) return undefined;
      return makeDiagnostic<QualityData>(
        'unsupported-rating',
        'hint',
        rating.valueRange,
        l10n.t(
          '"{0}" is "{1}", but the significance is one short sentence: say why the change matters this much.',
          rating.schemaField?.key ?? rating.key,
          rating.value,
        ),
        qualityData(fragment),
      );
    });
  },
};
