/**
 * The simulator's authorization codes and tokens: code → access and refresh token (token/get), refresh
 * (token/refresh), lifetimes and revocation, as TikTok's authorization guide describes them.
 */
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { IdFactory } from '../domain/ids';
import type { SimulatorState } from '../domain/state';
import type { Authorization, IssuedToken, Seller } from '../domain/types';
import { AuthErrors, Gateway } from '../errors';

/** `data` of a token/get or token/refresh response (TikTok's authorization guide, partner.tiktokshop.com/docv2/page/authorization-overview-202407). */
export interface TokenResponseData {
  access_token: string;
  access_token_expire_in: number;
  refresh_token: string;
  refresh_token_expire_in: number;
  open_id: string;
  seller_name: string;
  seller_base_region: string;
  user_type: number;
  granted_scopes: string[];
}

export interface TokenServiceOptions {
  state: SimulatorState;
  ids: IdFactory;
  clock: Clock;
  accessTokenLifetimeSeconds: number;
  /** Lifetime of an authorization; every refresh token of it expires with it. */
  refreshTokenLifetimeSeconds: number;
  /** Called for each new authorization (the expiry notices watch it). */
  onAuthorized?: (authorization: Authorization) => void;
}

export const AUTH_CODE_LIFETIME_MS = 30 * 60_000;

type Query = Readonly<Record<string, string | undefined>>;

/**
 * Auth codes (single use, 30 minutes), token exchange and refresh with rotation of both tokens,
 * and access-token checks for the API gateway. Absolute Unix expiry timestamps, like TikTok.
 */
export class TokenService {
  constructor(private readonly opts: TokenServiceOptions) {}

  private nowMs(): number {
    return this.opts.clock.now();
  }

  private nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  private seller(): Seller {
    const first = this.opts.state.sellers.values().next();
    if (first.done) throw new Error('No seller seeded');
    return first.value;
  }

  /** The consent page approved: a fresh auth code for the seeded seller. */
  issueAuthCode(): string {
    const code = this.opts.ids.authCode();
    this.opts.state.authCodes.set(code, {
      code,
      sellerId: this.seller().id,
      expiresAt: this.nowMs() + AUTH_CODE_LIFETIME_MS,
      used: false,
    });
    return code;
  }

  /** GET /api/v2/token/get */
  exchange(query: Query): TokenResponseData {
    this.opts.state.counters.tokenGet += 1;
    this.checkApp(query);
    if (query.grant_type !== 'authorized_code') throw AuthErrors.invalidGrantType('authorized_code');
    if (!query.auth_code) throw AuthErrors.missingParam('auth_code');
    const code = this.opts.state.authCodes.get(query.auth_code);
    if (!code || code.used || this.nowMs() >= code.expiresAt) throw AuthErrors.invalidAuthCode();
    code.used = true;
    const shopIds = [...this.opts.state.shops.values()]
      .filter((s) => s.sellerId === code.sellerId)
      .map((s) => s.id);
    const authorization: Authorization = {
      id: this.opts.ids.genericId(),
      sellerId: code.sellerId,
      shopIds,
      grantedScopes: [...this.opts.state.app.grantedScopes],
      revoked: false,
      expiresAt: this.nowSeconds() + this.opts.refreshTokenLifetimeSeconds,
    };
    this.opts.state.authorizations.set(authorization.id, authorization);
    const data = this.issue(authorization);
    this.opts.onAuthorized?.(authorization);
    return data;
  }

