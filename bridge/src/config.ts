/**
 * Configuration from the environment. `loadConfig` validates every variable at once and throws one
 * error that lists each missing or invalid variable with an example. With no TikTok/NetSuite
 * credential set at all it returns `{ mode: 'sandbox' }`: the caller starts local stand-ins.
 *
 * Live mode also holds BRIDGE_PUBLIC_URL to TikTok's webhook address rules (https://, a domain name,
 * no port: webhooks/address-rules.ts), since every shop's webhooks are subscribed under it. The one
 * exception is a TIKTOK_API_BASE_URL on this machine (a local simulator, as the chaos run uses): the
 * real TikTok is never on loopback, and the local simulator delivers to a plain local address.
 *
 * Every secret (`SECRET_VARIABLES`) can instead be read from a file named by `<NAME>_FILE` (Docker and
 * Kubernetes secrets); `readSecretFiles` resolves those before anything else is checked, so the rest
 * of this module sees one value per variable. Rotation: `BRIDGE_ENCRYPTION_KEY_PREVIOUS` lists keys
 * still accepted for reading tokens (`crypto/token-cipher.ts`, `bridge rotate-keys`), and
 * `TIKTOK_APP_SECRET_PREVIOUS` is accepted for webhook signatures until
 * `TIKTOK_APP_SECRET_PREVIOUS_UNTIL` (`webhooks/verify.ts`).
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { BridgeError, BRIDGE_ERROR_CODES } from './core/errors';
import { isLoopbackHost, webhookAddressProblems } from './webhooks/address-rules';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** BRIDGE_SQLITE_SYNCHRONOUS: SQLite's `synchronous` pragma in WAL mode (`bridge/src/store/sqlite-store.ts`). */
export const SQLITE_SYNCHRONOUS_MODES = ['normal', 'full'] as const;
export type SqliteSynchronous = (typeof SQLITE_SYNCHRONOUS_MODES)[number];

/** An app secret TikTok may still sign webhooks with after a change, and until when (ms) it is accepted. */
export interface PreviousAppSecret {
  appSecret: string;
  acceptUntil: number;
}

export interface TikTokSettings {
  appKey: string;
  appSecret: string;
  /** TIKTOK_APP_SECRET_PREVIOUS / _UNTIL: the overlap window of an app secret change (webhooks only). */
  previousAppSecret?: PreviousAppSecret;
  serviceId: string;
  apiBaseUrl: string;
  authBaseUrl: string;
  authorizeUrl: string;
}

export interface NetSuiteSettings {
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  restletUrl: string;
}

interface CommonSettings {
  databaseUrl: string;
  port: number;
  /** Interface the HTTP server listens on (HOST, default 127.0.0.1: this machine only). */
  host: string;
  logLevel: LogLevel;
  /** A token that opens `/metrics` only (BRIDGE_METRICS_TOKEN); the admin token opens it too. */
  metricsToken?: string;
  /** Failed sign-ins / Bearer attempts allowed per client address and window before 429. */
  authMaxFailures: number;
  /** The window of `authMaxFailures`, and how long an address is refused after it (seconds). */
  authWindowSeconds: number;
  /** Express `trust proxy` (BRIDGE_TRUST_PROXY): which proxies' X-Forwarded-For names the client. */
  trustProxy?: string | number;
  /** Seconds between NetSuite → TikTok outbox passes (BRIDGE_OUTBOX_INTERVAL_SECONDS, default 60). */
  outboxIntervalSeconds?: number;
  /**
   * Seconds `/readyz` answers 503 (draining) after SIGTERM before the server stops, so a load
   * balancer takes the instance out first (BRIDGE_SHUTDOWN_DRAIN_SECONDS, default 0).
   */
  shutdownDrainSeconds?: number;
  /** SQLite commit durability (BRIDGE_SQLITE_SYNCHRONOUS): `normal` (default) or `full`. */
  sqliteSynchronous?: SqliteSynchronous;
  /** Seconds between inventory passes (BRIDGE_INVENTORY_INTERVAL_SECONDS, default 60). */
  inventoryIntervalSeconds?: number;
  /**
   * Seconds an export must run after the bridge stored an order in NetSuite before its quantities
   * count as reflecting it (BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS, default 60; issue #16).
   */
  inventoryReserveMarginSeconds?: number;
  /** Minutes between TikTok warehouse refreshes (BRIDGE_WAREHOUSE_REFRESH_MINUTES, default 60). */
  warehouseRefreshMinutes?: number;
  /** Where the doctor's alerts are POSTed (ALERT_WEBHOOK_URL; issue #21): authorization expiry, dead letters, late dispatch. */
  alertWebhookUrl?: string;
  /**
   * Seconds a claimed job stays leased to its instance without a heartbeat (BRIDGE_JOB_LEASE_SECONDS,
   * default 120): how long the jobs of an instance that died wait before another instance takes them.
   */
  jobLeaseSeconds?: number;
}

