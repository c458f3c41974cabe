/**
 * The one error type of the bridge. Every failure a caller can act on carries a stable `code`;
 * `http/error-handler.ts` is the only place that maps codes to HTTP statuses. Messages name the
 * problem and the fix.
 */
import { redactSecretsInText } from './redact';

export const BRIDGE_ERROR_CODES = {
  CONFIG_INVALID: 'CONFIG_INVALID',
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** A signed-in browser's form without its CSRF token (another site tried to post it). */
  CSRF_INVALID: 'CSRF_INVALID',
  /** Too many failed sign-in / Bearer attempts from one address; answered 429 with Retry-After. */
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  WEBHOOK_SIGNATURE_INVALID: 'WEBHOOK_SIGNATURE_INVALID',
  OAUTH_STATE_INVALID: 'OAUTH_STATE_INVALID',
  OAUTH_DENIED: 'OAUTH_DENIED',
  SHOP_NOT_FOUND: 'SHOP_NOT_FOUND',
  SHOP_NEEDS_REAUTH: 'SHOP_NEEDS_REAUTH',
  TOKEN_DECRYPT_FAILED: 'TOKEN_DECRYPT_FAILED',
  TIKTOK_API_ERROR: 'TIKTOK_API_ERROR',
  TIKTOK_TOKEN_ERROR: 'TIKTOK_TOKEN_ERROR',
  TIKTOK_NETWORK_ERROR: 'TIKTOK_NETWORK_ERROR',
  /** A TikTok response (code 0) lacks a field the bridge needs or has it in the wrong type. */
  TIKTOK_RESPONSE_INVALID: 'TIKTOK_RESPONSE_INVALID',
  NETSUITE_ERROR: 'NETSUITE_ERROR',
  NETSUITE_NETWORK_ERROR: 'NETSUITE_NETWORK_ERROR',
  /** A RESTlet answer (ok: true) does not match the RESTlet contract. */
  NETSUITE_RESPONSE_INVALID: 'NETSUITE_RESPONSE_INVALID',
  STORE_ERROR: 'STORE_ERROR',
  INTERNAL: 'INTERNAL',
} as const;

export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[keyof typeof BRIDGE_ERROR_CODES];

export interface BridgeErrorOptions {
  cause?: unknown;
  /** True when retrying the same operation later can succeed (network, throttling, 5xx). */
  retryable?: boolean;
  details?: Record<string, unknown>;
}

export class BridgeError extends Error {
  readonly code: BridgeErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: BridgeErrorCode, message: string, options: BridgeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }
}

export function isBridgeError(value: unknown): value is BridgeError {
  return value instanceof BridgeError;
}

/**
 * A short description of any thrown value, for logs, job errors and the recent-errors table. TikTok
 * and NetSuite error text is quoted in messages, so secrets in it are censored here.
 */
export function describeError(value: unknown): string {
  if (value instanceof BridgeError) return redactSecretsInText(`${value.code}: ${value.message}`);
  if (value instanceof Error) return redactSecretsInText(value.message);
  return redactSecretsInText(String(value));
}
