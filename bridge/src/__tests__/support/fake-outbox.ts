import type { OutboxAckResult, OutboxRow } from '../../../../shared-types/src/outbox/outbox-contract';
import type { FakeNetSuite } from './fake-netsuite';
import type { FakeTikTok } from './fake-tiktok';
import { json, type RecordedRequest } from './test-server';

/**
 * The outbox halves of the two stand-ins: `outbox.pull`/`outbox.ack` on the fake RESTlet (rows with
 * state and attempts, retryable failures pending until 5 attempts) and seller cancel / external
 * order references on the fake TikTok, which change its orders as TikTok would.
 */
export interface FakeOutboxRow {
  row: OutboxRow;
  state: 'pending' | 'sent' | 'failed';
  message: string;
}

const envelope = (data: unknown) => json(200, { code: 0, message: 'Success', request_id: 'req', data });

export class FakeOutbox {
  readonly rows: FakeOutboxRow[] = [];
  readonly cancelCalls: { order_id: string; cancel_reason: string; order_line_item_ids?: string[] }[] = [];
  readonly references = new Map<string, unknown>();
  /** Answers the next `outbox.ack` calls with this error instead of storing them. */
  failAcks = 0;
  /** Results in each `outbox.ack` call answered, in order. */
  readonly ackCalls: number[] = [];

  constructor(
    netsuite: FakeNetSuite,
    private readonly tiktok: FakeTikTok,
  ) {
    netsuite.injectors.push((request) => this.restlet(request));
    tiktok.injectors.push((request) => this.api(request));
  }

  add(row: Omit<OutboxRow, 'outboxId' | 'attempts' | 'created'>): OutboxRow {
    const full: OutboxRow = { ...row, outboxId: String(this.rows.length + 1), attempts: 0, created: null };
    this.rows.push({ row: full, state: 'pending', message: '' });
    return full;
  }

  private restlet(request: RecordedRequest) {
    if (request.method !== 'POST') return undefined;
    const body = JSON.parse(request.body || '{}') as {
      action?: string;
      limit?: number;
      results?: OutboxAckResult[];
    };
    if (body.action === 'outbox.pull') {
      const pending = this.rows.filter((r) => r.state === 'pending').slice(0, body.limit ?? 50);
      return json(200, { ok: true, rows: pending.map((r) => r.row), skipped: 0 });
    }
    if (body.action !== 'outbox.ack') return undefined;
    if (this.failAcks > 0) {
      this.failAcks -= 1;
      return json(400, { error: { code: 'TTS_INVALID_REQUEST', message: 'ack lost' } });
    }
    this.ackCalls.push(body.results?.length ?? 0);
    for (const result of body.results ?? []) {
      const entry = this.rows.find((r) => r.row.outboxId === result.outboxId);
      if (entry === undefined || entry.state !== 'pending') continue;
      entry.row.attempts += 1;
      entry.message = result.message ?? '';
      entry.state = result.ok ? 'sent' : result.retryable && entry.row.attempts < 5 ? 'pending' : 'failed';
    }
    return json(200, { ok: true, results: [] });
  }

  private api(request: RecordedRequest) {
    if (request.method === 'POST' && request.path === '/return_refund/202309/cancellations') {
      const body = JSON.parse(request.body) as FakeOutbox['cancelCalls'][number];
      this.cancelCalls.push(body);
      const order = this.tiktok.orders.find((o) => o.id === body.order_id);
      if (order === undefined || order.status === 'CANCELLED') {
        return json(200, {
          code: 25001011,
          message: 'the order has already been cancelled',
          request_id: 'r',
          data: null,
        });
      }
      const ids = body.order_line_item_ids ?? order.line_items.map((line) => line.id);
      for (const line of order.line_items) if (ids.includes(line.id)) line.display_status = 'CANCELLED';
      if (order.line_items.every((line) => line.display_status === 'CANCELLED')) order.status = 'CANCELLED';
      return envelope({
        cancel_id: `c${this.cancelCalls.length}`,
        cancel_status: 'CANCELLATION_REQUEST_COMPLETE',
      });
    }
    if (request.method === 'POST' && request.path === '/order/202406/orders/external_orders') {
      const body = JSON.parse(request.body) as { orders: { id: string; external_order: unknown }[] };
      for (const entry of body.orders) this.references.set(entry.id, entry.external_order);
      return envelope({});
    }
    return undefined;
  }
}
