/**
 * What `npm start` without credentials does with the bridge settings the environment gives it: each
 * one is either honoured (the admin token to sign in with, the database file, the log level, the
 * interface, throttling, the metrics token) or said at start not to apply (the TikTok hosts and the
 * public URL: the sandbox wires its own local ones). Nothing is ignored silently. Pure, so each
 * decision is unit-tested; `demo.ts` prints the notes and starts the stack with the plan.
 */
import path from 'node:path';
import type { LogLevel, SandboxConfig } from '../../bridge/src/config';
import type { SandboxBridgeConfig } from './stack';

export interface SandboxPlan {
  /** The bridge store: DATABASE_URL when set (kept between runs), else a fresh file in the data folder. */
  bridgeDatabaseUrl: string;
  /** The bridge's log level: LOG_LEVEL when set, else `warn` (the demo prints its own lines). */
  logLevel: LogLevel;
  bridgeConfig: SandboxBridgeConfig;
  /** One line per variable that was set: how the sandbox uses it, or that it does not apply. */
  notes: string[];
}

/** Shows a database URL without a password (`postgres://user:***@host/db`). */
function maskedUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

export function planSandbox(config: SandboxConfig, dataDir: string): SandboxPlan {
  const set = new Set(config.setVariables);
  const plan: SandboxPlan = {
    bridgeDatabaseUrl: set.has('DATABASE_URL')
      ? config.databaseUrl
      : `sqlite:${path.join(dataDir, 'bridge.db')}`,
    logLevel: set.has('LOG_LEVEL') ? config.logLevel : 'warn',
    bridgeConfig: {
      host: config.host,
      authMaxFailures: config.authMaxFailures,
      authWindowSeconds: config.authWindowSeconds,
    },
    notes: [],
  };
  if (config.adminToken !== undefined) plan.bridgeConfig.adminToken = config.adminToken;
  if (config.encryptionKey !== undefined) plan.bridgeConfig.encryptionKey = config.encryptionKey;
  if (config.previousEncryptionKeys !== undefined)
    plan.bridgeConfig.previousEncryptionKeys = config.previousEncryptionKeys;
  if (config.metricsToken !== undefined) plan.bridgeConfig.metricsToken = config.metricsToken;
  if (config.trustProxy !== undefined) plan.bridgeConfig.trustProxy = config.trustProxy;
  if (set.has('BRIDGE_OUTBOX_INTERVAL_SECONDS') && config.outboxIntervalSeconds !== undefined)
    plan.bridgeConfig.outboxIntervalSeconds = config.outboxIntervalSeconds;
  if (set.has('BRIDGE_SQLITE_SYNCHRONOUS') && config.sqliteSynchronous !== undefined)
    plan.bridgeConfig.sqliteSynchronous = config.sqliteSynchronous;
  if (set.has('BRIDGE_INVENTORY_INTERVAL_SECONDS') && config.inventoryIntervalSeconds !== undefined)
    plan.bridgeConfig.inventoryIntervalSeconds = config.inventoryIntervalSeconds;
  if (
    set.has('BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS') &&
    config.inventoryReserveMarginSeconds !== undefined
  )
    plan.bridgeConfig.inventoryReserveMarginSeconds = config.inventoryReserveMarginSeconds;
  if (set.has('BRIDGE_WAREHOUSE_REFRESH_MINUTES') && config.warehouseRefreshMinutes !== undefined)
    plan.bridgeConfig.warehouseRefreshMinutes = config.warehouseRefreshMinutes;
  if (config.alertWebhookUrl !== undefined) plan.bridgeConfig.alertWebhookUrl = config.alertWebhookUrl;

  const uses: Record<string, string> = {
    DATABASE_URL: `DATABASE_URL=${maskedUrl(config.databaseUrl)}: used for the bridge store and kept between runs (the simulator and the emulator start fresh; the demo shop is connected again through OAuth)`,
    BRIDGE_ADMIN_TOKEN: 'BRIDGE_ADMIN_TOKEN: used; sign in to the status page with it',
    BRIDGE_ENCRYPTION_KEY: 'BRIDGE_ENCRYPTION_KEY: used to encrypt the shop tokens at rest',
    BRIDGE_ENCRYPTION_KEY_PREVIOUS:
      'BRIDGE_ENCRYPTION_KEY_PREVIOUS: used to read shop tokens stored with an earlier key (npm run bridge -- rotate-keys re-encrypts them)',
    LOG_LEVEL: `LOG_LEVEL=${config.logLevel}: used for the bridge log`,
    PORT: `PORT=${config.port}: used for the bridge`,
    HOST: `HOST=${config.host}: the bridge listens on this interface`,
    BRIDGE_METRICS_TOKEN: 'BRIDGE_METRICS_TOKEN: used; /metrics accepts it',
    BRIDGE_AUTH_MAX_FAILURES: `BRIDGE_AUTH_MAX_FAILURES=${config.authMaxFailures}: used for the sign-in throttle`,
    BRIDGE_AUTH_WINDOW_SECONDS: `BRIDGE_AUTH_WINDOW_SECONDS=${config.authWindowSeconds}: used for the sign-in throttle`,
    BRIDGE_TRUST_PROXY: `BRIDGE_TRUST_PROXY=${String(config.trustProxy)}: used`,
    BRIDGE_OUTBOX_INTERVAL_SECONDS: `BRIDGE_OUTBOX_INTERVAL_SECONDS=${config.outboxIntervalSeconds ?? 60}: used for the bridge's outbox pass`,
    BRIDGE_SQLITE_SYNCHRONOUS: `BRIDGE_SQLITE_SYNCHRONOUS=${config.sqliteSynchronous ?? 'normal'}: used for the bridge store`,
    BRIDGE_INVENTORY_INTERVAL_SECONDS: `BRIDGE_INVENTORY_INTERVAL_SECONDS=${config.inventoryIntervalSeconds ?? 60}: used for the bridge's inventory pass`,
    BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS: `BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS=${config.inventoryReserveMarginSeconds ?? 60}: used for the bridge's inventory pass (how long an order's units stay held back after NetSuite has it)`,
    BRIDGE_WAREHOUSE_REFRESH_MINUTES: `BRIDGE_WAREHOUSE_REFRESH_MINUTES=${config.warehouseRefreshMinutes ?? 60}: used for the TikTok warehouse refresh`,
    ALERT_WEBHOOK_URL: `ALERT_WEBHOOK_URL=${config.alertWebhookUrl ?? ''}: used; the doctor's alerts are POSTed there`,
    BRIDGE_JOB_LEASE_SECONDS: `BRIDGE_JOB_LEASE_SECONDS=${config.jobLeaseSeconds ?? 120}: used for the bridge's job leases`,
  };
  const notApplicable: Record<string, string> = {
    BRIDGE_PUBLIC_URL:
      'BRIDGE_PUBLIC_URL: does not apply in the sandbox (the simulator sends webhooks and the OAuth redirect to the bridge on this machine)',
    TIKTOK_API_BASE_URL:
      'TIKTOK_API_BASE_URL: does not apply in the sandbox (the local TikTok Shop simulator is used)',
    TIKTOK_AUTH_BASE_URL:
      'TIKTOK_AUTH_BASE_URL: does not apply in the sandbox (the local TikTok Shop simulator is used)',
    TIKTOK_AUTHORIZE_URL:
      'TIKTOK_AUTHORIZE_URL: does not apply in the sandbox (the local TikTok Shop simulator is used)',
    TIKTOK_APP_SECRET_PREVIOUS:
      'TIKTOK_APP_SECRET_PREVIOUS: does not apply in the sandbox (the local simulator signs webhooks with the sandbox app secret)',
    TIKTOK_APP_SECRET_PREVIOUS_UNTIL:
      'TIKTOK_APP_SECRET_PREVIOUS_UNTIL: does not apply in the sandbox (the local simulator signs webhooks with the sandbox app secret)',
    BRIDGE_SHUTDOWN_DRAIN_SECONDS:
      'BRIDGE_SHUTDOWN_DRAIN_SECONDS: does not apply in the sandbox (no load balancer in front of it; it stops at once)',
  };
  for (const name of config.setVariables) {
    const note = uses[name] ?? notApplicable[name];
    if (note !== undefined) plan.notes.push(note);
  }
  return plan;
}
