import { percentDecode } from './percent';

/**
 * Parses `Authorization: OAuth realm="...", oauth_consumer_key="...", ...` (RFC 5849 §3.5.1).
 * Values are percent-decoded. Returns null when the header is not an OAuth header or is malformed.
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
    const name = percentDecode(part[1] ?? '');
    const value = percentDecode(part[2] ?? '');
    if (name === null || value === null || params.has(name)) return null;
    params.set(name, value);
    consumed = re.lastIndex;
    if (part[3] === '') break;
  }
  if (body.slice(consumed).trim() !== '') return null;
  return params;
}
