/**
 * Shop webhook subscriptions (TikTok's Event API: get, update, delete shop webhooks), with TikTok's
 * rules for a webhook address.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import type { SimulatorState } from '../../domain/state';
import { Gateway } from '../../errors';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../webhooks/event-types';
import { optString, requireShopId } from '../body';
import type { ApiContext, RouteDef } from '../route-table';

/**
 * Checks a webhook address. TikTok requires https, a domain name (no IP) and no port
 * (TikTok's webhooks overview, partner.tiktokshop.com/docv2/page/tts-webhooks-overview); `strict: false` (the default for local runs) also accepts http://host:port.
 */
export function validateWebhookAddress(address: string | undefined, strict: boolean): string {
  if (!address) throw Gateway.invalidParam('address is required');
  if (address.length > 255) throw Gateway.invalidParam('address must be at most 255 characters');
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw Gateway.invalidParam('address must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw Gateway.invalidParam('address must be an https URL');
  if (strict) {
    if (url.protocol !== 'https:') throw Gateway.invalidParam('address must be an https URL');
    if (url.port !== '') throw Gateway.invalidParam('address must not contain a port');
    if (/^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[')) {
      throw Gateway.invalidParam('address must use a domain name, not an IP address');
    }
  }
  return address;
}

function readEventType(ctx: ApiContext): string {
  const eventType = optString(ctx.body, 'event_type');
  if (!eventType || !SUBSCRIBABLE_EVENT_TYPES.includes(eventType)) {
    throw Gateway.invalidParam(`event_type must be one of ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}`);
  }
  return eventType;
}

/** Shop webhook subscriptions (TikTok's Event API). */
export function eventRoutes(state: SimulatorState, clock: Clock, strictAddresses: boolean): RouteDef[] {
  const now = () => Math.floor(clock.now() / 1000);
  return [
    {
      method: 'GET',
      pattern: '/event/202309/webhooks',
      scope: 'seller.authorization.info',
      shopLevel: true,
      handler: (ctx) => {
        const shopId = requireShopId(ctx.shop);
        const webhooks = state.subscriptions
          .filter((s) => s.shopId === shopId)
          .map((s) => ({
            event_type: s.eventType,
            address: s.address,
            create_time: s.createTime,
            update_time: s.updateTime,
          }));
        return { webhooks, total_count: webhooks.length };
      },
    },
    {
      method: 'PUT',
      pattern: '/event/202309/webhooks',
      scope: 'seller.authorization.info',
      shopLevel: true,
      handler: (ctx) => {
        const shopId = requireShopId(ctx.shop);
        const address = validateWebhookAddress(optString(ctx.body, 'address'), strictAddresses);
        const eventType = readEventType(ctx);
        const existing = state.subscriptions.find((s) => s.shopId === shopId && s.eventType === eventType);
        if (existing) {
          existing.address = address;
          existing.updateTime = now();
        } else {
          state.subscriptions.push({ shopId, eventType, address, createTime: now(), updateTime: now() });
        }
        return {};
      },
    },
    {
      method: 'DELETE',
      pattern: '/event/202309/webhooks',
      scope: 'seller.authorization.info',
      shopLevel: true,
      handler: (ctx) => {
        const shopId = requireShopId(ctx.shop);
        const eventType = readEventType(ctx);
        const index = state.subscriptions.findIndex((s) => s.shopId === shopId && s.eventType === eventType);
        if (index >= 0) state.subscriptions.splice(index, 1);
        return {};
      },
    },
  ];
}
