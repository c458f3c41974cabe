import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../bridge/src/store/open-store';
import { signTikTokWebhookForTest } from '../../bridge/src/webhooks/verify';
import { WEBHOOK_PATH } from '../../bridge/src/webhooks/route';
import type { ReceiveServerKind } from './receive-server';
import { percentile, runLoad, type LoadRequest, type LoadResult } from './load-generator';
import { formatTable } from './table';

/**
 * Webhook receive benchmark: the bridge's `POST /webhooks/tiktok` (signature verified on the raw
 * body, event and job committed to SQLite in WAL mode, then 200) against a bare Express handler that
 * answers 200, each in its own process, driven over loopback by the same bounded load generator
 * (fixed request count, N keep-alive connections). Every request is a distinct signed order event.
 *
 *   node dist/test/bench/webhook-receive.js [--requests 5000] [--connections 16]
 */
export interface ReceiveOptions {
  requests: number;
  connections: number;
  warmup: number;
}

export interface ReceiveRow {
  server: string;
  result: LoadResult;
  /** Rows in the bridge's webhook_notifications table afterwards (bridge only). */
  storedRows: number | null;
}

function signedRequests(count: number, appKey: string, appSecret: string, offset: number): LoadRequest[] {
  return Array.from({ length: count }, (_, n) => {
    const body = Buffer.from(
      JSON.stringify({
        type: 1,
        tts_notification_id: String(7327112393057371910n + BigInt(offset + n)),
        shop_id: '7494049642642441621',
        timestamp: 1767229200 + n,
        data: {
          order_id: String(576461413038700000n + BigInt(offset + n)),
          order_status: 'AWAITING_SHIPMENT',
          is_on_hold_order: false,
          update_time: 1767229200 + n,
        },
      }),
    );
    return {
      path: WEBHOOK_PATH,
      headers: {
        'content-type': 'application/json',
        authorization: signTikTokWebhookForTest(appKey, appSecret, body),
      },
      body,
    };
  });
}

async function startServer(
  kind: ReceiveServerKind,
  args: string[],
): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(path.join(__dirname, 'receive-server.js'), [kind, ...args], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, port };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send('stop');
  await exited;
}

export async function runWebhookReceive(options: ReceiveOptions): Promise<ReceiveRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-receive-'));
  const appKey = randomBytes(7).toString('hex').slice(0, 13);
  const appSecret = randomBytes(20).toString('hex');
  const warmup = signedRequests(options.warmup, appKey, appSecret, 0);
  const measured = signedRequests(options.requests, appKey, appSecret, options.warmup);
  const rows: ReceiveRow[] = [];
  try {
    const dbFile = path.join(dir, 'bridge.db');
    for (const kind of ['bridge', 'bare'] as const) {
      const { child, port } = await startServer(kind, kind === 'bridge' ? [dbFile, appKey, appSecret] : []);
      await runLoad(port, warmup, options.connections);
      const result = await runLoad(port, measured, options.connections);
      await stopServer(child);
      let storedRows: number | null = null;
      if (kind === 'bridge') {
        const store = openStore(`sqlite:${dbFile}`);
        storedRows = await store.countWebhooks();
        await store.close();
      }
      rows.push({
        server: kind === 'bridge' ? 'bridge POST /webhooks/tiktok' : 'bare Express 200',
        result,
        storedRows,
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const rate = (r: LoadResult): number => r.requests / (r.wallMs / 1000);

export function formatReceive(rows: readonly ReceiveRow[]): string {
  const table = formatTable(
    ['server', 'requests', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-200', 'notifications'],
    rows.map(({ server, result, storedRows }) => [
      server,
      String(result.requests),
      String(result.connections),
      rate(result).toFixed(0),
      percentile(result.latenciesMs, 50).toFixed(2),
      percentile(result.latenciesMs, 99).toFixed(2),
      Math.max(...result.latenciesMs).toFixed(2),
      String(result.requests - (result.statuses[200] ?? 0)),
      storedRows === null ? '-' : String(storedRows),
    ]),
  );
  const [bridge, bare] = rows;
  const ratio =
    bridge && bare ? `bridge / bare throughput: ${(rate(bridge.result) / rate(bare.result)).toFixed(3)}` : '';
  return ['Webhook receive (loopback, one process per server)', table, ratio].join('\n');
}

function numberArg(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive integer`);
  return value;
}

export function receiveOptionsFromArgs(args: readonly string[]): ReceiveOptions {
  return {
    requests: numberArg(args, '--requests', 5000),
    connections: numberArg(args, '--connections', 16),
    warmup: numberArg(args, '--warmup', 500),
  };
}

if (require.main === module) {
  runWebhookReceive(receiveOptionsFromArgs(process.argv.slice(2))).then(
    (rows) => console.log(formatReceive(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
