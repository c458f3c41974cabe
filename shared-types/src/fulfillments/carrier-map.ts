/**
 * The shop's Carrier Map (`custrecord_tts_shop_carrier_map`) and how a fulfillment's carrier becomes
 * TikTok's `shipping_provider_id`. The map is a JSON object of NetSuite value → TikTok shipping
 * provider id, the NetSuite value being the shipping method's internal id (`"12"`), its name
 * (`"UPS Ground"`) or the package carrier (`"UPS"`, `"FedEx"`, `"USPS"`: the package sublist
 * `packageups` / `packagefedex` / `packageusps` the fulfillment uses). Validated on save like the
 * Payment Method Map (settings/payment-method-check.ts): it must parse, its ids must look like TikTok
 * ids, and an internal-id key must be an existing, active shipping method.
 *
 * The TikTok providers of an order are those of its delivery option (Get Shipping Providers,
 * TikTok's Get Shipping Providers); a mapped provider must be one of them. Without an entry, a provider whose name
 * matches the NetSuite value is taken when exactly one does; otherwise the problem names the
 * NetSuite value and TikTok's providers to choose from.
 */
import { isInternalId } from '../ids/external-ids';
import { isTikTokId } from '../ids/tiktok-id';
import type { ConnectorErrorCode } from '../contract/connector-errors';
import { isPlainObject } from '../contract/validation-problems';
import { SHOP_RECORD_LOCATION } from '../settings/shop-settings';

export const INVALID_CARRIER_MAP = 'TTS_INVALID_CARRIER_MAP' satisfies ConnectorErrorCode;

const SETTING = 'Carrier Map';

export interface CarrierMap {
  shopName: string;
  /** NetSuite value → TikTok shipping provider id. */
  entries: Readonly<Record<string, string>>;
}

export type CarrierMapParse = { ok: true; map: CarrierMap } | { ok: false; problems: string[] };

/** The carrier of a fulfillment as NetSuite holds it. */
export interface NetSuiteCarrier {
  /** Internal id of the shipping method (`shipmethod`), or null. */
  shipMethodId: string | null;
  /** Its name as NetSuite shows it, or null. */
  shipMethodName: string | null;
  /** `UPS`, `FedEx` or `USPS` when the packages are on a carrier's package sublist, else null. */
  packageCarrier: string | null;
}

export interface TikTokProvider {
  id: string;
  name: string;
}

export type ProviderResolution =
  | { ok: true; providerId: string; providerName: string; via: 'map' | 'name'; key: string }
  | { ok: false; problem: string };

function fix(shopName: string, what: string): string {
  return `${SETTING} of shop ${shopName}: ${what} Fix: ${SHOP_RECORD_LOCATION}, correct ${SETTING} to a JSON object such as {"UPS Ground": "6617675021119438849"} (NetSuite shipping method internal id or name, or package carrier UPS / FedEx / USPS → TikTok shipping provider id), save.`;
}

