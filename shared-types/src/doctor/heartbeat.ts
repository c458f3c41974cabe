/**
 * The bridge's heartbeat (issue #21): what only the bridge knows about each shop (the TikTok
 * connection, when a webhook last arrived, when the refresh token expires, the queue backlog, the
 * dead letters, the last error per flow), sent to the connector RESTlet as `bridge.heartbeat` every
 * few minutes and kept in NetSuite on the TikTok Bridge Status record (one per shop), so the
 * connector home and its doctor (doctor-checks.ts) can judge the bridge's side from NetSuite. The
 * request also carries the bridge's public URL, so the home links to the bridge's Connect page.
 *
 * Dependency-free validation (shared-types is compiled into SuiteScript): the RESTlet refuses a bad
 * heartbeat as a whole, naming the path and the fix, before writing anything.
 */
import { describeValue, isPlainObject, Problems } from '../contract/validation-problems';
import type { ValidationResult } from '../contract/restlet-validation';

export const HEARTBEAT_ACTION = 'bridge.heartbeat';

/** The flows an admin sees on the connector home, in the seed's order. */
export const FLOW_IDS = [
  'orders',
  'order_updates',
  'fulfillments',
  'shipments',
  'inventory',
  'products',
  'returns',
  'refunds',
] as const;
export type FlowId = (typeof FLOW_IDS)[number];

export const FLOW_LABELS: Record<FlowId, string> = {
  orders: 'Orders',
  order_updates: 'Order updates',
  fulfillments: 'Fulfillments',
  shipments: 'Shipments',
  inventory: 'Inventory',
  products: 'Products',
  returns: 'Returns',
  refunds: 'Refunds',
};

/** What the bridge knows of one flow of one shop. */
export interface BridgeFlowFacts {
  /** Jobs of the flow waiting or running. */
  backlog: number;
  /** Jobs of the flow given up (dead letters). */
  dead: number;
  /** ISO time the flow last finished a job, or null. */
  lastRunAt: string | null;
  /** The flow's last error message (secrets scrubbed), or null. */
  lastError: string | null;
}

export const CONNECTION_STATES = ['connected', 'needs_reauth', 'disconnected'] as const;
export type BridgeConnectionState = (typeof CONNECTION_STATES)[number];

/** What the bridge knows of one shop. */
export interface BridgeShopFacts {
  shopId: string;
  connection: BridgeConnectionState;
  /** Why the shop is not connected (TikTok's answer), or null. */
  connectionReason: string | null;
  /** ISO time the refresh token expires (after it the seller must authorize again), or null. */
  refreshTokenExpiresAt: string | null;
  /** ISO time a TikTok webhook for the shop last arrived, or null. */
  lastWebhookAt: string | null;
  /** ISO time reconciliation last queued an order no webhook had brought, or null. */
  lastReconcileCatchAt: string | null;
  /** ISO time the last order reconciliation pass ended, or null. */
  lastReconcileAt: string | null;
  /** TikTok orders past their ship-by deadline and not shipped. */
  lateOrders: number;
  flows: Partial<Record<FlowId, BridgeFlowFacts>>;
}

export interface HeartbeatRequest {
  action: typeof HEARTBEAT_ACTION;
  /** The bridge's public URL (`PUBLIC_URL`): its status page and Connect button. */
  bridgeUrl: string;
  /** ISO time the bridge sent the heartbeat. */
  sentAt: string;
  /** The bridge's last NetSuite error (secrets scrubbed), or null. */
  lastNetSuiteError: string | null;
  shops: BridgeShopFacts[];
}

export interface HeartbeatResponse {
  ok: true;
  /** Shops whose status record was written; `unknownShops` are not TikTok Shop records yet. */
  written: number;
  unknownShops: string[];
}

/** At most this many shops per heartbeat (one status record write each). */
export const MAX_HEARTBEAT_SHOPS = 100;
const MAX_TEXT = 1000;
const MAX_URL = 300;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function checkIso(problems: Problems, path: string, value: unknown, nullable: boolean): void {
  if (value === null && nullable) return;
  if (typeof value !== 'string' || !ISO.test(value) || Number.isNaN(Date.parse(value))) {
    problems.add(
      path,
      `${describeValue(value)} is not an ISO time; send UTC like "2026-12-06T03:00:00.000Z"${nullable ? ' or null' : ''}`,
    );
  }
}

function checkText(problems: Problems, path: string, value: unknown, max: number): void {
  if (value === null) return;
  if (typeof value !== 'string') {
    problems.add(path, `${describeValue(value)} is not text; send a string or null`);
  } else if (value.length > max) {
    problems.add(path, `is ${value.length} characters; send at most ${max} (shorten it)`);
  }
}

