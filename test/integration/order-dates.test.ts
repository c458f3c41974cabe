import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import { letDefaultCustomerTradeIn } from '../support/account-profiles';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';

/**
 * Issue #10, dates: NetSuite runs the import in Pacific time (so does the emulator, whatever the
 * host's zone), so `new Date(create_time * 1000)` dated a UK order placed at 00:30 UK time on the
 * day before. The sales order now carries the calendar date of TikTok's time in the shop's time
 * zone (its Time Zone setting, else its region's), or the company's when the shop says so.
 */
let world: ConnectorAccount | undefined;

afterEach(async () => {
  await world?.ns.stop();
  world = undefined;
});

/** 2026-01-15 00:30 in London (GMT): 16:30 on the 14th in California, 09:30 on the 15th in Tokyo. */
const LONDON_0030 = Date.UTC(2026, 0, 15, 0, 30) / 1000;

async function importAt(
  createTime: number,
  shop: Record<string, unknown>,
  orderType?: string,
): Promise<StoredRecord> {
  const gbp = shop.custrecord_tts_shop_currency === 'GBP';
  world = await startConnectorAccount({}, shop);
  if (gbp) letDefaultCustomerTradeIn(world.ns, world.account, 'GBP');
  const [order] = makeOrders({
    count: 1,
    seed: 31,
    ...(gbp ? { currency: 'GBP', taxRate: 0, region: 'GB' as const } : {}),
  });
  await world.upsertOrders([
    { ...order, create_time: createTime, ...(orderType ? { order_type: orderType } : {}) },
  ]);
  await world.ns.runQueuedTasks();
  const inbox = world.ns.store.findByExternalId(
    'customrecord_tts_order',
    `tts_${DEMO_SHOP.shopId}_${order.id}`,
  )!;
  expect([inbox.fields.custrecord_tts_ord_state, inbox.fields.custrecord_tts_ord_error ?? null]).toEqual([
    'imported',
    null,
  ]);
  return world.ns.store.findByExternalId('salesorder', `tts_${DEMO_SHOP.shopId}_${order.id}`)!;
}

// The US account's UK shop is an overseas seller in the UK: TikTok remits the VAT.
const UK_SHOP = {
  custrecord_tts_shop_region: 'GB',
  custrecord_tts_shop_currency: 'GBP',
  custrecord_tts_shop_seller_type: 'CROSS_BORDER',
};

describe('sales order dates in the shop time zone (issue #10)', () => {
  it('dates a UK order placed at 00:30 UK time on its UK date (the Pacific date is the day before)', async () => {
    const so = await importAt(LONDON_0030, UK_SHOP);
    expect(so.fields.trandate).toBe('2026-01-15');
  });

  it('gives a UK pre-order its ship date in UK time: the order date plus the handling days', async () => {
    const so = await importAt(LONDON_0030, { ...UK_SHOP, custrecord_tts_shop_handling_days: 2 }, 'PRE_ORDER');
    expect([so.fields.trandate, so.fields.shipdate]).toEqual(['2026-01-15', '2026-01-17']);
  });

  it("follows the shop's Time Zone setting over its region's", async () => {
    const so = await importAt(LONDON_0030, { custrecord_tts_shop_time_zone: 'Asia/Tokyo' });
    expect(so.fields.trandate).toBe('2026-01-15');
  });

  it("dates in the company's time zone when the shop says so (the US OneWorld account: Pacific)", async () => {
    const so = await importAt(LONDON_0030, { ...UK_SHOP, custrecord_tts_shop_company_tz: true });
    expect(so.fields.trandate).toBe('2026-01-14');
  });

  it('waits with the fix when the Time Zone is not a time zone', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_time_zone: 'GMT+1 London' });
    const [order] = makeOrders({ count: 1, seed: 32 });
    await world.upsertOrders([order]);
    await world.ns.runQueuedTasks();
    const [inbox] = world.ns.store.all('customrecord_tts_order');
    expect(inbox.fields.custrecord_tts_ord_state).toBe('error');
    expect(inbox.fields.custrecord_tts_ord_error).toContain('"GMT+1 London", which is not an IANA time zone');
  });
});
