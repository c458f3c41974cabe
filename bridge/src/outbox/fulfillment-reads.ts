/**
 * What the fulfillment deliveries of one outbox pass read from TikTok, read once
 * (outbox/fulfillment-delivery.ts): the orders of the pulled fulfillment rows by Get Order Detail, up
 * to 50 ids a call, and each delivery option's shipping providers. An order is read again once a
 * package of it was sent (its next row sees the shipment) and when a refusal is re-checked, so a
 * stale read never ships twice. Without it every row reads its order and providers itself (the
 * naive baseline of test/bench/fulfillment-cost.ts).
 */
import type { TikTokProvider } from '../../../shared-types/src/fulfillments/carrier-map';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import type { TikTokClient } from '../tiktok/client';
import { MAX_ORDER_DETAIL_IDS } from '../tiktok/types';

export class FulfillmentReads {
  private readonly orders = new Map<string, TikTokOrder>();
  private readonly providers = new Map<string, TikTokProvider[]>();

  constructor(
    private readonly tiktok: TikTokClient,
    private readonly shopId: string,
  ) {}

  /** Reads the orders not read yet, 50 per call. */
  async prefetch(orderIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(orderIds)].filter((id) => !this.orders.has(id));
    for (let i = 0; i < missing.length; i += MAX_ORDER_DETAIL_IDS) {
      const orders = await this.tiktok.getOrderDetail(
        this.shopId,
        missing.slice(i, i + MAX_ORDER_DETAIL_IDS),
      );
      for (const order of orders) this.orders.set(order.id, order);
    }
  }

  /** The order as read this pass, or read now (`fresh`: always read now). */
  async order(orderId: string, fresh = false): Promise<TikTokOrder | undefined> {
    if (!fresh && this.orders.has(orderId)) return this.orders.get(orderId);
    const [order] = (await this.tiktok.getOrderDetail(this.shopId, [orderId])).filter(
      (o) => o.id === orderId,
    );
    if (order) this.orders.set(orderId, order);
    else this.orders.delete(orderId);
    return order;
  }

  /** A package of the order was sent: the next read of it asks TikTok. */
  forget(orderId: string): void {
    this.orders.delete(orderId);
  }

  async shippingProviders(deliveryOptionId: string): Promise<TikTokProvider[]> {
    const known = this.providers.get(deliveryOptionId);
    if (known) return known;
    const providers = await this.tiktok.getShippingProviders(this.shopId, deliveryOptionId);
    this.providers.set(deliveryOptionId, providers);
    return providers;
  }
}
