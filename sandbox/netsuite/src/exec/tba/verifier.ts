/**
 * Token-based authentication of RESTlet requests (Oracle help, Token-based Authentication), with a login audit trail that
 * records why a request was refused, as NetSuite's Login Audit Trail "Detail" column does.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { parseOAuthHeader } from './oauth-header';
import { baseStringUri, hmacSha256Signature, signatureBaseString, signaturesEqual } from './signature';

export interface TbaCredentials {
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
}

export type AuthDetail =
  | 'MissingAuthorizationHeader'
  | 'MissingTokenPassportRequiredFields'
  | 'InvalidAccount'
  | 'UnsupportedSignatureMethod'
  | 'InvalidVersion'
  | 'consumer_key_unknown'
  | 'TokenRejected'
  | 'InvalidTimestamp'
  | 'InvalidSignature'
  | 'InvalidNonce';

export interface AuthAuditEntry {
  at: Date;
  status: 'Success' | 'Failure';
  /** Why a request was refused; null on success. */
  detail: AuthDetail | null;
  consumerKey: string | null;
  tokenId: string | null;
  method: string;
  url: string;
}

export interface TbaRequest {
  method: string;
  scheme: string;
  /** Host header as received (`127.0.0.1:3000`). */
  host: string;
  path: string;
  /** Decoded query parameters, in order. */
  query: readonly (readonly [string, string])[];
  authorization: string | undefined;
}

export type TbaResult = { ok: true; credentials: TbaCredentials } | { ok: false; detail: AuthDetail };

export interface TbaVerifierOptions {
  accountId: string;
  clock: Clock;
  /** Allowed distance between oauth_timestamp and now, both ways (default 300 s). */
  timestampWindowSeconds?: number;
}

const REQUIRED = [
  'realm',
  'oauth_consumer_key',
  'oauth_token',
  'oauth_nonce',
  'oauth_timestamp',
  'oauth_signature_method',
  'oauth_version',
  'oauth_signature',
] as const;

export class TbaVerifier {
  readonly audit: AuthAuditEntry[] = [];
  private readonly consumers = new Map<string, string>();
  private readonly tokens = new Map<string, { consumerKey: string; tokenSecret: string }>();
  private readonly nonces = new Map<string, number>();
  private readonly windowMs: number;

  constructor(private readonly options: TbaVerifierOptions) {
    this.windowMs = (options.timestampWindowSeconds ?? 300) * 1000;
  }

  /** Registers an integration (consumer) and an access token issued for it. */
  addCredentials(credentials: TbaCredentials): void {
    this.consumers.set(credentials.consumerKey, credentials.consumerSecret);
    this.tokens.set(credentials.tokenId, {
      consumerKey: credentials.consumerKey,
      tokenSecret: credentials.tokenSecret,
    });
  }

  /** Revokes a token: later requests signed with it are refused (TokenRejected). */
  revokeToken(tokenId: string): void {
    this.tokens.delete(tokenId);
  }

  verify(request: TbaRequest): TbaResult {
    const params = parseOAuthHeader(request.authorization);
    const result = this.check(request, params);
    this.audit.push({
      at: new Date(this.options.clock.now()),
      status: result.ok ? 'Success' : 'Failure',
      detail: result.ok ? null : result.detail,
      consumerKey: params?.get('oauth_consumer_key') ?? null,
      tokenId: params?.get('oauth_token') ?? null,
      method: request.method,
      url: `${request.scheme}://${request.host}${request.path}`,
    });
    return result;
  }

  private check(request: TbaRequest, params: Map<string, string> | null): TbaResult {
    if (!request.authorization) return { ok: false, detail: 'MissingAuthorizationHeader' };
    if (!params || REQUIRED.some((name) => !params.get(name))) {
      return { ok: false, detail: 'MissingTokenPassportRequiredFields' };
    }
    const get = (name: (typeof REQUIRED)[number]): string => params.get(name) ?? '';
    if (get('realm') !== this.options.accountId) return { ok: false, detail: 'InvalidAccount' };
    if (get('oauth_signature_method') !== 'HMAC-SHA256')
      return { ok: false, detail: 'UnsupportedSignatureMethod' };
    if (get('oauth_version') !== '1.0') return { ok: false, detail: 'InvalidVersion' };
    const consumerKey = get('oauth_consumer_key');
    const consumerSecret = this.consumers.get(consumerKey);
    if (consumerSecret === undefined) return { ok: false, detail: 'consumer_key_unknown' };
    const tokenId = get('oauth_token');
    const token = this.tokens.get(tokenId);
    if (!token || token.consumerKey !== consumerKey) return { ok: false, detail: 'TokenRejected' };
    const timestamp = get('oauth_timestamp');
    const now = this.options.clock.now();
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now - Number(timestamp) * 1000) > this.windowMs) {
      return { ok: false, detail: 'InvalidTimestamp' };
    }
    const signed: [string, string][] = [...params].filter(([k]) => k !== 'realm' && k !== 'oauth_signature');
    const base = signatureBaseString(
      request.method,
      baseStringUri(request.scheme, request.host, request.path),
      [...signed, ...request.query],
    );
    const expected = hmacSha256Signature(base, consumerSecret, token.tokenSecret);
    if (!signaturesEqual(expected, get('oauth_signature'))) return { ok: false, detail: 'InvalidSignature' };
    this.forgetOldNonces(now);
    const nonceKey = `${consumerKey}\n${tokenId}\n${get('oauth_nonce')}`;
    if (this.nonces.has(nonceKey)) return { ok: false, detail: 'InvalidNonce' };
    this.nonces.set(nonceKey, Number(timestamp) * 1000);
    return {
      ok: true,
      credentials: { consumerKey, consumerSecret, tokenId, tokenSecret: token.tokenSecret },
    };
  }

  private forgetOldNonces(now: number): void {
    for (const [key, at] of this.nonces) {
      if (now - at > this.windowMs) this.nonces.delete(key);
    }
  }
}
