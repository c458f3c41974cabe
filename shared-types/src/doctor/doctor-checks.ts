/**
 * The doctor (issue #21): one registry of checks that every surface runs — the connector home in
 * NetSuite, the bridge's status page, `npm run bridge -- doctor` and the README's Troubleshooting
 * section. One check per troubleshooting item of the seed (its 12, in its order), the connector's own checks, and one check
 * of each flow's settings.
 *
 * Each check has a stable id, says what it looks at, and judges one shop from plain inputs:
 * `ok`, `warn` (works, but something is off), `broken` (a flow is stopped or will fail) or
 * `unknown` (this surface cannot see what the check needs; the detail says what is missing). Its
 * fix is one sentence with a link to the exact field (the TikTok Shop record's field id), NetSuite
 * page or the bridge's Connect page; each surface turns the link into an address it can serve.
 * Pure: no I/O, the time is an input.
 */
import { parsePaymentMethodMap } from '../settings/payment-method-map';
import type { PaymentMethodInfo } from '../settings/payment-method-check';
import { paymentMethodProblems } from '../settings/payment-method-check';
import type { BridgeShopFacts, FlowId } from './heartbeat';
import { FLOW_IDS } from './heartbeat';

export type CheckResult = 'ok' | 'warn' | 'broken' | 'unknown';

/** Where the fix is made. Surfaces resolve these (a field of the shop record, a NetSuite page, the bridge). */
export type DoctorLink =
  | { kind: 'shop-field'; field: string; label: string }
  | { kind: 'netsuite'; path: string; label: string }
  | { kind: 'bridge'; path: string; label: string }
  | { kind: 'exceptions'; label: string };

/** The settings of a TikTok Shop record that checks read (field ids in each check's link). */
export interface DoctorShopSettings {
  recordId: string;
  pushOrders: boolean;
  pullOrderUpdates: boolean;
  pushShipments: boolean;
  pullFulfillments: boolean;
  pushFulfillmentsToTikTok: boolean;
  pullLocations: boolean;
  /** Location Filter: NetSuite location ids, empty = every active location. */
  locationFilter: string[];
  pullInventory: boolean;
  pushInventoryToTikTok: boolean;
  inventoryBuffer: number | null;
  pushReturns: boolean;
  answerReturns: boolean;
  pushRefunds: boolean;
  paymentMethodMap: string | null;
  perBuyerCustomer: boolean;
  customerId: string | null;
  shippingItemId: string | null;
  testMode: boolean;
  /** Why the order push is paused (test order waiting for review, a stop), or null. */
  pausedReason: string | null;
  /**
   * Process product catalog (NetSuite side) and (TikTok side); undefined when the account has no
   * surface cannot read them.
   */
  catalogSourceNetSuite?: string | null;
  catalogSourceTikTok?: string | null;
  /**
   * Product Push Blocked (`custrecord_tts_shop_push_block`): TikTok's refusal to let the shop's
   * seller create products (error 12052701, cross-border sellers list global products), null when
   * empty; undefined when this surface cannot read it.
   */
  pushBlock?: string | null;
  /**
   * Why the shop's own push settings stop its product push (TikTok Matrix Options, Push Price Level,
   * Push Saved Search: the field and the fix), null when they do not; undefined when this surface
   * cannot read them.
   */
  pushSetup?: string | null;
}

/** What NetSuite knows, read by the connector home (absent: unknown to this surface). */
export interface DoctorNetSuiteFacts {
  paymentMethods?: PaymentMethodInfo[];
  /** Active NetSuite locations passing the shop's Location Filter. */
  filteredLocations?: number;
  /** TikTok warehouses of the shop and how many are linked to a NetSuite location. */
  warehouses?: { total: number; linked: number };
  /** Active items' Channel SKUs (else their own SKU), for the SKU audit. */
  channelSkus?: { itemId: string; sku: string }[];
  /** Order inbox records in error or exception. */
  inboxErrors?: number;
  /** TikTok orders imported as sales orders so far. */
  importedOrders?: number;
  /** Script deployments of the SuiteApp that are not released or not deployed (script id: why). */
  unreleasedScripts?: string[];
  /** Sync log entries of the last day saying a script ran low on usage. */
  governanceWarnings?: number;
}

export interface DoctorInput {
  nowMs: number;
  shop: { shopId: string; name: string; region: string | null };
  settings?: DoctorShopSettings;
  netsuite?: DoctorNetSuiteFacts;
  /**
   * The bridge's facts: on the bridge, its own; in NetSuite, the last heartbeat (null: none yet)
   * with the time it was received. Absent: this surface cannot see the bridge.
   */
  bridge?: { facts: BridgeShopFacts; receivedAtMs: number } | null;
  /** The bridge's last NetSuite error (bridge surfaces only), or null. */
  lastNetSuiteError?: string | null;
}

