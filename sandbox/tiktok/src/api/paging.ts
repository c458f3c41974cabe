/**
 * Opaque page tokens, base64 like TikTok's (`6AsPQsUMvH3…/N5M1kHYc…+7D1ud64…`): the prefix bytes
 * encode to `+/+/`, so every token contains `+` and `/` and a client that does not percent-encode
 * them (or signs the encoded form) fails exactly as it would against TikTok.
 */
import { createHash } from 'node:crypto';
import { Gateway } from '../errors';

const PREFIX = Buffer.from([0xfb, 0xff, 0xbf]);

export function encodePageToken(offset: number, scope: string): string {
  return Buffer.concat([PREFIX, Buffer.from(JSON.stringify({ o: offset, s: scope }), 'utf8')]).toString(
    'base64',
  );
}

/** Offset encoded in a token issued for the same `scope` (endpoint + filters); throws otherwise. */
export function decodePageToken(token: string, scope: string): number {
  const bytes = Buffer.from(token, 'base64');
  if (bytes.length <= PREFIX.length || !bytes.subarray(0, PREFIX.length).equals(PREFIX)) {
    throw Gateway.invalidParam('page_token is invalid');
  }
  try {
    const parsed = JSON.parse(bytes.subarray(PREFIX.length).toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof parsed.o !== 'number' || parsed.o < 0 || parsed.s !== scope) throw new Error('mismatch');
    return parsed.o;
  } catch {
    throw Gateway.invalidParam('page_token is invalid');
  }
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
  totalCount: number;
}

/** Slices `all` from the token's offset; `nextPageToken` is '' on the last page. */
export function paginate<T>(
  all: readonly T[],
  pageSize: number,
  pageToken: string | undefined,
  scope: string,
): Page<T> {
  const offset = pageToken ? decodePageToken(pageToken, scope) : 0;
  const items = all.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  return {
    items,
    nextPageToken: next < all.length ? encodePageToken(next, scope) : '',
    totalCount: all.length,
  };
}

/** `page_size` query parameter: required, integer in [min, max]. */
export function readPageSize(
  query: Readonly<Record<string, string>>,
  min: number,
  max: number,
  fallback?: number,
): number {
  const raw = query.page_size;
  if (raw === undefined || raw === '') {
    if (fallback !== undefined) return fallback;
    throw Gateway.invalidParam('page_size is required');
  }
  if (!/^\d+$/.test(raw)) throw Gateway.invalidParam('page_size must be an integer');
  const value = Number(raw);
  if (value < min || value > max) throw Gateway.invalidParam(`page_size must be between ${min} and ${max}`);
  return value;
}

/** A short fingerprint of an endpoint + its filters, so a token cannot be replayed with other filters. */
export function pagingScope(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 12);
}
