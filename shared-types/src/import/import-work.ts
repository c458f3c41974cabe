/**
 * The order import's getInputData, minus NetSuite: from the pending inbox rows and the lookups
 * resolved in bulk, one self-contained work item per inbox record, so that map() does no lookups.
 */
import type { AccountSetup } from '../netsuite/account-setup';
import { buyerExternalId, salesOrderExternalId, warehouseExternalId } from '../ids/external-ids';
import { isTikTokId } from '../ids/tiktok-id';
import { classifyForImport, decideImport } from '../orders/order-classify';
import type { LocationState, WarehouseLink } from '../orders/order-location';
import { orderSkuKeys } from '../orders/order-plan';
import { validateTikTokOrder } from '../contract/restlet-validation';
import type { ShopSettings } from '../settings/shop-settings';
import { orderOptionsOf } from '../settings/shop-settings';
import type { SkuItemMap } from '../orders/sku-item-map';
import type { TikTokOrder } from '../tiktok/tiktok-order';

/** Orders per import run; a capped run re-submits itself from summarize. */
export const IMPORT_RUN_CAP = 1000;
/** Values per `IN (?, ?, ...)` of the bulk lookups (SuiteQL/Oracle allows 1,000). */
export const LOOKUP_CHUNK_SIZE = 500;

export interface PendingInboxRow {
  id: string;
  shopRecordId: string;
  orderId: string;
  payload: string | null;
  attempts: number;
  /** TikTok's update_time of the stored payload: the claim checks nothing newer arrived since. */
  updateTime?: number | null;
  /** The sales order the inbox record is linked to (an earlier attempt saved it), if any. */
  salesOrderId?: string | null;
}

export interface ImportWorkItem {
  inboxId: string;
  attempts: number;
  shop: ShopSettings;
  /** The stored order, or null when `blocked` says why it cannot be read. */
  order: TikTokOrder | null;
  blocked: string | null;
  /** SKU → item id, only for this order's SKUs. */
  items: Record<string, string>;
  ambiguousSkus: Record<string, string[]>;
  buyerCustomerId: string | null;
  /** The record of the order's TikTok warehouse, when there is one. */
  warehouse?: WarehouseLink | null;
  /** State of the locations this order may use (shop default, FBT, warehouse-linked). */
  locations?: Record<string, LocationState>;
  /** For a replacement order: the original order's sales order, when it was imported. */
  replacedSalesOrderId?: string | null;
  /** The shop is in test mode and this is its one test order: pause the flow after it. */
  testOrder?: boolean;
  /** update_time of the payload this item was built from (import-claim.ts compares it). */
  updateTime?: number | null;
  /**
   * The order's own sales order when it already exists (an earlier attempt saved it but could not
   * finish: its read-back, FBT fulfillment or inbox write failed): found by externalid
   * `tts_<shopId>_<orderId>` in getInputData, so map links it instead of creating it again.
   */
  salesOrderId?: string | null;
  /** The run's claim token (import-claim.ts): map claims the inbox record with it before working. */
  claimToken?: string;
  /**
   * The account (account-setup.ts: features, currencies), read once per run; absent: every feature,
   * currencies not read.
   */
  account?: AccountSetup;
  /** Primary currency (internal id) of the buyer's existing customer, with Multiple Currencies. */
  buyerCustomerCurrencyId?: string | null;
}

/** What getInputData resolves in bulk besides items and customers (all optional). */
export interface ImportLookups {
  /** Warehouse externalid (`tts_wh_<shopId>_<warehouseId>`) → its record. */
  warehouses?: Readonly<Record<string, WarehouseLink>>;
  /** Location id → state. */
  locations?: Readonly<Record<string, LocationState>>;
  /** Sales order externalid → internal id (the orders' own, and originals of replacement orders). */
  salesOrders?: Readonly<Record<string, string>>;
  /** The run's claim token, given to every item. */
  claimToken?: string;
  /** The account, given to every item. */
  account?: AccountSetup;
  /** Customer internal id → its primary currency (internal id), for the buyers' customers found. */
  customerCurrencies?: Readonly<Record<string, string>>;
}

export type ParsedInboxRow = PendingInboxRow &
  ({ order: TikTokOrder; problem: null } | { order: null; problem: string });

