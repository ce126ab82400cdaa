import type { PhonePlans } from './phone-plans';

/** Runs of digits with the separators numbers are written with; at least 7 digits. */
const CANDIDATE = /(?<![\p{L}\p{N}/.,+-])(?:\+|00)?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}/]|[.,]\d)/gu;
/** `12 500`, `1 234 567`: an amount written with thousands separators, not a number to call. */
const AMOUNT = /^\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+$/;
/** `2023-2024`, `2018-003`, `2019/0456`: a period, or a reference numbered within its year; `2024-03-15`, `15.03.2024`: a date. */
const YEAR_FIRST = /^(?:(?:19|20)\d\d\s?[-–/.]\s?\d{2,5}|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d)$/;
/** A currency or unit just before or after: an amount. */
const CURRENCIES =
  'USD|US\\$|\\$|€|£|₦|EUR|GBP|FC|CDF|FCFA|F CFA|CFA|XOF|UGX|USh|KES|KSh|Ksh|SSP|SDG|NGN|ETB|BIF|FBu|IQD|LBP|LL|SYP|YER|francs?|dollars?|shillings?|birr|naira|dinars?|pounds?|liras?|livres?|rials?|riyals?';
const UNIT_BEFORE = new RegExp(`(?<![\\p{L}])(?:${CURRENCIES})\\s*$`, 'iu');
const UNIT_AFTER = new RegExp(`^\\s*(?:${CURRENCIES}|km|kg|m|ha|people|persons|personnes|participants|households|ménages|%)(?![\\p{L}])`, 'iu');

let phonePlans: PhonePlans | undefined;

/** The numbering plans, on first use: most texts hold no candidate at all. In the Node bundles this is dist/phones.js (scripts/build.mjs). */
function plans(): PhonePlans {
  phonePlans ??= require('./phone-plans') as PhonePlans;
  return phonePlans;
}

/**
 * Telephone numbers, in the international form of any programme country, or in the national
 * form of the fragment's country (else of any of `countries`, the programme's): numbering plans
 * of libphonenumber (phone-plans.ts). Years, dates, amounts and references are not numbers to call.
 */
export function findPhones(text: string, country: string | undefined, countries: readonly string[]): Array<{ start: number; end: number }> {
  if (!/\d{2}/.test(text)) return [];
  const found: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(CANDIDATE)) {
    // An opening bracket is the number's only when it closes inside it (`(+226) 66 84 21 05`).
    const written = match[0].replace(/[\s.-]+$/, '').replace(/^\((?![^)]*\))/, '');
    const at = match.index + match[0].length - match[0].replace(/^\((?![^)]*\))/, '').length;
    const digits = written.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    const international = written.startsWith('+') || written.startsWith('00');
    if (!international) {
      if (AMOUNT.test(written) && !written.startsWith('0')) continue;
      if (YEAR_FIRST.test(written)) continue;
      // A bare run of digits that does not start with a trunk 0 is a reference more often than a number.
      if (/^\d+$/.test(written) && !written.startsWith('0')) continue;
      if (UNIT_BEFORE.test(text.slice(Math.max(0, at - 12), at))) continue;
      if (UNIT_AFTER.test(text.slice(at + written.length, at + written.length + 14))) continue;
    }
    const plansToTry = country && countries.includes(country) ? [country, ...countries.filter((code) => code !== country)] : countries;
    if (!plans().isNumberToCall(written.startsWith('00') ? `+${written.slice(2)}` : written, international, plansToTry)) continue;
    found.push({ start: at, end: at + written.length });
  }
  return found;
}
