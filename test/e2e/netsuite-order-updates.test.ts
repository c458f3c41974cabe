import type { SandboxStack } from '../../sandbox/src/stack';
import { crashingSend, importOrder as importThrough, startE2eStack } from '../support/e2e-stack';

/**
 * "Pull order updates from NetSuite" end to end: a TikTok order imported as a sales order → the
 * sales-order user event writes the outbox → the bridge's outbox pass (RESTlet outbox.pull, signed
 * TikTok calls, outbox.ack) → the simulator holds the external reference and the seller
 * cancellation. A crash between TikTok's answer and the acknowledgement does not cancel twice.
 */
let stack: SandboxStack;
/** The bridge's NetSuite calls whose body matches `crashOn` fail as if the process died there. */
const bridgeCalls = crashingSend();

beforeEach(async () => {
  bridgeCalls.crashOn = null;
  stack = await startE2eStack('outbox', { bridgeDeps: { send: bridgeCalls.send } });
});

afterEach(() => stack.stop());

const importOrder = () => importThrough(stack);

function outboxRows(orderId: string) {
  return stack.netsuite.store
    .all('customrecord_tts_outbox')
    .filter((row) => row.fields.custrecord_tts_out_order_id === orderId);
}

function allowCancel(shopId: string): void {
  const shop = stack.netsuite.store.findByExternalId('customrecord_tts_shop', `tts_shop_${shopId}`);
  stack.netsuite.seed.ui.submitFields({
    type: 'customrecord_tts_shop',
    id: shop!.id,
    values: { custrecord_tts_shop_allow_cancel: true },
  });
}

/** Closes every line and picks the cancel reason from the list, as a user would in the sales order form. */
function closeSalesOrder(salesOrderId: number, reason: string | null): void {
  const so = stack.netsuite.seed.ui.load({ type: 'salesorder', id: salesOrderId });
  if (reason !== null) so.setText({ fieldId: 'custbody_tts_cancel_reason', text: reason });
  const lines = so.getLineCount({ sublistId: 'item' });
  for (let line = 0; line < lines; line += 1) {
    so.setSublistValue({ sublistId: 'item', fieldId: 'isclosed', line, value: true });
  }
  so.save();
}

describe('NetSuite → TikTok order updates through the outbox', () => {
  it('writes the new sales order number to TikTok as the external order reference', async () => {
    const { orderId, salesOrderId } = await importOrder();
    const tranId = stack.netsuite.store.get('salesorder', salesOrderId)!.fields.tranid;
    const [row] = outboxRows(orderId);
    expect(row.fields.custrecord_tts_out_kind).toBe('order.external_ref');
    expect(row.fields.custrecord_tts_out_state).toBe('pending');

    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    expect(stack.simulator.state.externalOrders.get(orderId)).toEqual([
      expect.objectContaining({ id: String(tranId), platform: 'ERP_SYSTEM' }),
    ]);
    const sent = stack.netsuite.store.get('customrecord_tts_outbox', row.id)!;
    expect(sent.fields.custrecord_tts_out_state).toBe('sent');
    expect(sent.fields.custrecord_tts_out_attempts).toBe(1);
  });

  it('cancels the TikTok order with the reason when the sales order is closed, once despite a crash before the ack', async () => {
    const { shopId, orderId, salesOrderId } = await importOrder();
    await stack.bridge.outboxOnce();
    allowCancel(shopId);
    // A reason of TikTok's list for a paid US order (the list: customlist_tts_cancel_reason).
    closeSalesOrder(salesOrderId, 'Pricing error (seller_cancel_reason_wrong_price)');
    const cancelRow = outboxRows(orderId).find(
      (row) => row.fields.custrecord_tts_out_kind === 'order.cancel',
    );
    expect(cancelRow?.fields.custrecord_tts_out_state).toBe('pending');

    bridgeCalls.crashOn = /"action":"outbox\.ack"/;
    const crashed = await stack.bridge.outboxOnce();
    expect(crashed.failures).toHaveLength(1);
    expect(stack.simulator.admin.getOrder(orderId).status).toBe('CANCELLED');
    expect(
      stack.netsuite.store.get('customrecord_tts_outbox', cancelRow!.id)!.fields.custrecord_tts_out_state,
    ).toBe('pending');

    bridgeCalls.crashOn = null;
    const resumed = await stack.bridge.outboxOnce();
    expect(resumed.failures).toEqual([]);
    const cancellations = [...stack.simulator.state.cancellations.values()].filter(
      (c) => c.orderId === orderId,
    );
    expect(cancellations).toHaveLength(1);
    expect(cancellations[0]).toMatchObject({
      role: 'SELLER',
      cancelReason: 'seller_cancel_reason_wrong_price',
    });
    const done = stack.netsuite.store.get('customrecord_tts_outbox', cancelRow!.id)!;
    expect(done.fields.custrecord_tts_out_state).toBe('sent');
    // The bridge kept the result of the delivery and acknowledged it on the next pass (the row
    // was not delivered again).
    expect(String(done.fields.custrecord_tts_out_message)).toContain(`Cancelled TikTok order ${orderId}`);
    const status = outboxRows(orderId).find((row) => row.fields.custrecord_tts_out_kind === 'order.status');
    expect(
      stack.netsuite.store.get('customrecord_tts_outbox', status!.id)!.fields.custrecord_tts_out_state,
    ).toBe('sent');
  });

  it("refuses at save a reason that does not fit the order's status, naming those that do; with none chosen TikTok gets the market's default (issue #11)", async () => {
    const { shopId, orderId, salesOrderId } = await importOrder();
    await stack.bridge.outboxOnce();
    allowCancel(shopId);
    let refused: { name: string; message: string } | null = null;
    try {
      closeSalesOrder(salesOrderId, 'Out of stock (seller_cancel_unpaid_reason_out_of_stock)');
    } catch (e) {
      refused = e as { name: string; message: string };
    }
    expect(refused?.name).toBe('TTS_INVALID_CANCEL_REASON');
    expect(refused?.message).toContain(
      "(a US shop's order in AWAITING_SHIPMENT). Reasons that fit: Out of stock (seller_cancel_reason_out_of_stock); Pricing error (seller_cancel_reason_wrong_price)",
    );
    // Nothing was saved: the lines are open and nothing waits for TikTok.
    expect(outboxRows(orderId).map((row) => row.fields.custrecord_tts_out_kind)).toEqual([
      'order.external_ref',
    ]);

    closeSalesOrder(salesOrderId, null);
    const pass = await stack.bridge.outboxOnce();
    expect(pass.failures).toEqual([]);
    const [cancellation] = [...stack.simulator.state.cancellations.values()].filter(
      (c) => c.orderId === orderId,
    );
    expect(cancellation).toMatchObject({ role: 'SELLER', cancelReason: 'seller_cancel_reason_out_of_stock' });
  });

  it('records the closing without cancelling in TikTok while "Cancel TikTok orders cancelled in NetSuite" is off', async () => {
    const { orderId, salesOrderId } = await importOrder();
    closeSalesOrder(salesOrderId, null);
    expect(
      outboxRows(orderId)
        .map((row) => row.fields.custrecord_tts_out_kind)
        .sort(),
    ).toEqual(['order.external_ref', 'order.status']);
    await stack.bridge.outboxOnce();
    expect(stack.simulator.admin.getOrder(orderId).status).toBe('AWAITING_SHIPMENT');
    expect(outboxRows(orderId).every((row) => row.fields.custrecord_tts_out_state === 'sent')).toBe(true);
  });
});
