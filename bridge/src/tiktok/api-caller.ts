/**
 * Executes one signed Open API call: common parameters, a fresh timestamp and signature on every
 * attempt, the exact body bytes signed and sent, the envelope checked (`code != 0` is an error even
 * with HTTP 200), and retries only for HTTP 429/5xx, 36009002, 36009003 and network failures. Other
 * failures are thrown at once as typed errors.
 *
 * Limits and throttling are per shop and API (`rateLimitKey` + `endpoint`): each has its own token
 * bucket, and a throttle answer (429 / 36009002) pauses that API for the shop — every call to it
 * waits, Retry-After honoured, else TikTok's documented schedule (api-throttle.ts) — while calls to
 * other APIs go on. 5xx, 36009003 and network failures back off per call with jitter (Retry-After
 * honoured too).
 */
import type { Logger } from 'pino';
import type { Random, Sleep } from '../core/sleep';
import { type Clock, unixSeconds } from '../../../shared-types/src/time/clock';
import { backoffDelay, parseRetryAfter, type BackoffPolicy } from '../net/backoff';
import { axiosSend, TransportError, type HttpSend } from '../net/http-transport';
import { ApiThrottle } from './api-throttle';
import type { RateLimiter } from './rate-limiter';
import { signTikTokRequest } from './sign';
import {
  TIKTOK_CODES,
  TikTokApiError,
  TikTokInternalError,
  TikTokNetworkError,
  tiktokErrorFor,
} from './errors';

export interface TikTokApiRequest {
  /** Short name for metrics and logs, e.g. `order.search`. */
  endpoint: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Serialized once with JSON.stringify; that exact string is signed and sent. */
  body?: unknown;
  /**
   * A multipart/form-data body instead of JSON (TikTok's Upload Image): text fields and one file. TikTok
   * signs a multipart request without its body.
   */
  multipart?: MultipartBody;
  accessToken?: string;
  shopCipher?: string;
  /** The shop id: calls are rate limited and throttled per shop and `endpoint`; no limiting when absent. */
  rateLimitKey?: string;
}

export interface MultipartBody {
  fields: Record<string, string>;
  file: { field: string; filename: string; contentType: string; data: Buffer };
}

/** The bytes of a multipart/form-data body with `boundary` (RFC 7578). */
export function encodeMultipart(body: MultipartBody, boundary: string): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(body.fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  const { field, filename, contentType, data } = body.file;
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename.replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}

export interface TikTokCallObserver {
  onCall(endpoint: string, outcome: string, durationMs: number): void;
}

export interface TikTokApiCallerOptions {
  appKey: string;
  appSecret: string;
  baseUrl: string;
  clock: Clock;
  sleep: Sleep;
  random: Random;
  send?: HttpSend;
  rateLimiter?: RateLimiter;
  maxRetries?: number;
  backoff?: BackoffPolicy;
  /** Upper bound for a server-requested Retry-After wait. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  observer?: TikTokCallObserver;
  logger?: Logger;
}

interface Envelope {
  code: number;
  message: string;
  request_id?: string;
  data: unknown;
}

function parseEnvelope(text: string): Envelope | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (typeof record.code !== 'number') return undefined;
    return {
      code: record.code,
      message: typeof record.message === 'string' ? record.message : '',
      request_id: typeof record.request_id === 'string' ? record.request_id : undefined,
      data: record.data,
    };
  } catch {
    return undefined;
  }
}

/** The limiter and throttle key: one per shop and API (the endpoint alone for calls without a shop). */
function limitKey(shopId: string | undefined, endpoint: string): string {
  return shopId === undefined ? endpoint : `${shopId}|${endpoint}`;
}

export class TikTokApiCaller {
  private readonly send: HttpSend;
  private readonly maxRetries: number;
  private readonly backoff: BackoffPolicy;
  private readonly maxRetryAfterMs: number;
  private readonly timeoutMs: number;
  private readonly throttle: ApiThrottle;

  constructor(private readonly options: TikTokApiCallerOptions) {
    this.send = options.send ?? axiosSend;
    this.maxRetries = options.maxRetries ?? 5;
    this.backoff = options.backoff ?? { baseMs: 1000, capMs: 60_000 };
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.throttle = new ApiThrottle({
      clock: options.clock,
      sleep: options.sleep,
      random: options.random,
      maxRetryAfterMs: this.maxRetryAfterMs,
    });
  }