export interface LiveConfig extends CommonSettings {
  mode: 'live';
  tiktok: TikTokSettings;
  netsuite: NetSuiteSettings;
  /** Public base URL of this bridge, without a trailing slash. */
  publicUrl: string;
  adminToken: string;
  /** 32-byte AES-256-GCM key for tokens at rest. */
  encryptionKey: Buffer;
  /** Earlier keys, accepted for reading tokens until `bridge rotate-keys` has re-encrypted them. */
  previousEncryptionKeys?: Buffer[];
}

export interface SandboxConfig extends CommonSettings {
  mode: 'sandbox';
  publicUrl?: string;
  adminToken?: string;
  encryptionKey?: Buffer;
  previousEncryptionKeys?: Buffer[];
  /** The bridge variables the environment set (non-empty), so the sandbox can say which it honours. */
  setVariables: string[];
}

export type BridgeConfig = LiveConfig | SandboxConfig;

export type Env = Record<string, string | undefined>;

const EXAMPLES: Record<string, string> = {
  TIKTOK_APP_KEY: '6abcdefghijkl',
  TIKTOK_APP_SECRET: 'e59af819cc0123456789abcdef',
  TIKTOK_SERVICE_ID: '7123456789012345678',
  TIKTOK_API_BASE_URL: 'https://open-api.tiktokglobalshop.com',
  TIKTOK_AUTH_BASE_URL: 'https://auth.tiktok-shops.com',
  TIKTOK_AUTHORIZE_URL: 'https://services.tiktokshop.com/open/authorize',
  NETSUITE_ACCOUNT_ID: '1234567_SB1',
  NETSUITE_CONSUMER_KEY: '<64 hex chars from the integration record>',
  NETSUITE_CONSUMER_SECRET: '<64 hex chars from the integration record>',
  NETSUITE_TOKEN_ID: '<64 hex chars from the access token>',
  NETSUITE_TOKEN_SECRET: '<64 hex chars from the access token>',
  NETSUITE_RESTLET_URL:
    'https://1234567-sb1.restlets.api.netsuite.com/app/site/hosting/restlet.nl?script=customscript_tts_rl_connector&deploy=customdeploy_tts_rl_connector',
  BRIDGE_PUBLIC_URL: 'https://bridge.example.com',
  BRIDGE_ADMIN_TOKEN: '<at least 16 random characters, e.g. `openssl rand -hex 24`>',
  BRIDGE_ENCRYPTION_KEY: '<32 random bytes as base64 or hex, e.g. `openssl rand -base64 32`>',
  BRIDGE_ENCRYPTION_KEY_PREVIOUS: '<the key used before, comma-separated if several>',
  TIKTOK_APP_SECRET_PREVIOUS: '<the app secret used before the change>',
  TIKTOK_APP_SECRET_PREVIOUS_UNTIL: '2026-12-06T12:00:00Z',
  DATABASE_URL: 'sqlite:data/bridge.db',
  PORT: '3000',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  BRIDGE_METRICS_TOKEN: '<at least 16 random characters, e.g. `openssl rand -hex 24`>',
  BRIDGE_AUTH_MAX_FAILURES: '10',
  BRIDGE_AUTH_WINDOW_SECONDS: '300',
  BRIDGE_TRUST_PROXY: 'loopback',
  BRIDGE_OUTBOX_INTERVAL_SECONDS: '60',
  ALERT_WEBHOOK_URL: 'https://hooks.example.com/tiktok-connector',
  BRIDGE_SHUTDOWN_DRAIN_SECONDS: '0',
  BRIDGE_SQLITE_SYNCHRONOUS: 'normal',
  BRIDGE_INVENTORY_INTERVAL_SECONDS: '60',
  BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS: '60',
  BRIDGE_WAREHOUSE_REFRESH_MINUTES: '60',
  BRIDGE_JOB_LEASE_SECONDS: '120',
};