/** Reads and re-validates a stored payload (it was validated on the way in, but records can be edited). */
export function parseInboxPayload(row: PendingInboxRow): ParsedInboxRow {
  if (row.payload === null || row.payload.trim() === '') {
    return {
      ...row,
      order: null,
      problem: `Inbox record ${row.id} has no order payload. Fix: resend TikTok order ${row.orderId} from the bridge.`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.payload);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ...row,
      order: null,
      problem: `Inbox record ${row.id} holds a payload that is not JSON (${reason}). Fix: resend TikTok order ${row.orderId} from the bridge.`,
    };
  }
  const checked = validateTikTokOrder(parsed, 'payload');
  if (!checked.ok) {
    return {
      ...row,
      order: null,
      problem: `Inbox record ${row.id} holds an order payload the connector cannot read: ${checked.problems.join('; ')}. Fix: resend TikTok order ${row.orderId} from the bridge.`,
    };
  }
  return { ...row, order: checked.value, problem: null };
}

function importableOrders(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
): TikTokOrder[] {
  return rows.flatMap((row) => {
    const shop = shops.get(row.shopRecordId);
    return row.order !== null &&
      shop !== undefined &&
      shop.pushOrders &&
      classifyForImport(row.order) === 'import'
      ? [row.order]
      : [];
  });
}

/** Every SKU key the import run must look up (orders that will be planned only). */
export function skusToLookUp(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
): string[] {
  return [...new Set(importableOrders(rows, shops).flatMap(orderSkuKeys))].sort();
}

/** Every per-buyer customer externalid the import run must look up. */
export function buyersToLookUp(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
): string[] {
  const ids = rows.flatMap((row) => {
    const shop = shops.get(row.shopRecordId);
    return row.order !== null && shop !== undefined && shop.pushOrders && shop.perBuyerCustomer
      ? [buyerExternalId(shop.shopId, row.order.user_id)]
      : [];
  });
  return [...new Set(ids)].sort();
}

export interface ImportWork {
  /** Inbox id → work item (map/reduce input: key = inbox id). */
  items: Record<string, ImportWorkItem>;
  /** Inbox ids left pending because their shop has Push orders to NetSuite off. */
  held: string[];
}

/**
 * Assembles the work items. Rows whose shop has Push orders off stay pending (held) until it is
 * turned on; rows whose shop record is missing become blocked items (map writes the message).
 */
export function buildImportWork(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
  skuMap: SkuItemMap,
  buyerCustomers: Readonly<Record<string, string>>,
  lookups: ImportLookups = {},
): ImportWork {
  const items: Record<string, ImportWorkItem> = {};
  const held: string[] = [];
  // A buyer without a customer yet gets it created by the first of their orders in this run; their
  // other orders wait for the next run (re-submitted at once), which finds the customer in bulk
  // instead of each map() racing to create it (a duplicate create and look-up cost ~25 units).
  const newBuyersThisRun = new Set<string>();
  for (const row of rows) {
    const shop = shops.get(row.shopRecordId);
    if (shop !== undefined && !shop.pushOrders) {
      held.push(row.id);
      continue;
    }
    const order = row.order;
    const newBuyer =
      shop !== undefined && shop.perBuyerCustomer && order !== null && row.problem === null
        ? buyerExternalId(shop.shopId, order.user_id)
        : null;
    if (newBuyer !== null && !Object.prototype.hasOwnProperty.call(buyerCustomers, newBuyer)) {
      if (newBuyersThisRun.has(newBuyer)) {
        held.push(row.id);
        continue;
      }
      newBuyersThisRun.add(newBuyer);
    }
    const blocked =
      shop === undefined
        ? `Inbox record ${row.id} points to TikTok Shop record ${row.shopRecordId}, which does not exist. Fix: reconnect the shop from the bridge (it re-creates the shop record), then resend TikTok order ${row.orderId}.`
        : row.problem;
    const itemsForOrder: Record<string, string> = {};
    const ambiguousForOrder: Record<string, string[]> = {};
    for (const sku of order === null ? [] : orderSkuKeys(order)) {
      if (Object.prototype.hasOwnProperty.call(skuMap.items, sku)) {
        itemsForOrder[sku] = skuMap.items[sku];
      }
      if (Object.prototype.hasOwnProperty.call(skuMap.ambiguous, sku)) {
        ambiguousForOrder[sku] = skuMap.ambiguous[sku];
      }
    }
    const buyerKey =
      shop !== undefined && order !== null ? buyerExternalId(shop.shopId, order.user_id) : null;
    items[row.id] = {
      inboxId: row.id,
      attempts: row.attempts,
      shop: shop ?? missingShop(row.shopRecordId),
      order: blocked === null ? order : null,
      blocked,
      items: itemsForOrder,
      ambiguousSkus: ambiguousForOrder,
      buyerCustomerId:
        buyerKey !== null && Object.prototype.hasOwnProperty.call(buyerCustomers, buyerKey)
          ? buyerCustomers[buyerKey]
          : null,
      ...orderLookups(shop, order, lookups),
      updateTime: row.updateTime ?? null,
      salesOrderId:
        own(lookups.salesOrders, shop === undefined ? null : ownKey(shop, order?.id ?? row.orderId)) ??
        row.salesOrderId ??
        null,
      ...(lookups.claimToken === undefined ? {} : { claimToken: lookups.claimToken }),
      ...(lookups.account === undefined ? {} : { account: lookups.account }),
    };
    const buyerCustomerId = items[row.id].buyerCustomerId;
    const currencyOfBuyer =
      buyerCustomerId === null ? null : own(lookups.customerCurrencies, buyerCustomerId);
    if (currencyOfBuyer !== null) {
      items[row.id].buyerCustomerCurrencyId = currencyOfBuyer;
    }
  }
  return { items, held };
}

