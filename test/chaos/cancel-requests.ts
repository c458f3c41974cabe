/**
 * Buyer cancellation requests in the chaos run (issue #11): the buyers, who ask to cancel a request
 * order once it is a sales order (a later second than its last change: TikTok's `update_time` counts
 * seconds); the warehouse, which ships a `request-shipped` order once NetSuite shows its request (or
 * 10 s after it); the person who answers a request on the sales order as soon as NetSuite shows it,
 * with at least 10 s to spare before the deadline (accept for `request-accepted`, reject with a
 * reason for `request-rejected`; `request-timeout` is left alone); the `sync outbox` runs that send
 * the answers to TikTok at once instead of at the bridge's next minute; and the end-state check: no
 * request left pending in TikTok nor shown in NetSuite, and each sales order closed exactly when
 * TikTok cancelled its order.
 */
import type { CliResult } from './bridge-process';
import type { OrderKind } from './chaos-plan';
import { REQUEST_KINDS } from './chaos-plan';
import type { ChaosWorld } from './chaos-world';
import type { CreatedOrders } from './order-mix';
import type { OrderIssue } from './tie-out';

const REJECT_REASON =
  'Reached an agreement with the buyer (order_manage_list_action_respond_popup_reject_reason_buyer_agree)';

export interface RequestFigures {
  /** Per request kind: orders, and how TikTok ended each request (`outcome`, or `pending`). */
  byKind: Partial<Record<OrderKind, { orders: number; outcomes: Record<string, number> }>>;
  answered: { accept: number; reject: number };
  /** Requests shown too close to (or after) their deadline to answer (TikTok approves those). */
  tooLate: number;
  /** Saves that met a concurrent change (the order updates saving the same order) and were answered on a later pass. */
  retriedSaves: number;
  /** `order.cancel_answer` outbox rows by state. */
  answerRows: Record<string, number>;
  outboxRuns: CliResult[];
  /** Request orders whose end state disagrees between TikTok and NetSuite (empty when settled). */
  unsettled: OrderIssue[];
  /** What went wrong for the buyers, the warehouse or the person (an unexpected refusal). */
  errors: string[];
}

const SPARE_MS = 10_000;

export class CancelRequestDesk {
  /** Order id → when the buyer asked (ms). */
  private readonly requested = new Map<string, number>();
  private readonly shipped = new Set<string>();
  private readonly done = new Set<string>();
  private readonly figures = { accept: 0, reject: 0, tooLate: 0, retriedSaves: 0 };
  private readonly runs: CliResult[] = [];
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly errors: string[] = [];

  constructor(
    private readonly world: ChaosWorld,
    private readonly created: CreatedOrders,
  ) {}

  private salesOrderOf(shopId: string, orderId: string) {
    return this.world.ns.store.findByExternalId('salesorder', `tts_${shopId}_${orderId}`);
  }

  /** Buyers ask to cancel imported request orders; the warehouse ships `request-shipped` ones. */
  private buyersAndWarehouse(shopId: string): void {
    const nowSec = Math.floor(Date.now() / 1000);
    for (const kind of REQUEST_KINDS) {
      for (const orderId of this.created.ofKind(kind)) {
        const so = this.salesOrderOf(shopId, orderId);
        if (!so) continue;
        const asked = this.requested.get(orderId);
        if (asked === undefined) {
          const order = this.world.sim.admin.getOrder(orderId);
          if (order.status !== 'AWAITING_SHIPMENT' || order.update_time >= nowSec) continue;
          this.world.sim.admin.cancelOrder(orderId, { by: 'BUYER' });
          this.requested.set(orderId, Date.now());
        } else if (
          kind === 'request-shipped' &&
          !this.shipped.has(orderId) &&
          (so.fields.custbody_tts_cancel_req_id || Date.now() - asked > SPARE_MS)
        ) {
          // Shipped while the request is pending; an order TikTok cancelled meanwhile is left (the check says so).
          if (this.world.sim.admin.getOrder(orderId).status === 'AWAITING_SHIPMENT') {
            this.world.sim.admin.advanceOrder(orderId, 'ship');
          }
          this.shipped.add(orderId);
        }
      }
    }
  }