  /**
   * GET /api/v2/token/refresh: new access AND refresh token; the old refresh token is revoked. The new
   * refresh token expires with the authorization ("the refresh token lives as long as the
   * authorization the seller granted", TikTok's authorization guide, partner.tiktokshop.com/docv2/page/authorization-overview-202407), not later.
   */
  refresh(query: Query): TokenResponseData {
    this.opts.state.counters.tokenRefresh += 1;
    this.checkApp(query);
    if (query.grant_type !== 'refresh_token') throw AuthErrors.invalidGrantType('refresh_token');
    if (!query.refresh_token) throw AuthErrors.missingParam('refresh_token');
    const existing = this.opts.state.refreshTokens.get(query.refresh_token);
    const authorization = existing ? this.opts.state.authorizations.get(existing.authorizationId) : undefined;
    if (!existing || existing.revoked || !authorization || authorization.revoked)
      throw AuthErrors.authRecordNotFound();
    if (this.nowSeconds() >= existing.expiresAt) throw AuthErrors.refreshTokenExpired();
    existing.revoked = true;
    return this.issue(authorization);
  }

  /** Admin shortcut: authorize the seller and issue tokens without the HTTP flow (not counted). */
  issueDirect(): TokenResponseData {
    const code = this.issueAuthCode();
    const before = this.opts.state.counters.tokenGet;
    const data = this.exchange({
      app_key: this.opts.state.app.appKey,
      app_secret: this.opts.state.app.appSecret,
      auth_code: code,
      grant_type: 'authorized_code',
    });
    this.opts.state.counters.tokenGet = before;
    return data;
  }

  /** Gateway check of `x-tts-access-token`. */
  authenticate(accessToken: string | undefined): Authorization {
    if (!accessToken) throw Gateway.invalidAccessToken();
    const token = this.opts.state.accessTokens.get(accessToken);
    const authorization = token ? this.opts.state.authorizations.get(token.authorizationId) : undefined;
    if (!token || token.revoked || !authorization || authorization.revoked)
      throw Gateway.invalidAccessToken();
    if (this.nowSeconds() >= token.expiresAt) throw Gateway.expiredAccessToken();
    return authorization;
  }

  /** Makes every access token covering the shop expired now (admin). Returns how many. */
  expireAccessTokens(shopId: string): number {
    let count = 0;
    const now = this.nowSeconds();
    for (const token of this.opts.state.accessTokens.values()) {
      const auth = this.opts.state.authorizations.get(token.authorizationId);
      if (auth?.shopIds.includes(shopId) && token.expiresAt > now) {
        token.expiresAt = now;
        count += 1;
      }
    }
    return count;
  }

  /** Revokes every authorization covering the shop (seller deauthorized the app). */
  revoke(shopId: string): Authorization[] {
    const revoked: Authorization[] = [];
    for (const auth of this.opts.state.authorizations.values()) {
      if (!auth.revoked && auth.shopIds.includes(shopId)) {
        auth.revoked = true;
        revoked.push(auth);
      }
    }
    return revoked;
  }

  private checkApp(query: Query): void {
    const { app } = this.opts.state;
    if (query.app_key !== app.appKey) throw AuthErrors.invalidAppKey();
    if (query.app_secret !== app.appSecret) throw AuthErrors.invalidAppSecret();
  }

  private issue(authorization: Authorization): TokenResponseData {
    const { state, ids } = this.opts;
    const now = this.nowSeconds();
    const access: IssuedToken = {
      token: ids.accessToken(),
      authorizationId: authorization.id,
      expiresAt: now + this.opts.accessTokenLifetimeSeconds,
      revoked: false,
    };
    const refresh: IssuedToken = {
      token: ids.accessToken(),
      authorizationId: authorization.id,
      expiresAt: authorization.expiresAt,
      revoked: false,
    };
    state.accessTokens.set(access.token, access);
    state.refreshTokens.set(refresh.token, refresh);
    const seller = state.sellers.get(authorization.sellerId);
    if (!seller) throw new Error(`Unknown seller ${authorization.sellerId}`);
    return {
      access_token: access.token,
      access_token_expire_in: access.expiresAt,
      refresh_token: refresh.token,
      refresh_token_expire_in: refresh.expiresAt,
      open_id: seller.openId,
      seller_name: seller.name,
      seller_base_region: seller.baseRegion,
      user_type: seller.userType,
      granted_scopes: [...authorization.grantedScopes],
    };
  }
}
