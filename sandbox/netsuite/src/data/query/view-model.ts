/**
 * The SuiteQL tables the emulator offers, as SQLite views over `records(doc)` (json_extract):
 * `transaction`, `transactionline`, `item`, `aggregateitemlocation` (+ `inventoryitemlocations`),
 * transaction and transaction line links, tracking numbers (`trackingnumber`, `trackingnumbermap`,
 * `linkedtrackingnumbermap`), item prices (`pricing`, pricing-view.ts), and one view per other record type (`customer`, `location`,
 * `paymentmethod`, `customrecord_*`).
 * Checkboxes read 'T'/'F', selects read the internal id as an integer, multiselects `'1, 2'`,
 * dates ISO `YYYY-MM-DD` inside SQL (printed in the account format on the way out).
 */
import type { FieldInfo, FieldKind, RecordTypeInfo } from '../store-types';
import { isItemType, isTransactionType, typeCode } from '../search/type-codes';
import { pricingView } from './pricing-view';

export interface ViewColumn {
  name: string;
  kind: FieldKind;
  /** What BUILTIN.DF resolves against: a select target, `@type` for type codes, `@status` for transaction status. */
  target?: string;
}

export interface ViewDef {
  name: string;
  columns: ViewColumn[];
  sql: string;
}

const SAFE_ID = /^[a-z][a-z0-9_]*$/;

/** Transaction types whose lines NetSuite stores with negative quantity and amount (sales side). */
const NEGATIVE_LINE_TYPES = ['SalesOrd', 'ItemShip', 'CashSale', 'CustInvc'];

/** A SQL string literal. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function valueSql(source: string, field: FieldInfo): string {
  const raw = `json_extract(${source}, '$.fields.${field.id}')`;
  switch (field.kind) {
    case 'checkbox':
      return `CASE WHEN ${raw} = 1 OR ${raw} = 'T' THEN 'T' ELSE 'F' END`;
    case 'select':
      return field.selectTarget && !field.selectTarget.startsWith('list:')
        ? `CAST(NULLIF(${raw}, '') AS INTEGER)`
        : raw;
    case 'multiselect':
      return `ns_multi(${raw})`;
    default:
      return raw;
  }
}

function column(field: FieldInfo): ViewColumn {
  return { name: field.id, kind: field.kind, ...(field.selectTarget ? { target: field.selectTarget } : {}) };
}

/** Union of fields over types, first definition wins; fields already named in `taken` are skipped. */
function unionFields(defs: Array<Record<string, FieldInfo>>, taken: Set<string>): FieldInfo[] {
  const out: FieldInfo[] = [];
  for (const fields of defs) {
    for (const field of Object.values(fields)) {
      if (!SAFE_ID.test(field.id) || taken.has(field.id)) continue;
      taken.add(field.id);
      out.push(field);
    }
  }
  return out;
}

function typeList(types: RecordTypeInfo[]): string {
  return types.length === 0 ? "''" : types.map((t) => quote(t.id)).join(', ');
}

function typeCodeCase(types: RecordTypeInfo[]): string {
  if (types.length === 0) return 'NULL';
  return `CASE r.type ${types.map((t) => `WHEN ${quote(t.id)} THEN ${quote(typeCode(t))}`).join(' ')} END`;
}

interface Fixed {
  col: ViewColumn;
  sql: string;
}

function bodyView(name: string, types: RecordTypeInfo[], fixed: Fixed[], hidden: readonly string[] = []): ViewDef {
  const taken = new Set([...fixed.map((f) => f.col.name), ...hidden]);
  const fields = unionFields(
    types.map((t) => t.fields),
    taken,
  );
  const selects = [
    ...fixed.map((f) => `${f.sql} AS "${f.col.name}"`),
    ...fields.map((f) => `${valueSql('r.doc', f)} AS "${f.id}"`),
  ];
  return {
    name,
    columns: [...fixed.map((f) => f.col), ...fields.map(column)],
    sql: `SELECT ${selects.join(', ')} FROM records r WHERE r.type IN (${typeList(types)})`,
  };
}

