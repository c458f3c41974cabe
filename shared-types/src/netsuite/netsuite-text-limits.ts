/**
 * NetSuite's length limits for the free-text fields the connector RESTlet writes, so a request is
 * refused with the field and its limit named (`TTS_INVALID_REQUEST`) before anything is saved,
 * instead of NetSuite's own INVALID_FLD_VALUE half-way through a batch.
 *
 * Limits (characters), from NetSuite's "Field Type Descriptions for Custom Fields"
 * (https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_N2842731.html): Free-Form
 * Text 300, Text Area 4,000, Long Text 1,000,000. The same page says the limits are for one-byte
 * (English) letters and lower for other scripts; the connector counts characters, as the NetSuite
 * emulator does (`sandbox/netsuite/src/data/catalogue/fields.ts`). A custom record's Name field is
 * held to the free-form text limit, as in the emulator.
 */
import type { Problems } from '../contract/validation-problems';

/** Free-Form Text custom fields (`TEXT`) and a custom record's Name. */
export const FREE_FORM_TEXT_MAX_LENGTH = 300;
/** Long Text custom fields (`CLOBTEXT`). */
export const LONG_TEXT_MAX_LENGTH = 1_000_000;

/** A NetSuite field a RESTlet value is written to, as a person finds it in the UI. */
export interface TextFieldTarget {
  /** e.g. `Shop Name (custrecord_tts_shop_name) and the record's Name`. */
  field: string;
  limit: number;
}

/** Thousands separators for limits and lengths in messages (`1,000,000`). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The problem text for a value longer than its NetSuite field, or null when it fits. Names the
 * length, the NetSuite field and its limit: `is 301 characters; NetSuite's Shop Name (…) holds at most 300`.
 */
export function textLengthProblem(value: string, target: TextFieldTarget): string | null {
  if (value.length <= target.limit) {
    return null;
  }
  return `is ${grouped(value.length)} characters; NetSuite's ${target.field} holds at most ${grouped(target.limit)} characters, so nothing was saved (shorten it to ${grouped(target.limit)} characters or fewer)`;
}

/** Adds a problem at `path` when a string is longer than its NetSuite field (non-strings are reported elsewhere). */
export function checkLength(problems: Problems, path: string, value: unknown, target: TextFieldTarget): void {
  if (typeof value !== 'string') {
    return;
  }
  const problem = textLengthProblem(value, target);
  if (problem !== null) {
    problems.add(path, problem);
  }
}