function checkCount(problems: Problems, path: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    problems.add(path, `${describeValue(value)} is not a count; send a whole number ≥ 0`);
  }
}

function checkFlows(problems: Problems, path: string, flows: unknown): void {
  if (!isPlainObject(flows)) {
    problems.add(path, `${describeValue(flows)} is not an object; send {"orders": {...}, ...} or {}`);
    return;
  }
  for (const [flow, facts] of Object.entries(flows)) {
    const at = `${path}.${flow}`;
    if (!(FLOW_IDS as readonly string[]).includes(flow)) {
      problems.add(at, `is not a flow; send one of ${FLOW_IDS.join(', ')}`);
      continue;
    }
    if (!isPlainObject(facts)) {
      problems.add(
        at,
        `${describeValue(facts)} is not an object; send {"backlog","dead","lastRunAt","lastError"}`,
      );
      continue;
    }
    checkCount(problems, `${at}.backlog`, facts.backlog);
    checkCount(problems, `${at}.dead`, facts.dead);
    checkIso(problems, `${at}.lastRunAt`, facts.lastRunAt, true);
    checkText(problems, `${at}.lastError`, facts.lastError, MAX_TEXT);
  }
}

function checkShopFacts(problems: Problems, path: string, shop: unknown): void {
  if (!isPlainObject(shop)) {
    problems.add(path, `${describeValue(shop)} is not an object; send the shop's facts`);
    return;
  }
  if (typeof shop.shopId !== 'string' || !/^\d{1,40}$/.test(shop.shopId)) {
    problems.add(
      `${path}.shopId`,
      `${describeValue(shop.shopId)} is not a TikTok shop id; send its digits as a string`,
    );
  }
  if (!(CONNECTION_STATES as readonly unknown[]).includes(shop.connection)) {
    problems.add(
      `${path}.connection`,
      `${describeValue(shop.connection)} is not a connection state; send one of ${CONNECTION_STATES.join(', ')}`,
    );
  }
  checkText(problems, `${path}.connectionReason`, shop.connectionReason, MAX_TEXT);
  checkIso(problems, `${path}.refreshTokenExpiresAt`, shop.refreshTokenExpiresAt, true);
  checkIso(problems, `${path}.lastWebhookAt`, shop.lastWebhookAt, true);
  checkIso(problems, `${path}.lastReconcileCatchAt`, shop.lastReconcileCatchAt, true);
  checkIso(problems, `${path}.lastReconcileAt`, shop.lastReconcileAt, true);
  checkCount(problems, `${path}.lateOrders`, shop.lateOrders);
  checkFlows(problems, `${path}.flows`, shop.flows);
}

/** Validates a `bridge.heartbeat` body as a whole. */
export function validateHeartbeat(body: unknown): ValidationResult<HeartbeatRequest> {
  const problems = new Problems();
  if (!isPlainObject(body) || body.action !== HEARTBEAT_ACTION) {
    problems.add('action', `send "${HEARTBEAT_ACTION}"`);
    return { ok: false, problems: problems.toList() };
  }
  if (typeof body.bridgeUrl !== 'string' || !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(body.bridgeUrl)) {
    problems.add(
      'bridgeUrl',
      `${describeValue(body.bridgeUrl)} is not a URL; send the bridge's PUBLIC_URL, e.g. "https://bridge.example.com"`,
    );
  } else if (body.bridgeUrl.length > MAX_URL) {
    problems.add('bridgeUrl', `is ${body.bridgeUrl.length} characters; send at most ${MAX_URL}`);
  }
  checkIso(problems, 'sentAt', body.sentAt, false);
  checkText(problems, 'lastNetSuiteError', body.lastNetSuiteError, MAX_TEXT);
  if (!Array.isArray(body.shops)) {
    problems.add('shops', `${describeValue(body.shops)} is not an array; send one entry per connected shop`);
  } else if (body.shops.length > MAX_HEARTBEAT_SHOPS) {
    problems.add(
      'shops',
      `${body.shops.length} shops sent; send at most ${MAX_HEARTBEAT_SHOPS} per heartbeat`,
    );
  } else {
    body.shops.forEach((shop: unknown, index) => checkShopFacts(problems, `shops[${index}]`, shop));
  }
  if (problems.count > 0) return { ok: false, problems: problems.toList() };
  return { ok: true, value: body as unknown as HeartbeatRequest };
}

/** One shop's facts as kept on its status record, read back (null when the text is not facts). */
export function parseStoredFacts(text: string | null): BridgeShopFacts | null {
  if (text === null || text === '') return null;
  try {
    const value = JSON.parse(text) as unknown;
    const problems = new Problems();
    checkShopFacts(problems, 'facts', value);
    return problems.count === 0 ? (value as BridgeShopFacts) : null;
  } catch {
    return null;
  }
}