/** Variables whose presence switches the bridge to live mode (all of them are then required). */
export const CREDENTIAL_VARIABLES = [
  'TIKTOK_APP_KEY',
  'TIKTOK_APP_SECRET',
  'TIKTOK_SERVICE_ID',
  'NETSUITE_ACCOUNT_ID',
  'NETSUITE_CONSUMER_KEY',
  'NETSUITE_CONSUMER_SECRET',
  'NETSUITE_TOKEN_ID',
  'NETSUITE_TOKEN_SECRET',
  'NETSUITE_RESTLET_URL',
] as const;

const LIVE_ONLY_REQUIRED = ['BRIDGE_PUBLIC_URL', 'BRIDGE_ADMIN_TOKEN', 'BRIDGE_ENCRYPTION_KEY'] as const;

/** Variables that hold a secret: each can be given as `<NAME>_FILE`, a file holding the value. */
export const SECRET_VARIABLES = [
  'TIKTOK_APP_SECRET',
  'TIKTOK_APP_SECRET_PREVIOUS',
  'NETSUITE_CONSUMER_KEY',
  'NETSUITE_CONSUMER_SECRET',
  'NETSUITE_TOKEN_ID',
  'NETSUITE_TOKEN_SECRET',
  'BRIDGE_ADMIN_TOKEN',
  'BRIDGE_ENCRYPTION_KEY',
  'BRIDGE_ENCRYPTION_KEY_PREVIOUS',
  'BRIDGE_METRICS_TOKEN',
  'DATABASE_URL',
] as const;

/** Reads a secret file (injectable for tests). */
export type ReadSecretFile = (path: string) => string;
const readUtf8: ReadSecretFile = (path) => readFileSync(path, 'utf8');

/** Decodes a 32-byte key given as 64 hex characters or as base64; undefined when it is neither. */
export function decodeEncryptionKey(value: string): Buffer | undefined {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    const decoded = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length === 32) return decoded;
  }
  return undefined;
}

const nonEmpty = z.string().trim().min(1, 'is empty');

function positiveInteger(fallback: string, max: number) {
  return z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= max, `must be a whole number 1-${max}`)
    .transform(Number);
}
const httpUrl = z
  .string()
  .trim()
  .min(1, 'is empty')
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), 'is not an http(s) URL')
  .transform((v) => v.replace(/\/+$/, ''));

const commonSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default('sqlite:data/bridge.db')
    .refine(
      (v) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(v),
      'must be sqlite:<file path> or postgres://…',
    ),
  PORT: z
    .string()
    .trim()
    .default('3000')
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535, 'must be a port number 0-65535')
    .transform(Number),
  HOST: z
    .string()
    .trim()
    .default('127.0.0.1')
    .refine(
      (v) => isIP(v) !== 0 || /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$/.test(v),
      'must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name',
    ),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  BRIDGE_METRICS_TOKEN: z
    .string()
    .trim()
    .refine((v) => v.length >= 16, 'must be at least 16 characters')
    .optional(),
  BRIDGE_AUTH_MAX_FAILURES: positiveInteger('10', 1_000_000),
  BRIDGE_AUTH_WINDOW_SECONDS: positiveInteger('300', 86_400),
  BRIDGE_OUTBOX_INTERVAL_SECONDS: positiveInteger('60', 3_600),
  BRIDGE_SQLITE_SYNCHRONOUS: z
    .string()
    .trim()
    .toLowerCase()
    .default('normal')
    .pipe(z.enum(SQLITE_SYNCHRONOUS_MODES, { message: 'must be normal or full' })),
  BRIDGE_SHUTDOWN_DRAIN_SECONDS: z
    .string()
    .trim()
    .default('0')
    .refine((v) => /^\d+$/.test(v) && Number(v) <= 300, 'must be a whole number 0-300')
    .transform(Number),
  BRIDGE_INVENTORY_INTERVAL_SECONDS: positiveInteger('60', 3_600),
  BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS: z
    .string()
    .default('60')
    .refine((v) => /^\d+$/.test(v) && Number(v) <= 3_600, 'must be a whole number 0-3600')
    .transform(Number),
  BRIDGE_WAREHOUSE_REFRESH_MINUTES: positiveInteger('60', 10_080),
  ALERT_WEBHOOK_URL: httpUrl.optional(),
  BRIDGE_JOB_LEASE_SECONDS: positiveInteger('120', 3_600),
  BRIDGE_TRUST_PROXY: z
    .string()
    .trim()
    .refine(
      (v) => /^\d{1,2}$/.test(v) || /^[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*$/.test(v),
      'must be a number of proxy hops (1), loopback, uniquelocal, or addresses/CIDRs separated by commas',
    )
    .transform((v) => (/^\d{1,2}$/.test(v) ? Number(v) : v))
    .optional(),
});

