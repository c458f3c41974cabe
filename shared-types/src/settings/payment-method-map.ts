/**
 * The shop's Payment Method Map (`custrecord_tts_shop_pm_map`): a JSON object of TikTok payment
 * method name → NetSuite payment method internal id, with `"*"` as the default. NetSuite rejects a
 * sales order without a payment method, so an order whose method has no entry is stopped with a
 * message that names the method and the setting to fill in.
 */
import { isInternalId } from '../ids/external-ids';
import { SHOP_RECORD_LOCATION } from './shop-settings';
import { isPlainObject } from '../contract/validation-problems';

export const DEFAULT_PAYMENT_METHOD_KEY = '*';

const SETTING = 'Payment Method Map';
const WHERE = SHOP_RECORD_LOCATION;

export interface PaymentMethodMap {
  /** Shop name, for messages. */
  shopName: string;
  /** TikTok payment method name → NetSuite payment method internal id (key `*` = default). */
  entries: Readonly<Record<string, string>>;
}

export type PaymentMethodMapResult = { ok: true; map: PaymentMethodMap } | { ok: false; problems: string[] };

export type PaymentMethodResolution =
  { ok: true; paymentMethodId: string; viaDefault: boolean } | { ok: false; problem: string };

function fix(shopName: string, what: string): string {
  return `${SETTING} of shop ${shopName}: ${what} Fix: ${WHERE}, correct ${SETTING} to a JSON object such as {"CCDC": "1", "*": "2"} (TikTok payment method name → NetSuite payment method internal id), save, then retry the order.`;
}

/**
 * Parses the map's JSON text. Blank = no entries (every order then stops with the resolve message).
 * Values may be internal ids as strings (`"7"`) or whole numbers (`7`); both become `"7"`.
 */
export function parsePaymentMethodMap(
  text: string | null | undefined,
  shopName: string,
): PaymentMethodMapResult {
  if (text === null || text === undefined || text.trim() === '') {
    return { ok: true, map: { shopName, entries: Object.create(null) as Record<string, string> } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [fix(shopName, `is not valid JSON (${reason}).`)] };
  }
  if (!isPlainObject(parsed)) {
    const kind = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`;
    return { ok: false, problems: [fix(shopName, `is ${kind}, not a JSON object.`)] };
  }
  const problems: string[] = [];
  // No prototype, so a name like "__proto__" or "toString" is just a name.
  const entries = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(parsed)) {
    if (name.trim() === '') {
      problems.push(fix(shopName, 'has an empty payment method name; use "*" for the default.'));
      continue;
    }
    const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (!isInternalId(id)) {
      problems.push(
        fix(
          shopName,
          `the value ${JSON.stringify(value)} for ${JSON.stringify(name)} is not a NetSuite payment method internal id (a positive whole number, e.g. "7").`,
        ),
      );
      continue;
    }
    entries[name] = id;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map: { shopName, entries } };
}

/**
 * The NetSuite payment method for a TikTok payment method name: the exact entry (case and spaces
 * matter), else the `"*"` default, else a problem that says which entry to add.
 */
export function resolvePaymentMethod(map: PaymentMethodMap, tiktokName: string): PaymentMethodResolution {
  const exact = Object.prototype.hasOwnProperty.call(map.entries, tiktokName)
    ? map.entries[tiktokName]
    : undefined;
  if (exact !== undefined) {
    return { ok: true, paymentMethodId: exact, viaDefault: false };
  }
  const fallback = map.entries[DEFAULT_PAYMENT_METHOD_KEY];
  if (fallback !== undefined) {
    return { ok: true, paymentMethodId: fallback, viaDefault: true };
  }
  const name = JSON.stringify(tiktokName);
  return {
    ok: false,
    problem: `TikTok payment method ${name} has no entry in the ${SETTING} of shop ${map.shopName}. Fix: ${WHERE}, add ${name}: "<NetSuite payment method internal id>" (or a "*" default) to ${SETTING}, save, then retry the order.`,
  };
}