const idCol: Fixed = { col: { name: 'id', kind: 'integer' }, sql: 'r.id' };
const extCol: Fixed = { col: { name: 'externalid', kind: 'text' }, sql: 'r.external_id' };

/**
 * Transaction body fields SuiteQL does not offer, though records have them: `createdfrom` (read it
 * from `transactionline`), the item fulfillment's `shipstatus` (read `status`), and tracking numbers
 * (read `trackingnumbermap` / `linkedtrackingnumbermap`). Public SuiteQL clients measured this on live
 * accounts: "`createdfrom` isn't queryable ... transaction.shipstatus 500s, so read transaction.status",
 * "NetSuite exposes these ONLY via the TrackingNumberMap join (transaction.trackingnumbers /
 * linkedtrackingnumbers are not queryable fields — both fail as unknown identifiers)"; SuiteQL guides
 * for AI agents repeat "transaction.createdfrom (Field DOES NOT EXIST on header table!)".
 */
const NOT_IN_TRANSACTION_TABLE = ['createdfrom', 'shipstatus', 'trackingnumbers', 'linkedtrackingnumbers', 'returntrackingnumbers'];

/** Line fields the `transactionline` table does not offer: the fulfillment line's `orderline` ("transactionline.orderline" is listed as absent in public SuiteQL notes; link lines with NextTransactionLineLink). */
const NOT_IN_TRANSACTION_LINE_TABLE = ['orderline'];

function transactionView(types: RecordTypeInfo[]): ViewDef {
  return bodyView('transaction', types, [
    idCol,
    extCol,
    { col: { name: 'type', kind: 'text', target: '@type' }, sql: typeCodeCase(types) },
    { col: { name: 'recordtype', kind: 'text' }, sql: 'r.type' },
    {
      col: { name: 'status', kind: 'text', target: '@status' },
      sql: "COALESCE(json_extract(r.doc, '$.fields.status'), json_extract(r.doc, '$.fields.orderstatus'))",
    },
    { col: { name: 'createddate', kind: 'datetime' }, sql: "json_extract(r.doc, '$.createdAt')" },
    { col: { name: 'lastmodifieddate', kind: 'datetime' }, sql: "json_extract(r.doc, '$.lastModified')" },
  ], NOT_IN_TRANSACTION_TABLE);
}

function lineValueSql(field: FieldInfo): string {
  return valueSql('l.value', field);
}