const adminToken = nonEmpty.refine((v) => v.length >= 16, 'must be at least 16 characters');
const encryptionKey = nonEmpty.transform((v, ctx) => {
  const key = decodeEncryptionKey(v);
  if (!key) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be exactly 32 bytes, given as 64 hex characters or base64',
    });
    return z.NEVER;
  }
  return key;
});

const previousKeys = nonEmpty.transform((v, ctx) => {
  const keys: Buffer[] = [];
  const parts = v.split(/[\s,]+/).filter((part) => part !== '');
  parts.forEach((part, index) => {
    const key = decodeEncryptionKey(part);
    if (key) keys.push(key);
    else {
      ctx.addIssue({
        code: 'custom',
        message: `key ${index + 1} of ${parts.length} is not 32 bytes given as 64 hex characters or base64 (separate several keys with commas)`,
      });
    }
  });
  return keys;
});

/** An ISO 8601 time with a zone (Z or ±hh:mm), as epoch ms. */
const isoTimeWithZone = nonEmpty.transform((v, ctx) => {
  const ms = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) || Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO time with a zone, e.g. 2026-12-06T12:00:00Z' });
    return z.NEVER;
  }
  return ms;
});

const liveSchema = commonSchema.extend({
  TIKTOK_APP_KEY: nonEmpty,
  TIKTOK_APP_SECRET: nonEmpty,
  TIKTOK_SERVICE_ID: nonEmpty,
  TIKTOK_API_BASE_URL: httpUrl.default('https://open-api.tiktokglobalshop.com'),
  TIKTOK_AUTH_BASE_URL: httpUrl.default('https://auth.tiktok-shops.com'),
  TIKTOK_AUTHORIZE_URL: httpUrl.default('https://services.tiktokshop.com/open/authorize'),
  NETSUITE_ACCOUNT_ID: nonEmpty.refine(
    (v) => /^[0-9A-Za-z_-]+$/.test(v),
    'must look like 1234567 or 1234567_SB1',
  ),
  NETSUITE_CONSUMER_KEY: nonEmpty,
  NETSUITE_CONSUMER_SECRET: nonEmpty,
  NETSUITE_TOKEN_ID: nonEmpty,
  NETSUITE_TOKEN_SECRET: nonEmpty,
  NETSUITE_RESTLET_URL: httpUrl,
  BRIDGE_PUBLIC_URL: httpUrl,
  BRIDGE_ADMIN_TOKEN: adminToken,
  BRIDGE_ENCRYPTION_KEY: encryptionKey,
  BRIDGE_ENCRYPTION_KEY_PREVIOUS: previousKeys.optional(),
  TIKTOK_APP_SECRET_PREVIOUS: nonEmpty.optional(),
  TIKTOK_APP_SECRET_PREVIOUS_UNTIL: isoTimeWithZone.optional(),
});

const sandboxSchema = commonSchema.extend({
  BRIDGE_PUBLIC_URL: httpUrl.optional(),
  BRIDGE_ADMIN_TOKEN: adminToken.optional(),
  BRIDGE_ENCRYPTION_KEY: encryptionKey.optional(),
  BRIDGE_ENCRYPTION_KEY_PREVIOUS: previousKeys.optional(),
  TIKTOK_APP_SECRET_PREVIOUS: nonEmpty.optional(),
  TIKTOK_APP_SECRET_PREVIOUS_UNTIL: isoTimeWithZone.optional(),
});

