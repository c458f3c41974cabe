/**
 * What this bridge has seen NetSuite record of TikTok's shipped packages (issue #15, `order.shipments`):
 * a package already created, updated or found in NetSuite with the same tracking number and line items
 * is not sent again. Every later status change of a shipped order (in transit, delivered, completed)
 * queues the order's shipments job; without this memo each one re-sent every package of the order to
 * `shipments.upsert` — idempotent, but it spent NetSuite's units and concurrency on nothing (the
 * returns chaos of test/chaos/returns-chaos.ts measured 140,810 of 222,743 units on it). The memo is
 * in memory and bounded: after a restart, or on another instance, a package is sent once more and
 * NetSuite answers `unchanged`.
 */
import type {
  ShipmentOutcome,
  TikTokShipment,
} from '../../../shared-types/src/fulfillments/shipments-upsert';

/** Outcomes after which NetSuite holds the package as sent (nothing to do on a re-send). */
const RECORDED: ReadonlySet<ShipmentOutcome> = new Set([
  'created',
  'updated',
  'unchanged',
  'netsuite',
  'label',
]);

export class RecordedShipments {
  private readonly seen = new Map<string, string>();

  constructor(private readonly capacity = 50_000) {}

  /** True when NetSuite already recorded this package exactly so (tracking number and line items). */
  isRecorded(shopId: string, shipment: TikTokShipment): boolean {
    return this.seen.get(keyOf(shopId, shipment.packageId)) === fingerprint(shipment);
  }

  /** Notes NetSuite's answer for a package sent; only answers meaning "recorded" are kept. */
  note(shopId: string, shipment: TikTokShipment, outcome: ShipmentOutcome): void {
    const key = keyOf(shopId, shipment.packageId);
    this.seen.delete(key);
    if (!RECORDED.has(outcome)) return;
    this.seen.set(key, fingerprint(shipment));
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  get size(): number {
    return this.seen.size;
  }
}

function keyOf(shopId: string, packageId: string): string {
  return `${shopId}:${packageId}`;
}

function fingerprint(shipment: TikTokShipment): string {
  return `${shipment.trackingNumber}|${[...shipment.lineItemIds].sort().join(',')}`;
}
