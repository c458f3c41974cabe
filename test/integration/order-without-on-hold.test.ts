import type { ConnectorAccount } from '../support/connector-account';
import { startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { inboxOf, nextVersion, salesOrderOf, sendUpdate } from '../support/order-updates';

/**
 * ON_HOLD is regional (issue #11 item 8): some shops' orders go from UNPAID straight to
 * AWAITING_SHIPMENT, with no buyer-remorse hour (`is_on_hold_order` false). The connector waits on
 * UNPAID and imports on AWAITING_SHIPMENT whether or not ON_HOLD came in between.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

describe('an order of a shop without ON_HOLD', () => {
  it('waits while UNPAID, then is imported when TikTok sends AWAITING_SHIPMENT directly', async () => {
    world = await startConnectorAccount();
    const [paid] = makeOrders({ count: 1, seed: 81, maxSkus: 2 });
    const unpaid = {
      ...structuredClone(paid),
      status: 'UNPAID' as const,
      is_on_hold_order: false,
      recipient_address: undefined,
      paid_time: undefined,
    };
    await sendUpdate(world, unpaid);
    expect(inboxOf(world, paid.id).fields.custrecord_tts_ord_state).toBe('waiting');
    expect(world.ns.store.findByExternalId('salesorder', `tts_7494049642642441621_${paid.id}`)).toBeNull();

    const awaiting = nextVersion({ ...paid, is_on_hold_order: false }, {}, 60);
    await sendUpdate(world, awaiting);
    expect(inboxOf(world, paid.id).fields.custrecord_tts_ord_state).toBe('imported');
    const so = salesOrderOf(world, paid.id);
    expect(so.fields.custbody_tts_tieout).toBe(true);
    expect(Number(so.fields.total)).toBeCloseTo(Number(paid.payment.total_amount), 10);
  });
});
