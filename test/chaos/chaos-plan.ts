/**
 * The chaos scenario in numbers: how many orders of each kind, the fault knobs, when the bridge is
 * killed and where the app-server restarts hit. Everything the run does is derived from this plan
 * and a seeded PRNG, so two runs create the same orders; only the interleaving of I/O differs.
 */
import type { RestartInjection } from '../../sandbox/netsuite/src/exec/mapreduce/mr-types';
import type { Faults } from '../../sandbox/tiktok/src';
import type { SeedBundleSpec, SeedProductSpec } from '../../sandbox/tiktok/src';

export type OrderKind =
  | 'paid' // created and walked to AWAITING_SHIPMENT at once
  | 'paid-later' // created UNPAID, paid two waves later (an update of an order NetSuite already holds)
  | 'unpaid' // never paid: waits in the inbox
  | 'cancelled' // created UNPAID, cancelled by the buyer two waves later
  | 'unmapped-payment' // paid with a method the shop's Payment Method Map does not list
  | 'unknown-sku' // paid, with a SKU that has no NetSuite item
  // Paid; once it is a sales order the buyer asks to cancel (a pending request with a deadline), and:
  | 'request-accepted' // a person accepts it on the sales order (TikTok cancels the order)
  | 'request-rejected' // a person rejects it with a reason (TikTok keeps the order)
  | 'request-timeout' // nobody answers: TikTok approves it at the deadline and cancels the order
  | 'request-shipped'; // the package ships after NetSuite showed the request, which rejects it (US)

export const REQUEST_KINDS: readonly OrderKind[] = [
  'request-accepted',
  'request-rejected',
  'request-timeout',
  'request-shipped',
];

export const IMPORTABLE_KINDS: readonly OrderKind[] = ['paid', 'paid-later', ...REQUEST_KINDS];

export interface KillStep {
  /** Kill after this creation wave. */
  afterWave: number;
  /** `now`: at once (webhooks in flight); `after-restlet`: right after NetSuite committed an upsert, before the bridge hears back. */
  mode: 'now' | 'after-restlet';
}

/**
 * The kind of NetSuite account the run imports into and the region of the TikTok shop (issue #10:
 * the run ties out in each account profile's tax set-up): `us-oneworld` with a US shop (legacy tax,
 * TikTok remits), `uk-vat` with a GB shop (GBP, VAT-inclusive prices, the UK seller remits its VAT),
 * `us-suitetax` with a US shop (SuiteTax, TikTok remits).
 */
export interface ChaosAccount {
  profile: 'us-oneworld' | 'uk-vat' | 'us-suitetax';
  shopRegion: 'US' | 'GB';
}

export interface ChaosPlan {
  account: ChaosAccount;
  seed: number;
  counts: Record<OrderKind, number>;
  waves: number;
  /** Pause between creation waves (> 1 s, so a later status change has a later `update_time`). */
  waveGapMs: number;
  kills: KillStep[];
  /** A wave during which TikTok sends no webhook at all: only reconciliation can find its orders. */
  webhookOutageWave: number;
  /** How long the bridge stays dead before it is started again. */
  downtimeMs: number;
  faults: Faults;
  /** Copies the webhook fan-out sends to the bridge for every delivery TikTok makes. */
  copiesPerWebhook: number;
  /** Most a late copy lags behind the first ones (ms). */
  copyLagMs: number;
  netsuite: { concurrencyLimit: number; restletLatencyMs: number };
  /** Injected into successive import map/reduce runs until each has fired once. */
  restarts: RestartInjection[];
  /**
   * A transient failure between the sales order's save and the inbox write (issue #23): after every
   * `every`-th sales order saved, the inbox writes that follow fail with UNEXPECTED_ERROR — alternately
   * once (the error write links the sales order; the automatic retry finishes it) and twice (the map
   * invocation fails; NetSuite re-runs it, which links the sales order).
   */
  inboxWriteFailures: { every: number };
  /**
   * Every this-many import pump passes, NetSuite's clock moves on 15 minutes, so the every-15-minutes
   * import deployment runs at the same time as the on-demand ones the RESTlet queued, their
   * invocations interleaved (NetSuite runs separate deployments at once).
   */
  scheduledEveryPasses: number;
  /** Divides TikTok's webhook retry schedule (2 min → 1 s at 120) and its cancellation deadlines. */
  timeScale: number;
  /** Share of orders TikTok charges buyer-paid fees on (retail delivery, handling, insurance...). */
  feeRate: number;
  /** Share of importable orders with a virtual bundle (imported as its components). */
  bundleRate: number;
  /** Hours a seller has to answer a buyer's cancellation request (divided by `timeScale`). */
  buyerCancelResponseHours: number;
  /** The request orders are created in the first this-many waves. */
  requestWaves: number;
  /** Longest the run waits for everything to settle after the last wave. */
  settleDeadlineMs: number;
}

