/**
 * The emulator overlay: what the emulator needs about NetSuite's standard records that the records
 * data (suiteapp/reference/netsuite-records/, read through suiteapp/tools/netsuite-catalogue.ts) does
 * not carry. Which record types the emulator runs, how it stores them (family, external-id space,
 * display field, transaction type code), which fields NetSuite computes (read-only), which record a
 * select points at, text limits, status value lists, subrecord types, and the few `required` flags of
 * the Records Browser the emulator does not enforce.
 *
 * Every fact says why: `source` (an Oracle help page or a file in this repository) or `assumption`
 * (the emulator's choice, with its reason; where unsure it is the stricter choice). Field ids, kinds,
 * labels, sublists, search columns and transforms are NOT here: they come from the catalogue.
 */
import type { RecordCategory } from '../../governance';
import type { FieldKind, FieldValue, RecordFamily } from '../store-types';

export type Why = { source: string } | { assumption: string };

export interface FieldFacts {
  /** select/multiselect: the record type the value must reference (`item`/`transaction` = any of them). */
  selectTarget?: string;
  /** A select over a fixed value list (`orderstatus`), with each value's display text. */
  listLabels?: Readonly<Record<string, string>>;
  /** NetSuite sets it (totals, status, system dates): scripts read it; values set by scripts are ignored. */
  readOnly?: true;
  maxLength?: number;
  /** Overrides the Records Browser's `required` flag (false = the emulator does not require it). */
  mandatory?: boolean;
  defaultValue?: FieldValue;
  /** Overrides the kind derived from the data type. */
  kind?: FieldKind;
  /** A transaction status: the `statusRef` id of each letter (store-types.ts FieldInfo.statusRefs). */
  statusRefs?: Readonly<Record<string, string>>;
  /** `statusRef`, computed from `status` (FieldInfo.refOfStatus). */
  refOfStatus?: true;
  why: Why;
}

export interface SubrecordFact {
  type: string;
  why: Why;
}

export interface TypeOverlay {
  family: RecordFamily;
  category: RecordCategory;
  externalIdGroup: string;
  displayField: string;
  optimisticLocking: boolean;
  isItem?: true;
  subrecordOnly?: true;
  /** NetSuite has the type only in some accounts (a catalogue profile adds it): skipped where absent. */
  onlyWithProfile?: Why;
  /** The `type` code of searches and SuiteQL (`SalesOrd`). */
  transactionType?: { code: string; why: Why };
  createOnlyByTransform?: Why;
  /** Body fields of type summary the emulator models: field → subrecord type. */
  subrecords?: Readonly<Record<string, SubrecordFact>>;
  /** Sublist fields of type summary the emulator models. */
  lineSubrecords?: Readonly<Record<string, Readonly<Record<string, SubrecordFact>>>>;
  fields?: Readonly<Record<string, FieldFacts>>;
  lines?: Readonly<Record<string, Readonly<Record<string, FieldFacts>>>>;
  /** Sublists whose lines NetSuite makes (from the source transaction): scripts cannot add or remove lines. */
  staticSublists?: Readonly<Record<string, Why>>;
}

const SUMMARY_IS_SUBRECORD =
  'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_4675635827.html (the field holding a subrecord has type summary)';
const ADDRESS: SubrecordFact = {
  type: 'address',
  why: { source: `${SUMMARY_IS_SUBRECORD}; suiteapp/reference/netsuite-records/records.json address record` },
};
const SYSTEM: Why = { assumption: 'NetSuite stamps it on save; scripts cannot set it (the emulator ignores a set value).' };
const COMPUTED: Why = { assumption: 'NetSuite computes it from the lines (or from fulfilments, receipts and bills); a script value is ignored.' };
const KEPT: Why = {
  assumption: 'Limit kept from the emulator\'s earlier catalogue; NetSuite\'s exact limit is not in the records data (stricter where unsure).',
};
const DEFAULTED_FORM: Why = {
  assumption: 'Required in the Records Browser, but NetSuite uses the preferred form when a script sets none; the emulator has no forms.',
};
const DEFAULTED_CURRENCY: Why = {
  assumption:
    'Required in the Records Browser, but NetSuite takes it from the customer or subsidiary; the emulator requires it only with the Multiple Currencies preference (record/validate.ts).',
};
const CARD_ONLY: Why = {
  assumption: 'Required in the Records Browser for card processing only; the connector never charges cards and the emulator has no payment processing.',
};
const DEFAULTED_PERIOD: Why = {
  assumption: 'Required in the Records Browser, but NetSuite derives the posting period from the date; the emulator checks periods from trandate (record/periods.ts).',
};
const NO_TAX_SCHEDULES: Why = {
  assumption:
    'Required in the Records Browser; US legacy and SuiteTax accounts have no line tax code (profiles/account-types.ts removes it), and a non-US legacy account requires one on every line at save (record/tax.ts), with its own message.',
};
const UNMODELLED_TARGET = (what: string): Why => ({
  assumption: `Required in the Records Browser, but the emulator models no ${what} for it to reference.`,
});

