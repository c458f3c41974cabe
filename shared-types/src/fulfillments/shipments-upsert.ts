/**
 * RESTlet action `shipments.upsert` (docs/contracts.md, issue #15 item 2, setting _Push shipments to
 * NetSuite_ `custrecord_tts_shop_push_shipments`): TikTok packages shipped outside NetSuite — in
 * TikTok Seller Center, or by TikTok's warehouse for Fulfilled-by-TikTok (FBT) orders — recorded in
 * NetSuite with TikTok's carrier and tracking number. The bridge finds them through PACKAGE_UPDATE and
 * ORDER_STATUS_CHANGE webhooks and Search Package (bridge/src/workers/shipments.ts) and sends each
 * shipped package; `decideShipment` says what NetSuite does with it:
 *
 * - a package NetSuite shipped itself (a `fulfillment.ship` row of the order with its tracking number
 *   or its line items) or whose label the connector arranged (`label.request`: the warehouse ships it
 *   from NetSuite) → nothing (`netsuite`, `label`);
 * - an FBT order: the item fulfillment the import made (`tts_fbt_<shop>_<order>`) gets TikTok's tracking
 *   number on its package line (never a second fulfillment);
 * - otherwise a new item fulfillment, Shipped, of the package's line items, externalid
 *   `tts_shp_<shop>_<package>`: NetSuite refuses a second one (exactly once).
 */
import { describeValue, isPlainObject, Problems } from '../contract/validation-problems';
import { isTikTokId } from '../ids/tiktok-id';

export const SHIPMENTS_UPSERT_ACTION = 'shipments.upsert';
/** Most packages per call (a new fulfillment costs ~60 units of the RESTlet's 5,000). */
export const MAX_SHIPMENTS_PER_UPSERT = 25;

export interface TikTokShipment {
  orderId: string;
  packageId: string;
  trackingNumber: string;
  /** TikTok's carrier (shipping provider name). */
  carrier: string;
  /** TikTok line item ids in the package (one per unit). */
  lineItemIds: string[];
  /** When TikTok last changed the package (Unix s), or null. */
  updateTime: number | null;
}

export interface ShipmentsUpsertRequest {
  action: typeof SHIPMENTS_UPSERT_ACTION;
  shopId: string;
  shipments: TikTokShipment[];
}

/**
 * `created` a fulfillment was made now; `updated` the FBT fulfillment got the tracking number;
 * `unchanged` NetSuite has it already; `netsuite` NetSuite shipped it (its own fulfillment);
 * `label` the connector arranged it for a label (the warehouse ships it from NetSuite);
 * `waiting` the order is not a sales order (or its FBT fulfillment not made) yet: send it again later;
 * `not_imported` the order will not be a sales order (its inbox record is skipped or cancelled): nothing to record;
 * `error` it could not be recorded (`message` says what to fix); `flow_off` Push shipments to NetSuite is off.
 */
export type ShipmentOutcome =
  | 'created'
  | 'updated'
  | 'unchanged'
  | 'netsuite'
  | 'label'
  | 'waiting'
  | 'not_imported'
  | 'error'
  | 'flow_off';

export interface ShipmentResult {
  packageId: string;
  outcome: ShipmentOutcome;
  fulfillmentId: string | null;
  message: string | null;
}

export interface ShipmentsUpsertResponse {
  ok: true;
  results: ShipmentResult[];
}

export type ShipmentsValidation =
  { ok: true; value: ShipmentsUpsertRequest } | { ok: false; problems: string[] };

