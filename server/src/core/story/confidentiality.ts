import type { FragmentSchema } from '../schema/schema-types';
import { fold } from '../text/near';
import { type Fragment, fieldNamed } from '../text/parse';

export type ConfidentialityReason = 'flagged' | 'public' | 'empty' | 'invalid' | 'missing' | 'no-flag-in-schema';

export interface ConfidentialityVerdict {
  readonly confidential: boolean;
  readonly reason: ConfidentialityReason;
}

/**
 * Whether a fragment must be treated as confidential. Fail-safe: only a value the schema lists as
 * public makes it shareable; an empty, invalid or missing flag (or a schema without one) does not.
 */
export function confidentialityOf(fragment: Fragment, schema: FragmentSchema): ConfidentialityVerdict {
  const rule = schema.confidentiality;
  if (!rule) return { confidential: true, reason: 'no-flag-in-schema' };
  const flag = fieldNamed(fragment, rule.field);
  if (!flag) return { confidential: true, reason: 'missing' };
  if (flag.value === '') return { confidential: true, reason: 'empty' };
  if (rule.publicValues.some((value) => fold(value) === fold(flag.value))) return { confidential: false, reason: 'public' };
  const flagField = schema.fields.find((field) => field.key === rule.field);
  const listed = [...(flagField?.values ?? []), ...(flagField?.acceptedAsIs ?? [])].some((value) => fold(value) === fold(flag.value));
  return { confidential: true, reason: listed ? 'flagged' : 'invalid' };
}
