import {
  ALL_VARIABLES,
  CREDENTIAL_VARIABLES,
  loadConfig,
  type Env,
  type SandboxConfig,
} from '../../../bridge/src/config';
import { planSandbox } from '../sandbox-settings';

/** Issue #8, finding 7: `npm start` without credentials honours the bridge settings or says they do not apply. */
function sandbox(env: Env): SandboxConfig {
  const config = loadConfig(env);
  if (config.mode !== 'sandbox') throw new Error('expected sandbox mode');
  return config;
}

describe('planSandbox: what the sandbox does with each bridge setting', () => {
  it('without settings: a fresh database in the data folder, a quiet log, loopback only, no notes', () => {
    expect(planSandbox(sandbox({}), '/repo/data/sandbox')).toEqual({
      bridgeDatabaseUrl: 'sqlite:/repo/data/sandbox/bridge.db',
      logLevel: 'warn',
      bridgeConfig: { host: '127.0.0.1', authMaxFailures: 10, authWindowSeconds: 300 },
      notes: [],
    });
  });

  it('honours DATABASE_URL, BRIDGE_ADMIN_TOKEN and LOG_LEVEL, and says so', () => {
    const plan = planSandbox(
      sandbox({
        DATABASE_URL: 'sqlite:/srv/bridge/sandbox.db',
        BRIDGE_ADMIN_TOKEN: 'my-own-admin-token-123',
        LOG_LEVEL: 'debug',
        HOST: '0.0.0.0',
        BRIDGE_AUTH_MAX_FAILURES: '3',
      }),
      '/repo/data/sandbox',
    );
    expect(plan.bridgeDatabaseUrl).toBe('sqlite:/srv/bridge/sandbox.db');
    expect(plan.logLevel).toBe('debug');
    expect(plan.bridgeConfig).toEqual({
      adminToken: 'my-own-admin-token-123',
      host: '0.0.0.0',
      authMaxFailures: 3,
      authWindowSeconds: 300,
    });
    expect(plan.notes).toEqual([
      'BRIDGE_ADMIN_TOKEN: used; sign in to the status page with it',
      'BRIDGE_AUTH_MAX_FAILURES=3: used for the sign-in throttle',
      'DATABASE_URL=sqlite:/srv/bridge/sandbox.db: used for the bridge store and kept between runs (the simulator and the emulator start fresh; the demo shop is connected again through OAuth)',
      'HOST=0.0.0.0: the bridge listens on this interface',
      'LOG_LEVEL=debug: used for the bridge log',
    ]);
    expect(plan.notes.join('\n')).not.toContain('my-own-admin-token-123');
  });

  it('says which settings do not apply (the TikTok hosts, the public URL)', () => {
    const plan = planSandbox(
      sandbox({
        BRIDGE_PUBLIC_URL: 'https://bridge.example.com',
        TIKTOK_API_BASE_URL: 'https://open-api.example.com',
      }),
      '/d',
    );
    expect(plan.notes).toEqual([
      'BRIDGE_PUBLIC_URL: does not apply in the sandbox (the simulator sends webhooks and the OAuth redirect to the bridge on this machine)',
      'TIKTOK_API_BASE_URL: does not apply in the sandbox (the local TikTok Shop simulator is used)',
    ]);
  });

  it('has a note for every bridge variable a sandbox can be given (none is ignored silently)', () => {
    const env: Env = {
      DATABASE_URL: 'sqlite:x.db',
      PORT: '3001',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BRIDGE_PUBLIC_URL: 'https://bridge.example.com',
      BRIDGE_ADMIN_TOKEN: 'my-own-admin-token-123',
      BRIDGE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      BRIDGE_METRICS_TOKEN: 'metrics-token-0123456789',
      BRIDGE_AUTH_MAX_FAILURES: '5',
      BRIDGE_AUTH_WINDOW_SECONDS: '60',
      BRIDGE_TRUST_PROXY: 'loopback',
      BRIDGE_OUTBOX_INTERVAL_SECONDS: '30',
      BRIDGE_INVENTORY_INTERVAL_SECONDS: '30',
      BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS: '0',
      BRIDGE_WAREHOUSE_REFRESH_MINUTES: '30',
      BRIDGE_JOB_LEASE_SECONDS: '30',
      TIKTOK_API_BASE_URL: 'https://a.example.com',
      TIKTOK_AUTH_BASE_URL: 'https://b.example.com',
      TIKTOK_AUTHORIZE_URL: 'https://c.example.com',
      BRIDGE_ENCRYPTION_KEY_PREVIOUS: Buffer.alloc(32, 8).toString('base64'),
      TIKTOK_APP_SECRET_PREVIOUS: 'the-old-app-secret',
      TIKTOK_APP_SECRET_PREVIOUS_UNTIL: '2026-12-06T12:00:00Z',
      BRIDGE_SHUTDOWN_DRAIN_SECONDS: '10',
      BRIDGE_SQLITE_SYNCHRONOUS: 'full',
      ALERT_WEBHOOK_URL: 'https://hooks.example.com/alerts',
    };
    const sandboxVariables = ALL_VARIABLES.filter(
      (name) => !(CREDENTIAL_VARIABLES as readonly string[]).includes(name),
    );
    expect(Object.keys(env).sort()).toEqual([...sandboxVariables].sort());
    const notes = planSandbox(sandbox(env), '/d').notes;
    expect(notes.map((note) => note.split(/[=:]/)[0]).sort()).toEqual([...sandboxVariables].sort());
  });
});
