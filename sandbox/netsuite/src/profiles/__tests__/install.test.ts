import type { SdfField } from '../../../../../suiteapp/tools/sdf-model';
import { createCatalogue } from '../../data/catalogue';
import type { QueryModule } from '../../data/query/module';
import type { RecordModule } from '../../data/record/module';
import type { SearchModule } from '../../data/search/module';
import { NetSuiteEmulator } from '../../emulator';
import type { AccountProfile } from '../account-profile';
import { UK_VAT, US_ONEWORLD, US_SUITETAX } from '../account-profile';
import { InstallationError, missingRequiredFeatures } from '../account-types';
import { FEATURE } from '../features';
import type { ProfileWorld } from './profile-harness';
import { SUITEAPP_PROJECT, startProfile } from './profile-harness';

/**
 * Installing the SuiteApp as NetSuite does: in an account without a feature, the record types and
 * fields that need it do not exist — the custom record fields that select subsidiaries, departments or
 * classes, the standard subsidiary/currency/location/department/class fields, the line location
 * without Multi-Location Inventory — so record, search and SuiteQL access to them fails.
 */

describe('installing into a UK account without OneWorld, Multiple Currencies, Multi-Location Inventory, Departments or Classes', () => {
  let w: ProfileWorld;
  let record: RecordModule;
  beforeAll(async () => {
    w = await startProfile('uk-vat');
    record = w.module<RecordModule>('N/record');
  });
  afterAll(async () => {
    await w.ns.stop();
  });

  it('has no subsidiary, department or classification records', () => {
    for (const type of ['subsidiary', 'department', 'classification']) {
      const e = w.refusal(() => record.create({ type }));
      expect([type, e.name]).toEqual([type, 'INVALID_RCRD_TYPE']);
      expect(e.message).toContain(
        `The record type [${type.toUpperCase()}] is invalid: this account does not have it`,
      );
    }
    expect(w.refusal(() => record.create({ type: 'subsidiary' })).message).toContain(
      'OneWorld (SUBSIDIARIES)',
    );
  });

  it("removed the shop record's subsidiary, department and class fields at install, and kept its location fields", () => {
    const shop = w.ns.store.typeInfo('customrecord_tts_shop');
    expect(Object.keys(shop.fields)).not.toEqual(expect.arrayContaining(['custrecord_tts_shop_subsidiary']));
    for (const id of [
      'custrecord_tts_shop_subsidiary',
      'custrecord_tts_shop_department',
      'custrecord_tts_shop_class',
    ]) {
      expect(shop.fields[id]).toBeUndefined();
    }
    expect(shop.fields.custrecord_tts_shop_location?.selectTarget).toBe('location');
    const e = w.refusal(() =>
      record
        .create({ type: 'customrecord_tts_shop' })
        .setValue({ fieldId: 'custrecord_tts_shop_subsidiary', value: 1 }),
    );
    expect(e.name).toBe('INVALID_FLD_VALUE');
    expect(e.message).toContain(
      'does not exist on customrecord_tts_shop records in this account: NetSuite did not install it, because NetSuite has it only with OneWorld (SUBSIDIARIES)',
    );
  });

  it('refuses SuiteQL and search that read a removed field', () => {
    const query = w.module<QueryModule>('N/query');
    const search = w.module<SearchModule>('N/search');
    const sql = w.refusal(() =>
      query.runSuiteQL({ query: 'SELECT id, custrecord_tts_shop_subsidiary FROM customrecord_tts_shop' }),
    );
    expect(sql.message).toMatch(/custrecord_tts_shop_subsidiary/);
    const col = w.refusal(() =>
      search
        .create({ type: 'salesorder', columns: ['subsidiary'] })
        .run()
        .getRange({ start: 0, end: 1 }),
    );
    expect(col.name).toBe('SSS_INVALID_SRCH_COL');
    const custom = w.refusal(() =>
      search
        .create({ type: 'customrecord_tts_shop', columns: ['custrecord_tts_shop_department'] })
        .run()
        .getRange({ start: 0, end: 1 }),
    );
    expect(custom.message).toContain('custrecord_tts_shop_department');
  });

  it('has no subsidiary, currency, department or class on sales orders and customers, and no line location', () => {
    const so = w.run(() => record.create({ type: 'salesorder' }));
    for (const fieldId of ['subsidiary', 'currency', 'exchangerate', 'department', 'class']) {
      const e = w.refusal(() => so.setValue({ fieldId, value: 1 }));
      expect([fieldId, e.name]).toEqual([fieldId, 'EMULATOR_UNKNOWN_FIELD']);
    }
    expect(w.refusal(() => so.setValue({ fieldId: 'currency', value: 1 })).message).toContain(
      'Multiple Currencies (MULTICURRENCY), which is not enabled (account profile uk-vat)',
    );
    expect(
      w.run(() =>
        so.setValue({ fieldId: 'location', value: w.account.locationIds.main }).getValue('location'),
      ),
    ).toBe(String(w.account.locationIds.main));
    const line = w.refusal(() =>
      so.setSublistValue({ sublistId: 'item', fieldId: 'location', line: 0, value: 1 }),
    );
    expect([line.name, line.message]).toEqual([
      'SSS_INVALID_SUBLIST_OPERATION',
      expect.stringContaining('Multi-Location Inventory (MULTILOCINVT)'),
    ]);
    const customer = w.run(() => record.create({ type: 'customer' }));
    expect(w.refusal(() => customer.setValue({ fieldId: 'subsidiary', value: 1 })).name).toBe(
      'EMULATOR_UNKNOWN_FIELD',
    );
    expect(w.refusal(() => customer.getLineCount({ sublistId: 'currency' })).message).toContain(
      'has no sublist currency in this account',
    );
  });

  it('keeps one company-wide quantity per item (no Locations sublist): orders commit it and fulfilments ship it', () => {
    const item = w.ns.store.get('inventoryitem', w.account.itemIds['SKU-A']!)!;
    expect(item.sublists.locations).toEqual([
      { fields: expect.objectContaining({ location: '', quantityonhand: 10 }) },
    ]);
    expect(
      w.refusal(() =>
        record.load({ type: 'inventoryitem', id: item.id }).getLineCount({ sublistId: 'locations' }),
      ).name,
    ).toBe('SSS_INVALID_SUBLIST_OPERATION');
    const so = w.ns.seed.record(
      'salesorder',
      {
        entity: w.account.customerId,
        paymentmethod: w.account.paymentMethodIds['Credit Card'],
        location: w.account.locationIds.main,
      },
      { item: [{ item: item.id, quantity: 3, rate: 5, taxcode: w.account.taxCodeIds.Z }] },
    );
    expect(w.ns.store.get('salesorder', so)?.sublists.item?.[0]?.fields).toMatchObject({
      quantitycommitted: 3,
      quantitybackordered: 0,
    });
    const fulfilment = w.ns.seed.service.transform({
      fromType: 'salesorder',
      fromId: so,
      toType: 'itemfulfillment',
    });
    w.ns.seed.service.save(fulfilment, {});
    expect(w.ns.store.get('inventoryitem', item.id)?.sublists.locations?.[0]?.fields).toMatchObject({
      quantityonhand: 7,
      quantitycommitted: 0,
    });
  });
});