  /** Answers every request NetSuite shows on an order whose kind has an answer; returns how many. */
  answerShown(): number {
    let answered = 0;
    for (const so of this.world.ns.store.all('salesorder')) {
      const cancelId = so.fields.custbody_tts_cancel_req_id;
      if (typeof cancelId !== 'string' || cancelId === '' || this.done.has(cancelId)) continue;
      if (so.fields.custbody_tts_cancel_req_answer) continue;
      const kind = this.created.byId.get(String(so.fields.custbody_tts_order_id))?.kind;
      if (kind !== 'request-accepted' && kind !== 'request-rejected') continue;
      const due = so.fields.custbody_tts_cancel_req_due;
      if (typeof due === 'string' && Date.parse(due) - Date.now() < SPARE_MS) {
        this.done.add(cancelId);
        this.figures.tooLate += 1;
        continue;
      }
      try {
        const rec = this.world.ns.seed.ui.load({ type: 'salesorder', id: so.id });
        if (kind === 'request-accepted') {
          rec.setText({ fieldId: 'custbody_tts_cancel_req_answer', text: 'Accept (cancel the order)' });
        } else {
          rec.setText({ fieldId: 'custbody_tts_cancel_req_answer', text: 'Reject (keep the order)' });
          rec.setText({ fieldId: 'custbody_tts_cancel_req_reject', text: REJECT_REASON });
        }
        this.world.ns.seed.ui.save(rec, {});
        this.done.add(cancelId);
        this.figures[kind === 'request-accepted' ? 'accept' : 'reject'] += 1;
        answered += 1;
      } catch (e) {
        const { name, message } = e as Error;
        if (name === 'TTS_INVALID_CANCEL_ANSWER' && message.includes('deadline')) {
          this.done.add(cancelId);
          this.figures.tooLate += 1;
        } else if (name === 'RCRD_HAS_BEEN_CHANGED') {
          this.figures.retriedSaves += 1;
        } else {
          throw e;
        }
      }
    }
    return answered;
  }

  private pendingAnswerRows(): number {
    return this.world.ns.store
      .all('customrecord_tts_outbox')
      .filter(
        (row) =>
          row.fields.custrecord_tts_out_kind === 'order.cancel_answer' &&
          row.fields.custrecord_tts_out_state === 'pending',
      ).length;
  }

  /**
   * One pass: buyers and the warehouse act, the person answers what is shown; when answers wait in
   * the outbox, one `sync outbox` run (one at a time, not awaited).
   */
  step(shopId: string): void {
    this.buyersAndWarehouse(shopId);
    this.answerShown();
    if (this.running !== null || this.pendingAnswerRows() === 0) return;
    this.running = this.world.bridge.runCli(['sync', 'outbox']).then((result) => {
      this.runs.push(result);
      this.running = null;
    });
  }

  /** Steps every `intervalMs` for the whole run, as people and buyers act whatever the bridge does. */
  start(shopId: string, intervalMs: number): void {
    this.timer = setInterval(() => {
      try {
        this.step(shopId);
      } catch (e) {
        this.errors.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      }
    }, intervalMs);
  }

  /** Stops stepping and waits for the `sync outbox` run in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** The request orders whose TikTok and NetSuite end states do not agree yet. */
  unsettled(shopId: string): OrderIssue[] {
    const issues: OrderIssue[] = [];
    const pending = new Set(
      this.world.sim.admin
        .listCancellations(shopId)
        .filter((c) => c.cancelStatus === 'CANCELLATION_REQUEST_PENDING')
        .map((c) => c.orderId),
    );
    const skuItems = new Set(Object.values(this.world.account.itemIds).map(String));
    const problemOf = (orderId: string): string | null => {
      const so = this.salesOrderOf(shopId, orderId);
      if (!so) return 'no sales order';
      if (!this.requested.has(orderId)) return 'the buyer has not asked yet';
      if (pending.has(orderId)) return 'still pending in TikTok';
      const shown = so.fields.custbody_tts_cancel_req_id;
      if (shown) return `NetSuite still shows request ${String(shown)}`;
      const cancelled = this.world.sim.admin.getOrder(orderId).status === 'CANCELLED';
      const lines = (so.sublists.item ?? []).filter((line) => skuItems.has(String(line.fields.item)));
      const closed = lines.every((line) => line.fields.isclosed === true);
      return cancelled === closed
        ? null
        : `TikTok ${cancelled ? 'cancelled' : 'kept'} the order, its sales order lines are ${closed ? 'closed' : 'open'}`;
    };
    for (const kind of REQUEST_KINDS) {
      for (const orderId of this.created.ofKind(kind)) {
        const problem = problemOf(orderId);
        if (problem !== null) issues.push({ orderId, kind, problem });
      }
    }
    return issues;
  }

  figuresFor(shopId: string): RequestFigures {
    const byKind: RequestFigures['byKind'] = {};
    const cancellations = this.world.sim.admin
      .listCancellations(shopId)
      .filter((c) => c.cancelType === 'BUYER_CANCEL');
    for (const kind of REQUEST_KINDS) {
      const ids = new Set(this.created.ofKind(kind));
      const outcomes: Record<string, number> = {};
      for (const c of cancellations.filter((c) => ids.has(c.orderId))) {
        const outcome = c.outcome ?? 'pending';
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      byKind[kind] = { orders: ids.size, outcomes };
    }
    const answerRows: Record<string, number> = {};
    for (const row of this.world.ns.store.all('customrecord_tts_outbox')) {
      if (row.fields.custrecord_tts_out_kind !== 'order.cancel_answer') continue;
      const state = String(row.fields.custrecord_tts_out_state);
      answerRows[state] = (answerRows[state] ?? 0) + 1;
    }
    return {
      byKind,
      answered: { accept: this.figures.accept, reject: this.figures.reject },
      tooLate: this.figures.tooLate,
      retriedSaves: this.figures.retriedSaves,
      answerRows,
      outboxRuns: [...this.runs],
      unsettled: this.unsettled(shopId),
      errors: [...this.errors],
    };
  }
}
