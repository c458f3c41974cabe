import type { NetSuiteCatalogue } from '../../../../../../suiteapp/tools/netsuite-catalogue';
import { loadNetSuiteCatalogue } from '../../../../../../suiteapp/tools/netsuite-catalogue';
import type {
  FieldInfo,
  FieldKind,
  FieldValue,
  RecordReader,
  RecordTypeInfo,
  StoredLine,
  StoredRecord,
  SublistInfo,
} from '../../store-types';

/** A small in-memory RecordReader with a TikTok-connector-shaped catalogue, for search/query tests. */

function f(id: string, kind: FieldKind, selectTarget?: string): FieldInfo {
  return { id, kind, label: id, mandatory: false, ...(selectTarget ? { selectTarget } : {}) };
}

function fields(list: FieldInfo[]): Record<string, FieldInfo> {
  return Object.fromEntries(list.map((x) => [x.id, x]));
}

function sublist(id: string, list: FieldInfo[]): SublistInfo {
  return { id, fields: fields(list) };
}

function type(
  id: string,
  category: RecordTypeInfo['category'],
  body: FieldInfo[],
  extra: Partial<RecordTypeInfo> = {},
): RecordTypeInfo {
  return {
    id,
    category,
    externalIdGroup: id,
    optimisticLocking: false,
    custom: id.startsWith('customrecord'),
    fields: fields(body),
    sublists: {},
    subrecords: {},
    ...extra,
  };
}

const itemLine = sublist('item', [
  f('item', 'select', 'item'),
  f('quantity', 'float'),
  f('rate', 'currency'),
  f('amount', 'currency'),
  f('location', 'select', 'location'),
  f('isclosed', 'checkbox'),
  f('quantityfulfilled', 'float'),
  f('custcol_tts_line_ids', 'textarea'),
]);

const txBody = [
  f('tranid', 'text'),
  f('trandate', 'date'),
  f('entity', 'select', 'customer'),
  f('memo', 'text'),
  f('otherrefnum', 'text'),
  f('location', 'select', 'location'),
  f('total', 'currency'),
  f('custbody_tts_order_id', 'text'),
  f('custbody_tts_shop', 'select', 'customrecord_tts_shop'),
];

const locationsLine = sublist('locations', [
  f('location', 'select', 'location'),
  f('quantityonhand', 'float'),
  f('quantityavailable', 'float'),
  f('quantitycommitted', 'float'),
  f('quantitybackordered', 'float'),
]);

const itemBody = [
  f('itemid', 'text'),
  f('displayname', 'text'),
  f('isinactive', 'checkbox'),
  f('custitem_tts_sku', 'text'),
];

export const CATALOGUE: RecordTypeInfo[] = [
  type('salesorder', 'transaction', [...txBody, f('orderstatus', 'select', 'list:A,B')], {
    transactionType: 'SalesOrd',
    sublists: { item: itemLine },
    externalIdGroup: 'transaction',
  }),
  type('itemfulfillment', 'transaction', [...txBody, f('createdfrom', 'select', 'transaction')], {
    transactionType: 'ItemShip',
    sublists: { item: itemLine },
    externalIdGroup: 'transaction',
  }),
  type('customer', 'other', [
    f('entityid', 'text'),
    f('companyname', 'text'),
    f('email', 'email'),
    f('isinactive', 'checkbox'),
  ]),
  type('inventoryitem', 'other', itemBody, { isItem: true, sublists: { locations: locationsLine } }),
  type('shipitem', 'other', itemBody, { isItem: true }),
  type('location', 'other', [f('name', 'text'), f('isinactive', 'checkbox')]),
  type('paymentmethod', 'other', [f('name', 'text'), f('isinactive', 'checkbox')]),
  type('customrecord_tts_shop', 'custom', [
    f('name', 'text'),
    f('isinactive', 'checkbox'),
    f('custrecord_tts_shop_id', 'text'),
    f('custrecord_tts_shop_push_orders', 'checkbox'),
    f('custrecord_tts_shop_loc_filter', 'multiselect', 'location'),
    f('custrecord_tts_shop_customer', 'select', 'customer'),
  ]),
  type('customrecord_tts_order', 'custom', [
    f('name', 'text'),
    f('isinactive', 'checkbox'),
    f('custrecord_tts_ord_shop', 'select', 'customrecord_tts_shop'),
    f('custrecord_tts_ord_order_id', 'text'),
    f('custrecord_tts_ord_state', 'text'),
    f('custrecord_tts_ord_update_time', 'integer'),
    f('custrecord_tts_ord_sales_order', 'select', 'salesorder'),
  ]),
];

