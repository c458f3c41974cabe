import { EXAMPLE_BUNDLES } from '../domain/seed';
import {
  authorizeOverHttp,
  call,
  startReceiver,
  startTestSim,
  type CallOptions,
  type Receiver,
  type TestSim,
  type ShopRef,
  shopRefs,
} from './helpers';

interface WarehouseView {
  id: string;
  name: string;
  effect_status: string;
  type: string;
  is_default: boolean;
}

interface SkuView {
  id: string;
  seller_sku: string;
  inventory: { warehouse_id: string; quantity: number }[];
}

interface ItemError {
  code: number;
  message: string;
  detail: { sku_id: string; extra_errors?: { warehouse_id: string; code: number; message: string }[] };
}

describe('warehouses and TikTok inventory rules (TikTok’s Update Inventory and Get Warehouse List)', () => {
  let t: TestSim;
  let receiver: Receiver;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;
  let w: string[];

  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      seed: {
        shops: [{ region: 'US', warehouses: 3 }, { region: 'GB' }],
        inventoryPerWarehouse: 50,
        bundles: EXAMPLE_BUNDLES,
        catalog: [
          {
            title: 'TikTok Shop Classic Hoodie',
            skus: [
              { sellerSku: 'TS-HOODIE-BLK-M', name: 'Black, M', price: '49.99', warehouses: [0, 2] },
              { sellerSku: 'TS-HOODIE-BLK-L', name: 'Black, L', price: '49.99' },
            ],
          },
          {
            title: 'Canvas Tote Bag',
            skus: [{ sellerSku: 'TS-TOTE-NAT', name: 'Natural', price: '24.00', warehouses: [1] }],
          },
        ],
      },
    });
    token = (await authorizeOverHttp(t)).access_token;
    [us, gb] = shopRefs(t) as [ShopRef, ShopRef];
    w = (await warehouses(us)).filter((x) => x.type === 'SALES_WAREHOUSE').map((x) => x.id);
  });
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  const api = (shop: ShopRef, opts: Omit<CallOptions, 'token' | 'cipher'>) =>
    call(t, { ...opts, token, cipher: shop.cipher });
  async function warehouses(shop: ShopRef): Promise<WarehouseView[]> {
    const { json } = await api(shop, { path: '/logistics/202309/warehouses' });
    return (json.data as { warehouses: WarehouseView[] }).warehouses;
  }
  const product = async (sellerSku: string) => {
    const found = t.sim.state.findSkuBySellerSku(us.id, sellerSku);
    const { json } = await api(us, { path: `/product/202309/products/${found?.product.id}` });
    return { id: found?.product.id ?? '', skus: (json.data as { skus: SkuView[] }).skus };
  };
  const update = (productId: string, skus: unknown, shop = us) =>
    api(shop, {
      method: 'POST',
      path: `/product/202309/products/${productId}/inventory/update`,
      body: { skus },
    });
  const errorsOf = (json: { code: number; data: Record<string, unknown> | null }) => {
    expect(json.code).toBe(0);
    return ((json.data as { errors?: ItemError[] }).errors ?? []) as ItemError[];
  };
  const searchInventory = async (skuIds: string[]) => {
    const { json } = await api(us, {
      method: 'POST',
      path: '/product/202309/inventory/search',
      body: { sku_ids: skuIds },
    });
    return (
      json.data as {
        inventory: {
          skus: {
            id: string;
            total_available_quantity: number;
            total_committed_quantity: number;
            warehouse_inventory: {
              warehouse_id: string;
              available_quantity: number;
              committed_quantity: number;
            }[];
          }[];
        }[];
      }
    ).inventory.flatMap((p) => p.skus);
  };

  it('Get Warehouse List: sales warehouses with status and default flag; disabled and deleted by the seller', async () => {
    const list = await warehouses(us);
    expect(list.map((x) => [x.type, x.effect_status, x.is_default])).toEqual([
      ['SALES_WAREHOUSE', 'ENABLED', true],
      ['SALES_WAREHOUSE', 'ENABLED', false],
      ['SALES_WAREHOUSE', 'ENABLED', false],
      ['RETURN_WAREHOUSE', 'ENABLED', false],
    ]);
    t.sim.admin.updateWarehouse(w[1] as string, { effectStatus: 'DISABLED' });
    expect((await warehouses(us)).find((x) => x.id === w[1])?.effect_status).toBe('DISABLED');
    expect(t.sim.admin.deleteWarehouse(w[0] as string)).toEqual({ deleted: w[0], newDefault: w[2] });
    const after = await warehouses(us);
    expect(after.map((x) => x.id)).not.toContain(w[0]);
    expect(after.find((x) => x.is_default)?.id).toBe(w[2]);
    expect((await product('TS-HOODIE-BLK-M')).skus[0]?.inventory.map((i) => i.warehouse_id)).toEqual([w[2]]);
    const added = t.sim.admin.createWarehouse({ shopId: us.id, name: 'US East', isDefault: true });
    expect((await warehouses(us)).filter((x) => x.is_default).map((x) => x.id)).toEqual([added.id]);
    expect(() => t.sim.admin.updateWarehouse(added.id, { isDefault: false })).toThrow(/one default/);
  });

  it('Update Inventory: every assigned warehouse, none added, 0 to 99,999; errors per SKU inside code 0', async () => {
    const hoodie = await product('TS-HOODIE-BLK-M');
    const [m, l] = hoodie.skus as [SkuView, SkuView];
    expect(m.inventory.map((i) => i.warehouse_id)).toEqual([w[0], w[2]]);
    expect(l.inventory.map((i) => i.warehouse_id)).toEqual(w);

    // Every assigned warehouse listed: applied, 0 is out of stock.
    expect(
      errorsOf(
        (
          await update(hoodie.id, [
            {
              id: m.id,
              inventory: [
                { warehouse_id: w[0], quantity: 0 },
                { warehouse_id: w[2], quantity: 99_999 },
              ],
            },
          ])
        ).json,
      ),
    ).toEqual([]);
    expect((await product('TS-HOODIE-BLK-M')).skus[0]?.inventory.map((i) => i.quantity)).toEqual([0, 99_999]);

    const gbWarehouse = (await warehouses(gb))[0]?.id ?? '';
    const deleted = l.id;
    t.sim.admin.updateWarehouse(w[1] as string, { effectStatus: 'DISABLED' });
    const errors = errorsOf(
      (
        await update(hoodie.id, [
          { id: m.id, inventory: [{ warehouse_id: w[0], quantity: 5 }] },
          {
            id: m.id,
            inventory: [
              { warehouse_id: w[0], quantity: 5 },
              { warehouse_id: w[2], quantity: 5 },
            ],
          },
        ])
      ).json,
    );
    expect(errors.map((e) => [e.code, e.detail.sku_id])).toEqual([
      [12019028, m.id],
      [12052553, m.id],
    ]);
    const checks = async (inventory: unknown[]) =>
      errorsOf((await update(hoodie.id, [{ id: m.id, inventory }])).json)[0];
    expect(
      await checks([
        { warehouse_id: w[0], quantity: 1 },
        { warehouse_id: w[2], quantity: 1 },
        { warehouse_id: w[1], quantity: 1 },
      ]),
    ).toEqual(
      expect.objectContaining({
        code: 12052990,
        detail: {
          sku_id: m.id,
          extra_errors: [{ warehouse_id: w[1], code: 12052531, message: 'The warehouse is disabled.' }],
        },
      }),
    );
    t.sim.admin.updateWarehouse(w[1] as string, { effectStatus: 'ENABLED' });
    expect(
      await checks([
        { warehouse_id: w[0], quantity: 1 },
        { warehouse_id: w[2], quantity: 1 },
        { warehouse_id: w[1], quantity: 1 },
      ]),
    ).toEqual({
      code: 12052533,
      message:
        'Removal, addition, and change of warehouses are not permitted. Please specify the original warehouses for the SKUs.',
      detail: { sku_id: m.id },
    });
    expect(
      await checks([
        { warehouse_id: w[0], quantity: 1 },
        { warehouse_id: gbWarehouse, quantity: 1 },
      ]),
    ).toEqual({
      code: 12052990,
      message: 'Check failed',
      detail: {
        sku_id: m.id,
        extra_errors: [
          {
            warehouse_id: gbWarehouse,
            code: 12052530,
            message: `The warehouse ' ${gbWarehouse} ' does not belong to this shop/seller.`,
          },
        ],
      },
    });
    expect(
      (
        await checks([
          { warehouse_id: w[0], quantity: 1 },
          { warehouse_id: '7000999999999999999', quantity: 1 },
        ])
      )?.detail.extra_errors?.[0]?.code,
    ).toBe(12052097);
    for (const quantity of [-1, 100_000]) {
      expect(
        (
          await checks([
            { warehouse_id: w[0], quantity },
            { warehouse_id: w[2], quantity: 1 },
          ])
        )?.detail.extra_errors,
      ).toEqual([
        {
          warehouse_id: w[0],
          code: 12052055,
          message: 'The SKU inventory quantity for the warehouse must be within allowed limits.',
        },
      ]);
    }
    expect(
      (
        await checks([
          { warehouse_id: w[0], quantity: 1.5 },
          { warehouse_id: w[2], quantity: 1 },
        ])
      )?.detail.extra_errors?.[0]?.code,
    ).toBe(12019024);
    expect((await checks([{ quantity: 1 }]))?.code).toBe(12019028);

    t.sim.admin.deleteSku(deleted);
    expect(errorsOf((await update(hoodie.id, [{ id: deleted, inventory: [{ quantity: 1 }] }])).json)).toEqual(
      [{ code: 12052556, message: 'The SKU id not exist.', detail: { sku_id: deleted } }],
    );
    const bundle = t.sim.state.findSkuBySellerSku(us.id, 'TS-BUNDLE-HOODIE-TOTE');
    expect(
      errorsOf(
        (
          await update(bundle?.product.id ?? '', [
            { id: bundle?.sku.id, inventory: [{ warehouse_id: w[0], quantity: 1 }] },
          ])
        ).json,
      )[0]?.code,
    ).toBe(12052850);
    expect((await update(hoodie.id, [])).json).toMatchObject({ code: 12052902, data: null });

    // A SKU with one warehouse may leave warehouse_id out; a RESTRICTED (holiday mode) warehouse takes updates.
    t.sim.admin.updateWarehouse(w[1] as string, { effectStatus: 'RESTRICTED' });
    const tote = await product('TS-TOTE-NAT');
    expect(
      errorsOf((await update(tote.id, [{ id: tote.skus[0]?.id, inventory: [{ quantity: 7 }] }])).json),
    ).toEqual([]);
    expect(t.sim.admin.getInventory({ sellerSku: 'TS-TOTE-NAT', shopId: us.id })).toEqual([
      expect.objectContaining({ warehouseId: w[1], quantity: 7, committed: 0 }),
    ]);
  });

  it('product status: only ACTIVATE products take updates and orders; the change is a PRODUCT_STATUS_CHANGE', async () => {
    const hoodie = await product('TS-HOODIE-BLK-L');
    const large = hoodie.skus.find((s) => s.seller_sku === 'TS-HOODIE-BLK-L');
    const body = [{ id: large?.id, inventory: w.map((id) => ({ warehouse_id: id, quantity: 3 })) }];
    t.sim.admin.setProductStatus(hoodie.id, 'SELLER_DEACTIVATED');
    expect((await update(hoodie.id, body)).json).toMatchObject({
      code: 12052901,
      message:
        'The product in its current status is not available for this operation. Change the product status and try again.',
    });
    expect(() =>
      t.sim.admin.createOrder({ shopId: us.id, skus: [{ sellerSku: 'TS-HOODIE-BLK-L', quantity: 1 }] }),
    ).toThrow(/SELLER_DEACTIVATED/);
    await t.sim.tick();
    expect(
      t.sim.admin
        .deliveries({ eventType: 'PRODUCT_STATUS_CHANGE' })
        .map((d) => (JSON.parse(d.body) as { data: unknown }).data),
    ).toEqual([
      {
        product_id: hoodie.id,
        status: 'PRODUCT_STATUS_CHANGED',
        suspended_reason: '',
        update_time: expect.any(Number),
      },
    ]);
    t.sim.admin.setProductStatus(hoodie.id, 'ACTIVATE');
    expect(errorsOf((await update(hoodie.id, body)).json)).toEqual([]);
    t.sim.admin.setProductStatus(hoodie.id, 'DELETED');
    expect((await update(hoodie.id, body)).json.code).toBe(12019150);
  });

  it("TikTok's stock goes down as orders are placed, is committed until shipped, and comes back on cancel", async () => {
    const skuId = t.sim.state.findSkuBySellerSku(us.id, 'TS-HOODIE-BLK-L')?.sku.id ?? '';
    const before = (await searchInventory([skuId]))[0];
    expect(before).toMatchObject({ id: skuId, total_available_quantity: 150, total_committed_quantity: 0 });
    const order = t.sim.admin.createOrder({
      shopId: us.id,
      skus: [{ sellerSku: 'TS-HOODIE-BLK-L', quantity: 2 }],
      advanceTo: 'AWAITING_SHIPMENT',
    });
    const placed = (await searchInventory([skuId]))[0];
    expect(placed).toMatchObject({ total_available_quantity: 148, total_committed_quantity: 2 });
    expect(placed?.warehouse_inventory.find((x) => x.warehouse_id === order.warehouse_id)).toEqual({
      warehouse_id: order.warehouse_id,
      available_quantity: 48,
      committed_quantity: 2,
    });
    t.sim.admin.advanceOrder(order.id, 'ship');
    expect((await searchInventory([skuId]))[0]).toMatchObject({
      total_available_quantity: 148,
      total_committed_quantity: 0,
    });
    const cancelled = t.sim.admin.createOrder({
      shopId: us.id,
      skus: [{ sellerSku: 'TS-HOODIE-BLK-L', quantity: 3 }],
    });
    expect((await searchInventory([skuId]))[0]).toMatchObject({
      total_available_quantity: 145,
      total_committed_quantity: 3,
    });
    t.sim.admin.cancelOrder(cancelled.id, { by: 'BUYER' });
    expect((await searchInventory([skuId]))[0]).toMatchObject({
      total_available_quantity: 148,
      total_committed_quantity: 0,
    });
    // Shipped units do not come back when the order is cancelled afterwards (a lost package).
    t.sim.admin.cancelOrder(order.id, { by: 'SYSTEM' });
    expect((await searchInventory([skuId]))[0]).toMatchObject({
      total_available_quantity: 148,
      total_committed_quantity: 0,
    });
    const tooMany = await api(us, {
      method: 'POST',
      path: '/product/202309/inventory/search',
      body: { product_ids: Array.from({ length: 101 }, (_, i) => String(1729000000000000000 + i)) },
    });
    expect(tooMany.json.code).toBe(12019120);
  });
});
