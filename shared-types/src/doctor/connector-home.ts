/**
 * The connector home's model (issue #21), pure: per shop the setup checklist (setup-checklist.ts),
 * one row per flow (on/off from the shop's settings; last run, backlog, dead letters and last error
 * from the bridge's heartbeat; items in error from NetSuite) with the flow's actions, and the doctor's
 * findings; and the page's HTML, every value escaped, no external CSS or JS. Links come resolved by
 * the surface (`resolveLink`); actions are forms that POST to the Suitelet (never a GET that acts).
 */
import type { DoctorFinding, DoctorInput, DoctorLink } from './doctor-checks';
import { runDoctor } from './doctor-checks';
import type { BridgeShopFacts, FlowId } from './heartbeat';
import { FLOW_IDS, FLOW_LABELS } from './heartbeat';
import type { ChecklistRow } from './setup-checklist';
import { setupChecklist } from './setup-checklist';

export const HOME_SUITELET_ID = 'customscript_tts_sl_home';
export const HOME_SUITELET_DEPLOYMENT_ID = 'customdeploy_tts_sl_home';

/** The actions of the home, each a POST with the shop record's id. */
export const HOME_ACTIONS = {
  retry: { label: 'Retry orders in error', flow: 'orders' },
  test_order: { label: 'Test with one order', flow: 'orders' },
  push_inventory: { label: 'Push inventory now', flow: 'inventory' },
  force_inventory: { label: 'Force inventory resync', flow: 'inventory' },
  force_catalog: { label: 'Force product catalog resync', flow: 'products' },
} as const satisfies Record<string, { label: string; flow: FlowId }>;
export type HomeAction = keyof typeof HOME_ACTIONS;

export function isHomeAction(value: unknown): value is HomeAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(HOME_ACTIONS, value);
}

export interface FlowRow {
  flow: FlowId;
  label: string;
  /** on, off, or a word when it cannot be said (settings not readable). */
  state: string;
  lastRun: string;
  backlog: string;
  inError: string;
  lastError: string;
  actions: HomeAction[];
}

export interface ShopHomeModel {
  recordId: string | null;
  shopId: string;
  name: string;
  checklist: ChecklistRow[];
  flows: FlowRow[];
  findings: DoctorFinding[];
}

function flowOn(input: DoctorInput, flow: FlowId): string {
  const s = input.settings;
  if (s === undefined) return 'unknown';
  const on: Record<FlowId, boolean | null> = {
    orders: s.pushOrders && (s.pausedReason ?? '') === '',
    order_updates: s.pullOrderUpdates,
    fulfillments: s.pullFulfillments && s.pushFulfillmentsToTikTok,
    shipments: s.pushShipments,
    inventory: s.pullInventory && s.pushInventoryToTikTok,
    products:
      s.catalogSourceNetSuite === undefined
        ? null
        : s.catalogSourceNetSuite !== 'Do not sync products' ||
          s.catalogSourceTikTok !== 'Do not sync products',
    returns: s.pushReturns,
    refunds: s.pushRefunds,
  };
  const value = on[flow];
  if (value === null) return 'unknown';
  if (flow === 'orders' && s.pushOrders && !value) return `paused: ${s.pausedReason}`;
  return value ? 'on' : 'off';
}

function flowRow(input: DoctorInput, flow: FlowId, facts: BridgeShopFacts | null): FlowRow {
  const f = facts?.flows[flow];
  const inboxErrors = input.netsuite?.inboxErrors;
  const bridgeDead = f?.dead ?? 0;
  const inError =
    flow === 'orders' && inboxErrors !== undefined
      ? `${inboxErrors + bridgeDead}`
      : f === undefined
        ? facts === null
          ? 'no heartbeat'
          : '0'
        : `${bridgeDead}`;
  return {
    flow,
    label: FLOW_LABELS[flow],
    state: flowOn(input, flow),
    lastRun: f?.lastRunAt ?? (facts === null ? 'no heartbeat' : 'never'),
    backlog: f === undefined ? (facts === null ? 'no heartbeat' : '0') : `${f.backlog}`,
    inError,
    lastError: f?.lastError ?? '',
    actions: (Object.keys(HOME_ACTIONS) as HomeAction[]).filter((a) => HOME_ACTIONS[a].flow === flow),
  };
}