function own<T>(map: Readonly<Record<string, T>> | undefined, key: string | null): T | null {
  return map !== undefined && key !== null && Object.prototype.hasOwnProperty.call(map, key)
    ? map[key]
    : null;
}

function orderLookups(
  shop: ShopSettings | undefined,
  order: TikTokOrder | null,
  lookups: ImportLookups,
): Pick<ImportWorkItem, 'warehouse' | 'locations' | 'replacedSalesOrderId'> {
  if (shop === undefined || order === null) {
    return {};
  }
  const warehouse = own(lookups.warehouses, warehouseKey(shop, order));
  const locations: Record<string, LocationState> = {};
  for (const id of shopLocationIds(shop)) {
    const state = own(lookups.locations, id);
    if (state !== null) {
      locations[id] = state;
    }
  }
  const linked = warehouse?.locationId ?? null;
  const linkedState = own(lookups.locations, linked);
  if (linked !== null && linkedState !== null) {
    locations[linked] = linkedState;
  }
  return {
    warehouse,
    locations: lookups.locations === undefined ? undefined : locations,
    replacedSalesOrderId: own(lookups.salesOrders, replacedKey(shop, order)),
  };
}

function warehouseKey(shop: ShopSettings, order: TikTokOrder): string | null {
  const id = order.warehouse_id?.trim();
  return isTikTokId(id) && isTikTokId(shop.shopId) ? warehouseExternalId(shop.shopId, id) : null;
}

function ownKey(shop: Pick<ShopSettings, 'shopId'>, orderId: string): string | null {
  return isTikTokId(orderId) && isTikTokId(shop.shopId) ? salesOrderExternalId(shop.shopId, orderId) : null;
}

function replacedKey(shop: ShopSettings, order: TikTokOrder): string | null {
  const id = order.replaced_order_id?.trim();
  return isTikTokId(id) && isTikTokId(shop.shopId) ? salesOrderExternalId(shop.shopId, id) : null;
}

function shopLocationIds(shop: ShopSettings): string[] {
  const fbt = orderOptionsOf(shop).fbtLocationId;
  return [shop.locationId, fbt].filter((id): id is string => id !== null);
}

function takenOrders(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
): { shop: ShopSettings; order: TikTokOrder }[] {
  return rows.flatMap((row) => {
    const shop = shops.get(row.shopRecordId);
    return row.order !== null && shop !== undefined && shop.pushOrders ? [{ shop, order: row.order }] : [];
  });
}

/** Warehouse externalids the run must look up. */
export function warehousesToLookUp(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
): string[] {
  const keys = takenOrders(rows, shops).map(({ shop, order }) => warehouseKey(shop, order));
  return [...new Set(keys.filter((k): k is string => k !== null))].sort();
}

/** Sales order externalids of the originals of replacement orders. */
export function replacedOrdersToLookUp(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
): string[] {
  const keys = takenOrders(rows, shops).map(({ shop, order }) => replacedKey(shop, order));
  return [...new Set(keys.filter((k): k is string => k !== null))].sort();
}