function isSet(env: Env, name: string): boolean {
  const value = env[name];
  return value !== undefined && value.trim() !== '';
}

/** Drops empty strings so that `FOO=` counts as unset and gets its default. */
function present(env: Env, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') out[name] = value;
  }
  return out;
}

function problemLine(name: string, problem: string): string {
  const example = EXAMPLES[name];
  return `  - ${name}: ${problem}${example ? ` (example: ${name}=${example})` : ''}`;
}

function configError(lines: string[]): BridgeError {
  return new BridgeError(
    BRIDGE_ERROR_CODES.CONFIG_INVALID,
    `Invalid bridge configuration. Fix these environment variables and start again:\n${lines.join('\n')}\n` +
      'Leave every TIKTOK_*/NETSUITE_* credential unset to run the local sandbox instead.',
    { details: { problems: lines.map((l) => l.trim()) } },
  );
}

function issuesToLines(issues: readonly z.core.$ZodIssue[], env: Env): string[] {
  return issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    const missing = !isSet(env, name);
    if (!missing) return problemLine(name, issue.message);
    const isSecret = (SECRET_VARIABLES as readonly string[]).includes(name);
    return `${problemLine(name, 'is missing')}${isSecret ? `; or set ${name}_FILE to a file holding it` : ''}`;
  });
}

/**
 * Resolves `<NAME>_FILE` for every secret variable: the file's content (one trailing line break
 * dropped) becomes the value of NAME. Both set, an unreadable file or an empty one is a problem line
 * naming the variable and the fix; the environment given is not changed.
 */
export function readSecretFiles(
  env: Env,
  readFile: ReadSecretFile = readUtf8,
): { env: Env; problems: Map<string, string> } {
  const resolved: Env = { ...env };
  const problems = new Map<string, string>();
  for (const name of SECRET_VARIABLES) {
    const fileVar = `${name}_FILE`;
    if (!isSet(env, fileVar)) continue;
    const file = (env[fileVar] ?? '').trim();
    if (isSet(env, name)) {
      problems.set(
        name,
        problemLine(
          fileVar,
          `${name} and ${fileVar} are both set; set only one (${fileVar} reads the value from ${file})`,
        ),
      );
      continue;
    }
    let content: string;
    try {
      content = readFile(file);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      problems.set(
        name,
        problemLine(
          fileVar,
          `cannot read ${file}${typeof code === 'string' ? ` (${code})` : ''}; check the path and that the bridge's user may read it, or set ${name} instead`,
        ),
      );
      continue;
    }
    const value = content.replace(/\r?\n$/, '');
    if (value.trim() === '') {
      problems.set(name, problemLine(fileVar, `${file} is empty; put the value of ${name} in it`));
      continue;
    }
    resolved[name] = value;
  }
  return { env: resolved, problems };
}

/** TIKTOK_APP_SECRET_PREVIOUS and its _UNTIL come together; problem lines when only one is set. */
function previousSecretLines(env: Env): string[] {
  const secret = isSet(env, 'TIKTOK_APP_SECRET_PREVIOUS');
  const until = isSet(env, 'TIKTOK_APP_SECRET_PREVIOUS_UNTIL');
  if (secret === until) return [];
  return [
    problemLine(
      secret ? 'TIKTOK_APP_SECRET_PREVIOUS_UNTIL' : 'TIKTOK_APP_SECRET_PREVIOUS',
      secret
        ? 'is missing: TIKTOK_APP_SECRET_PREVIOUS is accepted for webhooks only until a set time'
        : 'is missing: TIKTOK_APP_SECRET_PREVIOUS_UNTIL says until when the previous app secret is accepted, and needs that secret',
    ),
  ];
}

/** Drops each schema line about a variable whose `_FILE` already has a problem line. */
function withFileProblems(fileProblems: Map<string, string>, lines: readonly string[]): string[] {
  const covered = [...fileProblems.keys()];
  return [
    ...fileProblems.values(),
    ...lines.filter((line) => !covered.some((name) => line.startsWith(`  - ${name}:`))),
  ];
}

