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

/**
 * Checks a PDF the way a reader does: header, trailer, `startxref` pointing at the xref table, every
 * xref entry pointing at its `N 0 obj`, each stream's /Length matching its bytes. Returns the text.
 */
function checkPdf(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(startxref));
  const count = Number(header?.[1]);
  expect(count).toBeGreaterThan(5);
  const entries = text
    .slice(startxref + (header?.[0].length ?? 0))
    .split('\n')
    .slice(0, count);
  expect(entries[0]).toBe('0000000000 65535 f ');
  for (let n = 1; n < count; n += 1) {
    const entry = entries[n] ?? '';
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${n} 0 obj`.length)).toBe(`${n} 0 obj`);
  }
  expect(text).toContain(`/Size ${count} /Root 1 0 R`);
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 9)).toBe('endstream');
  }
  return text;
}

describe('shipping documents: TikTok Shipping labels and packing slips as PDF bytes behind an expiring doc_url', () => {
  let t: TestSim;
  let receiver: Receiver;
  let token: string;
  let us: ShopRef;
  let gb: ShopRef;

  beforeEach(async () => {
    receiver = await startReceiver();
    t = await startTestSim({
      webhookUrl: receiver.url,
      tokenLifetimeSeconds: 365 * 86_400,
      seed: { inventoryPerWarehouse: 1000, shops: [{ region: 'US' }, { region: 'GB' }] },
    });
    token = (await authorizeOverHttp(t)).access_token;
    [us, gb] = shopRefs(t) as [ShopRef, ShopRef];
  });
  afterEach(async () => {
    await t.sim.stop();
    await receiver.close();
  });

  const api = (shop: ShopRef, opts: Omit<CallOptions, 'token' | 'cipher'>) =>
    call(t, { ...opts, token, cipher: shop.cipher });
  const order = (
    shopId: string,
    quantity: number,
    options: { shippingType?: 'TIKTOK' | 'SELLER'; fbt?: boolean } = {},
  ) =>
    t.sim.admin.createOrder({
      shopId,
      skus: [{ sellerSku: 'TS-TEE-WHT-M', quantity }],
      shippingType: options.shippingType ?? 'TIKTOK',
      fbt: options.fbt,
      advanceTo: 'AWAITING_SHIPMENT',
    });
  const document = (shop: ShopRef, packageId: string, query: Record<string, string>) =>
    api(shop, { path: `/fulfillment/202309/packages/${packageId}/shipping_documents`, query });
  const dropOff = (shop: ShopRef, packageId: string) =>
    api(shop, {
      method: 'POST',
      path: `/fulfillment/202309/packages/${packageId}/ship`,
      body: { handover_method: 'DROP_OFF' },
    });

  it('a label once shipment is arranged: a valid PDF with the tracking number and order id, A6 by default or A5', async () => {
    const o = order(gb.id, 2);
    const packageId = o.packages?.[0]?.id ?? '';
    expect((await document(gb, packageId, { document_type: 'SHIPPING_LABEL' })).json).toMatchObject({
      code: 21023035,
      message: 'Please arrange shipment before retrieving the shipping document.',
    });
    expect((await dropOff(gb, packageId)).json.code).toBe(0);
    const tracking = t.sim.admin.getPackage(packageId).trackingNumber;

    const label = await document(gb, packageId, { document_type: 'SHIPPING_LABEL' });
    expect(label.json.code).toBe(0);
    const data = label.json.data as { doc_url: string; tracking_number: string };
    expect(data.tracking_number).toBe(tracking);
    expect(data.doc_url.startsWith(`${t.sim.apiBaseUrl}/wsos_v2/oec_fulfillment_doc_tts/object/`)).toBe(true);
    const response = await fetch(data.doc_url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = checkPdf(Buffer.from(await response.arrayBuffer()));
    expect(pdf).toContain('/MediaBox [0 0 297.64 419.53]');
    expect(pdf).toContain('/Count 1');
    expect(pdf).toContain(`(Tracking number: ${tracking}) Tj`);
    expect(pdf).toContain(`(Order ID: ${o.id}) Tj`);
    expect(pdf).toContain('(Handover: DROP_OFF) Tj');

    const both = await document(gb, packageId, {
      document_type: 'SHIPPING_LABEL_AND_PACKING_SLIP',
      document_size: 'A5',
    });
    const bothUrl = (both.json.data as { doc_url: string }).doc_url;
    expect(bothUrl).not.toBe(data.doc_url);
    const twoPages = checkPdf(Buffer.from(await (await fetch(bothUrl)).arrayBuffer()));
    expect(twoPages).toContain('/MediaBox [0 0 419.53 595.28]');
    expect(twoPages).toContain('/Count 2');
    expect(twoPages).toContain('(2 x TS-TEE-WHT-M Everyday Cotton Tee \\(White, M\\)) Tj');

    const slip = await document(gb, packageId, { document_type: 'PACKING_SLIP' });
    const slipPdf = checkPdf(
      Buffer.from(await (await fetch((slip.json.data as { doc_url: string }).doc_url)).arrayBuffer()),
    );
    expect(slipPdf).toContain('(Packing slip) Tj');
    expect(slipPdf).not.toContain('SHIP TO');

    const bad: Record<string, string>[] = [
      {},
      { document_type: 'LABEL' },
      { document_type: 'SHIPPING_LABEL', document_size: '4x6' },
      { document_type: 'SHIPPING_LABEL', document_size: 'A4' },
      { document_type: 'SHIPPING_LABEL', document_format: 'ZPL' },
      { document_type: 'SHIPPING_LABEL_PICTURE' },
      { document_type: 'HAZMAT_LABEL' },
      { document_type: 'INVOICE_LABEL' },
    ];
    for (const query of bad)
      expect([query, (await document(gb, packageId, query)).json.code]).toEqual([query, 21001001]);
  });

  it('the doc_url works for 24 hours; no label once collected, for seller shipping, FBT or a cancelled package', async () => {
    const o = order(gb.id, 1);
    const packageId = o.packages?.[0]?.id ?? '';
    await dropOff(gb, packageId);
    const url = (
      (await document(gb, packageId, { document_type: 'SHIPPING_LABEL' })).json.data as { doc_url: string }
    ).doc_url;
    await t.sim.admin.advanceClock(24 * 3_600_000);
    expect((await fetch(url)).status).toBe(200);
    await t.sim.admin.advanceClock(1000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('expired');
    expect((await fetch(`${url}x`)).status).toBe(404);

    t.sim.admin.collectPackage(packageId);
    expect((await document(gb, packageId, { document_type: 'SHIPPING_LABEL' })).json).toMatchObject({
      code: 21042102,
      message: "Documents couldn't be printed after the package has been pickup.",
    });

    const seller = order(gb.id, 1, { shippingType: 'SELLER' });
    expect(
      (await document(gb, seller.packages?.[0]?.id ?? '', { document_type: 'SHIPPING_LABEL' })).json.code,
    ).toBe(21008017);
    const fbt = order(gb.id, 1, { fbt: true });
    expect(
      (await document(gb, fbt.packages?.[0]?.id ?? '', { document_type: 'SHIPPING_LABEL' })).json.code,
    ).toBe(21008043);
    const cancelled = order(gb.id, 1);
    t.sim.admin.cancelOrder(cancelled.id, { by: 'SELLER' });
    expect(
      (await document(gb, cancelled.packages?.[0]?.id ?? '', { document_type: 'SHIPPING_LABEL' })).json.code,
    ).toBe(21023059);
  });

  it('US: the label of a package bought with Create Packages', async () => {
    const o = order(us.id, 1);
    const bought = await api(us, {
      method: 'POST',
      path: '/fulfillment/202309/packages',
      body: { order_id: o.id },
    });
    const packageId = (bought.json.data as { package_id: string }).package_id;
    const label = await document(us, packageId, { document_type: 'SHIPPING_LABEL', document_size: 'A6' });
    const data = label.json.data as { doc_url: string; tracking_number: string };
    expect(data.tracking_number).toMatch(/^94\d{20}$/);
    const pdf = checkPdf(Buffer.from(await (await fetch(data.doc_url)).arrayBuffer()));
    expect(pdf).toContain(`(Tracking number: ${data.tracking_number}) Tj`);
    expect(pdf).toContain('(TikTok Shipping - USPS) Tj');
  });
});
