import type { World } from '../../record/__tests__/harness';
import { createWorld, thrown } from '../../record/__tests__/harness';
import type { SearchModule } from '../module';
import { createSearchModule } from '../module';

/**
 * N/search refuses columns, filters and joins that NetSuite's records catalogue does not list for the
 * search type (a sales order searches as `transaction`), with NetSuite's codes and messages.
 */
describe('N/search against the NetSuite records catalogue', () => {
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
      rec.setValue('shippingcost', 4.99);
      rec.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
      rec.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
      rec.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
      return rec.save();
    }).result;
  });

  const run = (columns: unknown[], filters: unknown[] = [['mainline', 'is', 'T']]) =>
    w.run(() => search.create({ type: 'salesorder', filters, columns }).run().getRange({ start: 0, end: 10 })).result;

  it.each(['subtotal', 'shippingcost'])('refuses %s, a body field that is not a transaction search column', (column) => {
    const e = w.run(() => thrown(() => search.create({ type: 'salesorder', columns: [column] }).run().getRange({ start: 0, end: 1 }))).result;
    expect(e).toMatchObject({
      name: 'SSS_INVALID_SRCH_COL',
      message: `An nlobjSearchColumn contains an invalid column, or is not in proper syntax: ${column}.`,
    });
  });

  it('refuses the same columns in search.lookupFields, and reads the real ones', () => {
    const out = w.run(() => ({
      bad: thrown(() => search.lookupFields({ type: 'salesorder', id: so, columns: ['total', 'subtotal'] })),
      good: search.lookupFields({ type: 'salesorder', id: so, columns: ['total', 'taxtotal', 'shippingamount', 'status'] }),
    })).result;
    expect(out.bad).toMatchObject({
      name: 'SSS_INVALID_SRCH_COL',
      message: 'An nlobjSearchColumn contains an invalid column, or is not in proper syntax: subtotal.',
    });
    expect(out.good).toEqual({
      total: '24.99',
      taxtotal: '0.00',
      shippingamount: '4.99',
      status: [{ value: 'pendingFulfillment', text: 'Pending Fulfillment' }],
    });
  });

  it('refuses a filter the search type does not list (total is a column; the filter is totalamount)', () => {
    const e = w.run(() => thrown(() => run(['tranid'], [['total', 'greaterthan', 1]]))).result;
    expect(e).toMatchObject({ name: 'SSS_INVALID_SRCH_FILTER', message: 'An nlobjSearchFilter contains invalid search criteria: total.' });
    expect(run(['tranid'], [['mainline', 'is', 'T'], 'AND', ['totalamount', 'greaterthan', 1]])).toHaveLength(1);
  });

  it('follows only joins the search type lists', () => {
    const [row] = run([{ name: 'email', join: 'customer' }, { name: 'itemid', join: 'item' }], [['mainline', 'is', 'F']]);
    expect(row?.getValue({ name: 'itemid', join: 'item' })).toBe('SKU-RED');
    const e = w.run(() => thrown(() => run([{ name: 'email', join: 'vendor' }]))).result;
    expect(e).toMatchObject({
      name: 'SSS_INVALID_SRCH_COL',
      message: 'An nlobjSearchColumn contains an invalid column, or is not in proper syntax: vendor.email.',
    });
    const lookup = w.run(() => thrown(() => search.lookupFields({ type: 'salesorder', id: so, columns: ['customer.nosuchcolumn'] }))).result;
    expect(lookup.name).toBe('SSS_INVALID_SRCH_COL');
  });

  it('says when NetSuite has a column the emulator does not compute, instead of calling it invalid', () => {
    const e = w.run(() => thrown(() => run(['daysopen']))).result;
    expect(e.name).toBe('EMULATOR_UNSUPPORTED');
    expect(e.message).toContain("daysopen is a column of NetSuite's transaction search");
  });

  it('says a search type NetSuite has but the emulator does not run is unsupported', () => {
    const e = w.run(() => thrown(() => search.create({ type: 'employee' }))).result;
    expect(e.name).toBe('EMULATOR_UNSUPPORTED');
  });
});
