import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeError } from '../core/errors';
import { loadConfig, SECRET_VARIABLES, type Env, type LiveConfig } from '../config';
import { SecretRegistry } from '../core/secret-registry';
import { registerConfigSecrets } from '../crypto/config-secrets';

/**
 * Configuration for rotation and file-based secrets: every secret variable can be read from
 * `<NAME>_FILE`; BRIDGE_ENCRYPTION_KEY_PREVIOUS lists earlier keys; TIKTOK_APP_SECRET_PREVIOUS
 * comes with TIKTOK_APP_SECRET_PREVIOUS_UNTIL.
 */
const KEY = randomBytes(32);
const LIVE: Env = {
  TIKTOK_APP_KEY: 'app',
  TIKTOK_APP_SECRET: 'secret',
  TIKTOK_SERVICE_ID: '7123',
  NETSUITE_ACCOUNT_ID: '1234567_SB1',
  NETSUITE_CONSUMER_KEY: 'ck',
  NETSUITE_CONSUMER_SECRET: 'cs',
  NETSUITE_TOKEN_ID: 'ti',
  NETSUITE_TOKEN_SECRET: 'ts',
  NETSUITE_RESTLET_URL:
    'https://1234567-sb1.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=1&deploy=1',
  BRIDGE_PUBLIC_URL: 'https://bridge.example.com/',
  BRIDGE_ADMIN_TOKEN: 'a-long-admin-token-value',
  BRIDGE_ENCRYPTION_KEY: KEY.toString('base64'),
};

function problems(env: Env): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeError);
    return (error as BridgeError).message;
  }
  throw new Error('loadConfig accepted an invalid environment');
}

function live(env: Env): LiveConfig {
  const config = loadConfig(env);
  if (config.mode !== 'live') throw new Error('expected live mode');
  return config;
}

describe('secrets read from files (<NAME>_FILE)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-secret-files-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  };

  it('reads every secret variable from its file, dropping the trailing line break', () => {
    const env: Env = { ...LIVE };
    for (const name of [
      'TIKTOK_APP_SECRET',
      'NETSUITE_TOKEN_SECRET',
      'BRIDGE_ADMIN_TOKEN',
      'BRIDGE_ENCRYPTION_KEY',
    ]) {
      env[`${name}_FILE`] = file(name, `${LIVE[name] ?? ''}\n`);
      delete env[name];
    }
    const config = live(env);
    expect(config.tiktok.appSecret).toBe('secret');
    expect(config.netsuite.tokenSecret).toBe('ts');
    expect(config.adminToken).toBe('a-long-admin-token-value');
    expect(config.encryptionKey.equals(KEY)).toBe(true);
  });

  it('accepts a _FILE for each secret variable it lists', () => {
    const values: Record<string, string> = {
      TIKTOK_APP_SECRET_PREVIOUS: 'old-secret',
      BRIDGE_ENCRYPTION_KEY_PREVIOUS: randomBytes(32).toString('hex'),
      BRIDGE_METRICS_TOKEN: 'metrics-token-0123456789',
      DATABASE_URL: `sqlite:${join(dir, 'b.db')}`,
    };
    const env: Env = { ...LIVE, TIKTOK_APP_SECRET_PREVIOUS_UNTIL: '2026-12-06T12:00:00Z' };
    for (const name of SECRET_VARIABLES) {
      const value = values[name] ?? LIVE[name];
      if (value === undefined) throw new Error(`no test value for ${name}`);
      env[`${name}_FILE`] = file(name, value);
      delete env[name];
    }
    const config = live(env);
    expect(config.tiktok.previousAppSecret?.appSecret).toBe('old-secret');
    expect(config.previousEncryptionKeys).toHaveLength(1);
    expect(config.metricsToken).toBe('metrics-token-0123456789');
    expect(config.databaseUrl).toBe(values.DATABASE_URL);
    expect(config.netsuite.consumerKey).toBe('ck');
  });

  it('a credential given only as a file switches to live mode like the variable itself', () => {
    const env: Env = { ...LIVE, TIKTOK_APP_SECRET_FILE: file('s', 'secret') };
    delete env.TIKTOK_APP_SECRET;
    expect(loadConfig(env).mode).toBe('live');
  });

  it('refuses both the variable and its file, naming both', () => {
    expect(problems({ ...LIVE, TIKTOK_APP_SECRET_FILE: file('s', 'secret') })).toMatch(
      /TIKTOK_APP_SECRET_FILE: TIKTOK_APP_SECRET and TIKTOK_APP_SECRET_FILE are both set; set only one/,
    );
  });

  it('refuses an unreadable or empty file with its path and the fix, and says nothing else about that variable', () => {
    const missing = join(dir, 'nope');
    const env: Env = {
      ...LIVE,
      BRIDGE_ENCRYPTION_KEY_FILE: missing,
      BRIDGE_ADMIN_TOKEN_FILE: file('e', '\n'),
    };
    delete env.BRIDGE_ENCRYPTION_KEY;
    delete env.BRIDGE_ADMIN_TOKEN;
    const text = problems(env);
    expect(text).toContain(
      `BRIDGE_ENCRYPTION_KEY_FILE: cannot read ${missing} (ENOENT); check the path and that the bridge's user may read it, or set BRIDGE_ENCRYPTION_KEY instead`,
    );
    expect(text).toContain(
      `BRIDGE_ADMIN_TOKEN_FILE: ${join(dir, 'e')} is empty; put the value of BRIDGE_ADMIN_TOKEN in it`,
    );
    expect(text).not.toMatch(/- BRIDGE_ENCRYPTION_KEY: /);
    expect(text).not.toMatch(/- BRIDGE_ADMIN_TOKEN: /);
  });

  it('reports a file it may not read', () => {
    if (process.getuid?.() === 0) {
      // root reads any file: inject the reader's answer instead.
      const denied = Object.assign(new Error('denied'), { code: 'EACCES' });
      const env: Env = { ...LIVE, NETSUITE_TOKEN_SECRET_FILE: '/run/secrets/ns' };
      delete env.NETSUITE_TOKEN_SECRET;
      expect(() =>
        loadConfig(env, {
          readFile: () => {
            throw denied;
          },
        }),
      ).toThrow(/NETSUITE_TOKEN_SECRET_FILE: cannot read \/run\/secrets\/ns \(EACCES\)/);
      return;
    }
    const path = file('ns', 'ts');
    chmodSync(path, 0o000);
    const env: Env = { ...LIVE, NETSUITE_TOKEN_SECRET_FILE: path };
    delete env.NETSUITE_TOKEN_SECRET;
    expect(problems(env)).toContain(`NETSUITE_TOKEN_SECRET_FILE: cannot read ${path} (EACCES)`);
  });

  it('says a missing secret may be given either way', () => {
    const env: Env = { ...LIVE };
    delete env.TIKTOK_APP_SECRET;
    expect(problems(env)).toContain(
      'TIKTOK_APP_SECRET: is missing (example: TIKTOK_APP_SECRET=e59af819cc0123456789abcdef); or set TIKTOK_APP_SECRET_FILE to a file holding it',
    );
  });
});

