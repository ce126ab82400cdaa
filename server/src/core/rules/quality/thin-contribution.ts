import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule } from '../rule';
import { eachQualityFragment, type QualityData, qualityData } from './quality-rule';
import { type CompiledQuality, firstMatch, normalised, wordsOf } from './words';

/** A non-answer may trail a few words ("see above for details"), no more. */
const MAX_NON_ANSWER_WORDS = 5;

const nonAnswersOf = new WeakMap<CompiledQuality, { nonAnswers: string[]; empty: Set<string> }>();

/** The non-answers of every language and the empty values, simplified once per schema. */
function answersOf(compiled: CompiledQuality): { nonAnswers: string[]; empty: Set<string> } {
  let known = nonAnswersOf.get(compiled);
  if (!known) {
    known = {
      nonAnswers: compiled.languages.flatMap((language) => language.words.nonAnswers.map(simplified)),
      empty: new Set(compiled.quality.emptyValues.map(simplified)),
    };
    nonAnswersOf.set(compiled, known);
  }
  return known;
}

function simplified(text: string): string {
  return normalised(text)
    .toLowerCase()
    .replace(/[.!;:,]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The contribution is a non-answer (`see above`, `idem`) or names nothing the programme did. */
export const thinContribution: Rule<QualityData> = {
  code: 'thin-contribution',
  check(context) {
    return eachQualityFragment(context, (fragment) => {
      const contribution = fragment.field('contribution');
      if (!contribution) return undefined;
      const value = simplified(contribution.value);
      const { nonAnswers, empty } = answersOf(fragment.compiled);
      if (empty.has(value)) return undefined; // empty-field's business
      const pointsElsewhere = nonAnswers.some(
        (answer) => value === answer || (value.startsWith(`${answer} `) && wordsOf(value).length <= MAX_NON_ANSWER_WORDS),
      );
      // Any language's action word counts: a hint only when none is there.
      if (!pointsElsewhere && firstMatch(fragment.compiled.anyLanguage('contributionActions'), normalised(contribution.value))) return undefined;
      const message = pointsElsewhere
        ? l10n.t('The contribution points elsewhere ("{0}") instead of saying what the programme did.', contribution.value)
        : l10n.t('The contribution names no action of the programme: say what it did that plausibly influenced the change.');
      return makeDiagnostic<QualityData>('thin-contribution', 'hint', contribution.valueRange, message, qualityData(fragment));
    });
  },
};