/** Every variable the bridge reads. */
export const ALL_VARIABLES = [
  ...CREDENTIAL_VARIABLES,
  ...LIVE_ONLY_REQUIRED,
  'TIKTOK_API_BASE_URL',
  'TIKTOK_AUTH_BASE_URL',
  'TIKTOK_AUTHORIZE_URL',
  'DATABASE_URL',
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'BRIDGE_METRICS_TOKEN',
  'BRIDGE_AUTH_MAX_FAILURES',
  'BRIDGE_AUTH_WINDOW_SECONDS',
  'BRIDGE_TRUST_PROXY',
  'BRIDGE_OUTBOX_INTERVAL_SECONDS',
  'BRIDGE_SHUTDOWN_DRAIN_SECONDS',
  'BRIDGE_SQLITE_SYNCHRONOUS',
  'BRIDGE_INVENTORY_INTERVAL_SECONDS',
  'BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS',
  'BRIDGE_WAREHOUSE_REFRESH_MINUTES',
  'ALERT_WEBHOOK_URL',
  'BRIDGE_JOB_LEASE_SECONDS',
  'BRIDGE_ENCRYPTION_KEY_PREVIOUS',
  'TIKTOK_APP_SECRET_PREVIOUS',
  'TIKTOK_APP_SECRET_PREVIOUS_UNTIL',
];

/** The settings both modes share, from parsed variables. */
function commonSettings(v: z.infer<typeof commonSchema>): CommonSettings {
  const common: CommonSettings = {
    databaseUrl: v.DATABASE_URL,
    port: v.PORT,
    host: v.HOST,
    logLevel: v.LOG_LEVEL,
    authMaxFailures: v.BRIDGE_AUTH_MAX_FAILURES,
    authWindowSeconds: v.BRIDGE_AUTH_WINDOW_SECONDS,
    outboxIntervalSeconds: v.BRIDGE_OUTBOX_INTERVAL_SECONDS,
    shutdownDrainSeconds: v.BRIDGE_SHUTDOWN_DRAIN_SECONDS,
    sqliteSynchronous: v.BRIDGE_SQLITE_SYNCHRONOUS,
    inventoryIntervalSeconds: v.BRIDGE_INVENTORY_INTERVAL_SECONDS,
    inventoryReserveMarginSeconds: v.BRIDGE_INVENTORY_RESERVE_MARGIN_SECONDS,
    warehouseRefreshMinutes: v.BRIDGE_WAREHOUSE_REFRESH_MINUTES,
    jobLeaseSeconds: v.BRIDGE_JOB_LEASE_SECONDS,
  };
  if (v.BRIDGE_METRICS_TOKEN !== undefined) common.metricsToken = v.BRIDGE_METRICS_TOKEN;
  if (v.BRIDGE_TRUST_PROXY !== undefined) common.trustProxy = v.BRIDGE_TRUST_PROXY;
  if (v.ALERT_WEBHOOK_URL !== undefined) common.alertWebhookUrl = v.ALERT_WEBHOOK_URL;
  return common;
}

/** BRIDGE_PUBLIC_URL against TikTok's webhook address rules, as problem lines (none when it passes). */
function publicUrlLines(input: Record<string, string>): string[] {
  const publicUrl = input.BRIDGE_PUBLIC_URL?.trim();
  if (publicUrl === undefined || !httpUrl.safeParse(publicUrl).success) return [];
  const apiBase = input.TIKTOK_API_BASE_URL?.trim();
  if (apiBase !== undefined && URL.canParse(apiBase) && isLoopbackHost(new URL(apiBase).hostname)) return [];
  const problems = webhookAddressProblems(publicUrl.replace(/\/+$/, ''));
  if (problems.length === 0) return [];
  return [
    problemLine(
      'BRIDGE_PUBLIC_URL',
      `${publicUrl} ${problems.join('; it ')}. TikTok subscribes webhooks only at an https:// address with a domain name and no port (<public URL>/webhooks/tiktok): put a TLS reverse proxy with a domain name on port 443 in front of the bridge and set BRIDGE_PUBLIC_URL to its https:// URL`,
    ),
  ];
}

export interface LoadConfigOptions {
  /** Reads `<NAME>_FILE` secret files (default: the file system). */
  readFile?: ReadSecretFile;
}