function transactionLineView(types: RecordTypeInfo[]): ViewDef {
  const negative = types.filter((t) => NEGATIVE_LINE_TYPES.includes(t.transactionType ?? '')).map((t) => t.id);
  const sign = `CASE WHEN r.type IN (${negative.length ? negative.map(quote).join(', ') : "''"}) THEN -1 ELSE 1 END`;
  const lineField = (id: string): string => `json_extract(l.value, '$.fields.${id}')`;
  const taken = new Set([
    'transaction',
    'id',
    'linesequencenumber',
    'mainline',
    'quantity',
    'netamount',
    'foreignamount',
    'quantityshiprecv',
    'createdfrom',
    ...NOT_IN_TRANSACTION_LINE_TABLE,
  ]);
  const createdFrom = "CAST(NULLIF(json_extract(r.doc, '$.fields.createdfrom'), '') AS INTEGER)";
  const lineFields = unionFields(
    types.map((t) => t.sublists['item']?.fields ?? {}),
    taken,
  );
  const bodyFields = new Map<string, FieldInfo>();
  for (const t of types) for (const f of Object.values(t.fields)) if (!bodyFields.has(f.id)) bodyFields.set(f.id, f);
  const amount = `COALESCE(${lineField('amount')}, ${lineField('quantity')} * ${lineField('rate')})`;
  const header = [
    'r.id AS "transaction"',
    '0 AS "id"',
    '0 AS "linesequencenumber"',
    "'T' AS mainline",
    'NULL AS "quantity"',
    "json_extract(r.doc, '$.fields.total') AS netamount",
    "json_extract(r.doc, '$.fields.total') AS foreignamount",
    'NULL AS "quantityshiprecv"',
    `${createdFrom} AS "createdfrom"`,
    ...lineFields.map((f) => {
      const body = bodyFields.get(f.id);
      return `${body ? valueSql('r.doc', body) : f.kind === 'checkbox' ? "'F'" : 'NULL'} AS "${f.id}"`;
    }),
  ];
  const lines = [
    'r.id AS "transaction"',
    // The line's id: its `line` (kept when other lines are removed), else its position.
    `COALESCE(CAST(${lineField('line')} AS INTEGER), CAST(l.key AS INTEGER) + 1) AS "id"`,
    'CAST(l.key AS INTEGER) + 1 AS "linesequencenumber"',
    "'F' AS mainline",
    `${sign} * ${lineField('quantity')} AS quantity`,
    `${sign} * ${amount} AS netamount`,
    `${sign} * ${amount} AS foreignamount`,
    `COALESCE(${lineField('quantityshiprecv')}, ${lineField('quantityfulfilled')}, ${lineField('quantityreceived')}) AS quantityshiprecv`,
    `${createdFrom} AS "createdfrom"`,
    ...lineFields.map((f) => `${lineValueSql(f)} AS "${f.id}"`),
  ];
  const where = `WHERE r.type IN (${typeList(types)})`;
  return {
    name: 'transactionline',
    columns: [
      { name: 'transaction', kind: 'select', target: 'transaction' },
      { name: 'id', kind: 'integer' },
      { name: 'linesequencenumber', kind: 'integer' },
      { name: 'mainline', kind: 'checkbox' },
      { name: 'quantity', kind: 'float' },
      { name: 'netamount', kind: 'currency' },
      { name: 'foreignamount', kind: 'currency' },
      { name: 'quantityshiprecv', kind: 'float' },
      { name: 'createdfrom', kind: 'select', target: 'transaction' },
      ...lineFields.map(column),
    ],
    sql:
      `SELECT ${header.join(', ')} FROM records r ${where} ` +
      `UNION ALL SELECT ${lines.join(', ')} FROM records r, json_each(r.doc, '$.sublists.item') l ${where}`,
  };
}

function itemLocationView(name: string, types: RecordTypeInfo[]): ViewDef {
  const taken = new Set(['item']);
  const fields = unionFields(
    types.map((t) => t.sublists['locations']?.fields ?? {}),
    taken,
  );
  const selects = ['r.id AS "item"', ...fields.map((f) => `${valueSql('l.value', f)} AS "${f.id}"`)];
  return {
    name,
    columns: [{ name: 'item', kind: 'select', target: 'item' }, ...fields.map(column)],
    sql: `SELECT ${selects.join(', ')} FROM records r, json_each(r.doc, '$.sublists.locations') l WHERE r.type IN (${typeList(types)})`,
  };
}

function recordView(info: RecordTypeInfo): ViewDef {
  const fixed: Fixed[] = [idCol, extCol];
  if (info.subrecords['mainaddress']) {
    // The key of the record's row in `<type>mainaddress` (the emulator's: the record's own id).
    fixed.push({
      col: { name: 'mainaddress', kind: 'integer' },
      sql: "CASE WHEN json_extract(r.doc, '$.subrecords.mainaddress') IS NULL THEN NULL ELSE r.id END",
    });
  }
  if (info.custom) {
    fixed.push(
      { col: { name: 'created', kind: 'datetime' }, sql: "json_extract(r.doc, '$.createdAt')" },
      { col: { name: 'lastmodified', kind: 'datetime' }, sql: "json_extract(r.doc, '$.lastModified')" },
    );
    if (!info.fields['isinactive']) {
      fixed.push({
        col: { name: 'isinactive', kind: 'checkbox' },
        sql: "CASE WHEN json_extract(r.doc, '$.fields.isinactive') = 1 THEN 'T' ELSE 'F' END",
      });
    }
  }
  return bodyView(info.id, [info], fixed);
}

