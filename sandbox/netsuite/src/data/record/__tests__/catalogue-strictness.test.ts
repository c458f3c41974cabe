import { buildNetSuiteCatalogue, readCatalogueFiles } from '../../../../../../suiteapp/tools/netsuite-catalogue';
import type { RecordsJson } from '../../../../../../suiteapp/tools/netsuite-catalogue-files';
import type { World } from './harness';
import { createWorld, thrown } from './harness';

/**
 * N/record refuses what NetSuite's records catalogue (suiteapp/reference/netsuite-records/) does not
 * list: unknown sublists, body and line fields, and transforms. NetSuite itself ignores unknown field
 * ids and answers -1 for an unknown sublist's line count: the emulator is stricter on purpose.
 */
function order(w: World) {
  const so = w.record.create({ type: 'salesorder' });
  so.setValue('entity', w.refs.customer);
  so.setValue('paymentmethod', w.refs.paymentMethod);
  so.setValue('location', w.refs.location);
  so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: w.refs.item });
  so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
  so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
  return so;
}

describe('N/record against the NetSuite records catalogue', () => {
  let w: World;
  beforeEach(() => {
    w = createWorld();
  });

  it('refuses a body field the record type does not have (a US order has no shippingtax1amt)', () => {
    const out = w.run(() => {
      const so = order(w);
      return {
        set: thrown(() => so.setValue({ fieldId: 'shippingtax1amt', value: 1.5 })),
        get: thrown(() => so.getValue({ fieldId: 'shippingtax1amt' })),
        text: thrown(() => so.getText({ fieldId: 'shippingtax1amt' })),
        real: so.getValue({ fieldId: 'shippingcost' }),
      };
    }).result;
    expect(out.set.name).toBe('EMULATOR_UNKNOWN_FIELD');
    expect(out.set.message).toContain('shippingtax1amt is not a field of salesorder in NetSuite\'s records catalogue (suiteapp/reference/netsuite-records/records.json (+ supplement.json))');
    expect(out.get.name).toBe('EMULATOR_UNKNOWN_FIELD');
    expect(out.text.name).toBe('EMULATOR_UNKNOWN_FIELD');
    expect(out.real).toBeNull();
  });

  it('refuses a line field the sublist does not have (tax1amt) with SSS_INVALID_SUBLIST_OPERATION', () => {
    const out = w.run(() => {
      const so = order(w);
      return {
        set: thrown(() => so.setSublistValue({ sublistId: 'item', fieldId: 'tax1amt', line: 0, value: 0.83 })),
        get: thrown(() => so.getSublistValue({ sublistId: 'item', fieldId: 'tax1amt', line: 0 })),
        find: thrown(() => so.findSublistLineWithValue({ sublistId: 'item', fieldId: 'tax1amt', value: 1 })),
      };
    }).result;
    for (const e of [out.set, out.get, out.find]) {
      expect(e.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
      expect(e.message).toContain('the item sublist of salesorder has no field tax1amt');
    }
  });

  it('refuses a sublist the record type does not have, in standard and dynamic mode', () => {
    const out = w.run(() => {
      const so = order(w);
      const dyn = w.record.create({ type: 'salesorder', isDynamic: true });
      return {
        count: thrown(() => so.getLineCount({ sublistId: 'package' })),
        set: thrown(() => so.setSublistValue({ sublistId: 'package', fieldId: 'packageweight', line: 0, value: 1 })),
        select: thrown(() => dyn.selectNewLine({ sublistId: 'package' })),
      };
    }).result;
    for (const e of [out.count, out.set, out.select]) {
      expect(e.name).toBe('SSS_INVALID_SUBLIST_OPERATION');
      expect(e.message).toContain('salesorder has no sublist package');
    }
  });

  it('has the item fulfillment sublists the supplement adds (item, package and the carrier package lists)', () => {
    const types = w.store.typeInfo('itemfulfillment');
    expect(Object.keys(types.sublists).sort()).toEqual(['item', 'package', 'packagefedex', 'packageups', 'packageusps']);
    expect(types.sublists.package?.fields.packagetrackingnumber?.kind).toBe('text');
    expect(types.sublists.packageups?.fields.packagetrackingnumberups?.kind).toBe('text');
  });

  it('refuses unknown ids in submitFields and in record.create defaultValues', () => {
    const out = w.run(() => ({
      submit: thrown(() => w.record.submitFields({ type: 'customer', id: w.refs.customer, values: { shippingtax1amt: 1 } })),
      create: thrown(() => w.record.create({ type: 'salesorder', defaultValues: { nosuchfield: 1 } })),
    })).result;
    expect(out.submit.name).toBe('EMULATOR_UNKNOWN_FIELD');
    expect(out.submit.message).toContain('shippingtax1amt is not a field of customer');
    expect(out.create.name).toBe('EMULATOR_UNKNOWN_FIELD');
  });

  it('says the emulator lacks a transform NetSuite allows, instead of claiming NetSuite refuses it', () => {
    const so = w.run(() => order(w).save()).result;
    const inv = w.run(() => w.record.transform({ fromType: 'salesorder', fromId: so, toType: 'invoice' }).save()).result;
    const e = w.run(() => thrown(() => w.record.transform({ fromType: 'invoice', fromId: inv, toType: 'returnauthorization' }))).result;
    expect(e.name).toBe('EMULATOR_UNSUPPORTED');
    expect(e.message).toContain('NetSuite transforms invoice into returnauthorization');
  });

  it('refuses a transform the catalogue does not list with INVALID_RCRD_TRANSFRM, even one the emulator implements', () => {
    const { records, supplement } = readCatalogueFiles();
    const planted: RecordsJson = {
      records: {
        ...records.records,
        salesorder: {
          ...records.records.salesorder!,
          transformTypes: records.records.salesorder!.transformTypes!.filter((t) => t.targetRecordType !== 'returnauthorization'),
        },
      },
    };
    const gap = createWorld({}, { netsuite: buildNetSuiteCatalogue(planted, supplement) });
    const so = gap.run(() => order(gap).save()).result;
    const e = gap.run(() => thrown(() => gap.record.transform({ fromType: 'salesorder', fromId: so, toType: 'returnauthorization' }))).result;
    expect(e).toMatchObject({
      name: 'INVALID_RCRD_TRANSFRM',
      message: 'That type of record transformation is not allowed. Please see the documentation for a list of supported transformation types',
    });
    const listed = w.run(() => order(w).save()).result;
    const ok = w.run(() => w.record.transform({ fromType: 'salesorder', fromId: listed, toType: 'returnauthorization' }).type).result;
    expect(ok).toBe('returnauthorization');
  });

  it('says a record type NetSuite has but the emulator does not run is unsupported, not invalid', () => {
    const out = w.run(() => ({
      employee: thrown(() => w.record.create({ type: 'employee' })),
      // In record.Type but not described by records.json: still NetSuite's, so unsupported, not invalid.
      service: thrown(() => w.record.create({ type: 'serviceitem' })),
      bogus: thrown(() => w.record.create({ type: 'nosuchtype' })),
    })).result;
    expect(out.employee.name).toBe('EMULATOR_UNSUPPORTED');
    expect(out.service.name).toBe('EMULATOR_UNSUPPORTED');
    expect(out.bogus).toMatchObject({ name: 'INVALID_RCRD_TYPE', message: 'The record type [NOSUCHTYPE] is invalid.' });
  });
});