const NAME_FIELDS = ['tranid', 'entityid', 'itemid', 'name'];

export function familyOf(info: RecordTypeInfo): 'transaction' | 'item' | 'entity' | 'custom' | 'other' {
  if (info.category === 'transaction') return 'transaction';
  if (info.isItem) return 'item';
  if (info.custom) return 'custom';
  return info.id === 'customer' ? 'entity' : 'other';
}

export class MemoryReader implements RecordReader {
  /** NetSuite's records catalogue (US legacy tax, multi-location): the search columns that exist. */
  schema(): NetSuiteCatalogue {
    return loadNetSuiteCatalogue();
  }

  private readonly catalogue = new Map<string, RecordTypeInfo>();
  private readonly records = new Map<number, StoredRecord>();
  private nextId = 1;

  constructor(types: RecordTypeInfo[] = CATALOGUE) {
    for (const t of types) this.catalogue.set(t.id, t);
  }

  addType(info: RecordTypeInfo): void {
    this.catalogue.set(info.id, info);
  }

  add(
    type: string,
    values: Record<string, FieldValue>,
    options: { externalId?: string; lines?: Array<Record<string, FieldValue>>; sublist?: string; id?: number } = {},
  ): StoredRecord {
    const id = options.id ?? this.nextId++;
    this.nextId = Math.max(this.nextId, id + 1);
    const lines: StoredLine[] = (options.lines ?? []).map((fieldsOfLine) => ({ fields: fieldsOfLine }));
    const record: StoredRecord = {
      type,
      id,
      externalId: options.externalId ?? null,
      version: 1,
      fields: values,
      sublists: lines.length > 0 ? { [options.sublist ?? 'item']: lines } : {},
      subrecords: {},
      createdAt: '2026-01-10T08:00:00.000Z',
      lastModified: '2026-01-12T09:30:00.000Z',
    };
    this.records.set(id, record);
    return record;
  }

  typeInfo(type: string): RecordTypeInfo {
    const info = this.catalogue.get(type);
    if (!info) throw new Error(`unknown type ${type}`);
    return info;
  }

  hasType(type: string): boolean {
    return this.catalogue.has(type);
  }

  types(): RecordTypeInfo[] {
    return [...this.catalogue.values()];
  }

  get(type: string, id: number): StoredRecord | null {
    const r = this.records.get(id);
    return r && r.type === type ? r : null;
  }

  getAny(family: 'item' | 'transaction' | 'entity', id: number): StoredRecord | null {
    const r = this.records.get(id);
    if (!r) return null;
    const fam = familyOf(this.typeInfo(r.type));
    return fam === family ? r : null;
  }

  all(type: string): StoredRecord[] {
    return [...this.records.values()].filter((r) => r.type === type);
  }

  allRecords(): StoredRecord[] {
    return [...this.records.values()];
  }

  findByExternalId(type: string, externalId: string): StoredRecord | null {
    return this.all(type).find((r) => r.externalId === externalId) ?? null;
  }

  displayText(target: string, id: string): string {
    if (target.startsWith('list:')) return id;
    const r = this.records.get(Number(id));
    if (!r) return '';
    for (const name of NAME_FIELDS) {
      const v = r.fields[name];
      if (typeof v === 'string' && v) return v;
    }
    return String(r.id);
  }
}

