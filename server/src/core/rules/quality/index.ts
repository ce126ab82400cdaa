import type { AnyRule, DiagnosticCode } from '../rule';
import { futureChange } from './future-change';
import { noWhen } from './no-when';
import { outcomeIsActivity } from './outcome-is-activity';
import { significanceRestates } from './significance-restates';
import { thinContribution } from './thin-contribution';
import { unsupportedRating } from './unsupported-rating';
import { vagueChange } from './vague-change';

/** The quality hints of FORMAT.md §7, in its order. */
export const qualityRules: readonly AnyRule[] = [
  outcomeIsActivity,
  vagueChange,
  noWhen,
  futureChange,
  significanceRestates,
  thinContribution,
  unsupportedRating,
];

export const qualityCodes: ReadonlySet<DiagnosticCode> = new Set(qualityRules.map((rule) => rule.code));

/** The quality codes whose messages quote the fragment's words (hidden in reports of confidential fragments). */
export const qualityCodesQuotingValues: readonly DiagnosticCode[] = ['outcome-is-activity', 'vague-change', 'future-change', 'thin-contribution'];
