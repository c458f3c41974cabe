import { ServerDate } from '../../../time/zoned-date';
import type { NsRecord } from '../record';
import type { World } from './harness';
import { createWorld, thrown } from './harness';

/** A cash sale (a posting transaction) dated `day` (`YYYY-MM-DD`), as a server script builds the date (Pacific time). */
function cashSale(w: World, day: string): NsRecord {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const sale = w.record.create({ type: 'cashsale' });
  sale.setValue({ fieldId: 'entity', value: w.refs.customer });
  sale.setValue({ fieldId: 'trandate', value: new ServerDate(y, m - 1, d) });
  sale.setValue({ fieldId: 'paymentmethod', value: w.refs.paymentMethod });
  // NetSuite's records data marks a cash sale's location required.
  sale.setValue({ fieldId: 'location', value: w.refs.location });
  sale.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
  sale.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
  sale.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
  return sale;
}

describe('accounting periods', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('is a standard record the seed creates, readable as a record', () => {
    const id = w.seed.accountingPeriod({ name: 'Jan 2026', start: '2026-01-01', end: '2026-01-31', closed: true });
    expect(w.store.get('accountingperiod', id)?.fields).toMatchObject({
      periodname: 'Jan 2026',
      startdate: '2026-01-01',
      enddate: '2026-01-31',
      closed: true,
      isquarter: false,
      isyear: false,
    });
  });

  it('accepts any date while no period is defined', () => {
    const id = w.run(() => cashSale(w, '2020-03-03').save()).result;
    expect(w.store.get('cashsale', id)?.fields.trandate).toBe('2020-03-03');
  });

  it('refuses a posting transaction dated in a closed period and writes nothing', () => {
    w.seed.accountingPeriod({ name: 'Dec 2025', start: '2025-12-01', end: '2025-12-31', closed: true });
    w.seed.accountingPeriod({ name: 'Jan 2026', start: '2026-01-01', end: '2026-01-31' });
    const e = w.run(() => thrown(() => cashSale(w, '2025-12-24').save())).result;
    expect(e.name).toBe('CLOSED_TRAN_PRD');
    expect(e.message).toBe(
      'The accounting period Dec 2025 (2025-12-01 to 2025-12-31) is closed: a Cash Sale dated 2025-12-24 cannot be posted to it. Reopen the period or use a date in an open period.',
    );
    expect(w.store.all('cashsale')).toHaveLength(0);
    const open = w.run(() => cashSale(w, '2026-01-10').save()).result;
    expect(w.store.get('cashsale', open)?.fields.trandate).toBe('2026-01-10');
  });

  it('ignores quarters and years, and dates outside every period', () => {
    w.seed.accountingPeriod({ name: 'Q4 2025', start: '2025-10-01', end: '2025-12-31', closed: true, fields: { isquarter: true } });
    w.seed.accountingPeriod({ name: 'Dec 2025', start: '2025-12-01', end: '2025-12-31' });
    const inOpenMonth = w.run(() => cashSale(w, '2025-12-05').save()).result;
    const outside = w.run(() => cashSale(w, '2019-01-01').save()).result;
    expect([inOpenMonth, outside].every((id) => w.store.get('cashsale', id) !== null)).toBe(true);
  });

  it('refuses moving a transaction into or out of a closed period, and deleting it from one', () => {
    const dec = w.seed.accountingPeriod({ name: 'Dec 2025', start: '2025-12-01', end: '2025-12-31' });
    w.seed.accountingPeriod({ name: 'Jan 2026', start: '2026-01-01', end: '2026-01-31', closed: true });
    const id = w.run(() => cashSale(w, '2025-12-20').save()).result;
    const intoClosed = w.run(() =>
      thrown(() => w.record.submitFields({ type: 'cashsale', id, values: { trandate: new ServerDate(2026, 0, 5) } })),
    ).result;
    expect(intoClosed.name).toBe('CLOSED_TRAN_PRD');
    expect(w.store.get('cashsale', id)?.fields.trandate).toBe('2025-12-20');

    w.seed.service.submitFields({ type: 'accountingperiod', id: dec, values: { closed: true } });
    const edit = w.run(() => {
      const rec = w.record.load({ type: 'cashsale', id });
      rec.setValue({ fieldId: 'memo', value: 'late change' });
      return thrown(() => rec.save());
    }).result;
    const removal = w.run(() => thrown(() => w.record.delete({ type: 'cashsale', id }))).result;
    expect([edit.name, removal.name]).toEqual(['CLOSED_TRAN_PRD', 'CLOSED_TRAN_PRD']);
    expect(w.store.get('cashsale', id)?.fields.memo ?? null).toBeNull();
  });

  it('lets non-posting sales orders be dated in a closed period, as NetSuite does', () => {
    w.seed.accountingPeriod({ name: 'Jan 2026', start: '2026-01-01', end: '2026-01-31', closed: true });
    const id = w.run(() => {
      const so = w.record.create({ type: 'salesorder' });
      so.setValue({ fieldId: 'entity', value: w.refs.customer });
      so.setValue({ fieldId: 'paymentmethod', value: w.refs.paymentMethod });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
      return so.save();
    }).result;
    expect(w.store.get('salesorder', id)?.fields.trandate).toBe('2026-01-15');
  });
});
