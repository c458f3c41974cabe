/**
 * The `type` NetSuite reports for items and transactions in searches and SuiteQL (`InvtPart`,
 * `SalesOrd`), with its display text. Other records report their record type id.
 */
import type { RecordTypeInfo } from '../store-types';

const ITEM_TYPES: Readonly<Record<string, [string, string]>> = {
  inventoryitem: ['InvtPart', 'Inventory Item'],
  lotnumberedinventoryitem: ['InvtPart', 'Inventory Item'],
  serializedinventoryitem: ['InvtPart', 'Inventory Item'],
  noninventoryitem: ['NonInvtPart', 'Non-inventory Item'],
  serviceitem: ['Service', 'Service'],
  otherchargeitem: ['OthCharge', 'Other Charge'],
  discountitem: ['Discount', 'Discount'],
  markupitem: ['Markup', 'Markup'],
  shipitem: ['ShipItem', 'Shipping Cost Item'],
  kititem: ['Kit', 'Kit/Package'],
  assemblyitem: ['Assembly', 'Assembly/Bill of Materials'],
  itemgroup: ['Group', 'Item Group'],
  giftcertificateitem: ['GiftCert', 'Gift Certificate'],
  descriptionitem: ['Description', 'Description'],
  subtotalitem: ['Subtotal', 'Subtotal'],
  paymentitem: ['Payment', 'Payment'],
  downloaditem: ['DwnLdItem', 'Download Item'],
};

const TRANSACTION_TEXT: Readonly<Record<string, string>> = {
  SalesOrd: 'Sales Order',
  ItemShip: 'Item Fulfillment',
  RtnAuth: 'Return Authorization',
  CashRfnd: 'Cash Refund',
  CustCred: 'Credit Memo',
  CashSale: 'Cash Sale',
  CustInvc: 'Invoice',
  CustRfnd: 'Customer Refund',
  CustDep: 'Customer Deposit',
  CustPymt: 'Payment',
  ItemRcpt: 'Item Receipt',
  PurchOrd: 'Purchase Order',
};

export function isTransactionType(info: RecordTypeInfo): boolean {
  return info.category === 'transaction';
}

export function isItemType(info: RecordTypeInfo): boolean {
  return info.isItem === true;
}

/** `SalesOrd`, `InvtPart`, or the record type id. */
export function typeCode(info: RecordTypeInfo): string {
  if (info.transactionType) return info.transactionType;
  return ITEM_TYPES[info.id]?.[0] ?? info.id;
}

/** `Sales Order`, `Inventory Item`, or the record type id. */
export function typeText(info: RecordTypeInfo): string {
  if (info.transactionType) return TRANSACTION_TEXT[info.transactionType] ?? info.transactionType;
  return ITEM_TYPES[info.id]?.[1] ?? info.id;
}