/** One shop's part of the home. */
export function shopHomeModel(input: DoctorInput): ShopHomeModel {
  const findings = runDoctor(input);
  const facts = input.bridge === undefined || input.bridge === null ? null : input.bridge.facts;
  return {
    recordId: input.settings?.recordId ?? null,
    shopId: input.shop.shopId,
    name: input.shop.name,
    checklist: setupChecklist(findings),
    flows: FLOW_IDS.map((flow) => flowRow(input, flow, facts)),
    findings,
  };
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A link as the surface serves it: an address, or null with the place named in text. */
export type LinkResolver = (link: DoctorLink, shop: ShopHomeModel) => string | null;

function linkHtml(link: DoctorLink | null, shop: ShopHomeModel, resolve: LinkResolver): string {
  if (link === null) return '';
  const href = resolve(link, shop);
  return href === null
    ? escapeHtml(link.label)
    : `<a href="${escapeHtml(href)}">${escapeHtml(link.label)}</a>`;
}

const MARK: Record<string, string> = {
  done: '&#10003; done',
  'to do': '&#9675; to do',
  broken: '&#10007; broken',
  ok: 'ok',
  warn: 'warn',
  unknown: 'unknown',
};

function table(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<div class="tts-scroll"><table class="tts"><tr>${head}</tr>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</table></div>`;
}

/**
 * Inline style of the home: no external CSS; text (a long shop name, an id) and table cells wrap
 * anywhere, so the page never scrolls sideways, even at 375 px (test/browser/admin-pages.test.ts).
 */
export const HOME_STYLE = `<style>.tts-home{overflow-wrap:anywhere}.tts{border-collapse:collapse;width:100%;table-layout:auto}.tts th,.tts td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}.tts-scroll{max-width:100%;overflow-x:auto}.tts-action{display:inline-block;margin:2px}.tts-broken{color:#b00020;font-weight:bold}.tts-todo{color:#8a5a00}.tts-done{color:#1b5e20}</style>`;

const CLASS: Record<string, string> = {
  done: 'tts-done',
  ok: 'tts-done',
  'to do': 'tts-todo',
  warn: 'tts-todo',
  unknown: 'tts-todo',
  broken: 'tts-broken',
};

/** A state as text with its colour; `step` names the checklist step (data-step) so tests and tools find it. */
const mark = (state: string, step?: string): string =>
  `<span class="${CLASS[state] ?? ''}"${step === undefined ? '' : ` data-step="${escapeHtml(step)}"`}>${MARK[state] ?? escapeHtml(state)}</span>`;

/** One shop's section: checklist, flows with their action forms (links to them), doctor. */
export function shopSectionHtml(
  shop: ShopHomeModel,
  resolve: LinkResolver,
  actionLink: (action: HomeAction, shop: ShopHomeModel) => string | null,
): string {
  const checklist = table(
    ['Step', 'State', 'What we found', 'Fix'],
    shop.checklist.map((row) => [
      escapeHtml(row.label),
      mark(row.state, row.id),
      escapeHtml(row.detail),
      row.fix === null ? '' : `${escapeHtml(row.fix)} ${linkHtml(row.link, shop, resolve)}`,
    ]),
  );
  const flows = table(
    ['Flow', 'On/off', 'Last run', 'Backlog', 'Items in error', 'Last error', 'Actions'],
    shop.flows.map((row) => [
      escapeHtml(row.label),
      escapeHtml(row.state),
      escapeHtml(row.lastRun),
      escapeHtml(row.backlog),
      escapeHtml(row.inError),
      escapeHtml(row.lastError),
      row.actions
        .map((a) => {
          const href = actionLink(a, shop);
          return href === null
            ? ''
            : `<a class="tts-action" href="${escapeHtml(href)}">${escapeHtml(HOME_ACTIONS[a].label)}</a>`;
        })
        .join(' '),
    ]),
  );
  const doctor = table(
    ['Check', 'Result', 'What we found', 'Fix'],
    shop.findings.map((f) => [
      `${escapeHtml(f.title)}<br><small>${escapeHtml(f.id)}</small>`,
      mark(f.result),
      escapeHtml(f.detail),
      f.result === 'ok' ? '' : `${escapeHtml(f.fix)} ${linkHtml(f.link, shop, resolve)}`,
    ]),
  );
  return `<h2>${escapeHtml(shop.name)} <small>(${escapeHtml(shop.shopId)})</small></h2><h3>Setup checklist</h3>${checklist}<h3>Flows</h3>${flows}<h3>Doctor</h3>${doctor}`;
}
