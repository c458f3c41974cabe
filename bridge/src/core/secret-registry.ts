/**
 * The secret values this bridge process holds, so text can be scrubbed of them by value — an
 * upstream error that repeats a token "in words" ("access token TTP_…", "secret e59a…") matches no
 * pattern of `redact.ts`, but it does match the value. Every holder registers what it knows: the
 * configuration (`bridge.ts`: app secret, NetSuite consumer and token secrets, admin and metrics
 * tokens, encryption key, derived cookie keys), the token client and the token vault (each shop's
 * access and refresh tokens as they are granted, refreshed or loaded). `redactSecretsInText`, which
 * the logger, the store's text writers and every view use, scrubs them all.
 *
 * One registry per process (`knownSecrets`): the logger, the store and the views of every bridge in
 * the process share it; scrubbing another bridge's secret as well costs nothing.
 *
 * Each value is registered with the encodings it can appear in: as is, percent-encoded (RFC 3986 and
 * `encodeURIComponent`, either hex case), form-encoded, JSON-escaped, and base64 / base64url of its
 * bytes (with and without padding). A key given as bytes is registered as hex (either case), base64
 * and base64url. Values shorter than `MIN_SECRET_LENGTH` are ignored: scrubbing a 3-letter string
 * everywhere would shred ordinary text, and no real secret is that short.
 */
export const MIN_SECRET_LENGTH = 8;
/** Tokens are kept until this many values are known; then the oldest run-time values are dropped. */
const MAX_VALUES = 20_000;

export const SECRET_PLACEHOLDER = '[redacted]';

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function lowerHexEscapes(value: string): string {
  return value.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
}

function base64Forms(bytes: Buffer): string[] {
  const padded = bytes.toString('base64');
  return [padded, padded.replace(/=+$/, ''), bytes.toString('base64url')];
}

/** Every form in which a text secret may appear in a log line, an error body or a URL. */
export function textEncodings(value: string): string[] {
  const percent = [rfc3986(value), encodeURIComponent(value)];
  const forms = [
    value,
    ...percent,
    ...percent.map(lowerHexEscapes),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    ...base64Forms(Buffer.from(value, 'utf8')),
  ];
  return [...new Set(forms)];
}

/** Every form in which a binary key may appear. */
export function byteEncodings(bytes: Buffer): string[] {
  const hex = bytes.toString('hex');
  return [...new Set([hex, hex.toUpperCase(), ...base64Forms(bytes)])];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class SecretRegistry {
  /** Encoded form → pinned (configuration, never dropped). Insertion order is age. */
  private readonly forms = new Map<string, boolean>();
  private pattern: RegExp | null = null;
  private dirty = false;

  /** A text secret (token, password, API secret). `pinned`: kept for the life of the process. */
  add(value: string | undefined | null, options: { pinned?: boolean } = {}): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
    this.addForms(textEncodings(value), options.pinned ?? false);
  }

  /** A binary key (encryption key, derived HMAC key). Always pinned. */
  addBytes(bytes: Buffer | undefined): void {
    if (!bytes || bytes.length === 0) return;
    this.addForms(byteEncodings(bytes), true);
  }

  /** How many encoded forms are known (for tests and diagnostics). */
  get size(): number {
    return this.forms.size;
  }

  /** `text` with every known secret, in every registered encoding, replaced by `[redacted]`. */
  scrub(text: string): string {
    const pattern = this.compiled();
    return pattern === null ? text : text.replace(pattern, SECRET_PLACEHOLDER);
  }

  /** True when `text` holds a known secret (tests use it to search files and pages). */
  appearsIn(text: string): boolean {
    const pattern = this.compiled();
    if (pattern === null) return false;
    pattern.lastIndex = 0;
    return pattern.test(text);
  }

  private addForms(forms: readonly string[], pinned: boolean): void {
    for (const form of forms) {
      if (form.length < MIN_SECRET_LENGTH) continue;
      const known = this.forms.get(form);
      if (known === undefined) {
        this.forms.set(form, pinned);
        this.dirty = true;
      } else if (pinned && !known) {
        this.forms.set(form, true);
      }
    }
    this.evict();
  }

  private evict(): void {
    if (this.forms.size <= MAX_VALUES) return;
    for (const [form, pinned] of this.forms) {
      if (this.forms.size <= MAX_VALUES) break;
      if (!pinned) {
        this.forms.delete(form);
        this.dirty = true;
      }
    }
  }

  /** One alternation, longest value first, so a secret that contains another is scrubbed whole. */
  private compiled(): RegExp | null {
    if (this.dirty || (this.pattern === null && this.forms.size > 0)) {
      const alternatives = [...this.forms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.pattern = alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), 'g');
      this.dirty = false;
    }
    return this.pattern;
  }
}

/** The registry of this process. */
export const knownSecrets = new SecretRegistry();
