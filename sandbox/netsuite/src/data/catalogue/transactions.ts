import type { FieldInfo, RecordTypeInfo } from '../store-types';
import {
  byId,
  checkbox,
  currency,
  date,
  datetime,
  email,
  float,
  integer,
  listSelect,
  phone,
  select,
  sublist,
  text,
  textarea,
} from './fields';

/**
 * Standard transaction records the connector touches, with NetSuite's field ids (reference §5.1,
 * §5.3, §5.4). Totals, status and fulfilment quantities are read-only: NetSuite computes them.
 */

export const SALES_ORDER_STATUS = {
  A: 'Pending Approval',
  B: 'Pending Fulfillment',
  C: 'Cancelled',
  D: 'Partially Fulfilled',
  E: 'Pending Billing/Partially Fulfilled',
  F: 'Pending Billing',
  G: 'Billed',
  H: 'Closed',
} as const;

export const RETURN_STATUS = {
  A: 'Pending Approval',
  B: 'Pending Receipt',
  C: 'Cancelled',
  D: 'Partially Received',
  E: 'Pending Refund/Partially Received',
  F: 'Pending Refund',
  G: 'Refunded',
  H: 'Closed',
} as const;

const PRICE_LEVELS = { '-1': 'Custom', '1': 'Base Price' } as const;

/**
 * Address subrecord fields shared by `shippingaddress`, `billingaddress` and `addressbookaddress`.
 * Limits: lines 1-3 (150), city (50) and zip (36) as NetSuite's Addresses table in the Records
 * Catalog; addressee (150), state (30) and phone (22) as the address form's fields (that table stores
 * state and phone wider). A longer value is INVALID_FLD_VALUE, as in NetSuite.
 */
export const ADDRESS_TYPE: RecordTypeInfo = {
  id: 'address',
  category: 'other',
  externalIdGroup: 'address',
  optimisticLocking: false,
  custom: false,
  subrecordOnly: true,
  label: 'Address',
  family: 'other',
  fields: byId([
    text('country', 'Country', { maxLength: 2 }),
    text('attention', 'Attention', { maxLength: 150 }),
    text('addressee', 'Addressee', { maxLength: 150 }),
    text('addr1', 'Address 1', { maxLength: 150 }),
    text('addr2', 'Address 2', { maxLength: 150 }),
    text('addr3', 'Address 3', { maxLength: 150 }),
    text('city', 'City', { maxLength: 50 }),
    text('state', 'State', { maxLength: 30 }),
    text('zip', 'Zip', { maxLength: 36 }),
    phone('addrphone', 'Phone', { maxLength: 22 }),
    checkbox('override', 'Override'),
  ]),
  sublists: {},
  subrecords: {},
};

function transactionBody(entityLabel: string): FieldInfo[] {
  return [
    select('entity', entityLabel, 'customer', { mandatory: true }),
    date('trandate', 'Date', { mandatory: true }),
    text('tranid', 'Transaction Number', { maxLength: 45 }),
    text('externalid', 'External ID', { maxLength: 255 }),
    text('memo', 'Memo', { maxLength: 999 }),
    text('otherrefnum', 'PO/Check Number', { maxLength: 45 }),
    select('currency', 'Currency', 'currency'),
    float('exchangerate', 'Exchange Rate'),
    select('subsidiary', 'Subsidiary', 'subsidiary'),
    select('location', 'Location', 'location'),
    select('department', 'Department', 'department'),
    select('class', 'Class', 'classification'),
    select('createdfrom', 'Created From', 'transaction', { readOnly: true }),
    email('email', 'Email'),
    datetime('createddate', 'Date Created', { readOnly: true }),
    datetime('lastmodifieddate', 'Last Modified', { readOnly: true }),
  ];
}

function money(): FieldInfo[] {
  return [
    currency('subtotal', 'Subtotal', { readOnly: true }),
    select('discountitem', 'Discount', 'discountitem'),
    currency('discountrate', 'Rate'),
    currency('discounttotal', 'Discount Total', { readOnly: true }),
    select('shipmethod', 'Ship Via', 'shipitem'),
    currency('shippingcost', 'Shipping Cost'),
    currency('shippingtax1amt', 'Shipping Tax Amt'),
    currency('taxtotal', 'Tax', { readOnly: true }),
    currency('total', 'Total', { readOnly: true }),
  ];
}

function saleLines(extra: FieldInfo[]): FieldInfo[] {
  return [
    select('item', 'Item', 'item', { mandatory: true }),
    float('quantity', 'Quantity'),
    currency('rate', 'Rate'),
    currency('amount', 'Amount'),
    listSelect('price', 'Price Level', PRICE_LEVELS),
    textarea('description', 'Description', { maxLength: 4000 }),
    select('location', 'Location', 'location'),
    checkbox('istaxable', 'Tax'),
    select('taxcode', 'Tax Code', 'salestaxitem'),
    currency('tax1amt', 'Tax Amt'),
    integer('line', 'Line Id', { readOnly: true }),
    ...extra,
  ];
}

