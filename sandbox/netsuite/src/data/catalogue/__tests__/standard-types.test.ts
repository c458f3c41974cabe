import { loadNetSuiteCatalogue } from '../../../../../../suiteapp/tools/netsuite-catalogue';
import { kindOf } from '../field-kinds';
import type { FieldFacts, Why } from '../overlay';
import { EMULATED_TYPES, JOIN_SOURCES, SEARCH_COLUMN_ALIASES } from '../overlay';
import { generateStandardTypes } from '../standard-types';

/** The emulator's standard record types come from NetSuite's records catalogue plus a sourced overlay. */
const catalogue = loadNetSuiteCatalogue();
const types = new Map(generateStandardTypes().map((t) => [t.id, t]));

function explained(why: Why): boolean {
  const text = 'source' in why ? why.source : why.assumption;
  return typeof text === 'string' && text.trim().length > 10;
}

describe('standard record types generated from the NetSuite catalogue', () => {
  it('has every body field, sublist and line field the catalogue lists (summary fields aside), with its label', () => {
    for (const [id, info] of types) {
      const data = catalogue.recordType(id)!;
      for (const f of data.fields.values()) {
        if (f.type === 'summary') continue;
        expect([id, f.id, info.fields[f.id]?.label]).toEqual([id, f.id, f.label || f.id]);
      }
      expect(Object.keys(info.fields).length).toBe([...data.fields.values()].filter((f) => f.type !== 'summary').length);
      expect(Object.keys(info.sublists).sort()).toEqual([...data.sublists.keys()].sort());
    }
    expect(types.get('salesorder')?.fields.shippingtax1amt).toBeUndefined();
    expect(types.get('salesorder')?.sublists.item?.fields.location?.kind).toBe('select');
  });

  it('maps NetSuite field types to emulator kinds and required flags to mandatory', () => {
    const so = types.get('salesorder')!;
    expect(so.fields.entity).toMatchObject({ kind: 'select', mandatory: true, selectTarget: 'customer', label: 'Customer' });
    expect(so.fields.trandate).toMatchObject({ kind: 'date', mandatory: true });
    expect(so.fields.email?.kind).toBe('email');
    expect(so.fields.discountrate?.kind).toBe('currency');
    expect(so.fields.total).toMatchObject({ kind: 'currency', readOnly: true });
    expect(so.subrecords).toEqual({ shippingaddress: 'address', billingaddress: 'address' });
    expect(types.get('customer')?.fields.isperson).toMatchObject({ kind: 'checkbox', tfRadio: true });
    expect(types.get('customer')?.sublists.addressbook?.subrecords).toEqual({ addressbookaddress: 'address' });
    expect(types.get('discountitem')?.fields.rate).toMatchObject({ mandatory: true });
    expect(() => kindOf('hologram', 'salesorder.x')).toThrow(
      'salesorder.x: NetSuite field type "hologram" has no emulator kind; add it to sandbox/netsuite/src/data/catalogue/field-kinds.ts.',
    );
  });

  it('carries search types and transform targets from the catalogue', () => {
    expect(types.get('salesorder')).toMatchObject({ searchType: 'transaction', transactionType: 'SalesOrd' });
    expect(types.get('salesorder')?.transformTargets).toEqual(expect.arrayContaining(['itemfulfillment', 'returnauthorization']));
    expect(types.get('itemfulfillment')).toMatchObject({ searchType: 'transaction', createOnlyByTransform: true });
    expect(types.get('inventoryitem')).toMatchObject({ searchType: 'item', isItem: true });
  });

  it('takes the account profile as a parameter (tax1amt exists with non-US legacy tax only)', () => {
    const vat = new Map(generateStandardTypes(['non-us-legacy-tax']).map((t) => [t.id, t]));
    expect(vat.get('salesorder')?.sublists.item?.fields.tax1amt?.kind).toBe('currency');
    expect(vat.get('salesorder')?.sublists.item?.fields.location).toBeUndefined();
    expect(types.get('salesorder')?.sublists.item?.fields.tax1amt).toBeUndefined();
  });

  it('explains every overlay fact, and each names a field the catalogue has in some account profile', () => {
    const catalogues = [catalogue, loadNetSuiteCatalogue({ profiles: ['non-us-legacy-tax'] }), loadNetSuiteCatalogue({ profiles: ['suitetax'] })];
    const facts: [string, string, string | undefined, FieldFacts][] = [];
    for (const [id, overlay] of Object.entries(EMULATED_TYPES)) {
      for (const [fieldId, f] of Object.entries(overlay.fields ?? {})) facts.push([id, fieldId, undefined, f]);
      for (const [sublistId, fields] of Object.entries(overlay.lines ?? {})) {
        for (const [fieldId, f] of Object.entries(fields)) facts.push([id, fieldId, sublistId, f]);
      }
      if (overlay.transactionType) expect(explained(overlay.transactionType.why)).toBe(true);
      if (overlay.createOnlyByTransform) expect(explained(overlay.createOnlyByTransform)).toBe(true);
      if (overlay.onlyWithProfile) expect(explained(overlay.onlyWithProfile)).toBe(true);
    }
    const shared = new Set<string>();
    for (const [id, fieldId, sublistId, f] of facts) {
      expect([id, fieldId, explained(f.why)]).toEqual([id, fieldId, true]);
      const exists = catalogues.some((c) => (sublistId ? c.hasSublistField(id, sublistId, fieldId) : c.hasBodyField(id, fieldId)));
      if (exists) shared.add(`${sublistId ?? ''}.${fieldId}`);
    }
    // Facts shared by several types may be absent from some; each must exist on at least one emulated type.
    for (const [, fieldId, sublistId] of facts) expect([fieldId, shared.has(`${sublistId ?? ''}.${fieldId}`)]).toEqual([fieldId, true]);
    for (const alias of Object.values(SEARCH_COLUMN_ALIASES).flatMap((a) => Object.values(a))) expect(explained(alias.why)).toBe(true);
    for (const join of Object.values(JOIN_SOURCES)) expect(explained(join.why)).toBe(true);
  });
});
