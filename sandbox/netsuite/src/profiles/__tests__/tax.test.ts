import type { RecordModule } from '../../data/record/module';
import type { ProfileWorld } from './profile-harness';
import { startProfile } from './profile-harness';

/**
 * Sales tax as each tax set-up computes it on a sales order: US legacy tax (tax item and rate on the
 * body, taxable lines), non-US legacy tax (a VAT code on every line, net or gross entry) and SuiteTax
 * (tax details per line, or the script's own with tax details override); totals follow.
 */

interface Line {
  item: string;
  quantity?: number;
  rate?: number;
  [fieldId: string]: unknown;
}

function saveOrder(
  w: ProfileWorld,
  body: Record<string, unknown>,
  lines: Line[],
  extra?: (so: ReturnType<RecordModule['create']>) => void,
): number {
  const record = w.module<RecordModule>('N/record');
  return w.run(() => {
    const so = record.create({ type: 'salesorder' });
    so.setValue({ fieldId: 'entity', value: w.account.customerId });
    so.setValue({ fieldId: 'paymentmethod', value: w.account.paymentMethodIds['Credit Card'] });
    so.setValue({ fieldId: 'location', value: w.account.locationIds.main });
    for (const [fieldId, value] of Object.entries(body)) so.setValue({ fieldId, value });
    lines.forEach((l, line) => {
      const { item, ...fields } = l;
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line, value: w.account.itemIds[item] });
      for (const [fieldId, value] of Object.entries(fields))
        so.setSublistValue({ sublistId: 'item', fieldId, line, value });
    });
    extra?.(so);
    return so.save();
  });
}

function totals(w: ProfileWorld, id: number): Record<string, unknown> {
  const f = w.ns.store.get('salesorder', id)!.fields;
  return { subtotal: f.subtotal, taxtotal: f.taxtotal, total: f.total };
}

function lines(w: ProfileWorld, id: number, fields: string[]): unknown[][] {
  return (w.ns.store.get('salesorder', id)!.sublists.item ?? []).map((l) => fields.map((f) => l.fields[f]));
}

