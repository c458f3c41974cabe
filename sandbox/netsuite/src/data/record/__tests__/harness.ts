import type { AccountMatrixOption } from '../../catalogue/matrix-options';
import type { SdfField, SdfProject } from '../../../../../../suiteapp/tools/sdf-model';
import { TestClock } from '../../../../../../test/support/test-clock';
import type { Invocation } from '../../../context';
import { createInvocation, runInvocation } from '../../../context';
import type { GovernedInvocation } from '../../../governance';
import type { AccountProfile, NetSuiteCatalogue } from '../../../../../../suiteapp/tools/netsuite-catalogue';
import { createCatalogue } from '../../catalogue';
import type { Seed } from '../../seed';
import { createSeed } from '../../seed';
import { RecordStore } from '../../store';
import type { RecordModule } from '../module';
import { createRecordModule } from '../module';
import type { Preferences } from '../preferences';
import { resolvePreferences } from '../preferences';

/** A real in-memory store with a small SDF project (custom records and fields as in docs/contracts.md). */
function sdfField(partial: Partial<SdfField> & Pick<SdfField, 'kind' | 'scriptid' | 'fieldtype'>): SdfField {
  return { label: partial.scriptid, mandatory: false, appliesTo: [], file: 'fixture.xml', ...partial };
}

export const FIXTURE_PROJECT: Pick<SdfProject, 'customRecords' | 'standaloneFields' | 'customLists'> = {
  customRecords: [
    {
      scriptid: 'customrecord_tts_shop',
      recordname: 'TikTok Shop',
      enableoptimisticlocking: true,
      includename: true,
      file: 'customrecord_tts_shop.xml',
      fields: [
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_shop_id', fieldtype: 'TEXT', label: 'Shop ID', mandatory: true }),
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_shop_push_orders', fieldtype: 'CHECKBOX', defaultchecked: true }),
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_shop_loc_filter', fieldtype: 'MULTISELECT', selectrecordtype: '-103' }),
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_shop_customer', fieldtype: 'SELECT', selectrecordtype: '-2' }),
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_shop_ship_item', fieldtype: 'SELECT', selectrecordtype: '-10' }),
      ],
    },
    {
      scriptid: 'customrecord_tts_order',
      recordname: 'TikTok Order',
      enableoptimisticlocking: false,
      includename: false,
      file: 'customrecord_tts_order.xml',
      fields: [
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_ord_shop', fieldtype: 'SELECT', selectrecordtype: 'customrecord_tts_shop', mandatory: true, label: 'Shop' }),
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_ord_order_id', fieldtype: 'TEXT', mandatory: true, label: 'TikTok Order ID' }),
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_ord_update_time', fieldtype: 'INTEGER' }),
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_ord_sales_order', fieldtype: 'SELECT', selectrecordtype: '-30' }),
        sdfField({ kind: 'customrecordcustomfield', scriptid: 'custrecord_tts_ord_state', fieldtype: 'TEXT', defaultvalue: 'pending' }),
      ],
    },
  ],
  standaloneFields: [
    sdfField({ kind: 'transactionbodycustomfield', scriptid: 'custbody_tts_order_id', fieldtype: 'TEXT', appliesTo: ['sale'] }),
    sdfField({ kind: 'transactionbodycustomfield', scriptid: 'custbody_tts_shop', fieldtype: 'SELECT', selectrecordtype: 'customrecord_tts_shop', appliesTo: ['sale'] }),
    sdfField({ kind: 'transactioncolumncustomfield', scriptid: 'custcol_tts_line_ids', fieldtype: 'TEXTAREA', appliesTo: ['sale'] }),
    sdfField({ kind: 'itemcustomfield', scriptid: 'custitem_tts_sku', fieldtype: 'TEXT' }),
  ],
  customLists: [
    { scriptid: 'customlist_tts_level', name: 'TTS Log Level', file: 'customlist_tts_level.xml', values: [{ scriptid: 'val_info', value: 'info' }, { scriptid: 'val_error', value: 'error' }] },
  ],
};

export interface World {
  clock: TestClock;
  /** The account's preferences: change them between operations as an administrator would. */
  preferences: Preferences;
  store: RecordStore;
  seed: Seed;
  record: RecordModule;
  /** Run `fn` inside a script invocation (default: a RESTlet, 5,000 units) and return its result and meter. */
  run<T>(fn: () => T, kind?: GovernedInvocation): { result: T; invocation: Invocation };
  /** Common reference data: a location with stock, a payment method, a customer, two items. */
  refs: { location: number; location2: number; paymentMethod: number; customer: number; item: number; item2: number; shipItem: number; discountItem: number };
}

/**
 * A world for the account `profiles` (default: US legacy tax with Multi-Location Inventory), or over a
 * given NetSuite records catalogue (`netsuite`, for tests that plant a gap in it).
 */
export function createWorld(
  overrides: Partial<Preferences> = {},
  catalogue: {
    profiles?: readonly AccountProfile[];
    netsuite?: NetSuiteCatalogue;
    matrixOptions?: readonly AccountMatrixOption[];
  } = {},
): World {
  const clock = new TestClock('2026-01-15T12:00:00Z');
  const store = new RecordStore({ dbPath: ':memory:', catalogue: createCatalogue(FIXTURE_PROJECT, catalogue), clock });
  const preferences = resolvePreferences(overrides);
  const seed = createSeed(store, preferences);
  const record = createRecordModule({ store, preferences });
  const location = seed.location('Main Warehouse');
  const location2 = seed.location('Overflow');
  const refs = {
    location,
    location2,
    paymentMethod: seed.paymentMethod('TikTok Shop Payment'),
    customer: seed.customer({ companyname: 'TikTok Buyer' }),
    item: seed.inventoryItem({ itemid: 'SKU-RED', quantities: { [location]: 10 } }),
    item2: seed.inventoryItem({ itemid: 'SKU-BLUE', quantities: { [location]: 2 } }),
    shipItem: seed.shipItem('Standard Shipping'),
    discountItem: seed.discountItem('TikTok Discount'),
  };
  const run = <T>(fn: () => T, kind: GovernedInvocation = 'restlet') => {
    const invocation = createInvocation({
      kind,
      scriptId: 'customscript_test',
      deploymentId: 'customdeploy_test',
      scriptType: 'RESTLET',
      startedAt: new Date(clock.now()),
    });
    return { result: runInvocation(invocation, fn), invocation };
  };
  return { clock, preferences, store, seed, record, run, refs };
}

/** The error a call throws (fails the test when it does not throw). */
export function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected the call to throw');
}
