/**
 * The payload of the `fulfillment.ship` and `fulfillment.update` outbox rows (docs/contracts.md):
 * what TikTok needs to mark a package shipped or correct its shipping information, captured in
 * NetSuite (fulfillment-capture.ts) and delivered by the bridge (bridge/src/outbox/fulfillment-delivery.ts).
 */
import type { NetSuiteCarrier } from './carrier-map';

export type CarrierPayload = NetSuiteCarrier;

export interface FulfillmentPayload {
  salesOrderId: string;
  /** Internal id of the item fulfillment (its TikTok package id is written back to it). */
  fulfillmentId: string;
  tranId: string | null;
  /** TikTok line item ids the fulfillment covers (one per unit). */
  lineItemIds: string[];
  /**
   * Tracking numbers of its packages; TikTok takes one per package, so where Mark Package As Shipped
   * is offered each becomes a TikTok package with its share of the line items (package-split.ts).
   */
  trackingNumbers: string[];
  carrier: CarrierPayload;
  /** `fulfillment.update`: the number TikTok has now; null for `fulfillment.ship`. */
  previousTrackingNumber: string | null;
  /**
   * The shop's Carrier Map as the outbox pull read it (NetSuite value → TikTok provider id), so a
   * map fixed after capture applies; absent in the stored row.
   */
  carrierMap?: Record<string, string>;
}
