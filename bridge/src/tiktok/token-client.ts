/**
 * Token endpoints on the auth host (TikTok's authorization guide, partner.tiktokshop.com/docv2/page/authorization-overview-202407): unsigned GETs with the app secret in the
 * query, `grant_type=authorized_code` for the exchange and `refresh_token` for a refresh. Expiry
 * fields are absolute Unix seconds. The code exchange is never retried (codes are single use); a
 * refresh is retried on 5xx/network only. Errors never include the URL (it carries the secret).
 * Every token TikTok grants (and every code exchanged) is registered with the secret registry the
 * moment it is read, so no text shows it, whatever words surround it.
 */
import type { Random, Sleep } from '../core/sleep';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { knownSecrets } from '../core/secret-registry';
import { describeProblems, safeParseWith, type ValidationProblem } from '../core/validate';
import { backoffDelay } from '../net/backoff';
import { axiosSend, TransportError, type HttpSend } from '../net/http-transport';
import { tokenDataSchema } from './schemas';

export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  /** Milliseconds since the epoch. */
  accessExpiresAt: number;
  refreshExpiresAt: number;
  openId: string;
  sellerName: string;
  sellerBaseRegion: string;
  grantedScopes: string[];
}

export interface TokenCallObserver {
  onTokenCall(grantType: 'authorized_code' | 'refresh_token', outcome: string): void;
}

export interface TikTokTokenClientOptions {
  appKey: string;
  appSecret: string;
  authBaseUrl: string;
  clock: Clock;
  sleep: Sleep;
  random: Random;
  send?: HttpSend;
  refreshRetries?: number;
  timeoutMs?: number;
  observer?: TokenCallObserver;
}

/** A token call failed. `dead` means TikTok refused the code/refresh token: the shop must re-authorize. */
export class TikTokTokenError extends BridgeError {
  readonly dead: boolean;

  constructor(
    message: string,
    options: { dead: boolean; retryable: boolean; code?: typeof BRIDGE_ERROR_CODES.TIKTOK_RESPONSE_INVALID },
  ) {
    super(options.code ?? BRIDGE_ERROR_CODES.TIKTOK_TOKEN_ERROR, message, { retryable: options.retryable });
    this.dead = options.dead;
  }
}

/** The grant in a code-0 token response, or the fields it lacks (`tokenDataSchema`). */
function parseGrant(data: unknown): { grant: TokenGrant } | { problems: ValidationProblem[] } {
  const parsed = safeParseWith(tokenDataSchema, data);
  if (!parsed.ok) return { problems: parsed.problems };
  const d = parsed.value;
  knownSecrets.add(d.access_token);
  knownSecrets.add(d.refresh_token);
  return {
    grant: {
      accessToken: d.access_token,
      refreshToken: d.refresh_token,
      accessExpiresAt: d.access_token_expire_in * 1000,
      refreshExpiresAt: d.refresh_token_expire_in * 1000,
      openId: d.open_id ?? '',
      sellerName: d.seller_name ?? '',
      sellerBaseRegion: d.seller_base_region ?? '',
      grantedScopes: d.granted_scopes ?? [],
    },
  };
}

export class TikTokTokenClient {
  private readonly send: HttpSend;

  constructor(private readonly options: TikTokTokenClientOptions) {
    this.send = options.send ?? axiosSend;
  }

  exchangeCode(authCode: string): Promise<TokenGrant> {
    knownSecrets.add(authCode);
    return this.request('/api/v2/token/get', 'authorized_code', { auth_code: authCode }, 0);
  }

  refresh(refreshToken: string): Promise<TokenGrant> {
    knownSecrets.add(refreshToken);
    return this.request(
      '/api/v2/token/refresh',
      'refresh_token',
      { refresh_token: refreshToken },
      this.options.refreshRetries ?? 2,
    );
  }

  private async request(
    path: string,
    grantType: 'authorized_code' | 'refresh_token',
    params: Record<string, string>,
    retries: number,
  ): Promise<TokenGrant> {
    const query = new URLSearchParams({
      app_key: this.options.appKey,
      app_secret: this.options.appSecret,
      ...params,
      grant_type: grantType,
    });
    const url = `${this.options.authBaseUrl}${path}?${query.toString()}`;
    for (let attempt = 0; ; attempt += 1) {
      let error: TikTokTokenError;
      try {
        const response = await this.send({
          method: 'GET',
          url,
          headers: { accept: 'application/json' },
          timeoutMs: this.options.timeoutMs ?? 15_000,
        });
        let envelope: { code?: unknown; message?: unknown; data?: unknown } | undefined;
        try {
          envelope = JSON.parse(response.text) as typeof envelope;
        } catch {
          envelope = undefined;
        }
        const code = typeof envelope?.code === 'number' ? envelope.code : undefined;
        this.options.observer?.onTokenCall(
          grantType,
          code === undefined ? `http_${response.status}` : String(code),
        );
        if (code === 0 && response.status < 300) {
          const parsed = parseGrant(envelope?.data);
          if ('grant' in parsed) return parsed.grant;
          // Never retried: the code (single use) or the old refresh token may already be spent.
          throw new TikTokTokenError(
            `TikTok token response (${grantType}) is invalid: ${describeProblems(parsed.problems)}. ${
              grantType === 'authorized_code'
                ? 'Start the connection again from the status page.'
                : 'The shop owner may have to re-authorize the app if this persists.'
            }`,
            { dead: false, retryable: false, code: BRIDGE_ERROR_CODES.TIKTOK_RESPONSE_INVALID },
          );
        }
        const transient = response.status >= 500 || response.status === 429;
        const message = typeof envelope?.message === 'string' ? envelope.message : `HTTP ${response.status}`;
        error = new TikTokTokenError(
          grantType === 'authorized_code'
            ? `TikTok refused the authorization code (code ${code ?? '-'}: ${message}). Start the connection again from the status page; codes are single use and expire after 30 minutes.`
            : `TikTok refused the token refresh (code ${code ?? '-'}: ${message}). The shop owner must re-authorize the app.`,
          { dead: !transient, retryable: transient },
        );
      } catch (caught) {
        if (!(caught instanceof TransportError)) throw caught;
        this.options.observer?.onTokenCall(grantType, 'network');
        error = new TikTokTokenError(
          `TikTok token endpoint unreachable (${caught.transportCode}); try again shortly.`,
          {
            dead: false,
            retryable: true,
          },
        );
      }
      if (!error.retryable || attempt >= retries) throw error;
      await this.options.sleep(
        backoffDelay(attempt + 1, { baseMs: 1000, capMs: 10_000 }, this.options.random),
      );
    }
  }
}
