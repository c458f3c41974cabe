import { randomBytes } from 'node:crypto';
import { TokenCipher } from '../token-cipher';
import { SqliteStore } from '../../store/sqlite-store';
import { TokenVault } from '../../tiktok/token-vault';

const ctx = { rowId: '7494049642642441621', column: 'access_token' };

describe('TokenCipher (AES-256-GCM, versioned envelope, row-bound AAD)', () => {
  const cipher = new TokenCipher(randomBytes(32));

  it('round-trips with a fresh IV each time', () => {
    const a = cipher.encrypt('TTP_secret', ctx);
    const b = cipher.encrypt('TTP_secret', ctx);
    expect(a).toMatch(/^v2:[0-9a-f]{8}:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(cipher.decrypt(a, ctx)).toBe('TTP_secret');
  });

  it('fails with the wrong key', () => {
    const envelope = cipher.encrypt('TTP_secret', ctx);
    expect(() => new TokenCipher(randomBytes(32)).decrypt(envelope, ctx)).toThrow(
      /encrypted with key id [0-9a-f]{8}, which no configured key has/,
    );
  });

  it('fails for another row or another column', () => {
    const envelope = cipher.encrypt('TTP_secret', ctx);
    expect(() => cipher.decrypt(envelope, { ...ctx, rowId: '1' })).toThrow(
      /TOKEN_DECRYPT_FAILED|another row/,
    );
    expect(() => cipher.decrypt(envelope, { ...ctx, column: 'refresh_token' })).toThrow(/authentication tag/);
  });

  it('fails for a tampered or unknown envelope', () => {
    const envelope = cipher.encrypt('TTP_secret', ctx);
    const parts = envelope.split(':');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    expect(() =>
      cipher.decrypt([parts[0], parts[1], parts[2], body.toString('base64url')].join(':'), ctx),
    ).toThrow();
    expect(() => cipher.decrypt(envelope.replace(/^v2/, 'v9'), ctx)).toThrow(/envelope version/);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new TokenCipher(randomBytes(16))).toThrow(/32 bytes/);
  });

  it('a ciphertext copied to another shop row in the store does not decrypt there', async () => {
    const store = new SqliteStore(':memory:');
    const vault = new TokenVault(store, cipher);
    for (const shopId of ['A', 'B']) {
      await store.upsertShop(
        {
          shopId,
          name: shopId,
          region: 'US',
          sellerType: 'LOCAL',
          cipher: 'c',
          code: '',
          state: 'connected',
        },
        1,
      );
    }
    const tokens = {
      grantId: 'g',
      accessToken: 'TTP_a',
      refreshToken: 'TTP_r',
      accessExpiresAt: 1,
      refreshExpiresAt: 2,
      authorizedAt: 0,
    };
    await vault.save('A', tokens, 1);
    await vault.save('B', { ...tokens, accessToken: 'TTP_b' }, 1);
    const stolen = await store.getTokens('A');
    const target = await store.getTokens('B');
    if (!stolen || !target) throw new Error('tokens were not stored');
    await store.saveTokens({ ...target, accessTokenEnc: stolen.accessTokenEnc });
    await expect(vault.load('B')).rejects.toThrow(/Cannot decrypt access_token of B/);
    await store.close();
  });
});
