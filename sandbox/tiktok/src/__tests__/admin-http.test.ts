import { startTestSim, type TestSim } from './helpers';

describe('admin HTTP API (/_admin)', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim();
  });
  afterEach(() => t.sim.stop());

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${t.sim.adminBaseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it('creates and advances orders, with 409 for a transition the status does not allow', async () => {
    const created = await admin('POST', '/orders', { skus: [{ sellerSku: 'TS-TEE-WHT-S', quantity: 1 }] });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect((await admin('POST', `/orders/${id}/pay`)).json.status).toBe('ON_HOLD');
    expect((await admin('POST', `/orders/${id}/ship`)).status).toBe(409);
    expect((await admin('POST', `/orders/${id}/release-hold`)).json.status).toBe('AWAITING_SHIPMENT');
    expect((await admin('POST', `/orders/${id}/fly`)).status).toBe(404);
    expect((await admin('POST', `/orders/${id}/cancel`, { by: 'SYSTEM' })).status).toBe(201);
    expect((await admin('GET', `/orders/${id}`)).json.status).toBe('CANCELLED');
  });

  it('drives a return as the buyer, the carrier and TikTok would (400 bad input, 404 unknown action, 409 wrong status)', async () => {
    const created = await admin('POST', '/orders', {
      skus: [{ sellerSku: 'TS-TEE-WHT-S', quantity: 1 }],
      advanceTo: 'DELIVERED',
    });
    const orderId = String(created.json.id);
    expect((await admin('POST', `/orders/${orderId}/returns`, { returnType: 'SWAP' })).status).toBe(400);
    expect((await admin('POST', `/orders/${orderId}/returns`, { returnMethod: 'MAIL' })).status).toBe(400);
    const opened = await admin('POST', `/orders/${orderId}/returns`, {
      returnType: 'RETURN_AND_REFUND',
      returnMethod: 'BUYER_SHIPPED',
      returnShippingFee: { payer: 'BUYER', amount: '4.99' },
    });
    expect(opened.status).toBe(201);
    const returnId = String(opened.json.returnId);
    expect((await admin('POST', `/returns/${returnId}/fly`)).status).toBe(404);
    expect((await admin('POST', `/returns/${returnId}/buyer-ship`)).status).toBe(409);
    expect((await admin('POST', `/returns/${returnId}/cancel`)).json.returnStatus).toBe(
      'RETURN_OR_REFUND_REQUEST_CANCEL',
    );
    const read = await admin('GET', `/returns/${returnId}`);
    expect(read.json).toMatchObject({ returnMethod: 'BUYER_SHIPPED', shippingOnly: false });
    expect(read.json.returnShippingFee).toMatchObject({ buyer_paid_return_shipping_fee: '4.99' });
    expect((await admin('POST', `/returns/${returnId}/escalate`)).status).toBe(409);
    expect((await admin('GET', '/returns/4036000000000000000')).status).toBe(409);
    expect((await admin('POST', '/returns/random', { rate: 2 })).status).toBe(400);
    expect((await admin('PUT', '/return-autopilot', { flyAfterHours: 1 })).status).toBe(400);
    expect((await admin('PUT', '/return-autopilot', { shipAfterHours: 1 })).json).toEqual({
      shipAfterHours: 1,
    });
    const other = await admin('POST', '/orders', {
      skus: [{ sellerSku: 'TS-TEE-WHT-S', quantity: 1 }],
      advanceTo: 'DELIVERED',
    });
    const random = await admin('POST', '/returns/random', { rate: 1, types: ['REFUND'] });
    expect(random.status).toBe(201);
    const [refund] = random.json as unknown as { returnId: string; orderId: string }[];
    expect(refund?.orderId).toBe(String(other.json.id));
    const refused = await admin('POST', `/returns/${refund?.returnId}/seller-center`, {
      decision: 'REJECT_REFUND',
      rejectReason: 'nope',
    });
    expect(refused.status).toBe(400);
    expect(String(refused.json.error)).toContain('25001014');
    const answered = await admin('POST', `/returns/${refund?.returnId}/seller-center`, {
      decision: 'APPROVE_REFUND',
    });
    expect(answered.json.returnStatus).toBe('RETURN_OR_REFUND_REQUEST_COMPLETE');
  });

  it('lists packages and moves them past the carrier: the order follows', async () => {
    const created = await admin('POST', '/orders', {
      skus: [{ sellerSku: 'TS-TEE-WHT-S', quantity: 1 }],
      advanceTo: 'AWAITING_SHIPMENT',
    });
    const id = String(created.json.id);
    expect((await admin('POST', `/orders/${id}/ship`)).json.status).toBe('AWAITING_COLLECTION');
    const listed = (await admin('GET', `/packages?order_id=${id}`)).json as unknown as {
      packageId: string;
    }[];
    expect(listed).toHaveLength(1);
    const packageId = listed[0]?.packageId ?? '';
    expect((await admin('GET', `/packages/${packageId}`)).json).toMatchObject({ status: 'PROCESSING' });
    expect((await admin('POST', `/packages/${packageId}/deliver`)).status).toBe(409);
    expect((await admin('POST', `/packages/${packageId}/in-transit`)).json).toMatchObject({
      status: 'FULFILLING',
    });
    expect((await admin('GET', `/orders/${id}`)).json.status).toBe('IN_TRANSIT');
    expect((await admin('POST', `/packages/${packageId}/deliver`)).json).toMatchObject({
      status: 'COMPLETED',
    });
    expect((await admin('GET', `/orders/${id}`)).json.status).toBe('DELIVERED');
    expect((await admin('GET', '/packages/1152000000000000000')).status).toBe(409);
  });

  it('sets and reads inventory per SKU and warehouse', async () => {
    const put = await admin('PUT', '/inventory', { sellerSku: 'TS-TOTE-NAT', quantity: 3 });
    expect(put.json).toMatchObject({ sellerSku: 'TS-TOTE-NAT', quantity: 3 });
    const rows = await admin('GET', '/inventory?seller_sku=TS-TOTE-NAT');
    expect(rows.json).toEqual([expect.objectContaining({ quantity: 3 })]);
    expect((await admin('PUT', '/inventory', { sellerSku: 'NOPE', quantity: 1 })).status).toBe(400);
  });

  it('adds, disables, deletes warehouses and changes a product status', async () => {
    const shopId = String(((await admin('GET', '/shops')).json as unknown as { id: string }[])[0]?.id);
    const created = await admin('POST', '/warehouses', { shopId, name: 'US East' });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect((await admin('PUT', `/warehouses/${id}`, { effectStatus: 'DISABLED' })).json).toMatchObject({
      effectStatus: 'DISABLED',
    });
    expect((await admin('PUT', `/warehouses/${id}`, { effectStatus: 'CLOSED' })).status).toBe(400);
    expect((await admin('DELETE', `/warehouses/${id}`)).json).toEqual({ deleted: id });
    const listed = (await admin('GET', `/warehouses?shop_id=${shopId}`)).json as unknown as { id: string }[];
    expect(listed.map((w) => w.id)).not.toContain(id);
    const productId = t.sim.state.productsOf(shopId)[0]?.id ?? '';
    expect((await admin('PUT', `/products/${productId}/status`, { status: 'FREEZE' })).json).toEqual({
      status: 'FREEZE',
    });
    expect((await admin('PUT', `/products/${productId}/status`, { status: 'GONE' })).status).toBe(400);
  });

  it('sets fault knobs and rejects unknown ones', async () => {
    expect((await admin('PUT', '/faults', { rate429: 0.5 })).json).toMatchObject({ rate429: 0.5 });
    expect((await admin('PUT', '/faults', { rate429: 2 })).status).toBe(400);
    expect((await admin('PUT', '/faults', { explode: true })).status).toBe(400);
    expect((await admin('GET', '/faults')).json).toMatchObject({ rate429: 0.5, reorderWebhooks: false });
  });

  it('issues tokens, expires a shop token and advances the test clock', async () => {
    const tokens = await admin('POST', '/tokens');
    expect(tokens.status).toBe(201);
    const shops = (await admin('GET', '/shops')).json as unknown as { id: string }[];
    const shopId = shops[0]?.id ?? '';
    expect((await admin('POST', `/shops/${shopId}/expire-token`)).json).toEqual({ expired: 1 });
    const before = t.clock.now();
    await admin('POST', '/clock/advance', { ms: 60_000 });
    expect(t.clock.now() - before).toBe(60_000);
    expect((await admin('GET', '/counters')).json).toMatchObject({ tokenGet: 0, tokenRefresh: 0 });
  });
});