const TEXT_LIMIT = (maxLength: number, why: Why = KEPT): FieldFacts => ({ maxLength, why });
const SELECT = (selectTarget: string, why: Why = { assumption: 'The record type this select references in NetSuite (its label and help text name it).' }): FieldFacts => ({
  selectTarget,
  why,
});
const READ_ONLY = (why: Why = COMPUTED): FieldFacts => ({ readOnly: true, why });
const NOT_REQUIRED = (why: Why): FieldFacts => ({ mandatory: false, why });

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

/**
 * `statusRef` ids of the sales order letters: the SuiteTalk SalesOrderOrderStatus enum
 * (`_pendingApproval` … `_closed`, as generated clients of NetSuite's WSDL list it), which scripts see
 * without the underscore (`record.getValue('statusRef')` → `pendingFulfillment`; public scripts compare
 * `lookupFields(...).status[0].value` with `pendingBilling`).
 */
export const SALES_ORDER_STATUS_REF = {
  A: 'pendingApproval',
  B: 'pendingFulfillment',
  C: 'cancelled',
  D: 'partiallyFulfilled',
  E: 'pendingBillingPartFulfilled',
  F: 'pendingBilling',
  G: 'fullyBilled',
  H: 'closed',
} as const;

/** `statusRef` ids of the return authorization letters (SuiteTalk ReturnAuthorizationOrderStatus). */
export const RETURN_STATUS_REF = {
  A: 'pendingApproval',
  B: 'pendingReceipt',
  C: 'cancelled',
  D: 'partiallyReceived',
  E: 'pendingRefundPartReceived',
  F: 'pendingRefund',
  G: 'refunded',
  H: 'closed',
} as const;

/** Account types (`accttype`) with their display texts. */
export const ACCOUNT_TYPES = {
  Bank: 'Bank',
  AcctRec: 'Accounts Receivable',
  OthCurrAsset: 'Other Current Asset',
  FixedAsset: 'Fixed Asset',
  OthAsset: 'Other Asset',
  AcctPay: 'Accounts Payable',
  CredCard: 'Credit Card',
  OthCurrLiab: 'Other Current Liability',
  LongTermLiab: 'Long Term Liability',
  Equity: 'Equity',
  Income: 'Income',
  COGS: 'Cost of Goods Sold',
  Expense: 'Expense',
  OthIncome: 'Other Income',
  OthExpense: 'Other Expense',
  NonPosting: 'Non Posting',
  DeferRevenue: 'Deferred Revenue',
  DeferExpense: 'Deferred Expense',
  UnbilledRec: 'Unbilled Receivable',
  Stat: 'Statistical',
} as const;

/** Item fulfillment ship status letters (records.json itemfulfillment `shipstatus` help: Picked, Packed, Shipped). */
export const ITEM_FULFILLMENT_STATUS = { A: 'Picked', B: 'Packed', C: 'Shipped' } as const;

/** `statusRef` ids of the ship status letters (SuiteTalk ItemFulfillmentShipStatus `_picked`, `_packed`, `_shipped`). */
export const ITEM_FULFILLMENT_STATUS_REF = { A: 'picked', B: 'packed', C: 'shipped' } as const;

const STATUS_TEXT_WHY: Why = {
  assumption:
    "record.getValue('status') answers the status text (Pending Fulfillment) and getValue('statusRef') the id (pendingFulfillment), as public scripts read them; the letter is what SuiteQL transaction.status returns.",
};

const STATUS_WHY: Why = {
  assumption: 'Status letters as NetSuite stores them (A Pending Approval, B Pending Fulfillment/Receipt, ...); the records data types status as text without its values.',
};