export function loadConfig(givenEnv: Env, options: LoadConfigOptions = {}): BridgeConfig {
  const files = readSecretFiles(givenEnv, options.readFile);
  const env = files.env;
  const input = present(env, ALL_VARIABLES);
  const anyCredential = CREDENTIAL_VARIABLES.some((name) => isSet(env, name));
  const pairLines = previousSecretLines(env);

  if (!anyCredential) {
    const parsed = sandboxSchema.safeParse(input);
    if (!parsed.success || files.problems.size > 0 || pairLines.length > 0) {
      const lines = [...(parsed.success ? [] : issuesToLines(parsed.error.issues, env)), ...pairLines];
      throw configError(withFileProblems(files.problems, lines));
    }
    const v = parsed.data;
    const config: SandboxConfig = {
      mode: 'sandbox',
      ...commonSettings(v),
      setVariables: ALL_VARIABLES.filter((name) => isSet(env, name)).sort(),
    };
    if (v.BRIDGE_PUBLIC_URL !== undefined) config.publicUrl = v.BRIDGE_PUBLIC_URL;
    if (v.BRIDGE_ADMIN_TOKEN !== undefined) config.adminToken = v.BRIDGE_ADMIN_TOKEN;
    if (v.BRIDGE_ENCRYPTION_KEY !== undefined) config.encryptionKey = v.BRIDGE_ENCRYPTION_KEY;
    if (v.BRIDGE_ENCRYPTION_KEY_PREVIOUS !== undefined)
      config.previousEncryptionKeys = v.BRIDGE_ENCRYPTION_KEY_PREVIOUS;
    return config;
  }

  const parsed = liveSchema.safeParse(input);
  const addressLines = publicUrlLines(input);
  if (!parsed.success || addressLines.length > 0 || files.problems.size > 0 || pairLines.length > 0) {
    const lines = withFileProblems(files.problems, [
      ...(parsed.success ? [] : issuesToLines(parsed.error.issues, env)),
      ...addressLines,
      ...pairLines,
    ]);
    const missingCredentials = CREDENTIAL_VARIABLES.filter((n) => !isSet(env, n));
    if (missingCredentials.length > 0 && missingCredentials.length < CREDENTIAL_VARIABLES.length) {
      lines.push(
        `  (some TikTok/NetSuite credentials are set and others are not: set all of ${missingCredentials.join(', ')}, or none for sandbox mode)`,
      );
    }
    throw configError(lines);
  }
  const v = parsed.data;
  const tiktok: TikTokSettings = {
    appKey: v.TIKTOK_APP_KEY,
    appSecret: v.TIKTOK_APP_SECRET,
    serviceId: v.TIKTOK_SERVICE_ID,
    apiBaseUrl: v.TIKTOK_API_BASE_URL,
    authBaseUrl: v.TIKTOK_AUTH_BASE_URL,
    authorizeUrl: v.TIKTOK_AUTHORIZE_URL,
  };
  if (v.TIKTOK_APP_SECRET_PREVIOUS !== undefined && v.TIKTOK_APP_SECRET_PREVIOUS_UNTIL !== undefined) {
    tiktok.previousAppSecret = {
      appSecret: v.TIKTOK_APP_SECRET_PREVIOUS,
      acceptUntil: v.TIKTOK_APP_SECRET_PREVIOUS_UNTIL,
    };
  }
  const live: LiveConfig = {
    mode: 'live',
    tiktok,
    netsuite: {
      accountId: v.NETSUITE_ACCOUNT_ID,
      consumerKey: v.NETSUITE_CONSUMER_KEY,
      consumerSecret: v.NETSUITE_CONSUMER_SECRET,
      tokenId: v.NETSUITE_TOKEN_ID,
      tokenSecret: v.NETSUITE_TOKEN_SECRET,
      restletUrl: v.NETSUITE_RESTLET_URL,
    },
    publicUrl: v.BRIDGE_PUBLIC_URL,
    adminToken: v.BRIDGE_ADMIN_TOKEN,
    encryptionKey: v.BRIDGE_ENCRYPTION_KEY,
    ...commonSettings(v),
  };
  if (v.BRIDGE_ENCRYPTION_KEY_PREVIOUS !== undefined)
    live.previousEncryptionKeys = v.BRIDGE_ENCRYPTION_KEY_PREVIOUS;
  return live;
}