/**
 * Sales order externalids of the orders themselves: a sales order an earlier attempt saved is
 * linked, not created again (no DUP_RCRD round trip, no loop when what followed the save failed).
 */
export function ownSalesOrdersToLookUp(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
): string[] {
  const keys = takenOrders(rows, shops).map(({ shop, order }) => ownKey(shop, order.id));
  return [...new Set(keys.filter((k): k is string => k !== null))].sort();
}

/** The shops' Tax Codes (tax booking, order-tax-booking.ts) the run must read. */
export function taxCodesToLookUp(shops: ReadonlyMap<string, ShopSettings>): string[] {
  const ids = [...shops.values()].map((shop) => shop.taxCodeId ?? null);
  return [...new Set(ids.filter((id): id is string => id !== null))].sort();
}

/** Location ids whose state the run must know: the shops' and those linked to the warehouses found. */
export function locationsToLookUp(
  shops: ReadonlyMap<string, ShopSettings>,
  warehouses: Readonly<Record<string, WarehouseLink>>,
): string[] {
  const ids = [
    ...[...shops.values()].flatMap(shopLocationIds),
    ...Object.values(warehouses).map((w) => w.locationId),
  ];
  return [...new Set(ids.filter((id): id is string => id !== null))].sort();
}

/**
 * Test with one order: for a shop in test mode the run takes only the chosen order (Test Order
 * ID) or, without one, the oldest order that would be imported; the shop's other records stay as
 * they are for after the review. Returns the rows to import and the inbox id of each shop's test order.
 */
export function applyTestMode(
  rows: readonly ParsedInboxRow[],
  shops: ReadonlyMap<string, ShopSettings>,
): { rows: ParsedInboxRow[]; testOrders: Set<string> } {
  const chosen = new Map<string, string>();
  for (const row of rows) {
    const shop = shops.get(row.shopRecordId);
    if (shop === undefined || !orderOptionsOf(shop).testMode || chosen.has(row.shopRecordId)) {
      continue;
    }
    const wanted = orderOptionsOf(shop).testOrderId;
    const fits =
      wanted !== null
        ? row.orderId === wanted
        : row.order !== null && decideImport(row.order, shop).kind === 'import';
    if (fits) {
      chosen.set(row.shopRecordId, row.id);
    }
  }
  const testOrders = new Set(chosen.values());
  const kept = rows.filter((row) => {
    const shop = shops.get(row.shopRecordId);
    return shop === undefined || !orderOptionsOf(shop).testMode || testOrders.has(row.id);
  });
  return { rows: kept, testOrders };
}

function missingShop(recordId: string): ShopSettings {
  return {
    recordId,
    shopId: '',
    name: `(missing shop record ${recordId})`,
    currency: null,
    pushOrders: false,
    perBuyerCustomer: false,
    customerId: null,
    subsidiaryId: null,
    locationId: null,
    departmentId: null,
    classId: null,
    shippingItemId: null,
    taxItemId: null,
    paymentMethodMap: null,
  };
}

/**
 * The pending inbox records one run takes: oldest first, at most `cap`, skipping shops with Push
 * orders off (so a switched-off shop's backlog cannot starve the others). Records of a shop that
 * no longer exists are taken, so they get an error message.
 */
export function selectForRun<T extends { shopRecordId: string }>(
  pending: readonly T[],
  shops: ReadonlyMap<string, Pick<ShopSettings, 'pushOrders'>>,
  cap: number,
): T[] {
  return pending.filter((row) => shops.get(row.shopRecordId)?.pushOrders ?? true).slice(0, cap);
}

/**
 * Inbox ids still pending after a run that this run did not take: orders that arrived while it ran
 * or that the cap left out. Orders of shops with Push orders off, and orders this run already
 * handled, do not count (re-submitting for them would loop).
 */
export function pendingLeftOver(
  pending: readonly { id: string; shopRecordId: string }[],
  shops: ReadonlyMap<string, Pick<ShopSettings, 'pushOrders' | 'orderOptions'>>,
  processed: ReadonlySet<string>,
): string[] {
  // A shop in test mode imports one order per run on purpose: its other records are not left over.
  return selectForRun(pending, shops, Number.MAX_SAFE_INTEGER)
    .filter((row) => !processed.has(row.id))
    .filter((row) => {
      const shop = shops.get(row.shopRecordId);
      return shop === undefined || !orderOptionsOf(shop).testMode;
    })
    .map((row) => row.id);
}