/** Body facts shared by the emulated transactions. */
const TRANSACTION_BODY: Readonly<Record<string, FieldFacts>> = {
  entity: SELECT('customer'),
  tranid: TEXT_LIMIT(45),
  externalid: TEXT_LIMIT(255),
  memo: TEXT_LIMIT(999),
  otherrefnum: TEXT_LIMIT(45),
  currency: { ...SELECT('currency'), mandatory: false, why: DEFAULTED_CURRENCY },
  subsidiary: SELECT('subsidiary'),
  location: SELECT('location'),
  department: SELECT('department'),
  class: SELECT('classification'),
  createdfrom: { selectTarget: 'transaction', readOnly: true, why: { assumption: 'Set by record.transform; a script cannot point a transaction at another one.' } },
  customform: NOT_REQUIRED(DEFAULTED_FORM),
  inputreferencecode: NOT_REQUIRED(CARD_ONLY),
  postingperiod: NOT_REQUIRED(DEFAULTED_PERIOD),
  paymentmethod: SELECT('paymentmethod'),
  shipmethod: SELECT('shipitem'),
  taxitem: SELECT('salestaxitem', { assumption: 'US legacy tax: the sales tax item (a tax code) whose rate applies to the taxable lines; tax groups are not modelled.' }),
  exchangerate: {
    mandatory: false,
    why: { assumption: 'Required in the Records Browser, but NetSuite fills it from the currency exchange rates when the currency is set; the emulator does too (record/currency.ts).' },
  },
  discountitem: SELECT('discountitem'),
  createddate: READ_ONLY(SYSTEM),
  lastmodifieddate: READ_ONLY(SYSTEM),
  subtotal: READ_ONLY(),
  discounttotal: READ_ONLY(),
  taxtotal: READ_ONLY(),
  total: READ_ONLY(),
  statusref: { readOnly: true, refOfStatus: true, why: STATUS_TEXT_WHY },
  shipaddress: READ_ONLY({ assumption: 'The formatted address NetSuite builds from the shippingaddress subrecord.' }),
  billaddress: READ_ONLY({ assumption: 'The formatted address NetSuite builds from the billingaddress subrecord.' }),
};

/** Item-line facts shared by the emulated sales transactions. */
const SALE_LINE: Readonly<Record<string, FieldFacts>> = {
  item: SELECT('item'),
  location: SELECT('location'),
  taxcode: { ...SELECT('salestaxitem'), mandatory: false, why: NO_TAX_SCHEDULES },
  taxrate1: READ_ONLY({ assumption: "NetSuite fills the line's tax rate from its tax code (non-US legacy tax); the emulator ignores a script value." }),
  taxdetailsreference: READ_ONLY({ assumption: 'SuiteTax: NetSuite gives each item line the reference its tax details lines point to; scripts read it.' }),
  price: {
    listLabels: { '-1': 'Custom', '1': 'Base Price' },
    why: { assumption: 'Price levels as a fixed list: -1 Custom (the line rate is the script\'s) and 1 Base Price; the emulator models no price level records.' },
  },
  description: TEXT_LIMIT(4000),
  line: READ_ONLY(SYSTEM),
  quantityfulfilled: READ_ONLY(),
  quantitycommitted: READ_ONLY(),
  quantitybackordered: READ_ONLY(),
  quantitybilled: READ_ONLY(),
  quantityreceived: READ_ONLY(),
  quantityavailable: READ_ONLY(),
  itemtype: READ_ONLY({ assumption: "NetSuite fills it from the line's item (its type code, InvtPart …); a script value is ignored." }),
};

/** The apply lines of customer payments and refunds: the document each pays, NetSuite's (record/billing.ts). */
const APPLY_LINE: Readonly<Record<string, FieldFacts>> = {
  doc: { selectTarget: 'transaction', readOnly: true, why: { assumption: 'NetSuite fills the line from the open document it lists; a script cannot point it at another one.' } },
  due: READ_ONLY(),
  total: READ_ONLY(),
  refnum: READ_ONLY(),
};

/** SuiteTax tax details lines (the `taxdetails` sublist). */
const TAX_DETAIL_LINE: Readonly<Record<string, FieldFacts>> = {
  taxcode: SELECT('salestaxitem'),
  taxtype: SELECT('taxtype'),
  linetype: READ_ONLY({ assumption: 'NetSuite fills it from the line the tax details point to (Item, Shipping).' }),
  linename: READ_ONLY({ assumption: 'NetSuite fills it from the line the tax details point to (the item name).' }),
  calcdetail: READ_ONLY({ assumption: 'NetSuite describes its own calculation here.' }),
  transaction: READ_ONLY(SYSTEM),
};

