/**
 * Secrets inside free text: TikTok and NetSuite error bodies, token URLs in error messages,
 * Authorization headers quoted back by a proxy. Applied to every log line (logger.ts), to every
 * text the store keeps (recent errors, job errors, dead-letter reasons, shop state reasons, stored
 * webhook bodies, job payloads) and again when the status page, `/readyz`, an error page or the CLI
 * shows them, so rows written by an older bridge are covered.
 *
 * Two layers: every secret value this process knows (`secret-registry.ts`) is replaced wherever it
 * appears, in whatever words surround it; then the patterns below catch secrets the process does not
 * know by value (`name=value`, JSON keys, `Bearer …`), e.g. another app's token quoted back.
 */
import { knownSecrets } from './secret-registry';

const SECRET_NAMES =
  'app_secret|client_secret|access_token|refresh_token|auth_code|code|sign|signature|x-tts-access-token|oauth_signature|oauth_token|token_secret|consumer_secret|password';

/** `name=value` (query strings, form bodies). */
const QUERY_PARAM = new RegExp(`\\b(${SECRET_NAMES})=(?!\\[redacted\\])[^&\\s"'\\\\,]+`, 'gi');
/** `name="value"` and `name=\\"value\\"` (OAuth 1.0a header parameters, also quoted inside JSON). */
const QUOTED_PARAM = new RegExp(`\\b(${SECRET_NAMES})=(\\\\?)"(?:[^"\\\\]|\\\\(?!"))*\\\\?"`, 'gi');
/**
 * `"name":"value"` and `\"name\":\"value\"` (JSON error bodies, also inside JSON log lines). Not
 * `"code"`: in JSON it is an error code (`{"error":{"code":"TTS_INVALID_REQUEST"}}`), not an auth code.
 */
const JSON_FIELD = new RegExp(
  `(\\\\?"(?:${SECRET_NAMES.replace('|code|', '|')}|accessToken|refreshToken|appSecret)\\\\?"\\s*:\\s*\\\\?")((?:[^"\\\\]|\\\\(?!"))*)(\\\\?")`,
  'gi',
);
/** `Bearer <token>`, `x-tts-access-token: <token>`. */
const HEADER_VALUE = /\b(Bearer|x-tts-access-token:)\s+(?!\[redacted\])[^\s"',;\\]+/gi;

/**
 * A name every pattern above needs (each holds one of these words), so a text without any (most
 * stored webhook bodies and job payloads) skips the four scans: one scan instead of four on the
 * webhook hot path.
 */
const ANY_NAME = new RegExp(
  `${SECRET_NAMES}|accessToken|refreshToken|appSecret|Bearer|x-tts-access-token:`,
  'i',
);

export function redactSecretsInText(text: string): string {
  const scrubbed = knownSecrets.scrub(text);
  if (!ANY_NAME.test(scrubbed)) return scrubbed;
  return scrubbed
    .replace(QUERY_PARAM, '$1=[redacted]')
    .replace(QUOTED_PARAM, '$1=$2"[redacted]$2"')
    .replace(JSON_FIELD, '$1[redacted]$3')
    .replace(HEADER_VALUE, '$1 [redacted]');
}

/** `redactSecretsInText` for optional columns. */
export function redactNullable(text: string | null): string | null {
  return text === null ? null : redactSecretsInText(text);
}
