/**
 * Whether a number is one to call in a programme country's numbering plan: libphonenumber's
 * (libphonenumber-js, Google's data), cut to the programme's countries at build time
 * (schema/phone-metadata.json, scripts/phone-metadata.ts). Loaded when the first candidate is
 * seen (phones.ts): in the Node bundles a file of its own, dist/phones.js.
 */
import { type CountryCode, type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import metadata from '../schema/phone-metadata.json';

const plans = metadata as unknown as MetadataJson;

/** An international number (`+…`) valid in its plan; a national one valid in one of `countries`, in order. */
export function isNumberToCall(written: string, international: boolean, countries: readonly string[]): boolean {
  if (international) return parsePhoneNumberFromString(written, plans)?.isValid() === true;
  return countries.some((code) => parsePhoneNumberFromString(written, code as CountryCode, plans)?.isValid() === true);
}

export type PhonePlans = typeof import('./phone-plans');
