/**
 * Reads the OAuth 1.0a `Authorization` header of a RESTlet call (RFC 5849 section 3.5.1) into its
 * parameters, refusing values that are not percent-encoded.
 */
import { percentDecode } from './percent';

/** A percent-encoded parameter value: unreserved characters and upper-case `%XX` escapes only. */
const ENCODED = /^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/;

/**
 * Parses `Authorization: OAuth realm="...", oauth_consumer_key="...", ...` (RFC 5849 §3.5.1).
 * Values are percent-decoded. Returns null when the header is not an OAuth header or is malformed.
 *
 * Every parameter but `realm` must be percent-encoded (RFC 5849 §3.6: only `A-Z a-z 0-9 - . _ ~`
 * stay as they are, escapes use upper-case hex). NetSuite refuses unescaped characters with
 * INVALID_LOGIN_ATTEMPT (Oracle help, Token-based Authentication), e.g. a base64 signature sent with a raw `+`, `/` or `=`.
 */
export function parseOAuthHeader(header: string | undefined): Map<string, string> | null {
  if (!header) return null;
  const m = /^\s*OAuth\s+(.*)$/is.exec(header);
  if (!m) return null;
  const params = new Map<string, string>();
  const body = m[1] ?? '';
  const re = /\s*([A-Za-z0-9_\-.~%]+)\s*=\s*"([^"]*)"\s*(,|$)/gy;
  let consumed = 0;
  let part: RegExpExecArray | null;
  while ((part = re.exec(body)) !== null) {
    const rawValue = part[2] ?? '';
    const name = percentDecode(part[1] ?? '');
    if (name !== 'realm' && !ENCODED.test(rawValue)) return null;
    const value = percentDecode(rawValue);
    if (name === null || value === null || params.has(name)) return null;
    params.set(name, value);
    consumed = re.lastIndex;
    if (part[3] === '') break;
  }
  if (body.slice(consumed).trim() !== '') return null;
  return params;
}