describe('rotation settings', () => {
  it('reads one or several previous encryption keys, in hex or base64', () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    const config = live({
      ...LIVE,
      BRIDGE_ENCRYPTION_KEY_PREVIOUS: `${a.toString('hex')}, ${b.toString('base64')}`,
    });
    expect(config.previousEncryptionKeys?.map((k) => k.toString('hex'))).toEqual([
      a.toString('hex'),
      b.toString('hex'),
    ]);
    expect(live(LIVE).previousEncryptionKeys).toBeUndefined();
    expect(
      loadConfig({
        BRIDGE_ENCRYPTION_KEY: KEY.toString('hex'),
        BRIDGE_ENCRYPTION_KEY_PREVIOUS: a.toString('hex'),
      }),
    ).toMatchObject({
      mode: 'sandbox',
      previousEncryptionKeys: [a],
    });
    expect(problems({ ...LIVE, BRIDGE_ENCRYPTION_KEY_PREVIOUS: `${a.toString('hex')},short` })).toContain(
      'BRIDGE_ENCRYPTION_KEY_PREVIOUS: key 2 of 2 is not 32 bytes given as 64 hex characters or base64',
    );
  });

  it('reads the previous app secret with its deadline, and refuses one without the other', () => {
    expect(
      live({
        ...LIVE,
        TIKTOK_APP_SECRET_PREVIOUS: 'old',
        TIKTOK_APP_SECRET_PREVIOUS_UNTIL: '2026-12-06T13:00:00+01:00',
      }).tiktok.previousAppSecret,
    ).toEqual({ appSecret: 'old', acceptUntil: Date.parse('2026-12-06T12:00:00Z') });
    expect(problems({ ...LIVE, TIKTOK_APP_SECRET_PREVIOUS: 'old' })).toContain(
      'TIKTOK_APP_SECRET_PREVIOUS_UNTIL: is missing: TIKTOK_APP_SECRET_PREVIOUS is accepted for webhooks only until a set time',
    );
    expect(problems({ ...LIVE, TIKTOK_APP_SECRET_PREVIOUS_UNTIL: '2026-12-06T12:00:00Z' })).toContain(
      'TIKTOK_APP_SECRET_PREVIOUS: is missing',
    );
    expect(
      problems({
        ...LIVE,
        TIKTOK_APP_SECRET_PREVIOUS: 'old',
        TIKTOK_APP_SECRET_PREVIOUS_UNTIL: '2026-12-06 12:00',
      }),
    ).toContain(
      'TIKTOK_APP_SECRET_PREVIOUS_UNTIL: must be an ISO time with a zone, e.g. 2026-12-06T12:00:00Z',
    );
  });
});

describe('rotation secrets are scrubbed like the current ones', () => {
  it('registers the previous app secret and every previous encryption key', () => {
    const previousKey = randomBytes(32);
    const registry = new SecretRegistry();
    registerConfigSecrets(
      live({
        ...LIVE,
        BRIDGE_ENCRYPTION_KEY_PREVIOUS: previousKey.toString('base64'),
        TIKTOK_APP_SECRET_PREVIOUS: 'the-old-app-secret-0123',
        TIKTOK_APP_SECRET_PREVIOUS_UNTIL: '2026-12-06T12:00:00Z',
      }),
      registry,
    );
    expect(registry.scrub('old the-old-app-secret-0123')).toBe('old [redacted]');
    expect(registry.appearsIn(`key ${previousKey.toString('hex')}`)).toBe(true);
  });
});
