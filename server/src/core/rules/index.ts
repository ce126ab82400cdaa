import { duplicateField } from './duplicate-field';
import { duplicateId } from './duplicate-id';
import { emptyField } from './empty-field';
import { idObjectiveMismatch } from './id-objective-mismatch';
import { invalidValue } from './invalid-value';
import { malformedFieldLine } from './malformed-field-line';
import { missingField } from './missing-field';
import { nonCanonicalKey } from './non-canonical-key';
import { possibleIdentifier } from './possible-identifier';
import { qualityRules } from './quality';
import type { AnyRule, DiagnosticCode } from './rule';
import { staleMergedStory } from './stale-merged-story';
import { substantiationDisagrees } from './substantiation-disagrees';
import { textOutsideField } from './text-outside-field';
import { unknownField } from './unknown-field';
import { valueFormat } from './value-format';

/** Every rule, in the order of FORMAT.md §5, the anonymisation check of §8, substantiation (§9), then the quality hints of §7. */
export const rules: readonly AnyRule[] = [
  unknownField,
  nonCanonicalKey,
  duplicateField,
  missingField,
  emptyField,
  invalidValue,
  valueFormat,
  malformedFieldLine,
  textOutsideField,
  staleMergedStory,
  idObjectiveMismatch,
  duplicateId,
  possibleIdentifier,
  substantiationDisagrees,
  ...qualityRules,
];

export const ruleByCode: ReadonlyMap<DiagnosticCode, AnyRule> = new Map(rules.map((rule) => [rule.code, rule]));
