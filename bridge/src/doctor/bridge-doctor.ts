/**
 * The bridge's side of the doctor (issue #21): what only the bridge knows about each shop (TikTok
 * connection, refresh-token expiry, when a webhook last arrived, when reconciliation caught an order
 * no webhook brought, per flow the backlog, dead letters, last run and last error), gathered from
 * the store into the heartbeat's facts (shared-types/src/doctor/heartbeat.ts). The same facts go to
 * NetSuite every few minutes (`sendHeartbeat`, the RESTlet's `bridge.heartbeat`) and feed the
 * doctor on the bridge's status page and in `npm run bridge -- doctor` (`bridgeDoctor`), which runs
 * the shared registry (shared-types/src/doctor/doctor-checks.ts): checks that need NetSuite's
 * settings say unknown here, with the reason, and are judged on the connector home.
 *
 * Webhook arrivals are noted in memory by the webhook route (`WebhookArrivals`, no write per
 * webhook) and kept in the store as a cursor when a heartbeat is gathered, so a restart keeps them.
 */
import { z } from 'zod';
import type { DoctorFinding } from '../../../shared-types/src/doctor/doctor-checks';
import { runDoctor } from '../../../shared-types/src/doctor/doctor-checks';
import type {
  BridgeFlowFacts,
  BridgeShopFacts,
  FlowId,
  HeartbeatRequest,
  HeartbeatResponse,
} from '../../../shared-types/src/doctor/heartbeat';
import { CONNECTION_STATES, FLOW_IDS, HEARTBEAT_ACTION } from '../../../shared-types/src/doctor/heartbeat';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BRIDGE_ERROR_CODES } from '../core/errors';
import { redactSecretsInText } from '../core/redact';
import { parseWith } from '../core/validate';
import type { BridgeStore, JobRecord } from '../store/types';
import type { JobHandler } from '../workers/job-runner';
import { JOB_KINDS } from '../workers/job-kinds';
import { ORDERS_CURSOR, RECONCILE_CATCH_CURSOR } from '../workers/reconcile';

/** Cursor (per shop) holding when a webhook last arrived, in ms. */
export const WEBHOOK_ARRIVAL_CURSOR = 'webhooks.last_arrival';
/** How often the bridge sends its heartbeat to NetSuite. */
export const HEARTBEAT_INTERVAL_MS = 5 * 60_000;
const JOBS_READ = 5000;
const TEXT_MAX = 1000;

const FLOW_OF_KIND: Record<string, FlowId | undefined> = {
  [JOB_KINDS.ORDER_UPSERT]: 'orders',
  [JOB_KINDS.ORDER_UPSERT_CANCELLATION]: 'orders',
  [JOB_KINDS.ORDER_SHIPMENTS]: 'shipments',
  [JOB_KINDS.RETURN_UPSERT]: 'returns',
  [JOB_KINDS.REFUND_UPSERT]: 'refunds',
};

/** Sources of the store's recent errors, by flow. */
const FLOW_OF_SOURCE: Record<string, FlowId | undefined> = {
  webhook: 'orders',
  'reconcile.orders': 'orders',
  'reconcile.packages': 'shipments',
  'reconcile.returns': 'returns',
  return: 'returns',
  inventory: 'inventory',
  outbox: 'order_updates',
};

/** When a webhook last arrived per shop, noted in memory by the webhook route. */
export class WebhookArrivals {
  private readonly last = new Map<string, number>();

  note(shopId: string, atMs: number): void {
    if ((this.last.get(shopId) ?? 0) < atMs) this.last.set(shopId, atMs);
  }

  /** Keeps the noted times in the store (one cursor write per shop with news). */
  async persist(store: BridgeStore, nowMs: number): Promise<void> {
    for (const [shopId, at] of this.last) {
      const stored = await store.getCursor(shopId, WEBHOOK_ARRIVAL_CURSOR);
      if (stored === undefined || stored.value < at)
        await store.setCursor(shopId, WEBHOOK_ARRIVAL_CURSOR, at, nowMs);
    }
  }
}

/**
 * When each flow last finished work, noted in memory by this process: a job handler's batch per
 * shop (`withRunNotes`), the outbox and inventory passes for every shop. A restarted bridge says
 * "never" until the flow runs again.
 */
export class FlowRuns {
  private readonly byShop = new Map<string, number>();
  private readonly everyShop = new Map<FlowId, number>();

  note(flow: FlowId, shopId: string | null, atMs: number): void {
    if (shopId === null) this.everyShop.set(flow, atMs);
    else this.byShop.set(`${flow}:${shopId}`, atMs);
  }