export interface DoctorFinding {
  id: DoctorCheckId;
  title: string;
  result: CheckResult;
  /** What the check found, naming the values. */
  detail: string;
  /** One sentence: what to do. */
  fix: string;
  link: DoctorLink;
}

type Verdict = { result: CheckResult; detail: string };

export interface DoctorCheck {
  id: string;
  /** The seed's troubleshooting item (its own words), or the connector's own problem. */
  title: string;
  /** True for the 12 troubleshooting items of the seed. */
  seed: boolean;
  /** What it looks at. */
  looksAt: string;
  fix: string;
  link: DoctorLink;
  run(input: DoctorInput): Verdict;
}

/** A heartbeat older than this means the bridge is not reaching NetSuite. */
export const HEARTBEAT_STALE_MS = 30 * 60_000;
/** Warn this long before the refresh token (the authorization) expires. */
export const AUTH_EXPIRY_WARN_MS = 14 * 86_400_000;
/** No webhook for this long while reconciliation catches orders: webhooks are not arriving. */
export const WEBHOOK_SILENCE_MS = 6 * 3_600_000;
/** A flow backlog above this is worth a warning. */
export const BACKLOG_WARN = 500;
export { GOVERNANCE_LOG_FLOW } from './governance-log';

const field = (id: string, label: string): DoctorLink => ({ kind: 'shop-field', field: id, label });
const CONNECT: DoctorLink = { kind: 'bridge', path: '/', label: 'the bridge: Connect TikTok Shop' };

const ok = (detail: string): Verdict => ({ result: 'ok', detail });
const warn = (detail: string): Verdict => ({ result: 'warn', detail });
const broken = (detail: string): Verdict => ({ result: 'broken', detail });
const unknown = (detail: string): Verdict => ({ result: 'unknown', detail });

const NO_SETTINGS = 'the TikTok Shop record is not readable from here';
const NO_BRIDGE = 'the bridge is not visible from here';
const NO_HEARTBEAT = 'no heartbeat from the bridge yet (is the bridge running with this account?)';

/** The settings, or an `unknown` verdict saying they are not visible here. */
function needSettings(input: DoctorInput, then: (s: DoctorShopSettings) => Verdict): Verdict {
  return input.settings === undefined ? unknown(NO_SETTINGS) : then(input.settings);
}

function needBridge(
  input: DoctorInput,
  then: (facts: BridgeShopFacts, receivedAtMs: number) => Verdict,
): Verdict {
  if (input.bridge === undefined) return unknown(NO_BRIDGE);
  if (input.bridge === null) return unknown(NO_HEARTBEAT);
  return then(input.bridge.facts, input.bridge.receivedAtMs);
}

const onOff = (on: boolean): string => (on ? 'on' : 'off');
const ms = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

function ago(nowMs: number, thenMs: number): string {
  const minutes = Math.max(0, Math.round((nowMs - thenMs) / 60_000));
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
}

function pair(a: [string, boolean], b: [string, boolean]): Verdict {
  const text = `${a[0]} is ${onOff(a[1])}, ${b[0]} is ${onOff(b[1])}`;
  if (a[1] && b[1]) return ok(text);
  if (a[1] !== b[1]) return broken(`${text}: one without the other moves nothing`);
  return warn(`${text}: the flow is off`);
}

function flowFacts(
  input: DoctorInput,
  flow: FlowId,
): { dead: number; backlog: number; lastError: string | null } {
  const facts = input.bridge?.facts.flows[flow];
  return { dead: facts?.dead ?? 0, backlog: facts?.backlog ?? 0, lastError: facts?.lastError ?? null };
}

/** Adds the bridge's view of a flow (dead letters, its last error) to a settings verdict. */
function withFlowHealth(input: DoctorInput, flow: FlowId, verdict: Verdict): Verdict {
  if (verdict.result === 'broken' || verdict.result === 'unknown') return verdict;
  const f = flowFacts(input, flow);
  if (f.dead > 0) {
    return broken(`${verdict.detail}; ${f.dead} job(s) given up${f.lastError ? `: ${f.lastError}` : ''}`);
  }
  return verdict;
}

/** The list defaults when left empty (shared-types/src/catalog/catalog-settings.ts). */
const CATALOG_DEFAULTS = {
  netsuite: 'Pull updates from NetSuite product catalog',
  tiktok: 'Push products to TikTok',
} as const;

