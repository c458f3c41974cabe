/**
 * AES-256-GCM for secrets at rest, with key rotation. Envelope:
 * `v2:<key id>:<iv b64url>:<tag b64url>:<ciphertext b64url>`, a fresh 96-bit IV per value, and
 * AAD = the envelope version, the key id and the row and column the value belongs to, so a
 * ciphertext copied into another row (or another column) fails to decrypt.
 *
 * The key id is derived from the key (`keyId`), so a stored value names the key that opens it
 * without the operator numbering keys. Values are always written with the current key
 * (BRIDGE_ENCRYPTION_KEY); the previous keys (BRIDGE_ENCRYPTION_KEY_PREVIOUS) only read, until
 * `npm run bridge -- rotate-keys` (`crypto/rotate-keys.ts`) has re-encrypted every stored value.
 * Envelopes of the first format (`v1:<iv>:<tag>:<ciphertext>`, no key id) are still read, by trying
 * each configured key, and are rewritten as v2 by `rotate-keys`.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';

const VERSION = 'v2';
const V1 = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface CipherContext {
  /** The owning row, e.g. the shop id. */
  rowId: string;
  /** The column, e.g. `access_token`. */
  column: string;
}

/** A short public name of a key (8 hex characters of a labelled SHA-256 of it); never the key. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('opentts-bridge/token-key-id/v1|').update(key).digest('hex').slice(0, 8);
}

function aadV1(context: CipherContext): Buffer {
  return Buffer.from(`opentts-bridge|${V1}|${context.column}|${context.rowId}`, 'utf8');
}

function aadV2(kid: string, context: CipherContext): Buffer {
  return Buffer.from(`opentts-bridge|${VERSION}|${kid}|${context.column}|${context.rowId}`, 'utf8');
}

function checkKey(key: Buffer, variable: string): Buffer {
  if (key.length !== 32) {
    throw new BridgeError(
      BRIDGE_ERROR_CODES.CONFIG_INVALID,
      `The encryption key must be 32 bytes, got ${key.length}. Set ${variable} to \`openssl rand -base64 32\`.`,
    );
  }
  return Buffer.from(key);
}

function open(key: Buffer, iv: Buffer, tag: Buffer, body: Buffer, aad: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

export class TokenCipher {
  private readonly key: Buffer;
  /** Key id → key, the current key first. */
  private readonly keys = new Map<string, Buffer>();
  /** The id of the key every value is written with. */
  readonly currentKeyId: string;

  /** `key` encrypts and decrypts; each of `previousKeys` only decrypts. */
  constructor(key: Buffer, previousKeys: readonly Buffer[] = []) {
    this.key = checkKey(key, 'BRIDGE_ENCRYPTION_KEY');
    this.currentKeyId = keyId(this.key);
    this.keys.set(this.currentKeyId, this.key);
    for (const previous of previousKeys) {
      const checked = checkKey(previous, 'BRIDGE_ENCRYPTION_KEY_PREVIOUS');
      const id = keyId(checked);
      if (!this.keys.has(id)) this.keys.set(id, checked);
    }
  }

  /** The ids of the keys that only read (BRIDGE_ENCRYPTION_KEY_PREVIOUS). */
  get previousKeyIds(): string[] {
    return [...this.keys.keys()].filter((id) => id !== this.currentKeyId);
  }

  encrypt(plaintext: string, context: CipherContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aadV2(this.currentKeyId, context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      this.currentKeyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      body.toString('base64url'),
    ].join(':');
  }

  /** True when the value is written with the current key in the current format (nothing to rotate). */
  isCurrent(envelope: string): boolean {
    const parts = envelope.split(':');
    return parts.length === 5 && parts[0] === VERSION && parts[1] === this.currentKeyId;
  }

  /** The key id a stored value names (`undefined` for a v1 value, which names none). */
  static keyIdOf(envelope: string): string | undefined {
    const parts = envelope.split(':');
    return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
  }

  private configuredKeys(): string {
    const previous = this.previousKeyIds;
    return `BRIDGE_ENCRYPTION_KEY has key id ${this.currentKeyId}; BRIDGE_ENCRYPTION_KEY_PREVIOUS ${
      previous.length === 0 ? 'is not set' : `has key id(s) ${previous.join(', ')}`
    }`;
  }

  decrypt(envelope: string, context: CipherContext): string {
    const parts = envelope.split(':');
    const fail = (why: string, fix: string, cause?: unknown): BridgeError =>
      new BridgeError(
        BRIDGE_ERROR_CODES.TOKEN_DECRYPT_FAILED,
        `Cannot decrypt ${context.column} of ${context.rowId}: ${why}. ${fix}`,
        { cause },
      );
    const noKeyFix =
      'Add the key the tokens were stored with to BRIDGE_ENCRYPTION_KEY_PREVIOUS (comma-separated with any other) and run `npm run bridge -- rotate-keys`, or, if that key is lost, reconnect the shop (Connect TikTok Shop on the status page) to store new tokens.';
    const wrongRowFix =
      'The stored value was altered or belongs to another row; reconnect the shop (Connect TikTok Shop on the status page) to store new tokens.';
    if (parts[0] === VERSION && parts.length === 5) {
      const [, kid, ivText, tagText, bodyText] = parts as [string, string, string, string, string];
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw fail('malformed envelope', wrongRowFix);
      const key = this.keys.get(kid);
      if (!key) {
        throw fail(
          `it was encrypted with key id ${kid}, which no configured key has (${this.configuredKeys()})`,
          noKeyFix,
        );
      }
      try {
        return open(key, iv, tag, Buffer.from(bodyText, 'base64url'), aadV2(kid, context));
      } catch (error) {
        throw fail(
          'authentication tag mismatch (the value belongs to another row, or was altered)',
          wrongRowFix,
          error,
        );
      }
    }
    if (parts[0] === V1 && parts.length === 4) {
      const [, ivText, tagText, bodyText] = parts as [string, string, string, string];
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw fail('malformed envelope', wrongRowFix);
      let lastError: unknown;
      for (const key of this.keys.values()) {
        try {
          return open(key, iv, tag, Buffer.from(bodyText, 'base64url'), aadV1(context));
        } catch (error) {
          lastError = error;
        }
      }
      throw fail(
        `authentication tag mismatch with every configured key (${this.configuredKeys()}): the value was stored with another key, belongs to another row, or was altered`,
        noKeyFix,
        lastError,
      );
    }
    throw fail('unknown envelope version', wrongRowFix);
  }
}