  /** Notes the outbox pass (order updates, fulfillments) or the inventory pass for every shop. */
  notePass(pass: 'outbox' | 'inventory', atMs: number): void {
    if (pass === 'inventory') this.note('inventory', null, atMs);
    else for (const flow of ['order_updates', 'fulfillments'] as const) this.note(flow, null, atMs);
  }

  lastRun(flow: FlowId, shopId: string): number | undefined {
    const mine = this.byShop.get(`${flow}:${shopId}`);
    const all = this.everyShop.get(flow);
    return mine === undefined ? all : all === undefined ? mine : Math.max(mine, all);
  }
}

/** A job handler that notes, per shop, when its flow finished a batch. */
export function withRunNotes(handler: JobHandler, runs: FlowRuns, clock: Clock): JobHandler {
  const flow = FLOW_OF_KIND[handler.kind];
  if (flow === undefined) return handler;
  return {
    ...handler,
    run: async (jobs, context) => {
      const result = await handler.run(jobs, context);
      for (const shopId of new Set(jobs.map((job) => job.shopId)))
        if (shopId !== null) runs.note(flow, shopId, clock.now());
      return result;
    },
  };
}

const iso = (ms: number | undefined | null): string | null =>
  ms === undefined || ms === null || ms <= 0 ? null : new Date(ms).toISOString();

const clip = (text: string | null): string | null =>
  text === null ? null : redactSecretsInText(text).slice(0, TEXT_MAX);

function emptyFlow(): BridgeFlowFacts {
  return { backlog: 0, dead: 0, lastRunAt: null, lastError: null };
}

/** The facts of every shop the bridge knows, from the store. */
export async function gatherBridgeFacts(
  store: BridgeStore,
  clock: Clock,
  arrivals?: WebhookArrivals,
  runs: FlowRuns = new FlowRuns(),
): Promise<BridgeShopFacts[]> {
  const nowMs = clock.now();
  if (arrivals !== undefined) await arrivals.persist(store, nowMs);
  const [shops, cursors, pending, running, dead, errors, watch] = await Promise.all([
    store.listShops(),
    store.listCursors(),
    store.listJobs({ state: 'pending', limit: JOBS_READ }),
    store.listJobs({ state: 'running', limit: JOBS_READ }),
    store.listJobs({ state: 'dead', limit: JOBS_READ }),
    store.listRecentErrors(200),
    store.listDispatchWatch(JOBS_READ),
  ]);
  const cursor = (shopId: string, name: string): number | undefined =>
    cursors.find((c) => c.shopId === shopId && c.name === name)?.[
      name === ORDERS_CURSOR ? 'updatedAt' : 'value'
    ];
  const nowSec = Math.floor(nowMs / 1000);
  const facts: BridgeShopFacts[] = [];
  for (const shop of shops) {
    const flows = Object.fromEntries(FLOW_IDS.map((flow) => [flow, emptyFlow()])) as Record<
      FlowId,
      BridgeFlowFacts
    >;
    const mine = (jobs: JobRecord[]) =>
      jobs.flatMap((job) => {
        const flow = FLOW_OF_KIND[job.kind];
        return job.shopId === shop.shopId && flow !== undefined ? [{ job, flow }] : [];
      });
    for (const { flow } of [...mine(pending), ...mine(running)]) flows[flow].backlog += 1;
    for (const { job, flow } of mine(dead)) {
      flows[flow].dead += 1;
      flows[flow].lastError ??= clip(job.deadReason ?? job.lastError);
    }
    for (const flow of FLOW_IDS) flows[flow].lastRunAt = iso(runs.lastRun(flow, shop.shopId));
    for (const error of errors) {
      const flow = FLOW_OF_SOURCE[error.source];
      if (flow !== undefined && error.shopId === shop.shopId) flows[flow].lastError ??= clip(error.message);
    }
    const tokens = await store.getTokens(shop.shopId);
    facts.push({
      shopId: shop.shopId,
      connection: (CONNECTION_STATES as readonly string[]).includes(shop.state) ? shop.state : 'disconnected',
      connectionReason: clip(shop.stateReason),
      refreshTokenExpiresAt: iso(tokens?.refreshExpiresAt),
      lastWebhookAt: iso(cursor(shop.shopId, WEBHOOK_ARRIVAL_CURSOR)),
      lastReconcileCatchAt: iso(cursor(shop.shopId, RECONCILE_CATCH_CURSOR)),
      lastReconcileAt: iso(cursor(shop.shopId, ORDERS_CURSOR)),
      lateOrders: watch.filter((w) => w.shopId === shop.shopId && w.shipBy < nowSec).length,
      flows,
    });
  }
  return facts;
}