/**
 * `NextTransactionLink` / `PreviousTransactionLink`: one row per link between two transactions
 * (`previousdoc` → `nextdoc`, with `linktype`, `previoustype`, `nexttype`), both tables holding the
 * same links as NetSuite's do (one is read from the source side, the other from the target side).
 * The emulator lists the links of the transforms it models whose link type public SuiteQL names:
 * sales order → item fulfillment `ShipRcpt` once shipped, `PickPack` while picked or packed
 * (`NTL.LinkType IN ('PickPack', 'ShipRcpt')` in public sales-order-to-fulfilment queries), and sales
 * order → return authorization `SaleRet` (`nexttransactionlink … linktype = 'SaleRet'`). Links out of a
 * return authorization (refund, credit memo) are not listed: their link type codes were not found in
 * public material. Columns other than these (`foreignamount`, …) are not offered, so a query that
 * reads them fails instead of reading a guess.
 */
function transactionLinkView(name: string, types: RecordTypeInfo[]): ViewDef {
  const codeOf = (alias: string): string =>
    types.length === 0
      ? 'NULL'
      : `CASE ${alias}.type ${types.map((t) => `WHEN ${quote(t.id)} THEN ${quote(typeCode(t))}`).join(' ')} END`;
  const linkType =
    "CASE WHEN n.type = 'itemfulfillment' THEN (CASE WHEN json_extract(n.doc, '$.fields.shipstatus') = 'C' THEN 'ShipRcpt' ELSE 'PickPack' END) " +
    "WHEN n.type = 'returnauthorization' THEN 'SaleRet' END";
  return {
    name,
    columns: [
      { name: 'previousdoc', kind: 'select', target: 'transaction' },
      { name: 'nextdoc', kind: 'select', target: 'transaction' },
      { name: 'linktype', kind: 'text' },
      { name: 'previoustype', kind: 'text', target: '@type' },
      { name: 'nexttype', kind: 'text', target: '@type' },
    ],
    sql:
      `SELECT p.id AS previousdoc, n.id AS nextdoc, ${linkType} AS linktype, ${codeOf('p')} AS previoustype, ${codeOf('n')} AS nexttype ` +
      "FROM records n JOIN records p ON p.id = CAST(json_extract(n.doc, '$.fields.createdfrom') AS INTEGER) " +
      "WHERE p.type = 'salesorder' AND n.type IN ('itemfulfillment', 'returnauthorization')",
  };
}

/**
 * `NextTransactionLineLink` / `PreviousTransactionLineLink`: one row per fulfillment line and the
 * sales order line it ships (`previousdoc`, `previousline` = the order line's id, `nextdoc`,
 * `nextline` = the fulfillment line's id, `linktype`, `previoustype`, `nexttype`), the line-level links
 * public SuiteQL joins on ("JOIN PreviousTransactionLineLink l ON l.previousdoc = t.id JOIN
 * transaction c ON c.id = l.nextdoc AND c.type='ItemShip'"; "The link table is LINE-level, so every
 * child join needs DISTINCT"). Only sales order → item fulfillment lines are listed.
 */
