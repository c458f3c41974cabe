import type { World } from './harness';
import { createWorld, thrown } from './harness';

describe('dynamic and standard mode', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('builds an order in dynamic mode with sourcing from customer and item', () => {
    const sub = w.seed.subsidiary('US');
    const customer = w.seed.customer({ companyname: 'Sourced', subsidiary: sub });
    w.run(() => w.record.submitFields({ type: 'inventoryitem', id: w.refs.item, values: { baseprice: 12.5, salesdescription: 'Red shirt' } }));
    const id = w.run(() => {
      const so = w.record.create({ type: 'salesorder', isDynamic: true });
      so.setValue({ fieldId: 'entity', value: customer });
      expect(so.getValue('subsidiary')).toBe(String(sub));
      so.setValue({ fieldId: 'paymentmethod', value: w.refs.paymentMethod });
      so.selectNewLine({ sublistId: 'item' });
      so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'item', value: w.refs.item });
      expect(so.getCurrentSublistValue({ sublistId: 'item', fieldId: 'rate' })).toBe(12.5);
      so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'quantity', value: 2 });
      expect(so.getCurrentSublistValue({ sublistId: 'item', fieldId: 'amount' })).toBe(25);
      so.commitLine({ sublistId: 'item' });
      so.selectNewLine({ sublistId: 'item' });
      so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'item', value: w.refs.item2 });
      so.cancelLine({ sublistId: 'item' });
      expect(so.getLineCount({ sublistId: 'item' })).toBe(1);
      so.selectLine({ sublistId: 'item', line: 0 });
      so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'quantity', value: 3 });
      so.commitLine({ sublistId: 'item' });
      return so.save();
    }).result;
    const line = w.store.get('salesorder', id)?.sublists.item?.[0];
    expect(line?.fields).toMatchObject({ quantity: 3, rate: 12.5, amount: 37.5, description: 'Red shirt' });
  });

  it('commitLine rejects a line without item', () => {
    const e = w.run(() => {
      const so = w.record.create({ type: 'salesorder', isDynamic: true });
      so.selectNewLine({ sublistId: 'item' });
      so.setCurrentSublistValue({ sublistId: 'item', fieldId: 'quantity', value: 1 });
      return thrown(() => so.commitLine({ sublistId: 'item' }));
    }).result;
    expect(e).toMatchObject({ name: 'USER_ERROR', message: 'Please enter value(s) for: Item' });
  });

  it('keeps the APIs of each mode apart', () => {
    const [dyn, std] = w.run(() => {
      const d = w.record.create({ type: 'salesorder', isDynamic: true });
      const s = w.record.create({ type: 'salesorder' });
      return [
        thrown(() => d.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 })),
        thrown(() => s.selectNewLine({ sublistId: 'item' })),
      ];
    }).result;
    expect(dyn?.name).toBe('SSS_INVALID_API_USAGE');
    expect(std?.name).toBe('SSS_INVALID_API_USAGE');
  });

  it('standard-mode sublist operations: append, insert, remove, find, bad line index', () => {
    const out = w.run(() => {
      const so = w.record.create({ type: 'salesorder' });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 1, value: w.refs.item2 });
      so.insertLine({ sublistId: 'item', line: 0 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.shipItem });
      const found = so.findSublistLineWithValue({ sublistId: 'item', fieldId: 'item', value: w.refs.item2 });
      so.removeLine({ sublistId: 'item', line: 0 });
      return {
        found,
        count: so.getLineCount({ sublistId: 'item' }),
        first: so.getSublistValue({ sublistId: 'item', fieldId: 'item', line: 0 }),
        missingSublist: thrown(() => so.getLineCount({ sublistId: 'nosuch' })).name,
        badLine: thrown(() => so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 5, value: w.refs.item })),
      };
    }).result;
    expect(out).toMatchObject({ found: 2, count: 2, first: String(w.refs.item), missingSublist: 'SSS_INVALID_SUBLIST_OPERATION' });
    expect(out.badLine.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
  });

  it('saves body subrecords and sublist subrecords and loads them back', () => {
    const [soId, customerId] = w.run(() => {
      const so = w.record.create({ type: 'salesorder' });
      so.setValue('entity', w.refs.customer);
      so.setValue('paymentmethod', w.refs.paymentMethod);
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 5 });
      const ship = so.getSubrecord({ fieldId: 'shippingaddress' });
      ship.setValue({ fieldId: 'country', value: 'US' });
      ship.setValue({ fieldId: 'addressee', value: 'Jane Buyer' });
      ship.setValue({ fieldId: 'zip', value: '94105' });
      const c = w.record.create({ type: 'customer' });
      c.setValue('isperson', true);
      c.setValue('firstname', 'Jane');
      c.setValue('lastname', 'Buyer');
      c.setSublistValue({ sublistId: 'addressbook', fieldId: 'defaultshipping', line: 0, value: true });
      c.getSublistSubrecord({ sublistId: 'addressbook', fieldId: 'addressbookaddress', line: 0 }).setValue('city', 'Austin');
      return [so.save(), c.save()];
    }).result;
    const loaded = w.run(() => {
      const so = w.record.load({ type: 'salesorder', id: soId as number });
      const c = w.record.load({ type: 'customer', id: customerId as number });
      return {
        addressee: so.getSubrecord({ fieldId: 'shippingaddress' }).getValue('addressee'),
        city: c.getSublistSubrecord({ sublistId: 'addressbook', fieldId: 'addressbookaddress', line: 0 }).getValue('city'),
        entityid: c.getValue('entityid'),
        notSub: thrown(() => so.getSubrecord({ fieldId: 'memo' })),
        subSave: thrown(() => so.getSubrecord({ fieldId: 'billingaddress' }).save()),
      };
    }).result;
    expect(loaded).toMatchObject({ addressee: 'Jane Buyer', city: 'Austin', entityid: 'Jane Buyer' });
    expect(loaded.notSub.name).toBe('FIELD_1_IS_NOT_A_SUBRECORD_FIELD');
    expect(loaded.subSave.name).toBe('SSS_INVALID_API_USAGE');
    expect(w.store.get('salesorder', soId as number)?.subrecords.shippingaddress).toEqual({
      type: 'address',
      fields: { country: 'US', addressee: 'Jane Buyer', zip: '94105' },
    });
  });

  it('setText resolves select display text; unknown text is rejected', () => {
    const out = w.run(() => {
      const so = w.record.create({ type: 'salesorder' });
      so.setText({ fieldId: 'location', text: 'Overflow' });
      so.setText({ fieldId: 'orderstatus', text: 'Pending Approval' });
      so.setText({ fieldId: 'trandate', text: '2/3/2026' });
      return {
        location: so.getValue('location'),
        status: so.getValue('orderstatus'),
        date: so.getText('trandate'),
        bad: thrown(() => so.setText({ fieldId: 'location', text: 'Nowhere' })),
      };
    }).result;
    expect(out).toMatchObject({ location: String(w.refs.location2), status: 'A', date: '2/3/2026' });
    expect(out.bad.name).toBe('INVALID_FLD_VALUE');
  });

  it('auto-numbers customers when autoname is checked, and copies records without identity', () => {
    const out = w.run(() => {
      const c = w.record.create({ type: 'customer', defaultValues: { autoname: true } });
      c.setValue('companyname', 'Numbered Inc');
      const id = c.save();
      const copy = w.record.copy({ type: 'customer', id });
      copy.setValue('autoname', true);
      const copyId = copy.save();
      return { id, copyId };
    }).result;
    expect(w.store.get('customer', out.id)?.fields.entityid).toBe('1001');
    expect(w.store.get('customer', out.copyId)?.fields).toMatchObject({ entityid: '1002', companyname: 'Numbered Inc' });
  });

  it('unknown record types and missing records are rejected with NetSuite names', () => {
    const out = w.run(() => ({
      type: thrown(() => w.record.create({ type: 'salesordr' })),
      missing: thrown(() => w.record.load({ type: 'salesorder', id: 999999 })),
      subrecordType: thrown(() => w.record.create({ type: 'address' })),
      noType: thrown(() => w.record.load({ type: '', id: 1 })),
    })).result;
    expect(out.type).toMatchObject({ name: 'INVALID_RCRD_TYPE', message: 'The record type [SALESORDR] is invalid.' });
    expect(out.missing).toMatchObject({ name: 'RCRD_DSNT_EXIST', message: 'That record does not exist.' });
    expect(out.subrecordType.name).toBe('INVALID_RCRD_TYPE');
    expect(out.noType.name).toBe('SSS_MISSING_REQD_ARGUMENT');
  });
});
