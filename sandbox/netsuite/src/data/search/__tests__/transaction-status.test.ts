import type { World } from '../../record/__tests__/harness';
import { createWorld } from '../../record/__tests__/harness';
import type { SearchModule } from '../module';
import { createSearchModule } from '../module';

/**
 * A sales order's status as scripts read it: `record.getValue('status')` is the status text,
 * `getValue('statusRef')` its id; a search column gives the id with the text as getText, and filters
 * name the status `SalesOrd:<letter>` (SuiteQL keeps the letter: query/__tests__/suiteql-store.test.ts).
 */
describe('transaction status through N/record and N/search', () => {
  let w: World;
  let search: SearchModule;
  let so: number;
  beforeEach(() => {
    w = createWorld();
    search = createSearchModule(w.store, { clock: w.clock });
    so = w.run(() => {
      const rec = w.record.create({ type: 'salesorder' });
      rec.setValue('entity', w.refs.customer);
      rec.setValue('paymentmethod', w.refs.paymentMethod);
      rec.setValue('location', w.refs.location);
      rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
      rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
      rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
      return rec.save();
    }).result;
  });

  it('reads status as text and statusRef as its id on a loaded record', () => {
    const read = w.run(() => {
      const rec = w.record.load({ type: 'salesorder', id: so });
      return {
        status: rec.getValue('status'),
        statusText: rec.getText('status'),
        statusRef: rec.getValue('statusRef'),
        orderstatus: rec.getValue('orderstatus'),
      };
    }).result;
    expect(read).toEqual({
      status: 'Pending Fulfillment',
      statusText: 'Pending Fulfillment',
      statusRef: 'pendingFulfillment',
      orderstatus: 'B',
    });
    const fresh = w.run(() => {
      const rec = w.record.create({ type: 'salesorder' });
      return [rec.getValue('status'), rec.getValue('statusRef')];
    }).result;
    expect(fresh).toEqual([null, null]);
  });

  it('gives the status column as the statusRef id with the text, filtered by SalesOrd:<letter>', () => {
    const find = (values: string[]) =>
      w.run(() =>
        search
          .create({ type: 'salesorder', filters: [['mainline', 'is', 'T'], 'AND', ['status', 'anyof', ...values]], columns: ['status'] })
          .run()
          .getRange({ start: 0, end: 10 })
          .map((r) => [r.id, r.getValue({ name: 'status' }), r.getText({ name: 'status' })]),
      ).result;
    expect(find(['SalesOrd:B', 'SalesOrd:D'])).toEqual([[String(so), 'pendingFulfillment', 'Pending Fulfillment']]);
    expect(find(['SalesOrd:A'])).toEqual([]);
    // The letter alone names no status in a transaction search.
    expect(find(['B'])).toEqual([]);
  });
});
