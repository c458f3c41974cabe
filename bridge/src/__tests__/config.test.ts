import { randomBytes } from 'node:crypto';
import { BridgeError } from '../core/errors';
import { loadConfig, type Env } from '../config';

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

describe('loadConfig', () => {
  it('returns sandbox mode when no credential is set', () => {
    expect(loadConfig({})).toEqual({
      mode: 'sandbox',
      databaseUrl: 'sqlite:data/bridge.db',
      port: 3000,
      host: '127.0.0.1',
      logLevel: 'info',
      authMaxFailures: 10,
      authWindowSeconds: 300,
      outboxIntervalSeconds: 60,
      shutdownDrainSeconds: 0,
      sqliteSynchronous: 'normal',
      inventoryIntervalSeconds: 60,
      jobLeaseSeconds: 120,
      warehouseRefreshMinutes: 60,
      setVariables: [],
    });
    expect(
      loadConfig({ PORT: '8080', BRIDGE_ADMIN_TOKEN: 'a-long-admin-token-value', TIKTOK_APP_KEY: '' }),
    ).toMatchObject({
      mode: 'sandbox',
      port: 8080,
      adminToken: 'a-long-admin-token-value',
    });
  });

  it('HOST defaults to loopback (this machine only) in both modes and must be an address or a host name', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig(LIVE).host).toBe('127.0.0.1');
    expect(loadConfig({ ...LIVE, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
    expect(problems({ HOST: 'http://0.0.0.0' })).toMatch(
      /HOST: must be an IP address \(127\.0\.0\.1, 0\.0\.0\.0, ::\) or a host name \(example: HOST=127\.0\.0\.1\)/,
    );
  });

  it('reads the outbox interval (default 60 s)', () => {
    expect(loadConfig(LIVE).outboxIntervalSeconds).toBe(60);
    expect(loadConfig({ ...LIVE, BRIDGE_OUTBOX_INTERVAL_SECONDS: '5' }).outboxIntervalSeconds).toBe(5);
    expect(loadConfig({ ...LIVE, BRIDGE_INVENTORY_INTERVAL_SECONDS: '30' }).inventoryIntervalSeconds).toBe(
      30,
    );
    expect(loadConfig(LIVE).inventoryIntervalSeconds).toBe(60);
    expect(loadConfig({ ...LIVE, BRIDGE_WAREHOUSE_REFRESH_MINUTES: '15' }).warehouseRefreshMinutes).toBe(15);
    expect(problems({ BRIDGE_INVENTORY_INTERVAL_SECONDS: '0' })).toMatch(
      /BRIDGE_INVENTORY_INTERVAL_SECONDS: must be a whole number 1-3600/,
    );
    expect(problems({ BRIDGE_WAREHOUSE_REFRESH_MINUTES: 'x' })).toMatch(/BRIDGE_WAREHOUSE_REFRESH_MINUTES/);
    expect(problems({ BRIDGE_OUTBOX_INTERVAL_SECONDS: '0' })).toMatch(
      /BRIDGE_OUTBOX_INTERVAL_SECONDS: must be a whole number 1-3600/,
    );
  });

  it('reads the SQLite commit durability (normal by default, or full)', () => {
    expect(loadConfig(LIVE).sqliteSynchronous).toBe('normal');
    expect(loadConfig({ ...LIVE, BRIDGE_SQLITE_SYNCHRONOUS: 'FULL' }).sqliteSynchronous).toBe('full');
    expect(problems({ BRIDGE_SQLITE_SYNCHRONOUS: 'off' })).toMatch(
      /BRIDGE_SQLITE_SYNCHRONOUS: must be normal or full/,
    );
  });

  it('reads the shutdown drain for a load balancer (default 0 s, at most 300)', () => {
    expect(loadConfig(LIVE).shutdownDrainSeconds).toBe(0);
    expect(loadConfig({ ...LIVE, BRIDGE_SHUTDOWN_DRAIN_SECONDS: '15' }).shutdownDrainSeconds).toBe(15);
    expect(loadConfig({ ...LIVE }).jobLeaseSeconds).toBe(120);
    expect(loadConfig({ ...LIVE, BRIDGE_JOB_LEASE_SECONDS: '10' }).jobLeaseSeconds).toBe(10);
    expect(problems({ BRIDGE_JOB_LEASE_SECONDS: '0' })).toMatch(/BRIDGE_JOB_LEASE_SECONDS/);
    expect(problems({ BRIDGE_SHUTDOWN_DRAIN_SECONDS: '301' })).toMatch(
      /BRIDGE_SHUTDOWN_DRAIN_SECONDS: must be a whole number 0-300/,
    );
  });

  it('reads the sign-in throttle, the metrics token and the trusted proxies', () => {
    const config = loadConfig({
      ...LIVE,
      BRIDGE_AUTH_MAX_FAILURES: '5',
      BRIDGE_AUTH_WINDOW_SECONDS: '60',
      BRIDGE_METRICS_TOKEN: 'metrics-token-0123456789',
      BRIDGE_TRUST_PROXY: 'loopback',
    });
    expect(config).toMatchObject({
      authMaxFailures: 5,
      authWindowSeconds: 60,
      metricsToken: 'metrics-token-0123456789',
      trustProxy: 'loopback',
    });
    expect(loadConfig({ BRIDGE_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      problems({
        BRIDGE_AUTH_MAX_FAILURES: '0',
        BRIDGE_METRICS_TOKEN: 'short',
        BRIDGE_TRUST_PROXY: 'any; rm',
      }),
    ).toMatch(
      /BRIDGE_METRICS_TOKEN: must be at least 16 characters.*\n.*BRIDGE_AUTH_MAX_FAILURES: must be a whole number 1-1000000.*\n.*BRIDGE_TRUST_PROXY: must be/,
    );
  });

  it('remembers which variables the sandbox was given, so it can say which apply', () => {
    const config = loadConfig({
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'sqlite:x.db',
      TIKTOK_API_BASE_URL: 'https://x',
      EMPTY: '',
    });
    expect(config.mode === 'sandbox' && config.setVariables).toEqual([
      'DATABASE_URL',
      'LOG_LEVEL',
      'TIKTOK_API_BASE_URL',
    ]);
  });

  it('still validates shared variables in sandbox mode', () => {
    expect(problems({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toMatch(
      /PORT: must be a port number.*\n.*LOG_LEVEL: must be one of/,
    );
  });

  it('parses a full live environment with defaults', () => {
    const config = loadConfig(LIVE);
    expect(config).toMatchObject({
      mode: 'live',
      tiktok: {
        appKey: 'app',
        apiBaseUrl: 'https://open-api.tiktokglobalshop.com',
        authBaseUrl: 'https://auth.tiktok-shops.com',
        authorizeUrl: 'https://services.tiktokshop.com/open/authorize',
      },
      netsuite: { accountId: '1234567_SB1' },
      publicUrl: 'https://bridge.example.com',
      databaseUrl: 'sqlite:data/bridge.db',
      port: 3000,
      logLevel: 'info',
    });
    expect(config.mode === 'live' && config.encryptionKey.equals(KEY)).toBe(true);
    const hex = loadConfig({ ...LIVE, BRIDGE_ENCRYPTION_KEY: KEY.toString('hex') });
    expect(hex.mode === 'live' && hex.encryptionKey.equals(KEY)).toBe(true);
  });

  it('lists every missing variable of a partial configuration in one error, with examples', () => {
    const message = problems({ TIKTOK_APP_KEY: 'app', NETSUITE_ACCOUNT_ID: '123' });
    for (const name of [
      'TIKTOK_APP_SECRET',
      'TIKTOK_SERVICE_ID',
      'NETSUITE_CONSUMER_KEY',
      'NETSUITE_CONSUMER_SECRET',
      'NETSUITE_TOKEN_ID',
      'NETSUITE_TOKEN_SECRET',
      'NETSUITE_RESTLET_URL',
      'BRIDGE_PUBLIC_URL',
      'BRIDGE_ADMIN_TOKEN',
      'BRIDGE_ENCRYPTION_KEY',
    ]) {
      expect(message).toMatch(new RegExp(`- ${name}: is missing \\(example: ${name}=`));
    }
    expect(message).not.toMatch(/- TIKTOK_APP_KEY:/);
    expect(message).toMatch(/set all of .* or none for sandbox mode/);
  });

  it('names invalid values and the problem', () => {
    const message = problems({
      ...LIVE,
      BRIDGE_PUBLIC_URL: 'bridge.example.com',
      BRIDGE_ADMIN_TOKEN: 'short',
      BRIDGE_ENCRYPTION_KEY: randomBytes(16).toString('base64'),
      DATABASE_URL: 'mysql://x',
      TIKTOK_API_BASE_URL: 'not a url',
    });
    expect(message).toMatch(/BRIDGE_PUBLIC_URL: is not an http\(s\) URL/);
    expect(message).toMatch(/BRIDGE_ADMIN_TOKEN: must be at least 16 characters/);
    expect(message).toMatch(/BRIDGE_ENCRYPTION_KEY: must be exactly 32 bytes/);
    expect(message).toMatch(/DATABASE_URL: must be sqlite:/);
    expect(message).toMatch(/TIKTOK_API_BASE_URL: is not an http\(s\) URL/);
  });

  describe("BRIDGE_PUBLIC_URL against TikTok's webhook address rules (issue #11)", () => {
    it.each([
      [
        'http://bridge.example.com',
        /uses http:\/\/, and TikTok delivers webhooks only to https:\/\/ addresses/,
      ],
      [
        'https://203.0.113.7',
        /has the IP address 203\.0\.113\.7 as its host, and TikTok needs a domain name/,
      ],
      ['https://[2001:db8::1]', /has the IP address 2001:db8::1 as its host/],
      ['https://bridge.example.com:8443', /names the port 8443, and TikTok takes no port/],
      ['https://bridge.example.com:443', /names the port 443/],
      ['https://localhost', /has the host localhost, which is not a public domain name/],
      ['https://bridge.example.com/?x=1', /has a \?query or #fragment/],
    ])('refuses %s at start-up, naming the rule and the fix', (publicUrl, rule) => {
      const message = problems({ ...LIVE, BRIDGE_PUBLIC_URL: publicUrl });
      expect(message).toMatch(rule);
      expect(message).toMatch(
        /- BRIDGE_PUBLIC_URL: .*put a TLS reverse proxy with a domain name on port 443 in front of the bridge .*\(example: BRIDGE_PUBLIC_URL=https:\/\/bridge\.example\.com\)/,
      );
    });

    it("refuses a path that makes the webhook address longer than TikTok's 255 characters", () => {
      const publicUrl = `https://bridge.example.com/${'p'.repeat(230)}`;
      expect(problems({ ...LIVE, BRIDGE_PUBLIC_URL: publicUrl })).toMatch(
        /makes the webhook address 273 characters long, over TikTok's 255/,
      );
    });

    it('lists every broken rule at once, with the other invalid variables', () => {
      const message = problems({
        ...LIVE,
        BRIDGE_PUBLIC_URL: 'http://192.0.2.1:3000',
        BRIDGE_ADMIN_TOKEN: 'short',
      });
      expect(message).toMatch(/BRIDGE_ADMIN_TOKEN: must be at least 16 characters/);
      expect(message).toMatch(
        /BRIDGE_PUBLIC_URL: http:\/\/192\.0\.2\.1:3000 uses http:\/\/.*; it has the IP address 192\.0\.2\.1.*; it names the port 3000/,
      );
    });

    it('accepts an https domain without a port, with or without a path', () => {
      expect(
        loadConfig({ ...LIVE, BRIDGE_PUBLIC_URL: 'https://shop-bridge.example.co.uk/tts/' }),
      ).toMatchObject({
        publicUrl: 'https://shop-bridge.example.co.uk/tts',
      });
    });

    it('keeps local runs working: the sandbox, and a live configuration against a TikTok simulator on this machine', () => {
      expect(loadConfig({ BRIDGE_PUBLIC_URL: 'http://127.0.0.1:3000' }).mode).toBe('sandbox');
      expect(
        loadConfig({
          ...LIVE,
          TIKTOK_API_BASE_URL: 'http://127.0.0.1:4010',
          BRIDGE_PUBLIC_URL: 'http://127.0.0.1:3000',
        }),
      ).toMatchObject({ mode: 'live', publicUrl: 'http://127.0.0.1:3000' });
      // A TikTok host that is not on this machine gets the rules.
      expect(
        problems({
          ...LIVE,
          TIKTOK_API_BASE_URL: 'http://10.0.0.5:4010',
          BRIDGE_PUBLIC_URL: 'http://127.0.0.1:3000',
        }),
      ).toMatch(/BRIDGE_PUBLIC_URL: http:\/\/127\.0\.0\.1:3000 uses http:\/\//);
    });
  });
});