/** What the bridge sends, checked with zod before it leaves (the RESTlet checks it again). */
export const HeartbeatRequestSchema = z.object({
  action: z.literal(HEARTBEAT_ACTION),
  bridgeUrl: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'not the bridge URL (PUBLIC_URL)')
    .max(300),
  sentAt: z.string().datetime(),
  lastNetSuiteError: z.string().max(TEXT_MAX).nullable(),
  shops: z
    .array(
      z.object({
        shopId: z.string().regex(/^\d{1,40}$/),
        connection: z.enum(CONNECTION_STATES),
        connectionReason: z.string().max(TEXT_MAX).nullable(),
        refreshTokenExpiresAt: z.string().datetime().nullable(),
        lastWebhookAt: z.string().datetime().nullable(),
        lastReconcileCatchAt: z.string().datetime().nullable(),
        lastReconcileAt: z.string().datetime().nullable(),
        lateOrders: z.number().int().min(0),
        flows: z.partialRecord(
          z.enum(FLOW_IDS),
          z.object({
            backlog: z.number().int().min(0),
            dead: z.number().int().min(0),
            lastRunAt: z.string().datetime().nullable(),
            lastError: z.string().max(TEXT_MAX).nullable(),
          }),
        ),
      }),
    )
    .max(100),
});

export interface HeartbeatDeps {
  store: BridgeStore;
  clock: Clock;
  publicUrl: string;
  netsuite: { heartbeat(request: HeartbeatRequest): Promise<HeartbeatResponse> };
  arrivals?: WebhookArrivals;
  runs?: FlowRuns;
  /** The last NetSuite error the bridge met (scrubbed), or null. */
  lastNetSuiteError?: string | null;
}

/** One heartbeat: gathers the facts and sends them to NetSuite. */
export async function sendHeartbeat(deps: HeartbeatDeps): Promise<HeartbeatResponse> {
  const shops = await gatherBridgeFacts(deps.store, deps.clock, deps.arrivals, deps.runs);
  const request = parseWith(
    HeartbeatRequestSchema,
    {
      action: HEARTBEAT_ACTION,
      bridgeUrl: deps.publicUrl,
      sentAt: new Date(deps.clock.now()).toISOString(),
      lastNetSuiteError: clip(deps.lastNetSuiteError ?? null),
      shops: shops.slice(0, 100),
    },
    {
      code: BRIDGE_ERROR_CODES.INTERNAL,
      what: 'bridge heartbeat',
      hint: 'Set PUBLIC_URL to the https address the bridge is reached at.',
    },
  ) as HeartbeatRequest;
  return deps.netsuite.heartbeat(request);
}

export interface DoctorReport {
  /** Per shop, every check of the registry. */
  shops: { shopId: string; name: string; findings: DoctorFinding[] }[];
  /** True when some check is broken (the CLI exits non-zero). */
  broken: boolean;
}

/**
 * The doctor as the bridge sees it: its own facts, and the NetSuite connection judged from a live
 * ping (`netsuiteError`: null when it answered, the error otherwise).
 */
export async function bridgeDoctor(
  store: BridgeStore,
  clock: Clock,
  netsuiteError: string | null,
  arrivals?: WebhookArrivals,
): Promise<DoctorReport> {
  const [facts, shops] = await Promise.all([gatherBridgeFacts(store, clock, arrivals), store.listShops()]);
  const nowMs = clock.now();
  const report = facts.map((f) => {
    const shop = shops.find((s) => s.shopId === f.shopId);
    return {
      shopId: f.shopId,
      name: shop?.name ?? f.shopId,
      findings: runDoctor({
        nowMs,
        shop: { shopId: f.shopId, name: shop?.name ?? f.shopId, region: shop?.region ?? null },
        bridge: { facts: f, receivedAtMs: nowMs },
        lastNetSuiteError: netsuiteError === null ? null : clip(netsuiteError),
      }),
    };
  });
  return { shops: report, broken: report.some((s) => s.findings.some((f) => f.result === 'broken')) };
}

/** The report as text lines for the CLI: one line per check, the fix under what is not ok. */
export function formatDoctor(report: DoctorReport): string {
  if (report.shops.length === 0) {
    return 'No shop connected yet: open the bridge and click Connect TikTok Shop, signed in as the seller account owner.';
  }
  const lines: string[] = [];
  for (const shop of report.shops) {
    lines.push(`${shop.name} (${shop.shopId})`);
    for (const f of shop.findings) {
      lines.push(`  [${f.result}] ${f.id}: ${f.title} — ${f.detail}`);
      if (f.result === 'broken' || f.result === 'warn') lines.push(`      fix: ${f.fix} (${f.link.label})`);
    }
  }
  return lines.join('\n');
}