describe('US legacy sales tax (us-oneworld)', () => {
  let w: ProfileWorld;
  beforeAll(async () => {
    w = await startProfile('us-oneworld');
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it("taxes the taxable lines at the tax item's rate, once for the order", () => {
    const id = saveOrder(w, { taxitem: w.account.taxCodeIds['CA Sales Tax'] }, [
      { item: 'SKU-A', quantity: 2, rate: 10, istaxable: true },
      { item: 'SKU-B', quantity: 1, rate: 5 },
    ]);
    expect(w.ns.store.get('salesorder', id)?.fields.taxrate).toBe(7.25);
    expect(totals(w, id)).toEqual({ subtotal: 25, taxtotal: 1.45, total: 26.45 });
  });

  it('uses a rate the script set, rounding the tax half away from zero', () => {
    const id = saveOrder(w, { taxrate: 8.875 }, [{ item: 'SKU-A', quantity: 2, rate: 10, istaxable: true }]);
    expect(totals(w, id)).toEqual({ subtotal: 20, taxtotal: 1.78, total: 21.78 });
  });

  it('charges no tax on lines that are not taxable (as the connector books them when TikTok remits)', () => {
    const id = saveOrder(w, { taxitem: w.account.taxCodeIds['CA Sales Tax'], istaxable: false }, [
      { item: 'SKU-A', quantity: 2, rate: 10, istaxable: false },
    ]);
    expect(totals(w, id)).toEqual({ subtotal: 20, taxtotal: 0, total: 20 });
  });
});

describe('non-US legacy tax: UK VAT (uk-vat)', () => {
  let w: ProfileWorld;
  let codes: Record<string, number>;
  beforeAll(async () => {
    w = await startProfile('uk-vat');
    codes = w.account.taxCodeIds;
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('requires a tax code on every line', () => {
    const e = w.refusal(() =>
      saveOrder(w, {}, [
        { item: 'SKU-A', quantity: 1, rate: 10, taxcode: codes.S },
        { item: 'SKU-B', quantity: 1, rate: 5 },
      ]),
    );
    expect([e.name, e.message]).toEqual(['USER_ERROR', 'Please enter value(s) for: Tax Code (item line 2)']);
  });

  it('taxes each line at its code (S 20 %, Z and E nothing), filling taxrate1, tax1amt and grossamt', () => {
    const id = saveOrder(w, {}, [
      { item: 'SKU-A', quantity: 3, rate: 10, taxcode: codes.S },
      { item: 'SKU-B', quantity: 1, rate: 5, taxcode: codes.Z },
      { item: 'SKU-B', quantity: 1, rate: 2.5, taxcode: codes.E },
    ]);
    expect(lines(w, id, ['amount', 'taxrate1', 'tax1amt', 'grossamt'])).toEqual([
      [30, 20, 6, 36],
      [5, 0, 0, 5],
      [2.5, 0, 0, 2.5],
    ]);
    expect(totals(w, id)).toEqual({ subtotal: 37.5, taxtotal: 6, total: 43.5 });
  });

  it('takes a VAT-inclusive price through grossamt: the line adds exactly the gross price', () => {
    const id = saveOrder(w, {}, [
      { item: 'SKU-A', quantity: 1, taxcode: codes.S, grossamt: 9.99 },
      { item: 'SKU-B', quantity: 2, taxcode: codes.S, grossamt: 24 },
    ]);
    expect(lines(w, id, ['amount', 'rate', 'tax1amt', 'grossamt'])).toEqual([
      [8.33, 8.33, 1.66, 9.99],
      [20, 10, 4, 24],
    ]);
    expect(totals(w, id)).toEqual({ subtotal: 28.33, taxtotal: 5.66, total: 33.99 });
    // Saved again unchanged, the stored tax stands (no drift from recomputing amount × rate).
    const record = w.module<RecordModule>('N/record');
    w.run(() => record.load({ type: 'salesorder', id }).save());
    expect(totals(w, id)).toEqual({ subtotal: 28.33, taxtotal: 5.66, total: 33.99 });
    // A changed amount is taxed again.
    w.run(() =>
      record
        .load({ type: 'salesorder', id })
        .setSublistValue({ sublistId: 'item', fieldId: 'amount', line: 1, value: 30 })
        .save(),
    );
    expect(totals(w, id)).toEqual({ subtotal: 38.33, taxtotal: 7.66, total: 45.99 });
  });

  it("keeps a tax amount the script set, and taxes shipping at the shipping tax code's rate", () => {
    const id = saveOrder(
      w,
      { shipmethod: w.account.shipItemId, shippingcost: 4.99, shippingtaxcode: codes.S },
      [{ item: 'SKU-A', quantity: 3, rate: 10, taxcode: codes.S, tax1amt: 5.99 }],
    );
    expect(lines(w, id, ['tax1amt', 'grossamt'])).toEqual([[5.99, 35.99]]);
    expect(w.ns.store.get('salesorder', id)?.fields.shippingtax1rate).toBe('20');
    expect(totals(w, id)).toEqual({ subtotal: 30, taxtotal: 6.99, total: 41.98 });
  });
});

describe('SuiteTax (us-suitetax)', () => {
  let w: ProfileWorld;
  beforeAll(async () => {
    w = await startProfile('us-suitetax');
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  function details(id: number): unknown[][] {
    return (w.ns.store.get('salesorder', id)!.sublists.taxdetails ?? []).map((d) => [
      d.fields.taxdetailsreference,
      d.fields.taxcode,
      d.fields.taxtype,
      d.fields.taxbasis,
      d.fields.taxrate,
      d.fields.taxamount,
    ]);
  }

  it('computes one tax details line per item line at the default tax code, unless overridden', () => {
    const code = String(w.account.taxCodeIds.US_CA);
    const type = String(w.ns.seed.account?.setup.taxTypeIds['Sales Tax']);
    const id = saveOrder(w, {}, [
      { item: 'SKU-A', quantity: 2, rate: 10 },
      { item: 'SKU-B', quantity: 1, rate: 5.55 },
    ]);
    expect(lines(w, id, ['taxdetailsreference', 'grossamt'])).toEqual([
      ['TDR1', 21.45],
      ['TDR2', 5.95],
    ]);
    expect(details(id)).toEqual([
      ['TDR1', code, type, 20, 7.25, 1.45],
      ['TDR2', code, type, 5.55, 7.25, 0.4],
    ]);
    expect(totals(w, id)).toEqual({ subtotal: 25.55, taxtotal: 1.85, total: 27.4 });
  });

  it("replaces a script's tax details lines when taxdetailsoverride is not checked", () => {
    const id = saveOrder(w, {}, [{ item: 'SKU-A', quantity: 1, rate: 10 }], (so) => {
      so.setSublistValue({ sublistId: 'taxdetails', fieldId: 'taxdetailsreference', line: 0, value: 'TDR1' });
      so.setSublistValue({ sublistId: 'taxdetails', fieldId: 'taxamount', line: 0, value: 3 });
    });
    expect(totals(w, id)).toEqual({ subtotal: 10, taxtotal: 0.73, total: 10.73 });
  });

  it("keeps the script's tax details with taxdetailsoverride (an exempt code for tax TikTok remits)", () => {
    const exempt = w.account.taxCodeIds.US_EXEMPT!;
    const type = w.ns.seed.account!.setup.taxTypeIds['Sales Tax']!;
    const id = saveOrder(
      w,
      { taxdetailsoverride: true },
      [
        { item: 'SKU-A', quantity: 2, rate: 10 },
        { item: 'SKU-B', quantity: 1, rate: 5 },
      ],
      (so) => {
        const refs = [0, 1].map((line) =>
          so.getSublistValue({ sublistId: 'item', fieldId: 'taxdetailsreference', line }),
        );
        refs.forEach((ref, line) => {
          for (const [fieldId, value] of Object.entries({
            taxdetailsreference: ref,
            taxtype: type,
            taxcode: exempt,
            taxbasis: line ? 5 : 20,
            taxrate: 0,
            taxamount: 0,
          })) {
            so.setSublistValue({ sublistId: 'taxdetails', fieldId, line, value });
          }
        });
      },
    );
    expect(details(id)).toEqual([
      ['TDR1', String(exempt), String(type), 20, 0, 0],
      ['TDR2', String(exempt), String(type), 5, 0, 0],
    ]);
    expect(totals(w, id)).toEqual({ subtotal: 25, taxtotal: 0, total: 25 });
  });

  it('refuses overridden tax details that point to no item line or lack a required value', () => {
    const exempt = w.account.taxCodeIds.US_EXEMPT!;
    const write = (fields: Record<string, unknown>) => () =>
      saveOrder(w, { taxdetailsoverride: true }, [{ item: 'SKU-A', quantity: 1, rate: 10 }], (so) => {
        for (const [fieldId, value] of Object.entries(fields))
          so.setSublistValue({ sublistId: 'taxdetails', fieldId, line: 0, value });
      });
    const stray = w.refusal(
      write({ taxdetailsreference: 'TDR9', taxcode: exempt, taxbasis: 10, taxrate: 0, taxamount: 0 }),
    );
    expect([stray.name, stray.message]).toEqual([
      'USER_ERROR',
      expect.stringContaining('points to reference TDR9'),
    ]);
    const missing = w.refusal(write({ taxdetailsreference: 'TDR1', taxcode: exempt, taxbasis: 10 }));
    expect(missing.message).toBe('Please enter value(s) for: Tax Rate, Tax Amount (tax details line 1)');
  });
});