/** Customers 1-2, locations 3-4, items 5-7, shop 8, sales orders 9-11, fulfillment 12, inbox 13. */
export function seedReader(): MemoryReader {
  const r = new MemoryReader();
  r.add('customer', { entityid: 'Alice Buyer', companyname: 'Alice Co', email: 'alice@example.com', isinactive: false });
  r.add('customer', { entityid: 'Bob Buyer', companyname: '', email: 'bob@example.com', isinactive: true });
  r.add('location', { name: 'Main Warehouse', isinactive: false });
  r.add('location', { name: 'East DC', isinactive: false });
  r.add(
    'inventoryitem',
    { itemid: 'SKU-RED', displayname: 'Red Shirt', isinactive: false, custitem_tts_sku: 'TT-RED' },
    {
      sublist: 'locations',
      lines: [
        { location: '3', quantityonhand: 10, quantityavailable: 8, quantitycommitted: 2, quantitybackordered: 0 },
        { location: '4', quantityonhand: 5, quantityavailable: 5, quantitycommitted: 0, quantitybackordered: 1 },
      ],
    },
  );
  r.add(
    'inventoryitem',
    { itemid: 'SKU-BLUE', displayname: 'Blue Shirt', isinactive: false, custitem_tts_sku: null },
    {
      sublist: 'locations',
      lines: [
        { location: '3', quantityonhand: 0, quantityavailable: 0, quantitycommitted: 0, quantitybackordered: 3 },
      ],
    },
  );
  r.add('shipitem', { itemid: 'Ground', displayname: 'Ground Shipping', isinactive: false });
  r.add('customrecord_tts_shop', {
    name: 'US Shop',
    isinactive: false,
    custrecord_tts_shop_id: '7001',
    custrecord_tts_shop_push_orders: true,
    custrecord_tts_shop_loc_filter: ['3', '4'],
    custrecord_tts_shop_customer: '1',
  });
  r.add(
    'salesorder',
    {
      tranid: 'SO-1',
      trandate: '2026-01-05',
      entity: '1',
      memo: 'first',
      otherrefnum: 'TT-100',
      location: '3',
      total: 30,
      custbody_tts_order_id: '100',
      custbody_tts_shop: '8',
      orderstatus: 'B',
    },
    {
      externalId: 'tts_7001_100',
      lines: [
        { item: '5', quantity: 2, rate: 10, amount: 20, location: '3', isclosed: false, custcol_tts_line_ids: 'a,b' },
        { item: '7', quantity: 1, rate: 10, amount: 10, location: '3', isclosed: false },
      ],
    },
  );
  r.add(
    'salesorder',
    {
      tranid: 'SO-2',
      trandate: '2026-01-10',
      entity: '2',
      memo: 'Second Order',
      otherrefnum: 'TT-200',
      location: '4',
      total: 15.5,
      custbody_tts_order_id: '200',
      custbody_tts_shop: '8',
      orderstatus: 'A',
    },
    {
      externalId: 'tts_7001_200',
      lines: [{ item: '6', quantity: 1, rate: 15.5, amount: 15.5, location: '4', isclosed: true }],
    },
  );
  r.add(
    'salesorder',
    { tranid: 'SO-3', trandate: '2026-01-15', entity: '1', memo: '', total: 0, orderstatus: 'B' },
    { lines: [] },
  );
  r.add(
    'itemfulfillment',
    { tranid: 'IF-1', trandate: '2026-01-06', entity: '1', createdfrom: '9', custbody_tts_shop: '8' },
    { lines: [{ item: '5', quantity: 2, location: '3' }] },
  );
  r.add('customrecord_tts_order', {
    name: 'order 100',
    custrecord_tts_ord_shop: '8',
    custrecord_tts_ord_order_id: '100',
    custrecord_tts_ord_state: 'imported',
    custrecord_tts_ord_update_time: 1767600000,
    custrecord_tts_ord_sales_order: '9',
  });
  return r;
}