const addressSubrecords = { shippingaddress: ADDRESS, billingaddress: ADDRESS };

function transaction(code: string, fields: Record<string, FieldFacts> = {}, extra: Partial<TypeOverlay> = {}): TypeOverlay {
  return {
    family: 'transaction',
    category: 'transaction',
    externalIdGroup: 'transaction',
    displayField: 'tranid',
    optimisticLocking: true,
    transactionType: {
      code,
      why: { assumption: 'The type code NetSuite\'s transaction search `type` column and SuiteQL `transaction.type` return for this record.' },
    },
    subrecords: addressSubrecords,
    fields: { ...TRANSACTION_BODY, ...fields },
    lines: { item: SALE_LINE, taxdetails: TAX_DETAIL_LINE },
    ...extra,
  };
}

const ITEM_BODY: Readonly<Record<string, FieldFacts>> = {
  itemid: TEXT_LIMIT(250),
  displayname: TEXT_LIMIT(250),
  upccode: TEXT_LIMIT(64),
  externalid: TEXT_LIMIT(255),
  subsidiary: SELECT('subsidiary'),
  createddate: READ_ONLY(SYSTEM),
  lastmodifieddate: READ_ONLY(SYSTEM),
  itemtype: READ_ONLY(SYSTEM),
};

function item(fields: Record<string, FieldFacts> = {}, extra: Partial<TypeOverlay> = {}): TypeOverlay {
  return {
    family: 'item',
    category: 'other',
    externalIdGroup: 'item',
    displayField: 'itemid',
    optimisticLocking: true,
    isItem: true,
    fields: { ...ITEM_BODY, ...fields },
    ...extra,
  };
}

function list(id: string, fields: Record<string, FieldFacts> = {}, extra: Partial<TypeOverlay> = {}): TypeOverlay {
  return {
    family: 'other',
    category: 'other',
    externalIdGroup: id,
    displayField: 'name',
    optimisticLocking: true,
    fields: { name: TEXT_LIMIT(60), externalid: TEXT_LIMIT(255), ...fields },
    ...extra,
  };
}

const ADDRESS_TABLE: Why = {
  assumption: "The column width of NetSuite's Addresses table in the Records Catalog, as the emulator's earlier catalogue recorded it; the records data carries no lengths.",
};

const COUNTRY_CODE: FieldFacts = {
  kind: 'text',
  maxLength: 2,
  why: { assumption: 'A country select takes the two-letter ISO code (US); the emulator keeps the code as text and models no country list.' },
};

const BALANCE_WHY: Why = {
  assumption: 'NetSuite keeps what an invoice owes and what a credit memo has applied from the applications saved against them (record/billing.ts).',
};