/** Parses the map's JSON text; blank = no entries (names are matched automatically). */
export function parseCarrierMap(text: string | null | undefined, shopName: string): CarrierMapParse {
  const entries = Object.create(null) as Record<string, string>;
  if (text === null || text === undefined || text.trim() === '') {
    return { ok: true, map: { shopName, entries } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [fix(shopName, `is not valid JSON (${e instanceof Error ? e.message : String(e)}).`)],
    };
  }
  if (!isPlainObject(parsed)) {
    const kind = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`;
    return { ok: false, problems: [fix(shopName, `is ${kind}, not a JSON object.`)] };
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key.trim() === '') {
      problems.push(fix(shopName, 'has an empty NetSuite carrier name.'));
      continue;
    }
    const id = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (!isTikTokId(id)) {
      problems.push(
        fix(
          shopName,
          `the value ${JSON.stringify(value)} for ${JSON.stringify(key)} is not a TikTok shipping provider id (digits, as an outbox exception or Get Shipping Providers lists them).`,
        ),
      );
      continue;
    }
    entries[key.trim()] = id;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, map: { shopName, entries } };
}

export interface ShippingMethodInfo {
  id: string;
  name: string;
  active: boolean;
}

/** Keys that are internal ids must name an existing, active shipping method (one problem per bad key). */
export function carrierMapProblems(map: CarrierMap, methods: readonly ShippingMethodInfo[]): string[] {
  const byId = new Map(methods.map((m) => [m.id, m]));
  const problems: string[] = [];
  for (const key of Object.keys(map.entries)) {
    if (!isInternalId(key)) continue;
    const method = byId.get(key);
    const active = methods
      .filter((m) => m.active)
      .slice(0, 20)
      .map((m) => `${m.id} = ${m.name}`);
    const list = active.length > 0 ? ` Active shipping methods: ${active.join(', ')}.` : '';
    if (method === undefined) {
      problems.push(
        fix(
          map.shopName,
          `entry "${key}" names shipping method internal id ${key}, which does not exist.${list}`,
        ),
      );
    } else if (!method.active) {
      problems.push(
        fix(
          map.shopName,
          `entry "${key}" names shipping method ${key} (${method.name}), which is inactive.${list}`,
        ),
      );
    }
  }
  return problems;
}

/** One error message for the refused save. */
export function formatCarrierMapProblems(problems: readonly string[]): string {
  return ['The TikTok Shop record was not saved: its Carrier Map is invalid.', ...problems].join('\n');
}

/** The internal-id keys of the map (to look up in one query on save). */
export function carrierMapMethodIds(map: CarrierMap): string[] {
  return Object.keys(map.entries).filter(isInternalId);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The NetSuite values of a carrier, most specific first, without blanks and repeats. */
export function carrierValues(carrier: NetSuiteCarrier): string[] {
  const values = [carrier.shipMethodId, carrier.shipMethodName, carrier.packageCarrier]
    .map((v) => (v ?? '').trim())
    .filter((v) => v !== '');
  return [...new Set(values)];
}

function describeCarrier(carrier: NetSuiteCarrier): string {
  const parts: string[] = [];
  if (carrier.shipMethodName || carrier.shipMethodId) {
    parts.push(
      `shipping method ${JSON.stringify(carrier.shipMethodName ?? carrier.shipMethodId)}${carrier.shipMethodId ? ` (internal id ${carrier.shipMethodId})` : ''}`,
    );
  }
  if (carrier.packageCarrier) parts.push(`package carrier ${carrier.packageCarrier}`);
  return parts.length > 0 ? parts.join(', ') : 'no shipping method and no carrier package sublist';
}

function listProviders(providers: readonly TikTokProvider[]): string {
  return providers.length === 0
    ? "TikTok offers no shipping provider for this order's delivery option"
    : `TikTok's providers for this order's delivery option: ${providers.map((p) => `${p.name} (${p.id})`).join(', ')}`;
}

function entryFor(map: CarrierMap, values: readonly string[]): { key: string; id: string } | null {
  for (const value of values) {
    const exact = Object.prototype.hasOwnProperty.call(map.entries, value) ? map.entries[value] : undefined;
    if (exact !== undefined) return { key: value, id: exact };
  }
  const lower = new Map(Object.entries(map.entries).map(([k, v]) => [k.toLowerCase(), { key: k, id: v }]));
  for (const value of values) {
    const found = lower.get(value.toLowerCase());
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * Providers whose name's words all appear in a NetSuite value (`UPS` in "UPS Ground"); the ones with
 * the most words win (`DHL eCommerce` over `DHL` for "DHL eCommerce Parcel").
 */
function nameMatches(values: readonly string[], providers: readonly TikTokProvider[]): TikTokProvider[] {
  for (const value of values) {
    if (isInternalId(value)) continue;
    const have = new Set(words(value));
    const hits = providers.filter((p) => {
      const need = words(p.name);
      return need.length > 0 && need.every((w) => have.has(w));
    });
    if (hits.length === 0) continue;
    const best = Math.max(...hits.map((p) => words(p.name).length));
    return hits.filter((p) => words(p.name).length === best);
  }
  return [];
}

/** TikTok's provider for the fulfillment's carrier, or the problem naming the values and the choices. */
export function resolveShippingProvider(
  carrier: NetSuiteCarrier,
  map: CarrierMap,
  providers: readonly TikTokProvider[],
): ProviderResolution {
  const values = carrierValues(carrier);
  const what = describeCarrier(carrier);
  const entry = entryFor(map, values);
  if (entry !== null) {
    const provider = providers.find((p) => p.id === entry.id);
    if (provider !== undefined) {
      return { ok: true, providerId: provider.id, providerName: provider.name, via: 'map', key: entry.key };
    }
    return {
      ok: false,
      problem: `The ${SETTING} of shop ${map.shopName} maps ${JSON.stringify(entry.key)} (${what}) to TikTok shipping provider ${entry.id}, which this order's delivery option does not offer. Fix: ${SHOP_RECORD_LOCATION}, change the entry to one of ${listProviders(providers)}; then set this outbox record back to pending.`,
    };
  }
  const matches = nameMatches(values, providers);
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) {
    return { ok: true, providerId: only.id, providerName: only.name, via: 'name', key: only.name };
  }
  const why =
    matches.length > 1
      ? `its name matches several TikTok providers (${matches.map((p) => p.name).join(', ')})`
      : "no TikTok provider's name matches it";
  const key = values.find((v) => !isInternalId(v)) ?? values[0] ?? '<shipping method name>';
  return {
    ok: false,
    problem: `No TikTok shipping provider for NetSuite ${what}: the ${SETTING} of shop ${map.shopName} has no entry for it and ${why}. Fix: ${SHOP_RECORD_LOCATION}, add ${JSON.stringify(key)}: "<provider id>" to the ${SETTING}, choosing from ${listProviders(providers)}; then set this outbox record back to pending.`,
  };
}