export const CHAOS_PLAN: ChaosPlan = {
  account: { profile: 'us-oneworld', shopRegion: 'US' },
  seed: 20260115,
  counts: {
    paid: 1600,
    'paid-later': 400,
    unpaid: 30,
    cancelled: 30,
    'unmapped-payment': 30,
    'unknown-sku': 30,
    'request-accepted': 15,
    'request-rejected': 15,
    'request-timeout': 15,
    'request-shipped': 15,
  },
  waves: 16,
  waveGapMs: 1200,
  kills: [
    { afterWave: 2, mode: 'now' },
    { afterWave: 5, mode: 'after-restlet' },
    { afterWave: 9, mode: 'now' },
    { afterWave: 12, mode: 'after-restlet' },
  ],
  webhookOutageWave: 7,
  downtimeMs: 500,
  faults: {
    rate429: 0.1,
    rate5xx: 0.1,
    latencyMs: 0,
    dropWebhookRate: 0.05,
    duplicateWebhookRate: 0,
    reorderWebhooks: true,
  },
  copiesPerWebhook: 3,
  copyLagMs: 40,
  netsuite: { concurrencyLimit: 1, restletLatencyMs: 15 },
  restarts: [
    // after the claim (inbox load + save) and the sales order's create and save, before the inbox
    // record is marked imported
    { stage: 'map', atInvocation: 3, afterCharges: 4 },
    // after the claim and record.create, before the save
    { stage: 'map', atInvocation: 9, afterCharges: 3 },
  ],
  inboxWriteFailures: { every: 40 },
  scheduledEveryPasses: 3,
  timeScale: 120,
  feeRate: 0.25,
  bundleRate: 0.15,
  // 5 hours / 120: a request is approved by TikTok 150 s after it was made unless answered — long enough
  // for a request to reach NetSuite and its answer TikTok even on a machine busy with other work (at
  // 90 s, a run on a machine with load 14 showed 7 of 30 requests before their deadline).
  buyerCancelResponseHours: 5,
  requestWaves: 6,
  settleDeadlineMs: 300_000,
};

/**
 * The plan in another account profile, with `importable` paid orders (4 in 5 paid at once, 1 in 5
 * paid two waves later) and every other kind at `others` each; the faults, kills and restarts are
 * the same. Smaller runs keep CI's time down (README, tests: the chaos figures per profile).
 */
export function chaosPlanIn(
  account: ChaosAccount,
  importable: number,
  others: number,
  seed = CHAOS_PLAN.seed,
): ChaosPlan {
  return {
    ...CHAOS_PLAN,
    account,
    seed,
    counts: {
      paid: Math.round(importable * 0.8),
      'paid-later': importable - Math.round(importable * 0.8),
      unpaid: others,
      cancelled: others,
      'unmapped-payment': others,
      'unknown-sku': others,
      // Issue #11's fees, bundles and cancellation requests run in the US account (CHAOS_PLAN).
      'request-accepted': 0,
      'request-rejected': 0,
      'request-timeout': 0,
      'request-shipped': 0,
    },
    feeRate: 0,
    bundleRate: 0,
  };
}

/** TikTok payment methods the demo shop maps (demoPaymentMethodMap) and one it does not. */
export const MAPPED_PAYMENT_METHODS = ['CCDC', 'PayPal', 'Apple Pay'] as const;
export const UNMAPPED_PAYMENT_METHOD = 'Klarna';

/** The simulator's catalogue: eight SKUs NetSuite has, one it does not. */
export const KNOWN_SKUS = [
  'CH-MUG-RED',
  'CH-MUG-BLUE',
  'CH-TEE-M',
  'CH-TEE-L',
  'CH-HOODIE-M',
  'CH-CAP-NAVY',
  'CH-SOCKS-3PK',
  'CH-TOTE',
] as const;
export const UNKNOWN_SKU = 'CH-SCARF-DISCONTINUED';

/** A virtual bundle of SKUs NetSuite has (NetSuite has no item for the bundle itself). */
export const BUNDLE_SKU = 'CH-BUNDLE-TEE-SOCKS';
export const CHAOS_BUNDLES: SeedBundleSpec[] = [
  {
    title: 'Chaos Tee + Socks',
    sellerSku: BUNDLE_SKU,
    // Over 3 units: 16.67, 16.66, 16.66 before discounts (bundle-split.ts).
    price: '49.99',
    components: [
      { sellerSku: 'CH-TEE-M', count: 1 },
      { sellerSku: 'CH-SOCKS-3PK', count: 2 },
    ],
  },
];

export const CHAOS_CATALOG: SeedProductSpec[] = [
  {
    title: 'Chaos Mug',
    skus: [
      { sellerSku: 'CH-MUG-RED', name: 'Red', price: '15.00' },
      { sellerSku: 'CH-MUG-BLUE', name: 'Blue', price: '15.00' },
    ],
  },
  {
    title: 'Chaos Tee',
    skus: [
      { sellerSku: 'CH-TEE-M', name: 'M', price: '24.00' },
      { sellerSku: 'CH-TEE-L', name: 'L', price: '24.00' },
    ],
  },
  { title: 'Chaos Hoodie', skus: [{ sellerSku: 'CH-HOODIE-M', name: 'M', price: '49.99' }] },
  { title: 'Chaos Cap', skus: [{ sellerSku: 'CH-CAP-NAVY', name: 'Navy', price: '18.99' }] },
  { title: 'Chaos Socks', skus: [{ sellerSku: 'CH-SOCKS-3PK', name: '3 pack', price: '12.50' }] },
  { title: 'Chaos Tote', skus: [{ sellerSku: 'CH-TOTE', name: 'Canvas', price: '22.00' }] },
  { title: 'Chaos Scarf', skus: [{ sellerSku: UNKNOWN_SKU, name: 'Wool', price: '29.00' }] },
];
