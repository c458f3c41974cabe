import type { CancelAnswerPayload } from '../../shared-types/src/outbox/outbox';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../shared-types/src/netsuite/netsuite-ids';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import {
  importOrders,
  inboxOf,
  linesOf,
  nextVersion,
  salesOrderOf,
  sendUpdate,
} from '../support/order-updates';

/**
 * Buyer cancellation requests in NetSuite (issue #11): the pending request the bridge adds to the
 * order (`pending_buyer_cancellation`) is shown on the sales order (requested, deadline, reason) and
 * on the exceptions page; the answer chosen on the sales order is checked at save (market's reject
 * reasons, deadline, one answer) and written to the outbox for the bridge; TikTok's outcome clears
 * the request (rejected, withdrawn, shipped) or closes the sales order (approved, also by TikTok at
 * the deadline).
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const CANCEL_ID = '4035318504086098241';
const REQUESTED = 1767229000;
/** 2100-01-01: far enough ahead for the answer to be in time. */
const DEADLINE = 4102444800;
const REJECT_US =
  'Product delivery is on schedule (order_manage_list_action_respond_popup_reject_reason_delivered)';
const REJECT_UK =
  'Product delivery is on schedule (order_manage_list_action_respond_popup_reject_reason_delivered_uk)';

function withRequest(
  order: TikTokOrder,
  cancelId = CANCEL_ID,
  deadline: number | null = DEADLINE,
): TikTokOrder {
  return {
    ...order,
    is_buyer_request_cancel: true,
    request_cancel_time: REQUESTED,
    pending_buyer_cancellation: {
      cancel_id: cancelId,
      cancel_reason: 'ecom_order_to_ship_canceled_reason_not_needed',
      cancel_reason_text: 'No longer needed',
      create_time: REQUESTED,
      deadline,
    },
  };
}

/** TikTok's next version without a pending request (rejected, withdrawn or shipped). */
function withoutRequest(order: TikTokOrder): TikTokOrder {
  const next = nextVersion(order, { is_buyer_request_cancel: false });
  delete next.pending_buyer_cancellation;
  return next;
}

function answer(salesOrderId: number, text: string | null, rejectReason: string | null = null): void {
  const rec = world.ns.seed.ui.load({ type: 'salesorder', id: salesOrderId });
  if (text !== null) rec.setText({ fieldId: 'custbody_tts_cancel_req_answer', text });
  if (rejectReason !== null) rec.setText({ fieldId: 'custbody_tts_cancel_req_reject', text: rejectReason });
  world.ns.seed.ui.save(rec, {});
}

