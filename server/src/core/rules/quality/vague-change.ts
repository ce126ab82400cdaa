import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule } from '../rule';
import { eachQualityFragment, type QualityData, qualityData, rangeInValue } from './quality-rule';
import { firstMatch, matchesOf, normalised } from './words';

/** The description says the change only in vague words ("increased awareness"), with no observable action. */
export const vagueChange: Rule<QualityData> = {
  code: 'vague-change',
  check(context) {
    return eachQualityFragment(context, (fragment) => {
      const description = fragment.field('description');
      if (!description) return undefined;
      const text = normalised(description.value);
      const language = fragment.compiled.languageOf(text);
      const vague = language ? matchesOf(language.pattern('vagueWords'), text) : [];
      const [first] = vague;
      if (!first) return undefined;
      // Any language's observable action counts: a hint only when none is there.
      if (firstMatch(fragment.compiled.anyLanguage('observableActions'), text)) return undefined;
      const words = [...new Set(vague.map((found) => `"${found[0]}"`))].slice(0, 3).join(', ');
      return makeDiagnostic<QualityData>(
        'vague-change',
        'hint',
        rangeInValue(description, first.index, first[0].length),
        l10n.t('The change is said only in vague words ({0}): name the observable action that shows it.', words),
        qualityData(fragment),
      );
    });
  },
};
