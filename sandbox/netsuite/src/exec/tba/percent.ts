/**
 * RFC 3986 percent-encoding as OAuth 1.0a (RFC 5849 §3.6) requires: everything but
 * `A-Z a-z 0-9 - . _ ~` is encoded, as UTF-8 bytes with upper-case hex.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Inverse of percentEncode; returns null for malformed escapes. */
export function percentDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