describe('tax fields follow the account tax set-up', () => {
  it.each([
    [
      'us-oneworld',
      { body: ['taxitem', 'taxrate', 'istaxable'], lines: ['istaxable'] },
      { body: ['taxdetailsoverride'], lines: ['taxcode', 'tax1amt', 'grossamt'], sublists: ['taxdetails'] },
    ],
    [
      'uk-vat',
      { body: [], lines: ['taxcode', 'taxrate1', 'tax1amt', 'grossamt'] },
      {
        body: ['taxitem', 'taxrate', 'istaxable', 'taxdetailsoverride'],
        lines: ['istaxable'],
        sublists: ['taxdetails'],
      },
    ],
    [
      'us-suitetax',
      { body: ['taxdetailsoverride'], lines: ['taxdetailsreference', 'grossamt'] },
      { body: ['taxitem', 'taxrate', 'istaxable'], lines: ['istaxable', 'taxcode', 'tax1amt'], sublists: [] },
    ],
  ])('%s', async (id, has, lacks) => {
    const w = await startProfile(id);
    try {
      const so = w.ns.store.typeInfo('salesorder');
      const item = so.sublists.item!.fields;
      expect(has.body.filter((f) => !so.fields[f])).toEqual([]);
      expect(has.lines.filter((f) => !item[f])).toEqual([]);
      expect(lacks.body.filter((f) => so.fields[f])).toEqual([]);
      expect(lacks.lines.filter((f) => item[f])).toEqual([]);
      expect(lacks.sublists.filter((s) => so.sublists[s])).toEqual([]);
      expect(Boolean(so.sublists.taxdetails)).toBe(id === 'us-suitetax');
    } finally {
      await w.ns.stop();
    }
  });
});