function catalogVerdict(s: DoctorShopSettings, side: 'netsuite' | 'tiktok'): Verdict {
  const value = side === 'netsuite' ? s.catalogSourceNetSuite : s.catalogSourceTikTok;
  const label = side === 'netsuite' ? 'Process product catalog' : 'Process product catalog updates';
  if (value === undefined) return unknown(`${label} is not readable from here`);
  if (value === null || value === '') {
    return warn(`${label} is not chosen; its default applies (${CATALOG_DEFAULTS[side]})`);
  }
  return ok(`${label}: ${value}`);
}

/** Channel SKUs used by more than one item, and SKUs with leading or trailing whitespace. */
export function auditSkus(rows: readonly { itemId: string; sku: string }[]): {
  duplicates: { sku: string; itemIds: string[] }[];
  untrimmed: { sku: string; itemId: string }[];
} {
  const bySku = new Map<string, string[]>();
  const untrimmed: { sku: string; itemId: string }[] = [];
  for (const row of rows) {
    bySku.set(row.sku, [...(bySku.get(row.sku) ?? []), row.itemId]);
    if (row.sku !== row.sku.trim()) untrimmed.push({ sku: row.sku, itemId: row.itemId });
  }
  const duplicates = [...bySku.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([sku, itemIds]) => ({ sku, itemIds }));
  return { duplicates, untrimmed };
}

