import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';

/**
 * AES-256-GCM for secrets at rest. Envelope: `v1:<iv b64url>:<tag b64url>:<ciphertext b64url>`,
 * a fresh 96-bit IV per value, and AAD = the row and column the value belongs to, so a ciphertext
 * copied into another row (or another column) fails to decrypt.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface CipherContext {
  /** The owning row, e.g. the shop id. */
  rowId: string;
  /** The column, e.g. `access_token`. */
  column: string;
}

function aad(context: CipherContext): Buffer {
  return Buffer.from(`opentts-bridge|${VERSION}|${context.column}|${context.rowId}`, 'utf8');
}

export class TokenCipher {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.CONFIG_INVALID,
        `The encryption key must be 32 bytes, got ${key.length}. Set BRIDGE_ENCRYPTION_KEY to \`openssl rand -base64 32\`.`,
      );
    }
    this.key = Buffer.from(key);
  }

  encrypt(plaintext: string, context: CipherContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join(
      ':',
    );
  }

  decrypt(envelope: string, context: CipherContext): string {
    const parts = envelope.split(':');
    const fail = (why: string, cause?: unknown): BridgeError =>
      new BridgeError(
        BRIDGE_ERROR_CODES.TOKEN_DECRYPT_FAILED,
        `Cannot decrypt ${context.column} of ${context.rowId}: ${why}. ` +
          'Check BRIDGE_ENCRYPTION_KEY is the key the tokens were stored with, or re-authorize the shop.',
        { cause },
      );
    if (parts.length !== 4 || parts[0] !== VERSION) throw fail('unknown envelope version');
    const [, ivText, tagText, bodyText] = parts as [string, string, string, string];
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw fail('malformed envelope');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(context));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch (error) {
      throw fail('authentication tag mismatch (wrong key, or the value belongs to another row)', error);
    }
  }
}
