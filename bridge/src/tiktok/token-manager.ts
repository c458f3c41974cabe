/**
 * Hands out a valid access token per shop. Refreshes ahead of expiry (default 5 minutes), with at
 * most one refresh in flight per seller grant (so per shop): concurrent callers share it, and
 * instances sharing a store take turns under the store's lock (`store/parts/coordination.ts`). A dead
 * refresh token, an expired refresh token, or a token rejected again right after a refresh marks
 * the shop `needs_reauth`; from then on calls for it fail fast with `ShopNeedsReauthError` and no
 * further refresh is attempted until the owner re-authorizes.
 */
import type { Logger } from 'pino';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { BridgeStore } from '../store/types';
import { TikTokTokenError, type TikTokTokenClient, type TokenGrant } from './token-client';
import type { ShopTokens, TokenVault } from './token-vault';

export class ShopNeedsReauthError extends BridgeError {
  readonly shopId: string;

  constructor(shopId: string, reason: string) {
    super(
      BRIDGE_ERROR_CODES.SHOP_NEEDS_REAUTH,
      `Shop ${shopId} needs to be re-authorized (${reason}). Open the bridge status page and click "Connect TikTok Shop" as the shop owner.`,
    );
    this.shopId = shopId;
  }
}

export interface TokenRefreshObserver {
  onRefresh(outcome: 'ok' | 'dead' | 'failed'): void;
}

export interface TokenManagerOptions {
  store: BridgeStore;
  vault: TokenVault;
  tokenClient: TikTokTokenClient;
  clock: Clock;
  refreshLeadMs?: number;
  observer?: TokenRefreshObserver;
  logger?: Logger;
  /** Called once per shop that just became `needs_reauth` (e.g. to tell NetSuite). */
  onNeedsReauth?: (shopId: string, reason: string) => Promise<void>;
}

/** The tokens of a grant; `authorizedAt` is when the seller authorized (the code exchange), kept by refreshes. */
export function grantToShopTokens(grant: TokenGrant, grantId: string, authorizedAt: number): ShopTokens {
  return {
    grantId,
    authorizedAt,
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    accessExpiresAt: grant.accessExpiresAt,
    refreshExpiresAt: grant.refreshExpiresAt,
  };
}

export class TokenManager {
  private readonly inFlight = new Map<string, Promise<ShopTokens>>();
  private readonly refreshLeadMs: number;

  constructor(private readonly options: TokenManagerOptions) {
    this.refreshLeadMs = options.refreshLeadMs ?? 5 * 60 * 1000;
  }

  async accessTokenFor(shopId: string): Promise<string> {
    const tokens = await this.loadUsable(shopId);
    if (this.isFresh(tokens)) return tokens.accessToken;
    return (await this.refreshShared(shopId, tokens.grantId, (current) => this.isFresh(current))).accessToken;
  }

  /** After TikTok rejected `rejectedToken` as expired: refresh unless someone already did. */
  async refreshAfterRejection(shopId: string, rejectedToken: string): Promise<string> {
    const tokens = await this.loadUsable(shopId);
    if (tokens.accessToken !== rejectedToken) return tokens.accessToken;
    return (
      await this.refreshShared(shopId, tokens.grantId, (current) => current.accessToken !== rejectedToken)
    ).accessToken;
  }

  /** Marks every shop of the same grant `needs_reauth` (idempotent). */
  async markNeedsReauth(shopId: string, reason: string): Promise<void> {
    const stored = await this.options.store.getTokens(shopId);
    const shopIds = stored ? await this.options.store.listShopIdsByGrant(stored.grantId) : [shopId];
    if (!shopIds.includes(shopId)) shopIds.push(shopId);
    for (const id of shopIds) {
      const shop = await this.options.store.getShop(id);
      if (!shop || shop.state === 'needs_reauth') continue;
      await this.options.store.setShopState(id, 'needs_reauth', reason, this.options.clock.now());
      this.options.logger?.warn({ shopId: id, reason }, 'shop needs re-authorization');
      await this.options.store.recordError({
        at: this.options.clock.now(),
        source: 'tiktok.auth',
        shopId: id,
        message: `Shop needs re-authorization: ${reason}`,
      });
      await this.options.onNeedsReauth?.(id, reason);
    }
  }

  private async loadUsable(shopId: string): Promise<ShopTokens> {
    const shop = await this.options.store.getShop(shopId);
    if (!shop) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.SHOP_NOT_FOUND,
        `Shop ${shopId} is not connected to this bridge; connect it from the status page.`,
      );
    }
    if (shop.state !== 'connected') throw new ShopNeedsReauthError(shopId, shop.stateReason ?? shop.state);
    const tokens = await this.options.vault.load(shopId);
    if (!tokens) throw new ShopNeedsReauthError(shopId, 'no tokens stored');
    return tokens;
  }

  private isFresh(tokens: ShopTokens): boolean {
    return tokens.accessExpiresAt - this.refreshLeadMs > this.options.clock.now();
  }

  /**
   * Joins the refresh in flight for this grant, or starts one. A refresh that started and finished
   * while this caller was reading the store is detected by re-reading the tokens inside the flight.
   */
  private refreshShared(
    shopId: string,
    grantId: string,
    alreadyRefreshed: (current: ShopTokens) => boolean,
  ): Promise<ShopTokens> {
    const key = grantId || `shop:${shopId}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    // The store's lock makes it one refresh per grant across every instance on the store too
    // (PostgreSQL: an advisory lock); whoever waited reads the tokens the holder saved.
    const refresh = this.options.store
      .withLock(`token-refresh:${key}`, async () => {
        const current = await this.loadUsable(shopId);
        return alreadyRefreshed(current) ? current : this.refresh(shopId, current);
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, refresh);
    return refresh;
  }

  private async refresh(shopId: string, tokens: ShopTokens): Promise<ShopTokens> {
    const now = this.options.clock.now();
    if (tokens.refreshExpiresAt <= now) {
      this.options.observer?.onRefresh('dead');
      await this.markNeedsReauth(shopId, 'the refresh token expired');
      throw new ShopNeedsReauthError(shopId, 'the refresh token expired');
    }
    let grant: TokenGrant;
    try {
      grant = await this.options.tokenClient.refresh(tokens.refreshToken);
    } catch (error) {
      if (error instanceof TikTokTokenError && error.dead) {
        this.options.observer?.onRefresh('dead');
        await this.markNeedsReauth(shopId, 'TikTok refused the refresh token');
        throw new ShopNeedsReauthError(shopId, 'TikTok refused the refresh token');
      }
      this.options.observer?.onRefresh('failed');
      throw error;
    }
    this.options.observer?.onRefresh('ok');
    const grantId = tokens.grantId || grant.openId;
    const fresh = grantToShopTokens(grant, grantId, tokens.authorizedAt);
    const shopIds = new Set([shopId, ...(await this.options.store.listShopIdsByGrant(grantId))]);
    for (const id of shopIds) await this.options.vault.save(id, fresh, this.options.clock.now());
    this.options.logger?.info({ shopId, shops: shopIds.size }, 'access token refreshed');
    return fresh;
  }
}