/** The standard record types the emulator runs, with their overlay. */
export const EMULATED_TYPES: Readonly<Record<string, TypeOverlay>> = {
  salesorder: transaction('SalesOrd', {
    orderstatus: {
      selectTarget: `list:A,B`,
      listLabels: { A: SALES_ORDER_STATUS.A, B: SALES_ORDER_STATUS.B },
      why: STATUS_WHY,
    },
    status: {
      kind: 'select',
      selectTarget: `list:${Object.keys(SALES_ORDER_STATUS).join(',')}`,
      listLabels: SALES_ORDER_STATUS,
      statusRefs: SALES_ORDER_STATUS_REF,
      readOnly: true,
      why: STATUS_TEXT_WHY,
    },
  }),
  itemfulfillment: transaction(
    'ItemShip',
    {
      shipstatus: { selectTarget: 'list:A,B,C', listLabels: ITEM_FULFILLMENT_STATUS, why: STATUS_WHY },
      status: {
        kind: 'select',
        selectTarget: `list:${Object.keys(ITEM_FULFILLMENT_STATUS).join(',')}`,
        listLabels: ITEM_FULFILLMENT_STATUS,
        statusRefs: ITEM_FULFILLMENT_STATUS_REF,
        readOnly: true,
        why: {
          assumption:
            "The fulfillment's status is its ship status (SuiteQL transaction.status returns A/B/C for ItemShip, as a public SuiteQL client measured on a live account: 'IF_STATUS = { A: Picked, B: Packed, C: Shipped }'); NetSuite sets it, a script value is ignored.",
        },
      },
    },
    {
      subrecords: { shippingaddress: ADDRESS },
      staticSublists: {
        item: {
          source:
            'http://mikebian.co/split-shipment-fulfillment-with-netsuite/ (NetSuite answers "Adding new line to sublist item is not allowed." when a fulfillment update adds item lines; lines are left out by clearing itemreceive)',
        },
      },
      createOnlyByTransform: {
        source: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_N3195884.html ("Copy and create are not allowed for this record")',
      },
      lines: {
        item: {
          item: { selectTarget: 'item', readOnly: true, why: { assumption: 'The fulfilled item comes from the order line; a script cannot change it.' } },
          location: SELECT('location'),
          description: TEXT_LIMIT(4000),
          quantityremaining: READ_ONLY(),
          orderline: READ_ONLY({ assumption: 'Set by record.transform: the order line this fulfilment line ships.' }),
          onhand: READ_ONLY(),
        },
      },
    },
  ),
  returnauthorization: transaction('RtnAuth', {
    orderstatus: { selectTarget: 'list:A,B', listLabels: { A: RETURN_STATUS.A, B: RETURN_STATUS.B }, why: STATUS_WHY },
    status: {
      kind: 'select',
      selectTarget: `list:${Object.keys(RETURN_STATUS).join(',')}`,
      listLabels: RETURN_STATUS,
      statusRefs: RETURN_STATUS_REF,
      readOnly: true,
      why: STATUS_TEXT_WHY,
    },
  }),
  itemreceipt: transaction(
    'ItemRcpt',
    {
      status: READ_ONLY({ assumption: 'An item receipt has no status of its own in the emulator; NetSuite sets the status field.' }),
    },
    {
      subrecords: {},
      staticSublists: {
        item: {
          assumption:
            'The receipt\'s lines come from the return authorization by record.transform, as a fulfillment\'s come from the sales order; lines are left out by clearing itemreceive.',
        },
      },
      createOnlyByTransform: {
        source:
          'suiteapp/reference/netsuite-records/records.json itemreceipt scriptingLevel "Copy and Create Not Supported" (created by transforming a purchase order or a return authorization: returnauthorization transformTypes list itemreceipt)',
      },
      lines: {
        item: {
          item: { selectTarget: 'item', readOnly: true, why: { assumption: 'The received item comes from the return authorization line; a script cannot change it.' } },
          location: SELECT('location'),
          description: TEXT_LIMIT(4000),
          quantityremaining: READ_ONLY(),
          orderline: READ_ONLY({ assumption: 'Set by record.transform: the return authorization line this receipt line receives.' }),
          onhand: READ_ONLY(),
          itemname: READ_ONLY(),
          restock: {
            defaultValue: true,
            why: { assumption: 'A returned line is restocked unless the receiver clears Restock (damaged goods); the stricter bookkeeping choice.' },
          },
        },
      },
    },
  ),
  inventoryadjustment: transaction(
    'InvAdjst',
    {
      account: SELECT('account', { assumption: 'The Adjustment Account: an account of the chart of accounts.' }),
      adjlocation: SELECT('location'),
      customer: SELECT('customer'),
      estimatedtotalvalue: READ_ONLY(),
    },
    {
      subrecords: {},
      lines: {
        inventory: {
          item: SELECT('item'),
          location: SELECT('location'),
          line: READ_ONLY(SYSTEM),
          quantityonhand: READ_ONLY({ assumption: 'The quantity on hand before the adjustment, at the line\'s location: NetSuite fills it (record/inventory.ts).' }),
          currentvalue: READ_ONLY(),
          description: TEXT_LIMIT(4000),
        },
      },
    },
  ),
  cashrefund: transaction('CashRfnd'),
  creditmemo: transaction(
    'CustCred',
    {
      applied: READ_ONLY(BALANCE_WHY),
      unapplied: READ_ONLY(BALANCE_WHY),
      amountremaining: READ_ONLY(BALANCE_WHY),
      amountpaid: READ_ONLY(BALANCE_WHY),
    },
    {
      staticSublists: {
        apply: { assumption: "NetSuite lists the customer's open invoices on a credit memo's Apply subtab; a script ticks and sets amounts but cannot add a line (record/billing.ts)." },
      },
    },
  ),
  invoice: transaction('CustInvc', { amountremaining: READ_ONLY(BALANCE_WHY), amountpaid: READ_ONLY(BALANCE_WHY) }),
  customerpayment: transaction(
    'CustPymt',
    {
      customer: SELECT('customer'),
      account: SELECT('account', { assumption: 'The account the payment is deposited to (Undeposited Funds when empty): an account of the chart of accounts.' }),
      applied: READ_ONLY(BALANCE_WHY),
      unapplied: READ_ONLY(BALANCE_WHY),
      balance: READ_ONLY(BALANCE_WHY),
    },
    {
      subrecords: {},
      lines: { apply: APPLY_LINE },
      staticSublists: {
        apply: { assumption: "NetSuite lists the customer's open invoices on a payment's Apply subtab (from the entity default value); a script ticks and sets amounts but cannot add a line (record/billing.ts)." },
      },
    },
  ),
  customerrefund: transaction(
    'CustRfnd',
    {
      customer: SELECT('customer'),
      account: SELECT('account', { assumption: 'The bank (or other) account the refund is paid from: an account of the chart of accounts.' }),
      balance: READ_ONLY(BALANCE_WHY),
    },
    {
      subrecords: {},
      lines: { apply: APPLY_LINE },
      staticSublists: {
        apply: { assumption: "NetSuite lists the customer's credit memos with credit left on a refund's Credits subtab (from the entity default value); a script ticks and sets amounts but cannot add a line (record/billing.ts)." },
      },
    },
  ),
  cashsale: transaction('CashSale'),
  customer: {
    family: 'entity',
    category: 'other',
    externalIdGroup: 'entity',
    displayField: 'entityid',
    optimisticLocking: true,
    fields: {
      entityid: { maxLength: 83, mandatory: false, why: { assumption: 'Generated by NetSuite when Auto-Generated Numbers are on (autoname); the emulator requires a company name or person instead (record/validate.ts).' } },
      firstname: TEXT_LIMIT(32),
      lastname: TEXT_LIMIT(32),
      companyname: TEXT_LIMIT(83),
      externalid: TEXT_LIMIT(255),
      subsidiary: { ...SELECT('subsidiary'), mandatory: false, why: { assumption: 'Required with OneWorld only; the emulator requires it under its oneWorld preference (record/validate.ts).' } },
      currency: { ...SELECT('currency'), mandatory: false, why: DEFAULTED_CURRENCY },
      customform: NOT_REQUIRED(DEFAULTED_FORM),
      entitystatus: NOT_REQUIRED({ assumption: 'NetSuite gives a new customer the default customer status; the emulator models no customer statuses.' }),
      monthlyclosing: NOT_REQUIRED({ assumption: 'NetSuite defaults the statement closing day; the emulator models no statements.' }),
      datecreated: READ_ONLY(SYSTEM),
      lastmodifieddate: READ_ONLY(SYSTEM),
    },
    lineSubrecords: { addressbook: { addressbookaddress: ADDRESS } },
    lines: {
      currency: {
        currency: SELECT('currency'),
        balance: READ_ONLY(),
        depositbalance: READ_ONLY(),
        overduebalance: READ_ONLY(),
        unbilledorders: READ_ONLY(),
      },
    },
  },
  inventoryitem: item(
    {
      // Issue #20: matrix items and the store fields the product push reads.
      matrixtype: {
        listLabels: { PARENT: 'Parent Matrix Item', CHILD: 'Child Matrix Item' },
        why: { assumption: "SuiteScript sets matrixtype to 'PARENT' or 'CHILD' (public code creating matrix children sets 'CHILD'; SuiteTalk ItemMatrixType _parent/_child); empty for an item outside a matrix." },
      },
      weightunit: {
        listLabels: { '1': 'lb', '2': 'oz', '3': 'kg', '4': 'g' },
        why: { assumption: 'SuiteTalk ItemWeightUnit has _lb, _oz, _kg, _g; SuiteScript reads the select as 1 lb, 2 oz, 3 kg, 4 g (the form lists them in that order).' },
      },
      parent: SELECT('inventoryitem', { assumption: 'Subitem of / a matrix child\'s parent: another inventory item.' }),
      storedisplayimage: SELECT('file', { source: 'suiteapp/reference/netsuite-records/records.json (lotnumberedinventoryitem storedisplayimage: "Select an image from your file cabinet")' }),
      storedisplaythumbnail: SELECT('file', { source: 'suiteapp/reference/netsuite-records/records.json (lotnumberedinventoryitem storedisplaythumbnail)' }),
    },
    {
      lines: {
        locations: {
          location: { selectTarget: 'location', readOnly: true, why: { assumption: 'NetSuite keeps one locations line per location; scripts cannot change which.' } },
          quantityonhand: READ_ONLY({ assumption: 'Maintained by NetSuite from receipts, fulfilments and adjustments.' }),
          quantitycommitted: READ_ONLY({ assumption: 'Maintained by NetSuite from committed order lines.' }),
          quantityavailable: READ_ONLY({ assumption: 'On hand minus committed, maintained by NetSuite.' }),
          quantitybackordered: READ_ONLY({ assumption: 'Maintained by NetSuite from order lines it could not commit.' }),
          quantityonorder: READ_ONLY(),
        },
      },
    },
  ),
  shipitem: item(),
  // Kits: a TikTok virtual bundle imported as one line of its own SKU (shop setting Virtual Bundles As Kits).
  kititem: item(
    {
      taxschedule: NOT_REQUIRED(UNMODELLED_TARGET('tax schedules')),
      revrecforecastrule: NOT_REQUIRED(UNMODELLED_TARGET('revenue recognition rules')),
    },
    { lines: { member: { item: SELECT('item') } } },
  ),
  discountitem: item({
    ispretax: { defaultValue: true, why: { assumption: 'New discount items apply before sales tax, as the NetSuite form defaults the box.' } },
    account: NOT_REQUIRED(UNMODELLED_TARGET('chart of accounts')),
  }),
  salestaxitem: item({
    taxtype: SELECT('taxtype', { assumption: 'The tax type (SuiteTax) the code belongs to.' }),
  }),
  taxtype: {
    ...list('taxtype', { country: COUNTRY_CODE }),
    onlyWithProfile: { source: 'suiteapp/reference/netsuite-records/supplement.json entry taxtype-record (SuiteTax accounts)' },
  },
  // Other charges for sale: the connector books the tax TikTok collected on one (the shop's Tax Item).
  otherchargeitem: item(),
  location: list('location', {
    makeinventoryavailable: { defaultValue: true, why: { assumption: 'A new location makes its inventory available, as the NetSuite form defaults the box.' } },
    subsidiary: SELECT('subsidiary'),
    parent: SELECT('location'),
    timezone: NOT_REQUIRED(UNMODELLED_TARGET('time zone list')),
    country: COUNTRY_CODE,
  }, { subrecords: { mainaddress: ADDRESS } }),
  subsidiary: list('subsidiary', {
    currency: { ...SELECT('currency'), mandatory: false, why: DEFAULTED_CURRENCY },
    country: { ...COUNTRY_CODE, mandatory: false, why: { assumption: 'Required in the Records Browser; the emulator\'s test accounts create subsidiaries by name only (country stays optional until account profiles add it).' } },
    parent: { ...SELECT('subsidiary'), mandatory: false, why: { assumption: 'The root subsidiary has no parent.' } },
    checklayout: NOT_REQUIRED(UNMODELLED_TARGET('check layouts')),
    fiscalcalendar: NOT_REQUIRED(UNMODELLED_TARGET('fiscal calendars')),
    taxfiscalcalendar: NOT_REQUIRED(UNMODELLED_TARGET('fiscal calendars')),
    languagelocale: NOT_REQUIRED(UNMODELLED_TARGET('language list')),
    shipcountry: COUNTRY_CODE,
    returncountry: COUNTRY_CODE,
  }, { subrecords: { mainaddress: ADDRESS, returnaddress: ADDRESS, shippingaddress: ADDRESS } }),
  department: list('department', { subsidiary: SELECT('subsidiary'), parent: SELECT('department') }),
  classification: list('classification', { subsidiary: SELECT('subsidiary'), parent: SELECT('classification') }),
  currency: list('currency', {
    symbol: TEXT_LIMIT(3, { assumption: 'The ISO 4217 code (USD): three letters.' }),
    exchangerate: NOT_REQUIRED({ assumption: 'NetSuite sets 1 for the base currency; the account profile seeds the others (profiles/account-setup.ts).' }),
    currencyprecision: { kind: 'integer', why: { assumption: 'Read by scripts as a number (Oracle help section_N3201267: "In scripting, this field is always a number and never a list box").' } },
  }),
  // Price levels (Base Price, Alternate Price 1, ...): the account set-up creates them
  // (profiles/account-setup.ts); an item's prices per level are read with SuiteQL `pricing`.
  pricelevel: list('pricelevel'),
  paymentmethod: list('paymentmethod', {
    undepfunds: { defaultValue: true, why: { assumption: 'New payment methods group with undeposited funds, as the NetSuite form defaults the option.' } },
  }),
  account: {
    family: 'other',
    category: 'other',
    externalIdGroup: 'account',
    displayField: 'acctname',
    optimisticLocking: true,
    fields: {
      acctname: TEXT_LIMIT(60),
      acctnumber: NOT_REQUIRED({ assumption: 'Required in the Records Browser only when the Use Account Numbers preference is on; the emulator leaves it optional.' }),
      accttype: {
        selectTarget: `list:${Object.keys(ACCOUNT_TYPES).join(',')}`,
        listLabels: ACCOUNT_TYPES,
        why: { assumption: 'Account type ids as SuiteScript and SuiteQL `account.accttype` give them (Bank, AcctRec, OthCurrAsset, COGS, Expense, ...).' },
      },
      subsidiary: SELECT('subsidiary'),
      currency: SELECT('currency'),
      parent: SELECT('account'),
      billableexpensesacct: SELECT('account'),
      deferralacct: SELECT('account'),
      unit: NOT_REQUIRED(UNMODELLED_TARGET('units of measure')),
      externalid: TEXT_LIMIT(255),
    },
  },
  accountingperiod: {
    family: 'other',
    category: 'other',
    externalIdGroup: 'accountingperiod',
    displayField: 'periodname',
    optimisticLocking: true,
    fields: {
      periodname: TEXT_LIMIT(60),
      parent: { ...SELECT('accountingperiod'), mandatory: false, why: { assumption: 'A year period has no parent.' } },
      fiscalcalendar: NOT_REQUIRED(UNMODELLED_TARGET('fiscal calendars')),
    },
  },
  address: {
    family: 'other',
    category: 'other',
    externalIdGroup: 'address',
    displayField: 'addressee',
    optimisticLocking: false,
    subrecordOnly: true,
    fields: {
      country: { ...COUNTRY_CODE, mandatory: false, why: { assumption: 'Required in the Records Browser; NetSuite defaults it from the company, the emulator leaves it optional.' } },
      attention: TEXT_LIMIT(150, ADDRESS_TABLE),
      addressee: TEXT_LIMIT(150, { assumption: 'The address form\'s Addressee field holds 150 characters.' }),
      addr1: TEXT_LIMIT(150, ADDRESS_TABLE),
      addr2: TEXT_LIMIT(150, ADDRESS_TABLE),
      addr3: TEXT_LIMIT(150, ADDRESS_TABLE),
      city: TEXT_LIMIT(50, ADDRESS_TABLE),
      state: TEXT_LIMIT(30, { assumption: 'The address form\'s State field holds 30 characters (the table stores it wider).' }),
      zip: TEXT_LIMIT(36, ADDRESS_TABLE),
      addrphone: TEXT_LIMIT(22, { assumption: 'The address form\'s Phone field holds 22 characters (the table stores it wider).' }),
      addrtext: READ_ONLY({ assumption: 'The formatted address NetSuite builds from the other fields.' }),
    },
  },
};