function transactionLineLinkView(name: string, types: RecordTypeInfo[]): ViewDef {
  const known = types.some((t) => t.id === 'itemfulfillment') && types.some((t) => t.id === 'salesorder');
  const linkType = "CASE WHEN json_extract(n.doc, '$.fields.shipstatus') = 'C' THEN 'ShipRcpt' ELSE 'PickPack' END";
  return {
    name,
    columns: [
      { name: 'previousdoc', kind: 'select', target: 'transaction' },
      { name: 'previousline', kind: 'integer' },
      { name: 'nextdoc', kind: 'select', target: 'transaction' },
      { name: 'nextline', kind: 'integer' },
      { name: 'linktype', kind: 'text' },
      { name: 'previoustype', kind: 'text', target: '@type' },
      { name: 'nexttype', kind: 'text', target: '@type' },
    ],
    sql: known
      ? `SELECT p.id AS previousdoc, CAST(json_extract(l.value, '$.fields.orderline') AS INTEGER) AS previousline, n.id AS nextdoc, ` +
        `COALESCE(CAST(json_extract(l.value, '$.fields.line') AS INTEGER), CAST(l.key AS INTEGER) + 1) AS nextline, ${linkType} AS linktype, ` +
        "'SalesOrd' AS previoustype, 'ItemShip' AS nexttype " +
        "FROM records n, json_each(n.doc, '$.sublists.item') l JOIN records p ON p.id = CAST(json_extract(n.doc, '$.fields.createdfrom') AS INTEGER) " +
        "WHERE n.type = 'itemfulfillment' AND p.type = 'salesorder'"
      : 'SELECT NULL AS previousdoc, NULL AS previousline, NULL AS nextdoc, NULL AS nextline, NULL AS linktype, NULL AS previoustype, NULL AS nexttype WHERE 0',
  };
}

/** Package sublists of item fulfillments and their tracking number fields (record/item-fulfillment.ts). */
const PACKAGE_TRACKING: ReadonlyArray<{ sublist: string; field: string }> = [
  { sublist: 'package', field: 'packagetrackingnumber' },
  { sublist: 'packageups', field: 'packagetrackingnumberups' },
  { sublist: 'packagefedex', field: 'packagetrackingnumberfedex' },
  { sublist: 'packageusps', field: 'packagetrackingnumberusps' },
];

/**
 * Every package tracking number of every item fulfillment: `id` (the emulator's: fulfillment id ×
 * 1000 + package sublist × 250 + line), `trackingnumber`, the fulfillment and its sales order.
 */
function trackingRows(types: RecordTypeInfo[]): string {
  const fulfillment = types.find((t) => t.id === 'itemfulfillment');
  const parts = PACKAGE_TRACKING.map((p, i) => ({ ...p, i })).filter((p) => fulfillment?.sublists[p.sublist]?.fields[p.field]);
  if (parts.length === 0) return 'SELECT NULL AS id, NULL AS trackingnumber, NULL AS tran, NULL AS createdfrom WHERE 0';
  return parts
    .map(
      (p) =>
        `SELECT r.id * 1000 + ${p.i * 250} + CAST(l.key AS INTEGER) + 1 AS id, json_extract(l.value, '$.fields.${p.field}') AS trackingnumber, ` +
        `r.id AS tran, CAST(json_extract(r.doc, '$.fields.createdfrom') AS INTEGER) AS createdfrom ` +
        `FROM records r, json_each(r.doc, '$.sublists.${p.sublist}') l ` +
        `WHERE r.type = 'itemfulfillment' AND COALESCE(json_extract(l.value, '$.fields.${p.field}'), '') <> ''`,
    )
    .join(' UNION ALL ');
}

/**
 * Tracking numbers as SuiteQL offers them (the only way, per the public client quoted at
 * NOT_IN_TRANSACTION_TABLE): `trackingnumber` (`id`, `trackingnumber`), `trackingnumbermap`
 * (`transaction` = the item fulfillment, `trackingnumber` = its id) and `linkedtrackingnumbermap`
 * (`transaction` = the sales order the fulfillment ships, NetSuite's `transaction_linkedtrackingnumbermap`
 * table). Built from the fulfillments' package lines; columns other than these are not offered.
 */
