/**
 * `npm run bridge -- <command>`:
 *   serve                          start the HTTP server and workers (sandbox demo without credentials)
 *   reconcile orders [--since <ISO>]  one order-reconciliation pass, then run the queued jobs
 *   reconcile returns [--since <ISO>] one return-reconciliation pass (Search Returns), then run the queued jobs
 *                                     (`sync orders`, its old name, is accepted until the next release)
 *   reconcile returns [--since <ISO>] one return-reconciliation pass (Search Returns), then run the queued jobs
 *   reconcile refunds [--since <ISO>] one refund-reconciliation pass (completed returns and cancellations), then run the queued jobs
 *   sync outbox                    one NetSuite → TikTok outbox pass now (e.g. answers to buyer cancellation requests)
 *   sync inventory                 one NetSuite stock → TikTok pass now
 *   refresh warehouses             read every shop's TikTok warehouses again now (into NetSuite)
 *   push products [--shop <id>]    one product push pass now (NetSuite items marked Push to TikTok → TikTok)
 *   status [--json]                shops, queue depths, dead letters, recent errors
 *   doctor [--json]                every doctor check per shop with its fix (exit 2 when one is broken)
 *   retry-dead [--shop <id>] [--kind <kind>]   move dead-lettered jobs back to the queue
 *   revoke-sessions                 sign every browser out of the status page (server-side sessions)
 *   rotate-keys                     re-encrypt every stored token with BRIDGE_ENCRYPTION_KEY
 *                                   (crypto/rotate-keys.ts)
 */
import pino from 'pino';
import { createBridge, isWildcardAddress, type Bridge } from './bridge';
import { loadConfig, type BridgeConfig, type Env, type LiveConfig, type SandboxConfig } from './config';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from './core/errors';
import { z } from 'zod';
import { parseWith } from './core/validate';
import { statusSnapshot, type StatusSnapshot } from './http/status-routes';
import { formatDoctor } from './doctor/bridge-doctor';
import { JOB_KINDS } from './workers/job-kinds';
import type { ProductPushResult } from './workers/product-push';
import { registerConfigSecrets } from './crypto/config-secrets';
import { rotateTokenKeys } from './crypto/rotate-keys';
import { TokenCipher } from './crypto/token-cipher';
import { createLogger } from './logger';
import { openStore } from './store/open-store';
import type { BridgeStore } from './store/types';
import { TokenVault } from './tiktok/token-vault';
import { TIKTOK_ID_PATTERN, tiktokIdRule } from '../../shared-types/src/ids/tiktok-id';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** What `sandbox/src/demo.ts` (written by the lead) exports; loaded lazily only in sandbox mode. */
interface SandboxDemoModule {
  startSandboxDemo(config: SandboxConfig): Promise<unknown>;
}

const USAGE = `Usage: npm run bridge -- <command>
  serve                                   start the bridge (sandbox demo when no credentials are set)
  reconcile orders [--since <ISO time>]   one order reconciliation pass, then process the queue
  reconcile returns [--since <ISO time>]  one return reconciliation pass, then process the queue
  reconcile refunds [--since <ISO time>]  one refund reconciliation pass, then process the queue
  sync outbox                             send NetSuite's pending order updates to TikTok now
  sync inventory                          send NetSuite's queued stock changes to TikTok now
  refresh warehouses                      read every shop's TikTok warehouses into NetSuite now
  push products [--shop <id>]             push NetSuite items marked Push to TikTok to TikTok now
  status [--json]                         shops, queue depths, dead letters, recent errors
  doctor [--json]                         every doctor check per shop with its fix; exit 2 when one is broken
  retry-dead [--shop <id>] [--kind <kind>]  requeue dead-lettered jobs after fixing their cause
  revoke-sessions                         sign every browser out of the status page
  rotate-keys                             re-encrypt every stored token with BRIDGE_ENCRYPTION_KEY`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, `${name} needs a value.\n${USAGE}`);
  }
  return value;
}

/**
 * Reads `--name value` options and `--switch` flags; anything else (an unknown flag, a stray word,
 * a flag given twice) is refused with the usage text.
 */
function flags(args: string[], spec: Record<string, 'value' | 'switch'>): Record<string, string | true> {
  const found: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const kind = spec[arg];
    if (kind === undefined || arg in found) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.BAD_REQUEST,
        `${arg in found ? `${arg} given twice` : `Unknown option "${arg}"`}.\n${USAGE}`,
      );
    }
    if (kind === 'switch') found[arg] = true;
    else {
      found[arg] = option(args.slice(i), arg) ?? '';
      i += 1;
    }
  }
  return found;
}

const retryDeadSchema = z.strictObject({
  '--shop': z.string().regex(TIKTOK_ID_PATTERN, tiktokIdRule('shop')).optional(),
  '--kind': z.enum(Object.values(JOB_KINDS)).optional(),
});