describe('install refusals', () => {
  function shopWith(field: Partial<SdfField>) {
    return {
      customRecords: [
        {
          scriptid: 'customrecord_x',
          recordname: 'X',
          enableoptimisticlocking: true,
          includename: true,
          file: 'customrecord_x.xml',
          fields: [
            {
              kind: 'customrecordcustomfield',
              scriptid: 'custrecord_x_sub',
              fieldtype: 'SELECT',
              label: 'Subsidiary',
              mandatory: false,
              appliesTo: [],
              file: 'customrecord_x.xml',
              selectrecordtype: '-117',
              ...field,
            } as SdfField,
          ],
        },
      ],
      standaloneFields: [],
      customLists: [],
    };
  }

  it('fails to install a mandatory custom record Subsidiary field without OneWorld, and removes an optional one', () => {
    expect(() => createCatalogue(shopWith({ mandatory: true }), { account: UK_VAT })).toThrow(
      InstallationError,
    );
    expect(() => createCatalogue(shopWith({ mandatory: true }), { account: UK_VAT })).toThrow(
      'customrecord_x.custrecord_x_sub is a mandatory field that selects subsidiaries',
    );
    expect(
      createCatalogue(shopWith({ mandatory: true }), { account: US_ONEWORLD }).find('customrecord_x')?.fields
        .custrecord_x_sub,
    ).toBeDefined();
    expect(
      createCatalogue(shopWith({}), { account: UK_VAT }).find('customrecord_x')?.fields.custrecord_x_sub,
    ).toBeUndefined();
    expect(
      createCatalogue(shopWith({ selectrecordtype: '-102', mandatory: true }), { account: US_SUITETAX }).find(
        'customrecord_x',
      )?.fields.custrecord_x_sub,
    ).toBeDefined();
  });

  it("refuses to start an account that lacks a feature the SuiteApp's manifest requires", async () => {
    const noScripting: AccountProfile = {
      ...UK_VAT,
      id: 'no-scripting',
      features: UK_VAT.features.filter((f) => f !== FEATURE.SERVERSIDESCRIPTING),
    };
    expect(
      missingRequiredFeatures(
        {
          features: [
            { name: 'SERVERSIDESCRIPTING', required: true },
            { name: 'SUBSIDIARIES', required: false },
          ],
        },
        noScripting,
      ),
    ).toEqual(['SERVERSIDESCRIPTING']);
    await expect(
      NetSuiteEmulator.start({ projectRoot: SUITEAPP_PROJECT, profile: noScripting }),
    ).rejects.toThrow(
      'The SuiteApp cannot be installed in this account (account profile no-scripting): its manifest requires SERVERSIDESCRIPTING, which the account does not have enabled.',
    );
  });

  it('installs the SuiteApp in an account without Locations: no location records, fields or demo seed', async () => {
    const noLocations: AccountProfile = {
      ...UK_VAT,
      id: 'no-locations',
      features: UK_VAT.features.filter((f) => f !== FEATURE.LOCATIONS),
    };
    const ns = await NetSuiteEmulator.start({ projectRoot: SUITEAPP_PROJECT, profile: noLocations });
    try {
      expect(ns.store.hasType('location')).toBe(false);
      const shop = ns.store.typeInfo('customrecord_tts_shop');
      expect(
        [
          'custrecord_tts_shop_location',
          'custrecord_tts_shop_loc_filter',
          'custrecord_tts_shop_fbt_location',
        ].filter((f) => shop.fields[f]),
      ).toEqual([]);
      expect(
        ns.store.typeInfo('customrecord_tts_warehouse').fields.custrecord_tts_wh_location,
      ).toBeUndefined();
      expect(ns.store.typeInfo('salesorder').fields.location).toBeUndefined();
    } finally {
      await ns.stop();
    }
  });
});
