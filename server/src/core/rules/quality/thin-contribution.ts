import { makeDiagnostic, type Rule } from '../rule';
import { eachQualityFragment, fill, type QualityData, qualityData } from './quality-rule';
import { firstMatch, normalised, wordsOf } from './words';

const messages = {
  pointsElsewhere: 'The contribution points elsewhere ("{value}") instead of saying what the programme did.',
  noAction: 'The contribution names no action of the programme: say what it did that plausibly influenced the change.',
};

/** A non-answer may trail a few words ("see above for details"), no more. */
const MAX_NON_ANSWER_WORDS = 5;

const simplified = (text: string) =>
  normalised(text)
    .toLowerCase()
    .replace(/[.!;:,]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The contribution is a non-answer (`see above`, `idem`) or names nothing the programme did. */
export const thinContribution: Rule<QualityData> = {
  code: 'thin-contribution',
  check(context) {
    return eachQualityFragment(context, (fragment) => {
      const contribution = fragment.field('contribution');
      if (!contribution) return undefined;
      const value = simplified(contribution.value);
      if (fragment.quality.emptyValues.some((empty) => simplified(empty) === value)) return undefined; // empty-field's business
      const nonAnswers = fragment.compiled.languages.flatMap((language) => language.words.nonAnswers.map(simplified));
      const pointsElsewhere = nonAnswers.some(
        (answer) => value === answer || (value.startsWith(`${answer} `) && wordsOf(value).length <= MAX_NON_ANSWER_WORDS),
      );
      // Any language's action word counts: a hint only when none is there.
      if (!pointsElsewhere && firstMatch(fragment.compiled.anyLanguage('contributionActions'), normalised(contribution.value))) return undefined;
      const message = pointsElsewhere ? fill(messages.pointsElsewhere, { value: contribution.value }) : messages.noAction;
      return makeDiagnostic<QualityData>('thin-contribution', 'hint', contribution.valueRange, message, qualityData(fragment));
    });
  },
};