const addressSubrecords = { shippingaddress: 'address', billingaddress: 'address' };

function transaction(
  id: string,
  label: string,
  transactionType: string,
  fields: FieldInfo[],
  sublists: RecordTypeInfo['sublists'],
  extra: Partial<RecordTypeInfo> = {},
): RecordTypeInfo {
  return {
    id,
    label,
    category: 'transaction',
    family: 'transaction',
    transactionType,
    externalIdGroup: 'transaction',
    optimisticLocking: true,
    custom: false,
    displayField: 'tranid',
    fields: byId(fields),
    sublists,
    subrecords: {},
    ...extra,
  };
}

export const SALES_ORDER = transaction(
  'salesorder',
  'Sales Order',
  'SalesOrd',
  [
    ...transactionBody('Customer'),
    listSelect('orderstatus', 'Status', { A: SALES_ORDER_STATUS.A, B: SALES_ORDER_STATUS.B }, { mandatory: true }),
    listSelect('status', 'Status', SALES_ORDER_STATUS, { readOnly: true }),
    select('paymentmethod', 'Payment Method', 'paymentmethod'),
    date('shipdate', 'Ship Date'),
    ...money(),
  ],
  {
    item: sublist(
      'item',
      saleLines([
        checkbox('isclosed', 'Closed'),
        float('quantityfulfilled', 'Fulfilled', { readOnly: true }),
        float('quantitycommitted', 'Committed', { readOnly: true }),
        float('quantitybackordered', 'Back Ordered', { readOnly: true }),
        float('quantitybilled', 'Invoiced', { readOnly: true }),
      ]),
    ),
  },
  { subrecords: addressSubrecords },
);

export const ITEM_FULFILLMENT = transaction(
  'itemfulfillment',
  'Item Fulfillment',
  'ItemShip',
  [
    ...transactionBody('Customer'),
    listSelect('shipstatus', 'Status', { A: 'Picked', B: 'Packed', C: 'Shipped' }),
    select('shipmethod', 'Ship Via', 'shipitem'),
  ],
  {
    item: sublist('item', [
      select('item', 'Item', 'item', { readOnly: true }),
      checkbox('itemreceive', 'Fulfill'),
      float('quantity', 'Quantity'),
      float('quantityremaining', 'Remaining', { readOnly: true }),
      select('location', 'Location', 'location'),
      textarea('description', 'Description', { maxLength: 4000 }),
      integer('orderline', 'Order Line', { readOnly: true }),
      integer('line', 'Line Id', { readOnly: true }),
    ]),
    package: sublist('package', [
      float('packageweight', 'Package Weight'),
      text('packagetrackingnumber', 'Package Tracking Number'),
      text('packagedescr', 'Package Description'),
    ]),
  },
  { createOnlyByTransform: true, subrecords: { shippingaddress: 'address' } },
);

export const RETURN_AUTHORIZATION = transaction(
  'returnauthorization',
  'Return Authorization',
  'RtnAuth',
  [
    ...transactionBody('Customer'),
    listSelect('orderstatus', 'Status', { A: RETURN_STATUS.A, B: RETURN_STATUS.B }, { mandatory: true }),
    listSelect('status', 'Status', RETURN_STATUS, { readOnly: true }),
    select('paymentmethod', 'Payment Method', 'paymentmethod'),
    ...money(),
  ],
  {
    item: sublist(
      'item',
      saleLines([
        checkbox('isclosed', 'Closed'),
        float('quantityreceived', 'Received', { readOnly: true }),
        float('quantitybilled', 'Refunded', { readOnly: true }),
      ]),
    ),
  },
);

function refundLike(id: string, label: string, code: string, extra: FieldInfo[]): RecordTypeInfo {
  return transaction(id, label, code, [...transactionBody('Customer'), ...extra, ...money()], {
    item: sublist('item', saleLines([])),
  });
}

export const CASH_REFUND = refundLike('cashrefund', 'Cash Refund', 'CashRfnd', [
  select('paymentmethod', 'Payment Method', 'paymentmethod'),
]);
export const CREDIT_MEMO = refundLike('creditmemo', 'Credit Memo', 'CustCred', []);
export const INVOICE = refundLike('invoice', 'Invoice', 'CustInvc', []);
export const CASH_SALE = refundLike('cashsale', 'Cash Sale', 'CashSale', [
  select('paymentmethod', 'Payment Method', 'paymentmethod'),
]);

export const TRANSACTION_TYPES: readonly RecordTypeInfo[] = [
  SALES_ORDER,
  ITEM_FULFILLMENT,
  RETURN_AUTHORIZATION,
  CASH_REFUND,
  CREDIT_MEMO,
  INVOICE,
  CASH_SALE,
];
