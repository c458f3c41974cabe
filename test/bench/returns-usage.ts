/**
 * NetSuite usage units of the returns flow (issue #17), measured in the emulator running the compiled
 * SuiteApp: per new return authorization (`returns.upsert` of new returns, in calls of 20), per status
 * change (the same returns again, newer, approved by TikTok), and per answer from NetSuite (approving
 * a pending RMA in the UI: the return authorization user event, then `outbox.pull` and `outbox.ack`).
 * Prints a table; `node dist/test/bench/returns-usage.js [--returns 40]` after `npm run build`.
 */
import type { TikTokReturn } from '../../shared-types/src/returns/tiktok-return';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { editShop } from '../support/order-fidelity-kit';
import { importOrders } from '../support/order-updates';
import { makeOrders } from '../support/tiktok-order-builder';
import { formatTable } from './table';

export interface ReturnsUsageRow {
  step: string;
  count: number;
  units: number;
  perReturn: number;
}

const FAR_DEADLINE = 4102444800;
const BATCH = 20;

function returnOf(order: TikTokOrder, index: number, overrides: Partial<TikTokReturn> = {}): TikTokReturn {
  const line = order.line_items[0];
  return {
    return_id: String(4035318504086600000n + BigInt(index)),
    order_id: order.id,
    return_type: 'RETURN_AND_REFUND',
    return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
    role: 'BUYER',
    return_reason_text: 'No longer needed',
    create_time: order.create_time + 86_400,
    update_time: order.create_time + 86_400,
    seller_next_action_response: [{ action: 'SELLER_RESPOND_RETURN', deadline: FAR_DEADLINE }],
    return_line_items: [
      {
        return_line_item_id: String(4035318504086700000n + BigInt(index)),
        order_line_item_id: line?.id ?? '',
      },
    ],
    ...overrides,
  };
}

function unitsOf(world: ConnectorAccount, from: number, kinds: readonly string[]): number {
  return world.ns.invocations.slice(from).reduce((n, i) => n + (kinds.includes(i.kind) ? i.units : 0), 0);
}

async function send(world: ConnectorAccount, returns: TikTokReturn[], outcome: string): Promise<void> {
  for (let i = 0; i < returns.length; i += BATCH) {
    const res = await world.restlet('POST', {
      action: 'returns.upsert',
      shopId: DEMO_SHOP.shopId,
      returns: returns.slice(i, i + BATCH),
    });
    const results = (res.body as { results?: { outcome: string; message: string | null }[] }).results ?? [];
    const off = results.find((r) => r.outcome !== outcome);
    if (res.status !== 200 || off !== undefined) {
      throw new Error(`returns.upsert answered ${res.status}: ${JSON.stringify(off ?? res.body)}`);
    }
  }
}

export async function runReturnsUsage(count = 40): Promise<ReturnsUsageRow[]> {
  const world = await startConnectorAccount();
  try {
    const orders = makeOrders({ count, seed: 1717 });
    await importOrders(world, orders);
    editShop(world, { custrecord_tts_shop_push_returns: true, custrecord_tts_shop_answer_returns: true });
    const rows: ReturnsUsageRow[] = [];
    const row = (step: string, n: number, units: number) =>
      rows.push({ step, count: n, units, perReturn: Math.round((units / n) * 100) / 100 });

    // Half the returns are approved by TikTok (a status change), the other half answered in NetSuite.
    const half = Math.floor(count / 2);
    const returns = orders.map((order, i) => returnOf(order, i));
    let mark = world.ns.invocations.length;
    await send(world, returns, 'created');
    row('new RMA (returns.upsert, 20 per call)', count, unitsOf(world, mark, ['restlet', 'userevent']));

    mark = world.ns.invocations.length;
    await send(
      world,
      returns.slice(0, half).map((ret) => ({
        ...ret,
        return_status: 'AWAITING_BUYER_SHIP' as const,
        update_time: ret.update_time + 3600,
        seller_next_action_response: [],
      })),
      'updated',
    );
    row(
      'status change: TikTok approved (returns.upsert)',
      half,
      unitsOf(world, mark, ['restlet', 'userevent']),
    );

    mark = world.ns.invocations.length;
    for (const ret of returns.slice(half)) {
      const rma = world.ns.store.findByExternalId(
        'returnauthorization',
        `tts_ret_${DEMO_SHOP.shopId}_${ret.return_id}`,
      );
      if (!rma) throw new Error(`no RMA for ${ret.return_id}`);
      const rec = world.ns.seed.ui.load({ type: 'returnauthorization', id: rma.id });
      rec.setValue({ fieldId: 'orderstatus', value: 'B' });
      rec.save();
    }
    const answered = count - half;
    row('answer: approve in NetSuite (user event)', answered, unitsOf(world, mark, ['userevent']));

    mark = world.ns.invocations.length;
    const pulled = await world.restlet('POST', {
      action: 'outbox.pull',
      shopId: DEMO_SHOP.shopId,
      limit: 100,
    });
    const ids = ((pulled.body as { rows?: { outboxId: string; kind: string }[] }).rows ?? [])
      .filter((r) => r.kind === 'return.answer')
      .map((r) => r.outboxId);
    if (ids.length !== answered)
      throw new Error(`outbox.pull gave ${ids.length} answers, expected ${answered}`);
    await world.restlet('POST', {
      action: 'outbox.ack',
      results: ids.map((outboxId) => ({ outboxId, ok: true, message: 'Approved.' })),
    });
    row('answer: outbox.pull + outbox.ack', answered, unitsOf(world, mark, ['restlet']));
    return rows;
  } finally {
    await world.ns.stop();
  }
}

export function formatReturnsUsage(rows: readonly ReturnsUsageRow[]): string {
  return [
    'NetSuite usage units of the returns flow (emulator, compiled SuiteApp)',
    formatTable(
      ['step', 'returns', 'units', 'units/return'],
      rows.map((r) => [r.step, String(r.count), String(r.units), r.perReturn.toFixed(2)]),
    ),
  ].join('\n');
}

if (require.main === module) {
  const index = process.argv.indexOf('--returns');
  const count = index >= 0 ? Number(process.argv[index + 1]) : 40;
  runReturnsUsage(count)
    .then((rows) => console.log(formatReturnsUsage(rows)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