export const DOCTOR_CHECKS = [
  // --- the seed's 12 troubleshooting items, in its order ---
  {
    id: 'tiktok-authorization',
    title: 'TikTok Shop authorization fails',
    seed: true,
    looksAt: "the shop's TikTok connection on the bridge (connected, needs re-authorization, disconnected)",
    fix: 'Open the bridge and click Connect TikTok Shop, signed in to TikTok Seller Center as the seller account owner (a user allowed to authorize third-party apps).',
    link: CONNECT,
    run: (input) =>
      needBridge(input, (facts) =>
        facts.connection === 'connected'
          ? ok('connected')
          : broken(`${facts.connection}${facts.connectionReason ? `: ${facts.connectionReason}` : ''}`),
      ),
  },
  {
    id: 'netsuite-connection',
    title: 'NetSuite connection fails',
    seed: true,
    looksAt:
      "the bridge's calls to the connector RESTlet: its last NetSuite error and, in NetSuite, when its last heartbeat arrived",
    fix: "Check the bridge's NETSUITE_* token-based authentication settings and that the token's role may run the connector RESTlet (Setup > Users/Roles > Access Tokens).",
    link: { kind: 'netsuite', path: '/app/setup/accesstokens.nl', label: 'Access Tokens' },
    run: (input) => {
      if (input.lastNetSuiteError !== undefined) {
        return input.lastNetSuiteError === null
          ? ok('the last RESTlet call succeeded')
          : broken(`the last RESTlet call failed: ${input.lastNetSuiteError}`);
      }
      return needBridge(input, (_facts, receivedAtMs) =>
        input.nowMs - receivedAtMs > HEARTBEAT_STALE_MS
          ? broken(`the bridge last reached NetSuite ${ago(input.nowMs, receivedAtMs)}`)
          : ok(`the bridge reached NetSuite ${ago(input.nowMs, receivedAtMs)}`),
      );
    },
  },
  {
    id: 'orders-not-pushed',
    title: "Orders aren't being pushed to NetSuite",
    seed: true,
    looksAt: 'Push orders to NetSuite, a pause of the order push, and whether TikTok orders reach the bridge',
    fix: 'Turn on Push orders to NetSuite on the TikTok Shop record (and clear the pause once the test order is reviewed).',
    link: field('custrecord_tts_shop_push_orders', 'Push orders to NetSuite'),
    run: (input) =>
      needSettings(input, (s) => {
        if (!s.pushOrders) return broken('Push orders to NetSuite is off');
        if (s.pausedReason !== null && s.pausedReason !== '')
          return broken(`the order push is paused: ${s.pausedReason}`);
        return ok('Push orders to NetSuite is on');
      }),
  },
  {
    id: 'payment-method-map',
    title: 'NetSuite rejects orders because the payment method is missing',
    seed: true,
    looksAt:
      'the Payment Method Map: valid JSON, a default (`*`) entry, every id an active NetSuite payment method',
    fix: 'Fill in the Payment Method Map with the TikTok payment method names and a "*" default, each mapped to an active payment method internal id.',
    link: field('custrecord_tts_shop_pm_map', 'Payment Method Map'),
    run: (input) =>
      needSettings(input, (s) => {
        const parsed = parsePaymentMethodMap(s.paymentMethodMap, input.shop.name);
        if (!parsed.ok) return broken(parsed.problems.join(' '));
        if (Object.keys(parsed.map.entries).length === 0) return broken('the Payment Method Map is empty');
        const methods = input.netsuite?.paymentMethods;
        if (methods === undefined)
          return unknown('the payment methods of the account are not readable from here');
        const problems = paymentMethodProblems(parsed.map, methods);
        if (problems.length > 0) return broken(problems.join(' '));
        return parsed.map.entries['*'] === undefined
          ? warn('no "*" default entry: an order paid another way waits')
          : ok(`${Object.keys(parsed.map.entries).length} entries, all active`);
      }),
  },
  {
    id: 'products-from-netsuite',
    title: "Products aren't appearing in the app from NetSuite",
    seed: true,
    looksAt: 'Process product catalog (NetSuite side)',
    fix: 'Set Process product catalog to "Pull updates from NetSuite product catalog"; if the catalog still looks off, check Force product catalog resync.',
    link: field('custrecord_tts_shop_force_catalog', 'Force product catalog resync'),
    run: (input) => needSettings(input, (s) => catalogVerdict(s, 'netsuite')),
  },
  {
    id: 'products-to-tiktok',
    title: "Products aren't pushing to TikTok Shop",
    seed: true,
    looksAt:
      "Process product catalog updates (TikTok side), Product Push Blocked (TikTok's refusal to let the shop's seller create products, error 12052701: cross-border sellers list global products) and the shop's push settings (TikTok Matrix Options, Push Price Level, Push Saved Search)",
    fix: 'While Product Push Blocked holds TikTok\'s refusal, list the products as global products in TikTok Seller Center and set Process product catalog updates to "Pull products from TikTok" or "Do not sync products"; clear Product Push Blocked once the seller can create local products, and correct the push setting the detail names (TikTok Matrix Options, Push Price Level or Push Saved Search).',
    link: field('custrecord_tts_shop_push_block', 'Product Push Blocked'),
    run: (input) =>
      needSettings(input, (s) => {
        const verdict = catalogVerdict(s, 'tiktok');
        if (verdict.result === 'unknown') return verdict;
        const pushes = /push/i.test(s.catalogSourceTikTok || CATALOG_DEFAULTS.tiktok);
        if (!pushes) return verdict;
        if (s.pushBlock === undefined) return unknown('Product Push Blocked is not readable from here');
        const block = (s.pushBlock ?? '').trim();
        if (block !== '') return broken(`Product Push Blocked: ${block}`);
        if ((s.pushSetup ?? '').trim() !== '') return broken(s.pushSetup as string);
        return withFlowHealth(input, 'products', verdict);
      }),
  },
  {
    id: 'products-matching',
    title: "Products aren't matching across channels",
    seed: true,
    looksAt:
      'the Channel SKU (or the SKU) of items: unique, and without leading or trailing spaces (matching is exact, case and whitespace included)',
    fix: 'Give each item its own Channel SKU exactly as TikTok spells it (item field Channel SKU, custitem_tts_sku), without spaces around it.',
    link: { kind: 'netsuite', path: '/app/common/item/itemlist.nl', label: 'Items' },
    run: (input) => {
      const rows = input.netsuite?.channelSkus;
      if (rows === undefined)
        return unknown(
          'the items are not readable from here (the connector home in NetSuite audits their SKUs)',
        );
      const { duplicates, untrimmed } = auditSkus(rows);
      if (duplicates.length > 0) {
        const first = duplicates[0]!;
        return broken(
          `${duplicates.length} SKU(s) on more than one item, e.g. ${JSON.stringify(first.sku)} on items ${first.itemIds.join(', ')}`,
        );
      }
      if (untrimmed.length > 0) {
        return warn(
          `${untrimmed.length} SKU(s) with spaces around them, e.g. ${JSON.stringify(untrimmed[0]!.sku)} on item ${untrimmed[0]!.itemId}`,
        );
      }
      return ok(`${rows.length} SKUs, all unique`);
    },
  },
  {
    id: 'channel-sku-tiktok-row',
    title: 'The Channel SKU column is missing on the TikTok Shop row',
    seed: true,
    looksAt:
      'informational, always ok (nothing to fix): TikTok has no per-channel SKU; the mapping lives on the NetSuite item',
    fix: "Expected: TikTok SKUs must equal the SKU; map a different NetSuite SKU on the item's Channel SKU field (custitem_tts_sku).",
    link: { kind: 'netsuite', path: '/app/common/item/itemlist.nl', label: 'Items' },
    run: () => ok('expected behaviour, explained'),
  },
  {
    id: 'locations-not-appearing',
    title: "Locations aren't appearing under Inventory → Locations",
    seed: true,
    looksAt: 'Pull locations from NetSuite and whether the Location Filter leaves any active location',
    fix: 'Turn on Pull locations from NetSuite and make the Location Filter include the locations that hold TikTok stock (empty = all active locations).',
    link: field('custrecord_tts_shop_loc_filter', 'Location Filter'),
    run: (input) =>
      needSettings(input, (s) => {
        if (!s.pullLocations) return broken('Pull locations from NetSuite is off');
        const n = input.netsuite?.filteredLocations;
        if (n === undefined) return unknown("the account's locations are not readable from here");
        if (n === 0) {
          return broken(
            s.locationFilter.length === 0
              ? 'the account has no active location'
              : `the Location Filter (${s.locationFilter.join(', ')}) leaves no active location`,
          );
        }
        return ok(`${n} location(s) offered for linking`);
      }),
  },
  {
    id: 'inventory-totals',
    title: 'TikTok Shop inventory totals look wrong',
    seed: true,
    looksAt:
      'Pull Inventory from NetSuite, Push inventory information to TikTok, the Inventory Safety Buffer and the inventory jobs',
    fix: 'Turn on Pull Inventory from NetSuite and Push inventory information to TikTok, link the matching locations, then check Force inventory resync.',
    link: field('custrecord_tts_shop_force_inv', 'Force inventory resync'),
    run: (input) =>
      needSettings(input, (s) => {
        if (s.inventoryBuffer !== null && (s.inventoryBuffer < 0 || !Number.isInteger(s.inventoryBuffer))) {
          return broken(`the Inventory Safety Buffer is ${s.inventoryBuffer}; it must be a whole number ≥ 0`);
        }
        const verdict = pair(
          ['Pull Inventory from NetSuite', s.pullInventory],
          ['Push inventory information to TikTok', s.pushInventoryToTikTok],
        );
        const wh = input.netsuite?.warehouses;
        if (verdict.result === 'ok' && wh !== undefined && wh.total > 0 && wh.linked === 0) {
          return broken(
            `${verdict.detail}, but none of the ${wh.total} TikTok warehouses is linked to a location`,
          );
        }
        return withFlowHealth(input, 'inventory', verdict);
      }),
  },
  {
    id: 'fulfillments-to-tiktok',
    title: "Fulfillment data isn't reaching TikTok Shop",
    seed: true,
    looksAt:
      'Pull fulfillments from NetSuite, Push fulfillments information to TikTok and the fulfillment jobs',
    fix: 'Turn on both Pull fulfillments from NetSuite and Push fulfillments information to TikTok on the TikTok Shop record.',
    link: field('custrecord_tts_shop_pull_fulfill', 'Pull fulfillments from NetSuite'),
    run: (input) =>
      needSettings(input, (s) =>
        withFlowHealth(
          input,
          'fulfillments',
          pair(
            ['Pull fulfillments from NetSuite', s.pullFulfillments],
            ['Push fulfillments information to TikTok', s.pushFulfillmentsToTikTok],
          ),
        ),
      ),
  },
  {
    id: 'returns-refunds',
    title: "Returns or refunds aren't pushing to NetSuite",
    seed: true,
    looksAt:
      'Push returns to NetSuite as Return Authorizations and Push eCom order refunds to NetSuite (both off by default)',
    fix: 'Turn on the one you need: Push returns to NetSuite as Return Authorizations or Push eCom order refunds to NetSuite.',
    link: field('custrecord_tts_shop_push_returns', 'Push returns to NetSuite as Return Authorizations'),
    run: (input) =>
      needSettings(input, (s) => {
        if (!s.pushReturns && !s.pushRefunds)
          return warn('both are off (the default): TikTok returns and refunds stay in TikTok');
        return ok(`returns ${onOff(s.pushReturns)}, refunds ${onOff(s.pushRefunds)}`);
      }),
  },
  // --- the connector's own ---
  {
    id: 'authorization-expiry',
    title: 'TikTok authorization about to expire',
    seed: false,
    looksAt:
      "when the shop's refresh token expires (after it TikTok refuses every call until the seller authorizes again)",
    fix: 'Authorize the shop again from the bridge (Connect TikTok Shop) before the date shown.',
    link: CONNECT,
    run: (input) =>
      needBridge(input, (facts) => {
        const at = ms(facts.refreshTokenExpiresAt);
        if (at === null) return unknown('the bridge holds no token for the shop');
        if (at <= input.nowMs) return broken(`the authorization expired on ${facts.refreshTokenExpiresAt}`);
        if (at - input.nowMs < AUTH_EXPIRY_WARN_MS)
          return warn(`the authorization expires on ${facts.refreshTokenExpiresAt}`);
        return ok(`valid until ${facts.refreshTokenExpiresAt}`);
      }),
  },
  {
    id: 'webhooks-arriving',
    title: 'TikTok webhooks not arriving',
    seed: false,
    looksAt:
      "when a webhook last arrived, compared with the orders the bridge's reconciliation found that no webhook brought",
    fix: "Check the webhook URL in TikTok Partner Center is the bridge's PUBLIC_URL + /webhooks/tiktok and that it is reachable from the internet.",
    link: { kind: 'bridge', path: '/', label: 'the bridge status page' },
    run: (input) =>
      needBridge(input, (facts) => {
        const last = ms(facts.lastWebhookAt);
        const caught = ms(facts.lastReconcileCatchAt);
        if (
          caught !== null &&
          input.nowMs - caught < WEBHOOK_SILENCE_MS &&
          (last === null || caught - last > WEBHOOK_SILENCE_MS)
        ) {
          return broken(
            `reconciliation found orders ${ago(input.nowMs, caught)} that no webhook brought; last webhook ${last === null ? 'never' : ago(input.nowMs, last)}`,
          );
        }
        return last === null
          ? ok('no webhook yet, and reconciliation found nothing missing')
          : ok(`last webhook ${ago(input.nowMs, last)}`);
      }),
  },
  {
    id: 'dead-letters',
    title: 'Jobs given up (dead letters)',
    seed: false,
    looksAt: "the bridge's jobs that failed for good, per flow",
    fix: 'Fix what the dead letter says, then requeue it from the bridge (`npm run bridge -- retry-dead`).',
    link: { kind: 'bridge', path: '/', label: 'the bridge status page: Dead letters' },
    run: (input) =>
      needBridge(input, (facts) => {
        const dead = FLOW_IDS.map((flow) => [flow, facts.flows[flow]?.dead ?? 0] as const).filter(
          ([, n]) => n > 0,
        );
        if (dead.length === 0) return ok('none');
        return broken(dead.map(([flow, n]) => `${flow}: ${n}`).join(', '));
      }),
  },
  {
    id: 'late-dispatch',
    title: "Orders past TikTok's ship-by deadline",
    seed: false,
    looksAt: "TikTok orders not shipped by TikTok's ship-by time",
    fix: 'Ship the late orders listed on the exceptions page first (late shipments count against the shop in TikTok).',
    link: { kind: 'exceptions', label: 'TikTok Order Exceptions: Orders to ship' },
    run: (input) =>
      needBridge(input, (facts) =>
        facts.lateOrders > 0 ? warn(`${facts.lateOrders} order(s) late`) : ok('none late'),
      ),
  },
  {
    id: 'governance',
    title: 'Scripts running near their usage limits',
    seed: false,
    looksAt:
      'sync log entries of the last day where a connector script ran low on governance usage and yielded or stopped',
    fix: 'Schedule the map/reduce deployments more often or with more processors so each run does less (Customization > Scripting > Script Deployments).',
    link: {
      kind: 'netsuite',
      path: '/app/common/scripting/scriptrecordlist.nl',
      label: 'Script Deployments',
    },
    run: (input) => {
      const n = input.netsuite?.governanceWarnings;
      if (n === undefined) return unknown('the sync log is not readable from here');
      return n > 0 ? warn(`${n} low-usage stop(s) in the last day`) : ok('none in the last day');
    },
  },
  {
    id: 'scripts-released',
    title: 'Scripts or deployments not released',
    seed: false,
    looksAt:
      "the SuiteApp's script deployments: status Released (Scheduled for those that run on a schedule) and deployed",
    fix: 'Set each listed deployment to Status Released (Scheduled for those that run on a schedule) and check Deployed (Customization > Scripting > Script Deployments).',
    link: {
      kind: 'netsuite',
      path: '/app/common/scripting/scriptrecordlist.nl',
      label: 'Script Deployments',
    },
    run: (input) => {
      const list = input.netsuite?.unreleasedScripts;
      if (list === undefined) return unknown('the script deployments are not readable from here');
      return list.length > 0 ? broken(list.join('; ')) : ok('all released');
    },
  },
  {
    id: 'locations-linked',
    title: 'Locations not linked',
    seed: false,
    looksAt: 'TikTok warehouses of the shop and their linked NetSuite location',
    fix: 'Open each TikTok warehouse (Customization > TikTok Warehouses) and set its NetSuite location.',
    link: {
      kind: 'netsuite',
      path: '/app/common/custom/custrecordentrylist.nl?rectype=customrecord_tts_warehouse',
      label: 'TikTok Warehouses',
    },
    run: (input) => {
      const wh = input.netsuite?.warehouses;
      if (wh === undefined) return unknown('the TikTok warehouses are not readable from here');
      if (wh.total === 0)
        return warn('no TikTok warehouse pulled yet (the bridge pulls them once the shop is connected)');
      if (wh.linked < wh.total) return warn(`${wh.total - wh.linked} of ${wh.total} warehouse(s) not linked`);
      return ok(`${wh.total} warehouse(s) linked`);
    },
  },
  {
    id: 'queue-backlog',
    title: 'Work piling up on the bridge',
    seed: false,
    looksAt: "the bridge's jobs waiting per flow",
    fix: "Look at the flow's last error on the bridge status page; a backlog that keeps growing means TikTok or NetSuite is refusing or throttling calls.",
    link: { kind: 'bridge', path: '/', label: 'the bridge status page: Queue' },
    run: (input) =>
      needBridge(input, (facts) => {
        const big = FLOW_IDS.map((flow) => [flow, facts.flows[flow]?.backlog ?? 0] as const).filter(
          ([, n]) => n > BACKLOG_WARN,
        );
        return big.length > 0
          ? warn(big.map(([flow, n]) => `${flow}: ${n} waiting`).join(', '))
          : ok('no backlog');
      }),
  },
  {
    id: 'test-order',
    title: 'Test with one order',
    seed: false,
    looksAt: 'whether one TikTok order was imported (Test with one order) and reviewed before the full sync',
    fix: 'Check Test with one order on the TikTok Shop record, let one order import, review it, then clear the pause.',
    link: field('custrecord_tts_shop_test_mode', 'Test with one order'),
    run: (input) =>
      needSettings(input, (s) => {
        const imported = input.netsuite?.importedOrders;
        if (imported === undefined) return unknown('the imported orders are not readable from here');
        if (imported === 0)
          return warn(s.testMode ? 'test mode is on; no order imported yet' : 'no order imported yet');
        return ok(`${imported} order(s) imported`);
      }),
  },
  {
    id: 'inbox-errors',
    title: 'Orders waiting in error',
    seed: false,
    looksAt: 'order inbox records in error or exception',
    fix: 'Open the exceptions page, fix what each message says, then Retry.',
    link: { kind: 'exceptions', label: 'TikTok Order Exceptions' },
    run: (input) => {
      const n = input.netsuite?.inboxErrors;
      if (n === undefined) return unknown('the order inbox is not readable from here');
      return n > 0 ? broken(`${n} order(s) in error or exception`) : ok('none');
    },
  },
  // --- each flow's settings ---
  {
    id: 'flow-orders',
    title: 'Orders flow settings',
    seed: false,
    looksAt:
      'Push orders to NetSuite, the customer (one per buyer or a default customer) and the Shipping Item',
    fix: 'On the TikTok Shop record, choose a Default Customer (or one customer per buyer) and a Shipping Item.',
    link: field('custrecord_tts_shop_customer', 'Default Customer'),
    run: (input) =>
      needSettings(input, (s) => {
        if (!s.pushOrders) return warn('Push orders to NetSuite is off');
        if (!s.perBuyerCustomer && (s.customerId === null || s.customerId === '')) {
          return broken('no Default Customer and not one customer per buyer');
        }
        if (s.shippingItemId === null || s.shippingItemId === '') return broken('no Shipping Item');
        return withFlowHealth(input, 'orders', ok('on, customer and shipping item set'));
      }),
  },
  {
    id: 'flow-order-updates',
    title: 'Order updates flow settings',
    seed: false,
    looksAt: 'Pull order updates from NetSuite',
    fix: 'Turn on Pull order updates from NetSuite so sales-order changes reach TikTok.',
    link: field('custrecord_tts_shop_pull_order_upd', 'Pull order updates from NetSuite'),
    run: (input) =>
      needSettings(input, (s) =>
        s.pullOrderUpdates
          ? withFlowHealth(input, 'order_updates', ok('on'))
          : warn('Pull order updates from NetSuite is off'),
      ),
  },
  {
    id: 'flow-fulfillments',
    title: 'Fulfillments flow settings',
    seed: false,
    looksAt: 'Pull fulfillments from NetSuite together with Push fulfillments information to TikTok',
    fix: 'Turn both on (or both off): Pull fulfillments from NetSuite and Push fulfillments information to TikTok.',
    link: field('custrecord_tts_shop_push_ful_tts', 'Push fulfillments information to TikTok'),
    run: (input) =>
      needSettings(input, (s) =>
        pair(
          ['Pull fulfillments from NetSuite', s.pullFulfillments],
          ['Push fulfillments information to TikTok', s.pushFulfillmentsToTikTok],
        ),
      ),
  },
  {
    id: 'flow-shipments',
    title: 'Shipments flow settings',
    seed: false,
    looksAt: 'Push shipments to NetSuite (packages shipped outside NetSuite)',
    fix: 'Turn on Push shipments to NetSuite so packages shipped in Seller Center or by TikTok complete the NetSuite order.',
    link: field('custrecord_tts_shop_push_shipments', 'Push shipments to NetSuite'),
    run: (input) =>
      needSettings(input, (s) =>
        s.pushShipments
          ? withFlowHealth(input, 'shipments', ok('on'))
          : warn('Push shipments to NetSuite is off'),
      ),
  },
  {
    id: 'flow-inventory',
    title: 'Inventory flow settings',
    seed: false,
    looksAt: 'Pull Inventory from NetSuite together with Push inventory information to TikTok',
    fix: 'Turn both on (or both off): Pull Inventory from NetSuite and Push inventory information to TikTok.',
    link: field('custrecord_tts_shop_push_inv_tts', 'Push inventory information to TikTok'),
    run: (input) =>
      needSettings(input, (s) =>
        pair(
          ['Pull Inventory from NetSuite', s.pullInventory],
          ['Push inventory information to TikTok', s.pushInventoryToTikTok],
        ),
      ),
  },
  {
    id: 'flow-products',
    title: 'Products flow settings',
    seed: false,
    looksAt: 'Process product catalog (NetSuite side and TikTok side)',
    fix: 'Choose the catalog source once: NetSuite (pull from NetSuite, push to TikTok) or TikTok (pull products from TikTok).',
    link: field('custrecord_tts_shop_force_catalog', 'Force product catalog resync'),
    run: (input) => needSettings(input, (s) => catalogVerdict(s, 'netsuite')),
  },
  {
    id: 'flow-returns',
    title: 'Returns flow settings',
    seed: false,
    looksAt: 'Push returns to NetSuite as Return Authorizations and Answer TikTok returns from NetSuite',
    fix: 'Turn on Push returns to NetSuite as Return Authorizations before Answer TikTok returns from NetSuite (answers are made on the return authorizations).',
    link: field('custrecord_tts_shop_push_returns', 'Push returns to NetSuite as Return Authorizations'),
    run: (input) =>
      needSettings(input, (s) => {
        if (s.answerReturns && !s.pushReturns)
          return broken('Answer TikTok returns is on but Push returns is off: there is nothing to answer on');
        return s.pushReturns ? withFlowHealth(input, 'returns', ok('on')) : ok('off (the default)');
      }),
  },
  {
    id: 'flow-refunds',
    title: 'Refunds flow settings',
    seed: false,
    looksAt: 'Push eCom order refunds to NetSuite',
    fix: 'Turn on Push eCom order refunds to NetSuite to book TikTok refunds as credit memos or cash refunds.',
    link: field('custrecord_tts_shop_push_refunds', 'Push eCom order refunds to NetSuite'),
    run: (input) =>
      needSettings(input, (s) =>
        s.pushRefunds ? withFlowHealth(input, 'refunds', ok('on')) : ok('off (the default)'),
      ),
  },
] as const satisfies readonly DoctorCheck[];

export type DoctorCheckId = (typeof DOCTOR_CHECKS)[number]['id'];

export const DOCTOR_CHECK_IDS: readonly DoctorCheckId[] = DOCTOR_CHECKS.map((check) => check.id);

export function checkById(id: DoctorCheckId): DoctorCheck {
  return DOCTOR_CHECKS.find((check) => check.id === id)!;
}

/** Runs every check on one shop, in the registry's order. */
export function runDoctor(input: DoctorInput): DoctorFinding[] {
  return DOCTOR_CHECKS.map((check: DoctorCheck) => {
    const verdict = check.run(input);
    return {
      id: check.id as DoctorCheckId,
      title: check.title,
      result: verdict.result,
      detail: verdict.detail,
      fix: check.fix,
      link: check.link,
    };
  });
}

const RANK: Record<CheckResult, number> = { ok: 0, unknown: 1, warn: 2, broken: 3 };

/** The worst result of a list (ok for an empty one). */
export function worstResult(results: readonly CheckResult[]): CheckResult {
  return results.reduce<CheckResult>((worst, r) => (RANK[r] > RANK[worst] ? r : worst), 'ok');
}