export function validateShipmentsUpsert(body: Record<string, unknown>): ShipmentsValidation {
  const problems = new Problems();
  if (!isTikTokId(body.shopId))
    problems.add(
      'shopId',
      `${describeValue(body.shopId)} is not a TikTok shop id; send its digits as a string`,
    );
  const list = body.shipments;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_SHIPMENTS_PER_UPSERT) {
    problems.add(
      'shipments',
      `${describeValue(list)}: send 1 to ${MAX_SHIPMENTS_PER_UPSERT} shipped packages`,
    );
  } else {
    const seen = new Set<string>();
    list.forEach((s: unknown, i) => {
      const path = `shipments[${i}]`;
      if (!isPlainObject(s)) {
        problems.add(path, `${describeValue(s)} is not an object`);
        return;
      }
      if (!isTikTokId(s.orderId))
        problems.add(`${path}.orderId`, `${describeValue(s.orderId)} is not a TikTok order id`);
      if (!isTikTokId(s.packageId))
        problems.add(`${path}.packageId`, `${describeValue(s.packageId)} is not a TikTok package id`);
      else if (seen.has(s.packageId))
        problems.add(`${path}.packageId`, `package ${s.packageId} is sent twice; send each package once`);
      else seen.add(s.packageId);
      if (
        typeof s.trackingNumber !== 'string' ||
        s.trackingNumber.trim() === '' ||
        s.trackingNumber.length > 100
      )
        problems.add(
          `${path}.trackingNumber`,
          `${describeValue(s.trackingNumber)}: a shipped package has TikTok's tracking number (1 to 100 characters)`,
        );
      if (typeof s.carrier !== 'string')
        problems.add(
          `${path}.carrier`,
          `${describeValue(s.carrier)}: send the carrier name ('' when unknown)`,
        );
      if (!Array.isArray(s.lineItemIds) || s.lineItemIds.length === 0 || !s.lineItemIds.every(isTikTokId))
        problems.add(
          `${path}.lineItemIds`,
          `${describeValue(s.lineItemIds)}: send the package's TikTok line item ids (digits)`,
        );
      if (
        s.updateTime !== null &&
        s.updateTime !== undefined &&
        !(typeof s.updateTime === 'number' && Number.isInteger(s.updateTime) && s.updateTime >= 0)
      )
        problems.add(`${path}.updateTime`, `${describeValue(s.updateTime)}: send Unix seconds or null`);
    });
  }
  return problems.count === 0
    ? { ok: true, value: body as unknown as ShipmentsUpsertRequest }
    : { ok: false, problems: problems.toList() };
}

/** externalid of the item fulfillment of a package shipped outside NetSuite. */
export function shipmentFulfillmentExternalId(shopId: string, packageId: string): string {
  return `tts_shp_${shopId}_${packageId}`;
}

/**
 * Whether an item fulfillment's externalid says TikTok shipped it — made by shipments.upsert
 * (`tts_shp_…`) or by the import for a Fulfilled-by-TikTok order (`tts_fbt_…`): nothing to send back.
 */
export function isShipmentFromTikTok(externalId: unknown): boolean {
  return (
    typeof externalId === 'string' && (externalId.startsWith('tts_shp_') || externalId.startsWith('tts_fbt_'))
  );
}

/** What NetSuite knows about the package's order, read by the SuiteApp. */
export interface ShipmentContext {
  /** Push shipments to NetSuite. */
  flowOn: boolean;
  salesOrder: {
    id: string;
    fbt: boolean;
    /** Tracking numbers of labels the connector attached (`custbody_tts_label_tracking`). */
    labelTracking: string[];
    lines: { line: string; tiktokLineIds: string[] }[];
  } | null;
  /** FBT orders: the fulfillment the import made, with its package tracking numbers. */
  fbtFulfillment: { id: string; trackingNumbers: string[] } | null;
  /** A fulfillment already recording this package (externalid `tts_shp_…` or its TikTok Package ID). */
  existing: { id: string } | null;
  /** The order's `fulfillment.ship` rows not skipped: NetSuite's own shipments. */
  netsuiteShipments: { fulfillmentId: string | null; trackingNumbers: string[]; lineItemIds: string[] }[];
  /** A `label.request` row of the order that was not skipped: the connector arranged it. */
  labelRequested: boolean;
  /** Without a sales order: the order inbox record's state (`skipped`, `cancelled` …), null when none. */
  inboxState?: string | null;
}

