import type { QualitySchema } from './quality-types';
import { englishQualityWords } from './quality-words-en';
import { frenchQualityWords } from './quality-words-fr';

/**
 * The quality hints of the SCC schema (FORMAT.md §7): the programme's names, the word lists in
 * English and French, and what each hint's hover explains. Plain data; a `.fragmentrc.json`
 * changes the names and the lists (`quality`).
 */
export const defaultQuality: QualitySchema = {
  fields: {
    description: 'Outcome description',
    significance: 'Significance of the outcome',
    contribution: 'Contribution of the programme',
    status: 'Outcome status',
    ratingSignificance: 'Rating significance',
  },
  outcomeStatus: 'Outcome',
  potentialStatus: 'Potential outcome',
  highRating: 'high',
  programmeNames: ['the alliance', 'PAX', 'ABAAD', 'Amnesty', 'DefendDefenders', 'the programme', 'the program', 'we', 'our'],
  timePlaceholders: ['redacted', 'date', 'year', 'month', 'period'],
  emptyValues: ['n/a', 'na', '-', '--', 'none', 'nil', 'null', 'tbd', 'tbc', '?', '...', 'néant', 'aucun', 'aucune', 'à compléter'],
  timePatterns: ['(?<!\\d)(?:19|20)\\d{2}(?!\\d)', '(?<!\\d)\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}(?!\\d)', '\\bQ[1-4]\\b'],
  languages: { en: englishQualityWords, fr: frenchQualityWords },
  restatedShare: 0.7,
  shortSignificanceWords: 15,
  explanations: {
    'outcome-is-activity': {
      title: 'The description reports an activity, not an outcome',
      criterion:
        'An outcome is a change in someone other than the programme: what a social actor began to do differently. What the programme did (trainings, meetings, grants) belongs in the contribution.',
      good: 'In March 2024, the journalists’ union of Goma adopted a protocol for reporting threats against its members.',
      weak: 'In March 2024, DefendDefenders organised a training on digital security for 20 journalists.',
    },
    'vague-change': {
      title: 'The change is said only in vague words',
      criterion:
        'Words such as awareness, capacity or strengthened say that something changed without saying what anyone now does differently. Name the observable action that shows the change, so that an outsider can verify it.',
      good: 'In 2023, the chiefs of three villages near Beni signed a commitment to stop forced marriages.',
      weak: 'In 2023, community leaders near Beni had increased awareness of girls’ rights.',
    },
    'no-when': {
      title: 'The description does not say when',
      criterion:
        'An outsider can only verify a change that is placed in time. Say when it happened: a date, a month, a year or a period (a placeholder such as `On <redacted>,` counts).',
      good: 'On 12 May 2023, the mayor of Ouagadougou authorised the women’s march.',
      weak: 'The mayor of Ouagadougou authorised the women’s march.',
    },
    'future-change': {
      title: 'The description says what will happen',
      criterion:
        'An outcome is a change that has already happened: a plan, an intention or an expectation is not one yet. Describe what was observed, or set the status to `Potential outcome` until it happens.',
      good: 'In June 2024, the Ministry of Justice opened a protection desk for journalists.',
      weak: 'The Ministry of Justice plans to open a protection desk for journalists.',
    },
    'significance-restates': {
      title: 'The significance repeats the description',
      criterion:
        'The significance says why the change matters: what it means for the people concerned and for the programme’s objectives. A significance made mostly of the description’s words tells the reader nothing new.',
      good: 'Before the protocol, staff travelled alone to areas where two monitors had been threatened; the protocol reduces their exposure.',
      weak: 'The organisation adopted a security protocol for its staff.',
    },
    'thin-contribution': {
      title: 'The contribution names no action of the programme',
      criterion:
        'The contribution says what the programme did that plausibly influenced the change: who did what, and when. A pointer elsewhere (`see above`, `idem`) or a claim of importance gives the evaluator nothing to check.',
      good: 'PAX trained 15 mediators in June 2023 and accompanied their first meetings with the elders.',
      weak: 'The programme played an important role in this change.',
    },
    'unsupported-rating': {
      title: 'A high rating with a one-line significance',
      criterion:
        'A `high` significance rating claims a major or lasting change, and the significance is where that claim is argued. One short sentence rarely supports it: say what changed for the people concerned and why it matters for the objectives.',
      good: 'The clause let the registrar close any organisation overnight; its removal keeps a court between the government and 11,000 organisations.',
      weak: 'This is very important.',
    },
  },
};
