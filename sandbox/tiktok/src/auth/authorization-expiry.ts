/**
 * UPCOMING_AUTHORIZATION_EXPIRATION (webhook type 7; TikTok's topic page "7 Upcoming authorization
 * expiration"): 30 days before an authorization expires, then once a day at 0:00 (UTC here; the page
 * names no time zone) until the seller authorizes again or it expires. `data`: `message` "Authorization
 * of shop_id {id} is expiring in {n} days. Please direct the merchant to re-authorize." and
 * `expiration_time` (a string of Unix seconds, as in the page's sample).
 */
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { SimulatorState } from '../domain/state';
import type { Authorization } from '../domain/types';
import type { Scheduler } from '../scheduler';
import type { WebhookSender } from '../webhooks/sender';

export const NOTICE_LEAD_SECONDS = 30 * 86_400;
const DAY_MS = 86_400_000;

export class AuthorizationExpiryNotices {
  constructor(
    private readonly deps: {
      state: SimulatorState;
      clock: Clock;
      scheduler: Scheduler;
      webhooks: WebhookSender;
    },
  ) {}

  /** Schedules the notices of a new authorization. */
  watch(authorization: Authorization): void {
    const firstAt = Math.max(this.deps.clock.now(), (authorization.expiresAt - NOTICE_LEAD_SECONDS) * 1000);
    this.deps.scheduler.at(firstAt, (due) => this.notify(authorization, due));
  }

  private notify(authorization: Authorization, dueMs: number): void {
    const now = Math.floor(dueMs / 1000);
    if (authorization.revoked || now >= authorization.expiresAt) return;
    const shops = authorization.shopIds.filter((shopId) => !this.reauthorized(authorization, shopId));
    if (shops.length === 0) return;
    const days = Math.ceil((authorization.expiresAt - now) / 86_400);
    for (const shopId of shops) {
      this.deps.webhooks.emit({
        eventType: 'UPCOMING_AUTHORIZATION_EXPIRATION',
        shopId,
        data: {
          message: `Authorization of shop_id ${shopId} is expiring in ${days} days. Please direct the merchant to re-authorize.`,
          expiration_time: String(authorization.expiresAt),
        },
      });
    }
    const nextMidnight = (Math.floor(dueMs / DAY_MS) + 1) * DAY_MS;
    this.deps.scheduler.at(nextMidnight, (due) => this.notify(authorization, due));
  }

  /** True when a later live authorization covers the shop (the seller authorized again). */
  private reauthorized(authorization: Authorization, shopId: string): boolean {
    for (const other of this.deps.state.authorizations.values()) {
      if (
        other !== authorization &&
        !other.revoked &&
        other.shopIds.includes(shopId) &&
        other.expiresAt > authorization.expiresAt
      )
        return true;
    }
    return false;
  }
}
