/** Wires the TikTok pieces together: signed caller, rate limiter, token endpoints, vault, manager, client. */
import type { Logger } from 'pino';
import type { TikTokSettings } from '../config';
import type { Random, Sleep } from '../core/sleep';
import type { Clock } from '../../../shared-types/src/time/clock';
import type { TokenCipher } from '../crypto/token-cipher';
import type { HttpSend } from '../net/http-transport';
import type { BridgeStore } from '../store/types';
import { TikTokApiCaller, type TikTokCallObserver } from './api-caller';
import { TikTokClient } from './client';
import { RateLimiter } from './rate-limiter';
import { TikTokTokenClient, type TokenCallObserver } from './token-client';
import { TokenManager, type TokenRefreshObserver } from './token-manager';
import { TokenVault } from './token-vault';

export interface TikTokServiceDeps {
  store: BridgeStore;
  cipher: TokenCipher;
  clock: Clock;
  sleep: Sleep;
  random: Random;
  send?: HttpSend;
  logger?: Logger;
  observer?: TikTokCallObserver & TokenCallObserver & TokenRefreshObserver;
  refreshLeadMs?: number;
  maxRetries?: number;
  /** Calls per second per shop and API (default 20) and burst (default 40). */
  ratePerSecond?: number;
  burst?: number;
  onNeedsReauth?: (shopId: string, reason: string) => Promise<void>;
}

export interface TikTokServices {
  caller: TikTokApiCaller;
  tokenClient: TikTokTokenClient;
  vault: TokenVault;
  tokens: TokenManager;
  client: TikTokClient;
}

export function createTikTokServices(settings: TikTokSettings, deps: TikTokServiceDeps): TikTokServices {
  const rateLimiter = new RateLimiter({
    ratePerSecond: deps.ratePerSecond ?? 20,
    burst: deps.burst ?? 40,
    clock: deps.clock,
    sleep: deps.sleep,
    shared: deps.store,
  });
  const caller = new TikTokApiCaller({
    appKey: settings.appKey,
    appSecret: settings.appSecret,
    baseUrl: settings.apiBaseUrl,
    clock: deps.clock,
    sleep: deps.sleep,
    random: deps.random,
    send: deps.send,
    rateLimiter,
    maxRetries: deps.maxRetries,
    observer: deps.observer,
    logger: deps.logger,
  });
  const tokenClient = new TikTokTokenClient({
    appKey: settings.appKey,
    appSecret: settings.appSecret,
    authBaseUrl: settings.authBaseUrl,
    clock: deps.clock,
    sleep: deps.sleep,
    random: deps.random,
    send: deps.send,
    observer: deps.observer,
  });
  const vault = new TokenVault(deps.store, deps.cipher);
  const tokens = new TokenManager({
    store: deps.store,
    vault,
    tokenClient,
    clock: deps.clock,
    refreshLeadMs: deps.refreshLeadMs,
    observer: deps.observer,
    logger: deps.logger,
    onNeedsReauth: deps.onNeedsReauth,
  });
  const client = new TikTokClient(caller, tokens, deps.store);
  return { caller, tokenClient, vault, tokens, client };
}