const pushProductsSchema = z.strictObject({
  '--shop': z.string().regex(TIKTOK_ID_PATTERN, tiktokIdRule('shop')).optional(),
});

/** One line per shop of `push products`. */
export function formatPushResult(r: ProductPushResult): string {
  if (r.skipped !== null) return `shop ${r.shopId}: nothing pushed: ${r.skipped}`;
  const o = r.outcomes;
  const c = r.tiktokCalls;
  return (
    `shop ${r.shopId}: ${r.products} product(s): ${o.created} created, ${o.edited} edited, ${o.price_updated} price only, ` +
    `${o.invalid} invalid, ${o.rejected} refused by TikTok${o.not_allowed > 0 ? ', push not allowed for this shop (see the shop record)' : ''}; ` +
    `TikTok calls: ${r.productCalls} product, ${c.uploadImage} image upload(s), ${c.categoryInfo + c.brands + c.recommend} category/brand; ` +
    `${r.netsuiteInvalid} item(s) NetSuite found invalid`
  );
}

function requireLive(config: BridgeConfig, command: string): LiveConfig {
  if (config.mode === 'live') return config;
  throw new BridgeError(
    BRIDGE_ERROR_CODES.CONFIG_INVALID,
    `"${command}" talks to TikTok and NetSuite and needs the TIKTOK_* and NETSUITE_* credentials; none are set.`,
  );
}

async function loadSandboxDemo(): Promise<SandboxDemoModule> {
  const modulePath = '../../sandbox/src/demo';
  return (await import(modulePath)) as SandboxDemoModule;
}

export function formatStatus(snapshot: StatusSnapshot): string {
  const lines: string[] = ['Shops:'];
  if (snapshot.shops.length === 0) lines.push('  (none connected)');
  for (const s of snapshot.shops) {
    lines.push(
      `  ${s.shopId}  ${s.name}  ${s.region}  ${s.state}${s.stateReason ? ` (${s.stateReason})` : ''}  last reconcile: ${s.lastOrderReconcile ?? 'never'}`,
    );
  }
  lines.push('Queue:');
  if (snapshot.queue.length === 0) lines.push('  (empty)');
  for (const q of snapshot.queue) lines.push(`  ${q.kind.padEnd(26)} ${q.state.padEnd(8)} ${q.count}`);
  lines.push(`Dead letters: ${snapshot.deadLetters.length}`);
  for (const d of snapshot.deadLetters)
    lines.push(`  #${d.id} ${d.kind} shop ${d.shopId ?? '-'}: ${d.reason ?? ''}`);
  lines.push('Recent errors:');
  if (snapshot.recentErrors.length === 0) lines.push('  (none)');
  for (const e of snapshot.recentErrors.slice(0, 10))
    lines.push(`  ${e.at} ${e.source} ${e.shopId ?? ''} ${e.message}`);
  return lines.join('\n');
}

/**
 * Makes every secret this configuration knows — and every shop token stored, when the encryption key
 * is set — known to the secret registry, so `status` scrubs text an older bridge stored unscrubbed.
 */
async function registerKnownSecrets(config: BridgeConfig, store: BridgeStore): Promise<void> {
  registerConfigSecrets(config);
  if (config.encryptionKey === undefined) return;
  const vault = new TokenVault(
    store,
    new TokenCipher(config.encryptionKey, config.previousEncryptionKeys ?? []),
  );
  for (const shop of await store.listShops()) {
    try {
      await vault.load(shop.shopId);
    } catch {
      // A token that does not decrypt (another key) is not shown anywhere either.
    }
  }
}

async function withBridge<T>(config: LiveConfig, run: (bridge: Bridge) => Promise<T>): Promise<T> {
  const bridge = createBridge(config, { logger: createLogger(config.logLevel, pino.destination(2)) });
  try {
    return await run(bridge);
  } finally {
    await bridge.stop();
  }
}