/**
 * Select targets for joined search columns whose join id is not the select field they follow
 * (`customer.email` on a transaction follows `entity`).
 */
export const JOIN_SOURCES: Readonly<Record<string, { field: string; why: Why }>> = {
  customer: { field: 'entity', why: { assumption: 'The transaction search customer join follows the entity field (the customer of a sales transaction).' } },
  customermain: { field: 'entity', why: { assumption: 'The main-line customer join follows the entity field.' } },
};

/**
 * Search columns NetSuite computes from other values, that the emulator reads from a field it keeps
 * (`search type` → `column` → field or reader name).
 */
export const SEARCH_COLUMN_ALIASES: Readonly<Record<string, Readonly<Record<string, { field: string; why: Why }>>>> = {
  transaction: {
    shippingamount: {
      field: 'shippingcost',
      why: { assumption: 'The transaction search column "Amount (Shipping)" reads the transaction\'s shipping cost (body field shippingcost).' },
    },
    totalamount: {
      field: 'total',
      why: {
        source:
          'suiteapp/reference/netsuite-records/records.json: the transaction search filter totalamount and the column total share the label "Amount (Transaction Total)".',
      },
    },
    closed: {
      field: 'isclosed',
      why: { assumption: 'The transaction search "Closed" column and filter read the item line\'s isclosed box (records.json: salesorder item line isclosed).' },
    },
  },
};
