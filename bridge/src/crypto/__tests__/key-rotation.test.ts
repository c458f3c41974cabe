import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli';
import { SqliteStore } from '../../store/sqlite-store';
import type { BridgeStore } from '../../store/types';
import { TokenVault, type ShopTokens } from '../../tiktok/token-vault';
import { rotateTokenKeys } from '../rotate-keys';
import { keyId, TokenCipher } from '../token-cipher';

/**
 * BRIDGE_ENCRYPTION_KEY rotation: the previous key reads, `rotate-keys` re-encrypts every stored
 * token with the current key (idempotent, resumable, never overwriting a refresh saved meanwhile),
 * after which the previous key can be retired; a token no configured key opens says so and what to do.
 */
const OLD = randomBytes(32);
const NEW = randomBytes(32);
const SHOPS = ['7494049642642441621', '7494049642642441622', '7494049642642441623'];

function tokens(n: number): ShopTokens {
  return {
    grantId: `grant-${n}`,
    accessToken: `TTP_access_${n}`,
    refreshToken: `TTP_refresh_${n}`,
    accessExpiresAt: 1_000 + n,
    refreshExpiresAt: 2_000 + n,
    authorizedAt: 5,
  };
}

/** An envelope of the first format (`v1:<iv>:<tag>:<body>`, no key id), as older bridges stored. */
function v1Envelope(key: Buffer, plaintext: string, rowId: string, column: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(`opentts-bridge|v1|${column}|${rowId}`, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join(':');
}

async function addShops(store: BridgeStore, ids: readonly string[]): Promise<void> {
  for (const shopId of ids) {
    await store.upsertShop(
      { shopId, name: shopId, region: 'US', sellerType: 'LOCAL', cipher: 'c', code: '', state: 'connected' },
      1,
    );
  }
}

const b64 = (key: Buffer): string => key.toString('base64');

describe('TokenCipher with previous keys', () => {
  const ctx = { rowId: SHOPS[0] ?? '', column: 'access_token' };

  it('names the key in each value, writes with the current key and reads with a previous one', () => {
    const old = new TokenCipher(OLD);
    const rotated = new TokenCipher(NEW, [OLD]);
    const stored = old.encrypt('TTP_secret', ctx);
    expect(TokenCipher.keyIdOf(stored)).toBe(keyId(OLD));
    expect(rotated.decrypt(stored, ctx)).toBe('TTP_secret');
    expect(rotated.isCurrent(stored)).toBe(false);
    const rewritten = rotated.encrypt('TTP_secret', ctx);
    expect(TokenCipher.keyIdOf(rewritten)).toBe(keyId(NEW));
    expect(rotated.isCurrent(rewritten)).toBe(true);
    expect(rotated.previousKeyIds).toEqual([keyId(OLD)]);
  });

  it('reads first-format (v1) values with the current or a previous key', () => {
    expect(new TokenCipher(OLD).decrypt(v1Envelope(OLD, 'TTP_v1', ctx.rowId, ctx.column), ctx)).toBe(
      'TTP_v1',
    );
    expect(new TokenCipher(NEW, [OLD]).decrypt(v1Envelope(OLD, 'TTP_v1', ctx.rowId, ctx.column), ctx)).toBe(
      'TTP_v1',
    );
    expect(new TokenCipher(NEW, [OLD]).isCurrent(v1Envelope(NEW, 'x', ctx.rowId, ctx.column))).toBe(false);
  });

  it('says which key a value needs and what to do when no configured key has it', () => {
    const stored = new TokenCipher(OLD).encrypt('TTP_secret', ctx);
    const error = (() => {
      try {
        new TokenCipher(NEW).decrypt(stored, ctx);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('decrypted with a retired key');
    })();
    expect(error).toContain(`Cannot decrypt access_token of ${ctx.rowId}`);
    expect(error).toContain(`encrypted with key id ${keyId(OLD)}, which no configured key has`);
    expect(error).toContain(`BRIDGE_ENCRYPTION_KEY has key id ${keyId(NEW)}`);
    expect(error).toContain('BRIDGE_ENCRYPTION_KEY_PREVIOUS is not set');
    expect(error).toContain('npm run bridge -- rotate-keys');
    expect(error).toContain('reconnect the shop');
    expect(() => new TokenCipher(NEW).decrypt(v1Envelope(OLD, 'x', ctx.rowId, ctx.column), ctx)).toThrow(
      /with every configured key .*BRIDGE_ENCRYPTION_KEY_PREVIOUS/,
    );
  });
});

describe('npm run bridge -- rotate-keys', () => {
  let dir: string;
  let dbPath: string;
  let out: string[];
  let err: string[];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-rotate-'));
    dbPath = join(dir, 'b.db');
    out = [];
    err = [];
    const store = new SqliteStore(dbPath);
    await addShops(store, SHOPS);
    const vault = new TokenVault(store, new TokenCipher(OLD));
    for (const [n, shopId] of SHOPS.entries()) await vault.save(shopId, tokens(n), 1);
    await store.close();
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (current: Buffer, previous?: string) => ({
    DATABASE_URL: `sqlite:${dbPath}`,
    BRIDGE_ENCRYPTION_KEY: b64(current),
    ...(previous === undefined ? {} : { BRIDGE_ENCRYPTION_KEY_PREVIOUS: previous }),
  });

  async function loadAll(cipher: TokenCipher): Promise<(ShopTokens | undefined)[]> {
    const store = new SqliteStore(dbPath);
    try {
      const vault = new TokenVault(store, cipher);
      return await Promise.all(SHOPS.map((shopId) => vault.load(shopId)));
    } finally {
      await store.close();
    }
  }

  it('re-encrypts every token with the new key; a re-run changes nothing; then the old key can go', async () => {
    expect(await runCli(['rotate-keys'], env(NEW, b64(OLD)), io)).toBe(0);
    expect(out).toContain(`3 shop(s) re-encrypted, 0 already under key ${keyId(NEW)}, 0 failed.`);
    expect(out.at(-1)).toContain(
      `BRIDGE_ENCRYPTION_KEY_PREVIOUS (key id(s) ${keyId(OLD)}) can now be removed`,
    );

    out = [];
    expect(await runCli(['rotate-keys'], env(NEW, b64(OLD)), io)).toBe(0);
    expect(out).toContain(`0 shop(s) re-encrypted, 3 already under key ${keyId(NEW)}, 0 failed.`);

    expect(await loadAll(new TokenCipher(NEW))).toEqual(SHOPS.map((_, n) => tokens(n)));
    await expect(loadAll(new TokenCipher(OLD))).rejects.toThrow(`encrypted with key id ${keyId(NEW)}`);
  });

  it('finishes an interrupted run when run again', async () => {
    const store = new SqliteStore(dbPath);
    let swaps = 0;
    const interrupted: BridgeStore = Object.assign(Object.create(store) as BridgeStore, {
      replaceTokenCiphertexts: async (...args: Parameters<BridgeStore['replaceTokenCiphertexts']>) => {
        swaps += 1;
        if (swaps > 1) throw new Error('killed');
        return store.replaceTokenCiphertexts(...args);
      },
    });
    const first = await rotateTokenKeys(interrupted, new TokenCipher(NEW, [OLD]));
    expect(first.rotated).toHaveLength(1);
    expect(first.failures).toHaveLength(2);
    await store.close();
    // Half-rotated: every token still reads while both keys are configured.
    expect(await loadAll(new TokenCipher(NEW, [OLD]))).toEqual(SHOPS.map((_, n) => tokens(n)));

    expect(await runCli(['rotate-keys'], env(NEW, b64(OLD)), io)).toBe(0);
    expect(out).toContain(`2 shop(s) re-encrypted, 1 already under key ${keyId(NEW)}, 0 failed.`);
    expect(await loadAll(new TokenCipher(NEW))).toEqual(SHOPS.map((_, n) => tokens(n)));
  });

  it('never overwrites a token refresh saved while it runs', async () => {
    const store = new SqliteStore(dbPath);
    const refreshed = { ...tokens(0), accessToken: 'TTP_access_refreshed', refreshToken: 'TTP_refresh_new' };
    let refreshedOnce = false;
    const racing: BridgeStore = Object.assign(Object.create(store) as BridgeStore, {
      replaceTokenCiphertexts: async (...args: Parameters<BridgeStore['replaceTokenCiphertexts']>) => {
        if (!refreshedOnce && args[0] === SHOPS[0]) {
          refreshedOnce = true;
          // A running bridge that still has only the old key refreshes this shop's tokens now.
          await new TokenVault(store, new TokenCipher(OLD)).save(SHOPS[0] ?? '', refreshed, 2);
        }
        return store.replaceTokenCiphertexts(...args);
      },
    });
    const result = await rotateTokenKeys(racing, new TokenCipher(NEW, [OLD]));
    expect(result.rotated).toEqual(SHOPS);
    await store.close();
    const [first] = await loadAll(new TokenCipher(NEW));
    expect(first).toEqual(refreshed);
  });

  it('reports a shop no configured key opens, with the fix, and rotates the others (exit 2)', async () => {
    const stranger = randomBytes(32);
    const store = new SqliteStore(dbPath);
    await new TokenVault(store, new TokenCipher(stranger)).save(SHOPS[2] ?? '', tokens(2), 3);
    await store.close();

    expect(await runCli(['rotate-keys'], env(NEW, b64(OLD)), io)).toBe(2);
    expect(out).toContain(`2 shop(s) re-encrypted, 0 already under key ${keyId(NEW)}, 1 failed.`);
    const text = err.join('\n');
    expect(text).toContain(
      `shop ${SHOPS[2]}: TOKEN_DECRYPT_FAILED: Cannot decrypt access_token of ${SHOPS[2]}`,
    );
    expect(text).toContain(`key id ${keyId(stranger)}, which no configured key has`);
    expect(text).toContain('Keep BRIDGE_ENCRYPTION_KEY_PREVIOUS set until every shop is re-encrypted');

    out = [];
    err = [];
    expect(await runCli(['rotate-keys'], env(NEW, `${b64(OLD)}, ${b64(stranger)}`), io)).toBe(0);
    expect(out).toContain(`1 shop(s) re-encrypted, 2 already under key ${keyId(NEW)}, 0 failed.`);
  });

  it('needs an encryption key', async () => {
    await expect(runCli(['rotate-keys'], { DATABASE_URL: `sqlite:${dbPath}` }, io)).rejects.toThrow(
      /rotate-keys needs BRIDGE_ENCRYPTION_KEY \(the new key\) and BRIDGE_ENCRYPTION_KEY_PREVIOUS/,
    );
  });
});
