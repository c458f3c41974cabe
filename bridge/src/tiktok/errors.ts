/**
 * Typed TikTok Open API failures, one class per thing the caller does differently (TikTok's common errors, partner.tiktokshop.com/docv2/page/common-errors).
 * `retryable` is true only for throttling, internal errors, 5xx and network failures.
 */
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';

export const TIKTOK_CODES = {
  SUCCESS: 0,
  EXPIRED_TOKEN: 105002,
  SCOPE_DENIED: 105005,
  INVALID_SIGN: 106001,
  MISSING_CIPHER: 106013,
  RATE_LIMITED: 36009002,
  INTERNAL: 36009003,
  INVALID_REQUEST: 36009004,
} as const;

export interface TikTokErrorInit {
  endpoint: string;
  httpStatus: number;
  tiktokCode: number;
  tiktokMessage: string;
  requestId?: string;
  retryAfterMs?: number;
}

export class TikTokApiError extends BridgeError {
  readonly endpoint: string;
  readonly httpStatus: number;
  readonly tiktokCode: number;
  readonly tiktokMessage: string;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: TikTokErrorInit, hint: string, retryable = false) {
    super(
      BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
      `TikTok ${init.endpoint} failed (HTTP ${init.httpStatus}, code ${init.tiktokCode}: ${init.tiktokMessage}). ${hint}`,
      {
        retryable,
        details: {
          endpoint: init.endpoint,
          httpStatus: init.httpStatus,
          tiktokCode: init.tiktokCode,
          requestId: init.requestId,
        },
      },
    );
    this.endpoint = init.endpoint;
    this.httpStatus = init.httpStatus;
    this.tiktokCode = init.tiktokCode;
    this.tiktokMessage = init.tiktokMessage;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 106001: the signature did not verify. */
export class TikTokSignatureError extends TikTokApiError {
  constructor(init: TikTokErrorInit) {
    super(init, 'Check TIKTOK_APP_KEY and TIKTOK_APP_SECRET belong to the same app.');
  }
}

/** 105002 (or 36009004 "invalid access token"): refresh the access token, then re-authorize. */
export class TikTokTokenExpiredError extends TikTokApiError {
  constructor(init: TikTokErrorInit) {
    super(
      init,
      'The access token is expired or invalid; the bridge refreshes it, or the shop must re-authorize.',
    );
  }
}

export class TikTokRateLimitError extends TikTokApiError {
  constructor(init: TikTokErrorInit) {
    super(init, 'TikTok is throttling this shop; the call is retried with backoff.', true);
  }
}

/** 36009003 or HTTP 5xx. */
export class TikTokInternalError extends TikTokApiError {
  constructor(init: TikTokErrorInit) {
    super(init, 'TikTok had an internal error; the call is retried with backoff.', true);
  }
}

export class TikTokMissingCipherError extends TikTokApiError {
  constructor(init: TikTokErrorInit) {
    super(init, 'This endpoint needs the shop_cipher; re-authorize the shop to refresh its cipher.');
  }
}

export type InvalidRequestReason =
  | 'missing_signature'
  | 'invalid_access_token'
  | 'invalid_app_key'
  | 'timestamp'
  | 'unexpected_cipher'
  | 'invalid_shop_id'
  | 'invalid_version'
  | 'other';

/** 36009004 is overloaded; the reason comes from the message (TikTok's common errors, partner.tiktokshop.com/docv2/page/common-errors). */
export function classifyInvalidRequest(message: string): InvalidRequestReason {
  const m = message.toLowerCase();
  if (/access[_ -]?token/.test(m)) return 'invalid_access_token';
  if (/app[_ -]?key/.test(m)) return 'invalid_app_key';
  if (/timestamp/.test(m)) return 'timestamp';
  if (/sign/.test(m)) return 'missing_signature';
  if (/cipher|unexpected identifier/.test(m)) return 'unexpected_cipher';
  if (/shop[_ -]?id/.test(m)) return 'invalid_shop_id';
  if (/version/.test(m)) return 'invalid_version';
  return 'other';
}

const INVALID_REQUEST_HINTS: Record<InvalidRequestReason, string> = {
  missing_signature: 'The request had no signature; this is a bridge bug, report it.',
  invalid_access_token: 'The access token is invalid; the shop must re-authorize.',
  invalid_app_key: 'TIKTOK_APP_KEY is not a known app key; copy it from Partner Center.',
  timestamp: "The request timestamp is outside TikTok's window; sync this server's clock (NTP).",
  unexpected_cipher: 'This endpoint takes no shop_cipher; this is a bridge bug, report it.',
  invalid_shop_id: 'The shop id is not valid for this app; re-authorize the shop.',
  invalid_version: 'The API version in the path is not valid; this is a bridge bug, report it.',
  other: 'TikTok rejected the request parameters.',
};

export class TikTokInvalidRequestError extends TikTokApiError {
  readonly reason: InvalidRequestReason;

  constructor(init: TikTokErrorInit, reason: InvalidRequestReason) {
    super(init, INVALID_REQUEST_HINTS[reason]);
    this.reason = reason;
  }
}

/** Any other non-zero code: a business rule of the endpoint. */
export class TikTokBusinessError extends TikTokApiError {
  constructor(init: TikTokErrorInit) {
    super(init, 'TikTok refused the operation; the message says why.');
  }
}

export class TikTokNetworkError extends BridgeError {
  constructor(endpoint: string, detail: string) {
    super(
      BRIDGE_ERROR_CODES.TIKTOK_NETWORK_ERROR,
      `TikTok ${endpoint} could not be reached (${detail}); retried with backoff.`,
      {
        retryable: true,
      },
    );
  }
}

/** Turns a failed response into the matching error class. */
export function tiktokErrorFor(init: TikTokErrorInit): TikTokApiError {
  switch (init.tiktokCode) {
    case TIKTOK_CODES.INVALID_SIGN:
      return new TikTokSignatureError(init);
    case TIKTOK_CODES.EXPIRED_TOKEN:
      return new TikTokTokenExpiredError(init);
    case TIKTOK_CODES.RATE_LIMITED:
      return new TikTokRateLimitError(init);
    case TIKTOK_CODES.INTERNAL:
      return new TikTokInternalError(init);
    case TIKTOK_CODES.MISSING_CIPHER:
      return new TikTokMissingCipherError(init);
    case TIKTOK_CODES.INVALID_REQUEST: {
      const reason = classifyInvalidRequest(init.tiktokMessage);
      return reason === 'invalid_access_token'
        ? new TikTokTokenExpiredError(init)
        : new TikTokInvalidRequestError(init, reason);
    }
    default:
      if (init.httpStatus === 429) return new TikTokRateLimitError(init);
      if (init.httpStatus >= 500) return new TikTokInternalError(init);
      return new TikTokBusinessError(init);
  }
}