export type ShipmentDecision =
  | {
      action: 'none';
      outcome: Exclude<ShipmentOutcome, 'created' | 'updated' | 'error'>;
      fulfillmentId: string | null;
      message: string | null;
    }
  | { action: 'add_tracking'; fulfillmentId: string }
  | { action: 'create'; lines: { line: string; quantity: number }[] }
  | { action: 'error'; message: string };

export function decideShipment(shipment: TikTokShipment, ctx: ShipmentContext): ShipmentDecision {
  const order = `TikTok order ${shipment.orderId}`;
  if (!ctx.flowOn) return { action: 'none', outcome: 'flow_off', fulfillmentId: null, message: null };
  const so = ctx.salesOrder;
  if (so === null && (ctx.inboxState === 'skipped' || ctx.inboxState === 'cancelled'))
    return {
      action: 'none',
      outcome: 'not_imported',
      fulfillmentId: null,
      message: `${order} is ${ctx.inboxState} in the order inbox (not a sales order): its package is not recorded.`,
    };
  if (so === null)
    return {
      action: 'none',
      outcome: 'waiting',
      fulfillmentId: null,
      message: `${order} is not a NetSuite sales order yet; the package is recorded once it is imported.`,
    };
  if (so.fbt) {
    const fbt = ctx.fbtFulfillment;
    if (fbt === null)
      return {
        action: 'none',
        outcome: 'waiting',
        fulfillmentId: null,
        message: `${order} is Fulfilled by TikTok and its item fulfillment is not made yet (the import makes it); the tracking number is added to it then.`,
      };
    if (fbt.trackingNumbers.includes(shipment.trackingNumber))
      return { action: 'none', outcome: 'unchanged', fulfillmentId: fbt.id, message: null };
    return { action: 'add_tracking', fulfillmentId: fbt.id };
  }
  if (ctx.existing !== null)
    return { action: 'none', outcome: 'unchanged', fulfillmentId: ctx.existing.id, message: null };
  const mine = ctx.netsuiteShipments.find(
    (r) =>
      r.trackingNumbers.includes(shipment.trackingNumber) ||
      r.lineItemIds.some((id) => shipment.lineItemIds.includes(id)),
  );
  if (mine !== undefined)
    return { action: 'none', outcome: 'netsuite', fulfillmentId: mine.fulfillmentId, message: null };
  if (ctx.labelRequested || so.labelTracking.includes(shipment.trackingNumber))
    return {
      action: 'none',
      outcome: 'label',
      fulfillmentId: null,
      message: `${order}: package ${shipment.packageId} was arranged for TikTok's label (tracking ${shipment.trackingNumber}); the warehouse ships it with an item fulfillment in NetSuite.`,
    };
  // One id per unit; a virtual bundle imported as its components gives every component unit the
  // bundle's id (fulfillment-lines.ts), so each line ships as many units as its ids in the package.
  const inPackage = new Set(shipment.lineItemIds);
  const covered = new Set<string>();
  const lines: { line: string; quantity: number }[] = [];
  for (const line of so.lines) {
    const mine = line.tiktokLineIds.filter((id) => inPackage.has(id));
    for (const id of mine) covered.add(id);
    if (mine.length > 0) lines.push({ line: line.line, quantity: mine.length });
  }
  const missing = [...inPackage].filter((id) => !covered.has(id));
  if (missing.length > 0 || lines.length === 0)
    return {
      action: 'error',
      message: `${order}: package ${shipment.packageId} (tracking ${shipment.trackingNumber}) ships TikTok line items ${missing.join(', ') || shipment.lineItemIds.join(', ')} that no line of sales order ${so.id} carries (TikTok Line IDs). Fix: check the sales order's lines, then fulfil the package in NetSuite by hand with that tracking number.`,
    };
  return { action: 'create', lines };
}