function trackingViews(types: RecordTypeInfo[]): ViewDef[] {
  const rows = `(${trackingRows(types)})`;
  return [
    {
      name: 'trackingnumber',
      columns: [
        { name: 'id', kind: 'integer' },
        { name: 'trackingnumber', kind: 'text' },
      ],
      sql: `SELECT id, trackingnumber FROM ${rows}`,
    },
    {
      name: 'trackingnumbermap',
      columns: [
        { name: 'transaction', kind: 'select', target: 'transaction' },
        { name: 'trackingnumber', kind: 'integer' },
      ],
      sql: `SELECT tran AS "transaction", id AS trackingnumber FROM ${rows}`,
    },
    {
      name: 'linkedtrackingnumbermap',
      columns: [
        { name: 'transaction', kind: 'select', target: 'transaction' },
        { name: 'trackingnumber', kind: 'integer' },
      ],
      sql: `SELECT createdfrom AS "transaction", id AS trackingnumber FROM ${rows} WHERE createdfrom IS NOT NULL`,
    },
  ];
}

/**
 * `locationmainaddress` / `subsidiarymainaddress`: the main address of each record that has one
 * (`nkey` = the record's `mainaddress` column), with the address subrecord's fields, as public SuiteQL
 * joins them (`LEFT OUTER JOIN itemfulfillmentshippingaddress shipping ON shipping.nkey =
 * tran.SHIPPINGADDRESS`; NetSuite's schema lists a location_locationmainaddress key).
 */
function mainAddressViews(types: RecordTypeInfo[]): ViewDef[] {
  const address = types.find((t) => t.id === 'address');
  if (!address) return [];
  const fields = Object.values(address.fields).filter((f) => SAFE_ID.test(f.id) && f.id !== 'externalid' && f.id !== 'customform');
  return types
    .filter((t) => t.subrecords['mainaddress'] && SAFE_ID.test(t.id))
    .map((t) => ({
      name: `${t.id}mainaddress`,
      columns: [{ name: 'nkey', kind: 'integer' as const }, ...fields.map(column)],
      sql:
        `SELECT r.id AS nkey, ${fields.map((f) => `${valueSql("json_extract(r.doc, '$.subrecords.mainaddress')", f)} AS "${f.id}"`).join(', ')} ` +
        `FROM records r WHERE r.type = ${quote(t.id)} AND json_extract(r.doc, '$.subrecords.mainaddress') IS NOT NULL`,
    }));
}

/** Every view for the catalogue the reader knows now. */
export function buildViews(types: RecordTypeInfo[]): ViewDef[] {
  const transactions = types.filter(isTransactionType);
  const items = types.filter(isItemType);
  const others = types.filter((t) => !isTransactionType(t) && !isItemType(t) && SAFE_ID.test(t.id));
  return [
    transactionView(transactions),
    transactionLineView(transactions),
    bodyView('item', items, [
      idCol,
      extCol,
      { col: { name: 'itemtype', kind: 'text', target: '@type' }, sql: typeCodeCase(items) },
      { col: { name: 'recordtype', kind: 'text' }, sql: 'r.type' },
    ]),
    // Per-location balances exist with Multi-Location Inventory only (items then have a locations
    // sublist); without it the tables are not offered (stricter: NetSuite's contents then were not
    // found in public sources) and an item's single quantity is read with the item search.
    ...(items.some((t) => t.sublists['locations'])
      ? [itemLocationView('aggregateitemlocation', items), itemLocationView('inventoryitemlocations', items)]
      : []),
    transactionLinkView('nexttransactionlink', transactions),
    transactionLinkView('previoustransactionlink', transactions),
    transactionLineLinkView('nexttransactionlinelink', transactions),
    transactionLineLinkView('previoustransactionlinelink', transactions),
    ...trackingViews(transactions),
    pricingView(items),
    ...mainAddressViews(types),
    ...others.map(recordView),
  ];
}

/** Changes whenever a type or field appears or goes, so views can be rebuilt only when needed. */
export function catalogueSignature(types: RecordTypeInfo[]): string {
  return types
    .map(
      (t) =>
        `${t.id}:${Object.keys(t.fields).length}:${Object.values(t.sublists)
          .map((s) => `${s.id}/${Object.keys(s.fields).length}`)
          .join(',')}`,
    )
    .join('|');
}