function refusal(run: () => void): { name: string; message: string } {
  try {
    run();
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error('the save was not refused');
}

function answerRows(orderId: string) {
  return world.ns.store
    .all('customrecord_tts_outbox')
    .filter(
      (row) =>
        row.fields.custrecord_tts_out_order_id === orderId &&
        row.fields.custrecord_tts_out_kind === 'order.cancel_answer',
    );
}

const requestFields = (orderId: string) => {
  const fields = salesOrderOf(world, orderId).fields;
  // The emulator stores a date/time field as its ISO text.
  const time = (value: unknown): number | null =>
    typeof value === 'string' ? Date.parse(value) / 1000 : null;
  return {
    id: fields.custbody_tts_cancel_req_id ?? null,
    requested: time(fields.custbody_tts_cancel_req_time),
    deadline: time(fields.custbody_tts_cancel_req_due),
    reason: fields.custbody_tts_cancel_req_reason ?? null,
    answer: fields.custbody_tts_cancel_req_answer ?? null,
    reject: fields.custbody_tts_cancel_req_reject ?? null,
  };
};

const NONE = { id: null, requested: null, deadline: null, reason: null, answer: null, reject: null };

describe('buyer cancellation requests on the sales order', () => {
  it('shows a pending request, takes a reject with a reason of the market and clears the request TikTok closed', async () => {
    world = await startConnectorAccount();
    const [base] = makeOrders({ count: 1, seed: 91, maxSkus: 2 });
    const order = withRequest(base);
    await importOrders(world, [order]);
    expect(requestFields(order.id)).toEqual({
      id: CANCEL_ID,
      requested: REQUESTED,
      deadline: DEADLINE,
      reason: 'No longer needed',
      answer: null,
      reject: null,
    });

    // The exceptions page lists it with its deadline and a link to answer it on the sales order.
    const page = await fetch(
      world.ns.suiteletUrl(EXCEPTIONS_SUITELET_ID, EXCEPTIONS_SUITELET_DEPLOYMENT_ID),
      {
        headers: { Authorization: `Bearer ${world.ns.uiToken}` },
      },
    ).then((res) => res.text());
    expect(page).toContain('Buyer cancellation requests to answer (1)');
    expect(page).toContain(order.id);
    // SuiteQL renders date/times in the user's time zone (Pacific here).
    expect(page).toContain('2099-12-31 16:00');
    expect(page).toContain('No longer needed');
    expect(page).toContain('not answered yet');

    const so = salesOrderOf(world, order.id);
    // A UK reason on a US shop's order, and no reason at all, are refused naming the US reasons.
    const uk = refusal(() => answer(so.id, 'Reject (keep the order)', REJECT_UK));
    expect(uk.name).toBe('TTS_INVALID_CANCEL_ANSWER');
    expect(uk.message).toContain(REJECT_US);
    expect(refusal(() => answer(so.id, 'Reject (keep the order)')).message).toContain('no Reject Reason');
    expect(answerRows(order.id)).toEqual([]);

    answer(so.id, 'Reject (keep the order)', REJECT_US);
    const [row] = answerRows(order.id);
    expect(JSON.parse(String(row.fields.custrecord_tts_out_payload)) as CancelAnswerPayload).toEqual({
      salesOrderId: String(so.id),
      cancelId: CANCEL_ID,
      decision: 'reject',
      rejectReason: 'order_manage_list_action_respond_popup_reject_reason_delivered',
      deadline: DEADLINE,
    });
    // The answer has a deadline: outbox.pull hands it out before the older external reference row.
    const pulled = await world.restlet('POST', { action: 'outbox.pull', shopId: DEMO_SHOP.shopId, limit: 1 });
    expect((pulled.body as { rows: { kind: string }[] }).rows.map((r) => r.kind)).toEqual([
      'order.cancel_answer',
    ]);
    expect(
      world.ns.store
        .all('customrecord_tts_outbox')
        .filter((r) => r.fields.custrecord_tts_out_kind === 'order.external_ref' && r.id < row.id),
    ).not.toEqual([]);
    // Answered once: changing the answer is refused, saving again writes nothing new.
    expect(refusal(() => answer(so.id, 'Accept (cancel the order)')).message).toContain('already answered');
    answer(so.id, null);
    expect(answerRows(order.id)).toHaveLength(1);

    // TikTok closed the request (rejected): the sales order no longer shows it; its lines stay open.
    await sendUpdate(world, withoutRequest(order));
    expect(requestFields(order.id)).toEqual(NONE);
    expect(linesOf(salesOrderOf(world, order.id)).every((line) => !line.closed)).toBe(true);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
  });

  it('shows a request that arrives after the import; an accepted (or timed-out) request closes the order when TikTok cancels it', async () => {
    world = await startConnectorAccount();
    const [base] = makeOrders({ count: 1, seed: 92, maxSkus: 2 });
    await importOrders(world, [base]);
    expect(requestFields(base.id)).toEqual(NONE);

    const requested = withRequest(nextVersion(base));
    await sendUpdate(world, requested);
    expect(requestFields(base.id)).toMatchObject({ id: CANCEL_ID, deadline: DEADLINE });
    const so = salesOrderOf(world, base.id);
    answer(so.id, 'Accept (cancel the order)');
    expect(JSON.parse(String(answerRows(base.id)[0].fields.custrecord_tts_out_payload))).toMatchObject({
      decision: 'approve',
      rejectReason: '',
    });

    // TikTok approved: the order is cancelled, so the sales order closes and the request clears.
    const cancelled = nextVersion(requested, {
      status: 'CANCELLED',
      is_buyer_request_cancel: false,
      cancellation_initiator: 'BUYER',
      line_items: requested.line_items.map((line) => ({ ...line, display_status: 'CANCELLED' })),
    });
    delete cancelled.pending_buyer_cancellation;
    await sendUpdate(world, cancelled);
    expect(requestFields(base.id)).toEqual(NONE);
    expect(linesOf(salesOrderOf(world, base.id)).every((line) => line.closed)).toBe(true);
  });

  it('refuses an answer after the deadline, and an answer without a request', async () => {
    world = await startConnectorAccount();
    const [late, plain] = makeOrders({ count: 2, seed: 93, maxSkus: 1 });
    await importOrders(world, [withRequest(late, CANCEL_ID, 1767230000), plain]);
    const passed = refusal(() => answer(salesOrderOf(world, late.id).id, 'Accept (cancel the order)'));
    expect(passed.message).toContain('passed at 2026-01-01 01:13 UTC');
    const none = refusal(() => answer(salesOrderOf(world, plain.id).id, 'Accept (cancel the order)'));
    expect(none.message).toContain('has no buyer cancellation request awaiting an answer');
    expect(answerRows(late.id)).toEqual([]);
  });
});
