/**
 * The check behind saving a TikTok Shop record: its Payment Method Map must parse
 * (payment-method-map.ts) and every value must be the internal id of an existing, active NetSuite
 * payment method. Pure: the user event looks the payment methods up and passes them in.
 */
import type { ConnectorErrorCode } from '../contract/connector-errors';
import type { PaymentMethodMap } from './payment-method-map';
import { parsePaymentMethodMap } from './payment-method-map';

export const INVALID_PAYMENT_METHOD_MAP = 'TTS_INVALID_PAYMENT_METHOD_MAP' satisfies ConnectorErrorCode;

export interface PaymentMethodInfo {
  id: string;
  name: string;
  active: boolean;
}

export type PaymentMethodMapParse =
  { ok: true; map: PaymentMethodMap; ids: string[] } | { ok: false; problems: string[] };

/** At most this many active payment methods are suggested in a message. */
const LISTED_METHODS = 20;

/** Parses the map and lists the distinct payment method ids it uses (to look up in one query). */
export function parseMapForSave(text: string | null | undefined, shopName: string): PaymentMethodMapParse {
  const parsed = parsePaymentMethodMap(text, shopName);
  if (!parsed.ok) {
    return parsed;
  }
  return { ok: true, map: parsed.map, ids: [...new Set(Object.values(parsed.map.entries))] };
}

function suggestions(methods: readonly PaymentMethodInfo[]): string {
  const active = methods.filter((m) => m.active);
  if (active.length === 0) {
    return 'This account has no active payment method: create one under Setup > Accounting > Accounting Lists (type Payment Method) first.';
  }
  const listed = active.slice(0, LISTED_METHODS).map((m) => `${m.id} = ${m.name}`);
  const more = active.length > LISTED_METHODS ? `, and ${active.length - LISTED_METHODS} more` : '';
  return `Active payment methods: ${listed.join(', ')}${more}.`;
}

/**
 * Problems with the map's values given the account's payment methods (by internal id): one per
 * entry whose id does not exist or is inactive, naming the entry and the fix.
 */
export function paymentMethodProblems(
  map: PaymentMethodMap,
  methods: readonly PaymentMethodInfo[],
): string[] {
  const byId = new Map(methods.map((m) => [m.id, m]));
  const problems: string[] = [];
  for (const [name, id] of Object.entries(map.entries)) {
    const method = byId.get(id);
    const entry = `${JSON.stringify(name)}: "${id}"`;
    if (method === undefined) {
      problems.push(
        `Payment Method Map of shop ${map.shopName}: entry ${entry} names payment method internal id ${id}, which does not exist. Fix: replace "${id}" with the internal id of an active payment method (Setup > Accounting > Accounting Lists, type Payment Method). ${suggestions(methods)}`,
      );
    } else if (!method.active) {
      problems.push(
        `Payment Method Map of shop ${map.shopName}: entry ${entry} names payment method ${id} (${method.name}), which is inactive. Fix: use an active payment method, or reactivate ${method.name}. ${suggestions(methods)}`,
      );
    }
  }
  return problems;
}

/** One error message for the refused save. */
export function formatPaymentMethodMapProblems(problems: readonly string[]): string {
  return ['The TikTok Shop record was not saved: its Payment Method Map is invalid.', ...problems].join('\n');
}