export async function runCli(args: string[], env: Env, io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help') {
    io.out(USAGE);
    return command === undefined ? 1 : 0;
  }
  const config = loadConfig(env);

  if (command === 'serve') {
    if (config.mode === 'sandbox') {
      const demo = await loadSandboxDemo();
      await demo.startSandboxDemo(config);
      return 0;
    }
    const bridge = createBridge(config);
    const { url, address } = await bridge.start(config.port);
    bridge.startWorkers();
    io.err(
      isWildcardAddress(address)
        ? `Bridge listening on EVERY network interface (HOST=${config.host}), port ${config.port}; public URL ${config.publicUrl}. Make sure only your reverse proxy can reach this port.`
        : `Bridge listening on ${url} only (HOST=${config.host}; public URL ${config.publicUrl}). Set HOST=0.0.0.0 to accept connections from other machines, e.g. in a container behind a reverse proxy.`,
    );
    const shutdown = (): void => {
      // Behind a load balancer: answer /readyz 503 for BRIDGE_SHUTDOWN_DRAIN_SECONDS first.
      void bridge
        .drain((config.shutdownDrainSeconds ?? 0) * 1000)
        .then(() => bridge.stop())
        .then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    return 0;
  }

  if (command === 'sync' && rest[0] === 'outbox') {
    flags(rest.slice(1), {});
    return withBridge(requireLive(config, 'sync outbox'), async (bridge) => {
      const result = await bridge.outboxOnce();
      for (const r of result.results) {
        const outcomes = Object.entries(r.outcomes).map(([outcome, n]) => `${outcome} ${n}`);
        io.out(
          `shop ${r.shopId}: ${r.pulled} outbox row(s) delivered${outcomes.length > 0 ? ` (${outcomes.join(', ')})` : ''}`,
        );
      }
      for (const f of result.failures) io.err(`shop ${f.shopId}: ${f.error}`);
      return result.failures.length > 0 ? 2 : 0;
    });
  }

  if (command === 'sync' && rest[0] === 'inventory') {
    flags(rest.slice(1), {});
    return withBridge(requireLive(config, 'sync inventory'), async (bridge) => {
      const result = await bridge.inventoryOnce();
      for (const r of result.results) {
        const outcomes = Object.entries(r.outcomes).map(([outcome, n]) => `${outcome} ${n}`);
        io.out(
          r.pushInventory
            ? `shop ${r.shopId}: ${r.pulled} quantity(ies) pulled, ${r.updateCalls} Update Inventory call(s)${outcomes.length > 0 ? ` (${outcomes.join(', ')})` : ''}`
            : `shop ${r.shopId}: Push inventory information to TikTok is off in NetSuite; nothing sent`,
        );
      }
      for (const f of result.failures) io.err(`shop ${f.shopId}: ${f.error}`);
      return result.failures.length > 0 ? 2 : 0;
    });
  }

  if (command === 'push' && rest[0] === 'products') {
    const options = parseWith(pushProductsSchema, flags(rest.slice(1), { '--shop': 'value' }), {
      code: BRIDGE_ERROR_CODES.BAD_REQUEST,
      what: 'push products options',
      hint: USAGE,
    });
    const shopId = options['--shop'];
    return withBridge(requireLive(config, 'push products'), async (bridge) => {
      const result = await bridge.productPushOnce(shopId === undefined ? {} : { shopId });
      for (const r of result.results) io.out(formatPushResult(r));
      for (const f of result.failures) io.err(`shop ${f.shopId}: ${f.error}`);
      if (shopId !== undefined && result.results.length + result.failures.length === 0) {
        io.err(`shop ${shopId} is not a connected shop of this bridge`);
        return 2;
      }
      return result.failures.length > 0 ? 2 : 0;
    });
  }

  if (command === 'refresh' && rest[0] === 'warehouses') {
    flags(rest.slice(1), {});
    return withBridge(requireLive(config, 'refresh warehouses'), async (bridge) => {
      const queued = await bridge.refreshWarehouses();
      const run = await bridge.runWorkersOnce();
      io.out(
        `${queued} shop(s) queued for a warehouse refresh; ${run.completed} job(s) done, ${run.dead} dead`,
      );
      return run.dead > 0 ? 2 : 0;
    });
  }

  if (command === 'reconcile' || command === 'sync') {
    const target = rest[0];
    if (target !== 'orders' && !((target === 'returns' || target === 'refunds') && command === 'reconcile'))
      throw new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, `Unknown ${command} target.\n${USAGE}`);
    if (command === 'sync') {
      io.err('`sync orders` is now `reconcile orders`; the old name stops working in the next release.');
    }
    const since = flags(rest.slice(1), { '--since': 'value' })['--since'] as string | undefined;
    let sinceSec: number | undefined;
    if (since !== undefined) {
      const ms = Date.parse(since);
      if (Number.isNaN(ms)) {
        throw new BridgeError(
          BRIDGE_ERROR_CODES.BAD_REQUEST,
          `--since "${since}" is not an ISO time, e.g. 2026-01-15T00:00:00Z.`,
        );
      }
      sinceSec = Math.floor(ms / 1000);
    }
    return withBridge(requireLive(config, `reconcile ${target}`), async (bridge) => {
      const options = sinceSec === undefined ? {} : { sinceSec };
      const result =
        target === 'refunds'
          ? await bridge.reconcileRefundsOnce(options)
          : target === 'returns'
            ? await bridge.reconcileReturnsOnce(options)
            : await bridge.reconcileOnce(options);
      for (const r of result.results) {
        if ('refundsFound' in r) {
          io.out(`shop ${r.shopId}: ${r.refundsFound} completed refunds, ${r.jobsCreated} queued`);
          continue;
        }
        const found = 'returnsFound' in r ? `${r.returnsFound} returns` : `${r.ordersFound} orders`;
        io.out(`shop ${r.shopId}: ${found} in ${r.pages} page(s), ${r.jobsCreated} queued`);
      }
      for (const f of result.failures) io.err(`shop ${f.shopId}: ${f.error}`);
      const run = await bridge.runWorkersOnce();
      io.out(`jobs: ${run.completed} done, ${run.retried} to retry, ${run.dead} dead`);
      return result.failures.length > 0 || run.dead > 0 ? 2 : 0;
    });
  }

  if (command === 'revoke-sessions') {
    flags(rest, {});
    const store = openStore(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
    try {
      const revoked = await store.revokeAllAdminSessions(Date.now());
      io.out(`${revoked} status-page session(s) revoked; every browser must sign in again.`);
      return 0;
    } finally {
      await store.close();
    }
  }

  if (command === 'rotate-keys') {
    flags(rest, {});
    if (config.encryptionKey === undefined) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.CONFIG_INVALID,
        'rotate-keys needs BRIDGE_ENCRYPTION_KEY (the new key) and BRIDGE_ENCRYPTION_KEY_PREVIOUS (the key or keys the tokens were stored with).',
      );
    }
    registerConfigSecrets(config);
    const cipher = new TokenCipher(config.encryptionKey, config.previousEncryptionKeys ?? []);
    const store = openStore(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
    try {
      const result = await rotateTokenKeys(store, cipher);
      for (const shopId of result.rotated)
        io.out(`shop ${shopId}: tokens re-encrypted with key ${result.keyId}`);
      for (const f of result.failures) io.err(`shop ${f.shopId}: ${f.error}`);
      io.out(
        `${result.rotated.length} shop(s) re-encrypted, ${result.alreadyCurrent.length} already under key ${result.keyId}, ${result.failures.length} failed.`,
      );
      if (result.failures.length > 0) {
        io.err(
          'Keep BRIDGE_ENCRYPTION_KEY_PREVIOUS set until every shop is re-encrypted: fix the failures above and run rotate-keys again.',
        );
        return 2;
      }
      io.out(
        cipher.previousKeyIds.length > 0
          ? `Every stored token is under key ${result.keyId}: BRIDGE_ENCRYPTION_KEY_PREVIOUS (key id(s) ${cipher.previousKeyIds.join(', ')}) can now be removed from every bridge's environment.`
          : `Every stored token is under key ${result.keyId}.`,
      );
      return 0;
    } finally {
      await store.close();
    }
  }

  if (command === 'doctor') {
    const json = flags(rest, { '--json': 'switch' })['--json'] === true;
    return withBridge(requireLive(config, 'doctor'), async (bridge) => {
      const report = await bridge.doctor();
      io.out(json ? JSON.stringify(report, null, 2) : formatDoctor(report));
      return report.broken ? 2 : 0;
    });
  }

  if (command === 'status' || command === 'retry-dead') {
    // Input is checked before the store is opened: a typo must not create a database file.
    const filter: { shopId?: string; kind?: string } = {};
    let json = false;
    if (command === 'retry-dead') {
      const input = parseWith(retryDeadSchema, flags(rest, { '--shop': 'value', '--kind': 'value' }), {
        code: BRIDGE_ERROR_CODES.BAD_REQUEST,
        what: 'retry-dead',
        hint: `--kind is one of ${Object.values(JOB_KINDS).join(', ')}.\n${USAGE}`,
      });
      if (input['--shop'] !== undefined) filter.shopId = input['--shop'];
      if (input['--kind'] !== undefined) filter.kind = input['--kind'];
    } else {
      json = flags(rest, { '--json': 'switch' })['--json'] === true;
    }
    const store = openStore(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
    try {
      if (command === 'retry-dead') {
        const moved = await store.requeueDeadJobs(filter, Date.now());
        io.out(`${moved} dead job(s) moved back to the queue.`);
        return 0;
      }
      await registerKnownSecrets(config, store);
      const snapshot = await statusSnapshot(store);
      io.out(json ? JSON.stringify(snapshot, null, 2) : formatStatus(snapshot));
      return 0;
    } finally {
      await store.close();
    }
  }

  io.err(`Unknown command "${command}".\n${USAGE}`);
  return 1;
}

if (require.main === module) {
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  runCli(process.argv.slice(2), process.env, io).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (error: unknown) => {
      io.err(error instanceof BridgeError ? error.message : `Unexpected error: ${describeError(error)}`);
      process.exitCode = 1;
    },
  );
}