  async call<T>(request: TikTokApiRequest): Promise<T> {
    const body = request.body === undefined || request.multipart ? undefined : JSON.stringify(request.body);
    const key = limitKey(request.rateLimitKey, request.endpoint);
    for (let attempt = 0; ; attempt += 1) {
      await this.throttle.waitTurn(key);
      if (request.rateLimitKey !== undefined) await this.options.rateLimiter?.acquire(key);
      const started = this.options.clock.now();
      let failure: { error: Error; retryable: boolean; throttled: boolean; retryAfterMs?: number };
      try {
        const data = await this.attempt<T>(request, body, started);
        this.throttle.succeeded(key);
        return data;
      } catch (error) {
        if (error instanceof TikTokApiError) {
          const throttled = error.httpStatus === 429 || error.tiktokCode === TIKTOK_CODES.RATE_LIMITED;
          const retryable =
            throttled || error.httpStatus >= 500 || error.tiktokCode === TIKTOK_CODES.INTERNAL;
          failure = { error, retryable, throttled, retryAfterMs: error.retryAfterMs };
        } else if (error instanceof TikTokNetworkError) {
          failure = { error, retryable: true, throttled: false };
        } else {
          throw error;
        }
      }
      if (failure.throttled) {
        // Paused for every call of this shop to this API, even when this call gives up.
        const pausedMs = this.throttle.throttled(key, failure.retryAfterMs);
        if (attempt >= this.maxRetries) throw failure.error;
        this.options.logger?.warn(
          { endpoint: request.endpoint, attempt: attempt + 1, delayMs: pausedMs, err: failure.error.message },
          'TikTok throttled this API for the shop; its calls wait, other APIs go on',
        );
        continue;
      }
      if (!failure.retryable || attempt >= this.maxRetries) throw failure.error;
      const delay =
        failure.retryAfterMs !== undefined
          ? Math.min(failure.retryAfterMs, this.maxRetryAfterMs)
          : backoffDelay(attempt + 1, this.backoff, this.options.random);
      this.options.logger?.warn(
        { endpoint: request.endpoint, attempt: attempt + 1, delayMs: delay, err: failure.error.message },
        'TikTok call failed; retrying',
      );
      await this.options.sleep(delay);
    }
  }

  private async attempt<T>(request: TikTokApiRequest, body: string | undefined, started: number): Promise<T> {
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== '') query[key] = String(value);
    }
    query.app_key = this.options.appKey;
    query.timestamp = String(unixSeconds(this.options.clock));
    if (request.shopCipher !== undefined) query.shop_cipher = request.shopCipher;
    const boundary = `----tts${this.options.clock.now().toString(36)}${Math.floor(this.options.random() * 1e9).toString(36)}`;
    const contentType = request.multipart ? `multipart/form-data; boundary=${boundary}` : 'application/json';
    const bytes = request.multipart ? encodeMultipart(request.multipart, boundary) : undefined;
    query.sign = signTikTokRequest({
      appSecret: this.options.appSecret,
      path: request.path,
      query,
      body,
      contentType,
    });

    const url = `${this.options.baseUrl}${request.path}?${new URLSearchParams(query).toString()}`;
    const headers: Record<string, string> = { 'content-type': contentType, accept: 'application/json' };
    if (request.accessToken !== undefined) headers['x-tts-access-token'] = request.accessToken;

    let response;
    try {
      response = await this.send({
        method: request.method,
        url,
        headers,
        ...(bytes === undefined ? { body } : { bytes }),
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      this.options.observer?.onCall(request.endpoint, 'network', this.options.clock.now() - started);
      throw new TikTokNetworkError(request.endpoint, error.transportCode);
    }
    const envelope = parseEnvelope(response.text);
    const outcome = envelope ? String(envelope.code) : `http_${response.status}`;
    this.options.observer?.onCall(request.endpoint, outcome, this.options.clock.now() - started);
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], this.options.clock.now());
    if (!envelope) {
      const init = {
        endpoint: request.endpoint,
        httpStatus: response.status,
        tiktokCode: -1,
        tiktokMessage: `response is not a TikTok envelope (${response.text.slice(0, 120)})`,
        retryAfterMs,
      };
      throw response.status === 429 || response.status >= 500
        ? new TikTokInternalError(init)
        : tiktokErrorFor(init);
    }
    if (response.status >= 200 && response.status < 300 && envelope.code === TIKTOK_CODES.SUCCESS) {
      return (envelope.data ?? {}) as T;
    }
    throw tiktokErrorFor({
      endpoint: request.endpoint,
      httpStatus: response.status,
      tiktokCode: envelope.code === TIKTOK_CODES.SUCCESS ? -1 : envelope.code,
      tiktokMessage: envelope.message,
      requestId: envelope.request_id,
      retryAfterMs,
    });
  }
}
