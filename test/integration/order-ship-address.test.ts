import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { importOrders, inboxOf, nextVersion, sendUpdate } from '../support/order-updates';

/**
 * TikTok's ship-to address on the sales order: address lines 1-4 in NetSuite's addr1-addr3, and an
 * address NetSuite cannot hold stops the order with a message an administrator can act on, instead
 * of NetSuite's save error or a silently shortened address.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function salesOrderAddress(orderId: string): Record<string, unknown> | null {
  const so = world.ns.store.findByExternalId('salesorder', `tts_${DEMO_SHOP.shopId}_${orderId}`);
  return so === null ? null : (so.subrecords.shippingaddress?.fields ?? {});
}

function withAddress(
  order: TikTokOrder,
  changes: NonNullable<TikTokOrder['recipient_address']>,
): TikTokOrder {
  return { ...order, recipient_address: { ...order.recipient_address, ...changes } };
}

describe('ship-to address on imported sales orders (emulator)', () => {
  it('imports address lines 1-4 into addr1-addr3 and follows a change of line 4', async () => {
    world = await startConnectorAccount();
    const [plain] = makeOrders({ count: 1, seed: 31 });
    const order = withAddress(plain, {
      address_line1: '500 Industrial Pkwy',
      address_line2: 'Building C',
      address_line3: 'Dock 4',
      address_line4: 'Attn: receiving',
    });
    await importOrders(world, [order]);
    expect(salesOrderAddress(order.id)).toMatchObject({
      country: 'US',
      addressee: plain.recipient_address?.name,
      addr1: '500 Industrial Pkwy',
      addr2: 'Building C',
      addr3: 'Dock 4, Attn: receiving',
      city: 'Los Angeles',
      state: 'CA',
      zip: '90001',
      addrphone: '(+1)213-555-0100',
    });

    const moved = nextVersion(order, {
      recipient_address: { ...order.recipient_address, address_line4: 'Attn: returns desk' },
    });
    await sendUpdate(world, moved);
    expect(salesOrderAddress(order.id)).toMatchObject({
      addr2: 'Building C',
      addr3: 'Dock 4, Attn: returns desk',
    });
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
  });

  it('stops an order whose address line is longer than NetSuite holds, and imports it once TikTok sends it corrected', async () => {
    world = await startConnectorAccount();
    const [plain] = makeOrders({ count: 1, seed: 32 });
    const longLine = `Unit 12, ${'Riverside Business Park West Wing '.repeat(5)}`.trim();
    expect(longLine.length).toBeGreaterThan(150);
    const order = withAddress(plain, { address_line2: longLine });
    await world.upsertOrders([order]);
    const tasks = await world.ns.runQueuedTasks();
    expect(tasks.map((t) => t.error)).toEqual(tasks.map(() => null));

    expect(salesOrderAddress(order.id)).toBeNull();
    const inbox = inboxOf(world, order.id);
    expect(inbox.fields.custrecord_tts_ord_state).toBe('error');
    const message = String(inbox.fields.custrecord_tts_ord_error);
    expect(message).toContain(`TikTok order ${order.id}`);
    expect(message).toContain(
      `Address 2 (addr2, from TikTok's address line 2) has ${longLine.length} characters; NetSuite allows 150`,
    );
    expect(message).toContain('have the address corrected in TikTok (Seller Center or the buyer)');
    expect(message).toContain(
      "enter the order in NetSuite by hand and set this inbox record's State to skipped",
    );
    expect(message).not.toContain('contained more than the maximum number');

    const corrected = nextVersion(order, {
      recipient_address: { ...order.recipient_address, address_line2: 'Unit 12', address_line3: 'West Wing' },
    });
    await sendUpdate(world, corrected);
    expect(inboxOf(world, order.id).fields.custrecord_tts_ord_state).toBe('imported');
    expect(salesOrderAddress(order.id)).toMatchObject({ addr2: 'Unit 12', addr3: 'West Wing' });
  });

  it('imports a phone longer than NetSuite holds as its digits and +', async () => {
    world = await startConnectorAccount();
    const [plain] = makeOrders({ count: 1, seed: 33 });
    const order = withAddress(plain, { phone_number: '(+1) 213-555-0100 ext. 4567' });
    await importOrders(world, [order]);
    expect(salesOrderAddress(order.id)).toMatchObject({ addrphone: '+121355501004567' });
  });
});
