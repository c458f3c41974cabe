/**
 * What the bridge does when TikTok refuses to ship or correct a package (codes of the Mark Package As
 * Shipped, Ship Package and Update (Package) Shipping Info pages, TikTok's fulfillment API; the simulator
 * returns them: sandbox/tiktok/src/errors.ts). Each code has one outcome:
 *
 * - `done`: the line items are shipped on TikTok already (an earlier delivery whose acknowledgement
 *   was lost, or shipped in Seller Center) — the bridge re-reads the order to confirm and reports
 *   the package;
 * - `recheck`: maybe our own earlier delivery (a duplicate tracking number): re-read the order, done
 *   when the lines are shipped with this number, else the exception;
 * - `package_model`: Mark Package As Shipped is not offered in the market (21008106): use Ship Package;
 * - `retry`: a state that passes (on hold, the package not shipped yet for an update);
 * - `exception`: a person must act; the message says what to do.
 */

export type RefusalOutcome =
  | { action: 'done' }
  | { action: 'recheck'; otherwise: string }
  | { action: 'package_model' }
  | { action: 'retry'; why: string }
  | { action: 'exception'; fix: string };

export const SHIP_CODES = {
  INTERFACE_NOT_IN_REGION: 21008106,
  ALREADY_SHIPPED: 21011006,
  PACKAGE_ALREADY_SHIPPED: 21008099,
  DUPLICATE_TRACKING: 21011025,
  TRACKING_USED_TOO_OFTEN: 21011026,
  TRACKING_MISMATCH_PROVIDER: 21004015,
  TRACKING_NO_CARRIER: 11028006,
  TRACKING_SPECIAL_CHARACTERS: 21004012,
  TRACKING_OR_PROVIDER_INVALID: 21011022,
  ORDER_CANCELLED: 21011041,
  PACKAGE_ORDER_CANCELLED: 21011042,
  ON_HOLD: 21011044,
  FULFILLED_BY_TIKTOK: 21008025,
  NOT_SHIPPED: 21011043,
  WINDOW_CLOSED: 21011049,
  UPDATED_ONCE: 21011051,
  DELIVERED: 21011030,
  NOT_SELLER_SHIPPED: 21011004,
  STATUS_NOT_ALLOWED: 10007002,
  AFTER_SALE_REQUEST: 21011007,
  ACTION_NOT_ALLOWED: 21011003,
} as const;

const FIX_TRACKING =
  "correct the tracking number on the item fulfillment's package sublist (or the Carrier Map on the TikTok Shop record if the carrier is wrong) and save the fulfillment: the corrected number is sent by itself";

/** The outcome of a refusal of `code` while shipping (`ship`) or correcting (`update`). */
export function refusalOutcome(code: number, mode: 'ship' | 'update'): RefusalOutcome {
  switch (code) {
    case SHIP_CODES.INTERFACE_NOT_IN_REGION:
      return { action: 'package_model' };
    case SHIP_CODES.ALREADY_SHIPPED:
    case SHIP_CODES.PACKAGE_ALREADY_SHIPPED:
      return { action: 'done' };
    case SHIP_CODES.DUPLICATE_TRACKING:
      return {
        action: 'recheck',
        otherwise: `TikTok says the tracking number is already used by another package or by an order of another buyer (code ${code}). Fix: ${FIX_TRACKING}.`,
      };
    case SHIP_CODES.TRACKING_USED_TOO_OFTEN:
      return {
        action: 'exception',
        fix: `TikTok allows one tracking number on at most 20 orders of the same buyer (code ${code}). Fix: ${FIX_TRACKING}.`,
      };
    case SHIP_CODES.TRACKING_MISMATCH_PROVIDER:
    case SHIP_CODES.TRACKING_NO_CARRIER:
    case SHIP_CODES.TRACKING_SPECIAL_CHARACTERS:
    case SHIP_CODES.TRACKING_OR_PROVIDER_INVALID:
      return {
        action: 'exception',
        fix: `TikTok refused the tracking number for this shipping provider (code ${code}). Fix: ${FIX_TRACKING}.`,
      };
    case SHIP_CODES.ORDER_CANCELLED:
    case SHIP_CODES.PACKAGE_ORDER_CANCELLED:
      return {
        action: 'exception',
        fix: `The TikTok order was cancelled meanwhile (code ${code}); TikTok will not take the shipment. Fix: stop or recall the shipment if you can; otherwise treat it as a return (the buyer was refunded by TikTok). The connector closes the sales order's open lines.`,
      };
    case SHIP_CODES.ON_HOLD:
      return {
        action: 'retry',
        why: `the TikTok order is on hold (code ${code}); it is sent when TikTok releases it`,
      };
    case SHIP_CODES.NOT_SHIPPED:
      return mode === 'update'
        ? {
            action: 'retry',
            why: `TikTok has not shipped the package yet (code ${code}); the shipment row is sent first`,
          }
        : {
            action: 'exception',
            fix: `TikTok answered code ${code}. Fix: check the order in TikTok Seller Center.`,
          };
    case SHIP_CODES.FULFILLED_BY_TIKTOK:
      return {
        action: 'exception',
        fix: `TikTok fulfils this order itself (code ${code}); nothing is sent. Fix: none needed; do not fulfil Fulfilled-by-TikTok orders from a NetSuite warehouse.`,
      };
    case SHIP_CODES.WINDOW_CLOSED:
      return {
        action: 'exception',
        fix: `TikTok accepts a corrected tracking number only within 72 hours of shipping (code ${code}). Fix: correct it in TikTok Seller Center if TikTok allows, or contact TikTok support.`,
      };
    case SHIP_CODES.UPDATED_ONCE:
      return {
        action: 'exception',
        fix: `TikTok accepts one tracking number correction per order and it was used (code ${code}). Fix: contact TikTok support to correct it.`,
      };
    case SHIP_CODES.DELIVERED:
      return {
        action: 'exception',
        fix: `The package is delivered already (code ${code}); TikTok no longer takes corrections. Fix: none possible through the API; contact TikTok support if needed.`,
      };
    case SHIP_CODES.NOT_SELLER_SHIPPED:
      return {
        action: 'exception',
        fix: `The package was shipped with TikTok Shipping, not by the seller (code ${code}); its tracking number is TikTok's. Fix: none needed; the NetSuite number is not sent.`,
      };
    case SHIP_CODES.STATUS_NOT_ALLOWED:
      return {
        action: 'retry',
        why: `TikTok cannot update the order's shipping information in its current status (code ${code})`,
      };
    case SHIP_CODES.AFTER_SALE_REQUEST:
      return {
        action: 'exception',
        fix: `The buyer has a pending cancellation or after-sale request on these items (code ${code}). Fix: answer the request on the sales order (Buyer Cancellation Answer) or in Seller Center, then set this outbox record back to pending.`,
      };
    default:
      return {
        action: 'exception',
        fix: `TikTok refused with code ${code}. Fix: check the order in TikTok Seller Center, then set this outbox record back to pending.`,
      };
  }
}
