/**
 * Webhook ingest benchmark: the bridge's `POST /webhooks/tiktok` (signature verified on the raw
 * body, event and job committed to SQLite in WAL mode by the group commit, then 200; LOG_LEVEL
 * info as configured by default) against a bare Express handler that answers 200, and against the
 * bridge with one transaction per webhook (group commit off: `maxBatch` 1), each server in its own
 * process, driven over loopback by autocannon (https://github.com/mcollina/autocannon) with a fixed
 * number of requests on N keep-alive connections. Every request is a distinct signed order event,
 * so every one is a new row. Each run starts every server afresh (new SQLite file) in turn; the
 * table gives the median over the runs of req/s and latency, and the median of the per-run ratios
 * bridge / bare (both measured in the same run, seconds apart).
 *
 * `--full` adds both bridges with BRIDGE_SQLITE_SYNCHRONOUS=full (an fsync per commit, durable
 * across a power loss): there the group commit's one fsync per batch matters most.
 *
 * `--postgres` (issue #22) adds the bridge on PostgreSQL (`TEST_DATABASE_URL`, e.g. the server
 * `.ci/start-postgres.sh` starts: local, synchronous_commit off), group commit and, unless
 * `--no-single`, one transaction per webhook; each run in a fresh schema. The group commit runs two
 * transactions at once on PostgreSQL (the bridge's default there); `--one-in-flight` adds it with one,
 * the design before, to compare in the same runs.
 *
 *   node dist/test/bench/webhook-receive.js [--requests 4000] [--connections 16,64] [--runs 5]
 *     [--no-single] [--full] [--postgres] [--one-in-flight]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openStore } from '../../bridge/src/store/open-store';
import { signTikTokWebhookForTest } from '../../bridge/src/webhooks/verify';
import { WEBHOOK_PATH } from '../../bridge/src/webhooks/route';
import type { ReceiveServerKind } from './receive-server';
import { formatTable } from './table';
import { createTestSchema } from '../support/test-postgres';

export interface ReceiveOptions {
  requests: number;
  connections: number[];
  runs: number;
  warmup: number;
  /** Also measure the bridge with one transaction per webhook. */
  single: boolean;
  /** Also measure with BRIDGE_SQLITE_SYNCHRONOUS=full (an fsync per commit). */
  full: boolean;
  /** Also measure the bridge on PostgreSQL (TEST_DATABASE_URL). */
  postgres: boolean;
  /** With `postgres`: also the group commit with one transaction in flight (not two). */
  oneInFlight?: boolean;
}

export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time (user + system) per request, µs: robust to other load on the machine. */
  cpuMicrosPerRequest: number;
  non2xx: number;
  errors: number;
  /** Rows in webhook_notifications afterwards (bridges only). */
  storedRows: number | null;
}

export interface ReceiveRow {
  server: string;
  connections: number;
  runs: Measurement[];
}

interface SignedRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

interface Server {
  label: string;
  kind: ReceiveServerKind;
  /** Where the bridge stores (the first argument is then a SQLite file or a postgres:// URL). */
  database?: 'postgres';
  args: (dbFile: string, appKey: string, appSecret: string) => string[];
}

const SERVERS: Server[] = [
  { label: 'bare Express 200', kind: 'bare', args: () => [] },
  {
    label: 'bridge (group commit)',
    kind: 'bridge',
    args: (dbFile, appKey, appSecret) => [dbFile, appKey, appSecret, '256'],
  },
  {
    label: 'bridge (commit per webhook)',
    kind: 'bridge',
    args: (dbFile, appKey, appSecret) => [dbFile, appKey, appSecret, '1'],
  },
  {
    label: 'bridge (group commit, FULL)',
    kind: 'bridge',
    args: (dbFile, appKey, appSecret) => [dbFile, appKey, appSecret, '256', 'full'],
  },
  {
    label: 'bridge (commit per webhook, FULL)',
    kind: 'bridge',
    args: (dbFile, appKey, appSecret) => [dbFile, appKey, appSecret, '1', 'full'],
  },
  {
    label: 'bridge on PostgreSQL (group commit)',
    kind: 'bridge',
    database: 'postgres',
    args: (url, appKey, appSecret) => [url, appKey, appSecret, '256'],
  },
  {
    label: 'bridge on PostgreSQL (group commit, 1 in flight)',
    kind: 'bridge',
    database: 'postgres',
    args: (url, appKey, appSecret) => [url, appKey, appSecret, '256', 'normal', '1'],
  },
  {
    label: 'bridge on PostgreSQL (commit per webhook)',
    kind: 'bridge',
    database: 'postgres',
    args: (url, appKey, appSecret) => [url, appKey, appSecret, '1'],
  },
];

function signedRequests(count: number, appKey: string, appSecret: string, offset: number): SignedRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const body = JSON.stringify({
      type: 1,
      tts_notification_id: String(7327112393057371910n + BigInt(n)),
      shop_id: '7494049642642441621',
      timestamp: Math.floor(Date.now() / 1000),
      data: {
        order_id: String(576461413038700000n + BigInt(n)),
        order_status: 'AWAITING_SHIPMENT',
        is_on_hold_order: false,
        update_time: 1767229200 + n,
      },
    });
    return {
      method: 'POST',
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
  // stdout (the bridge's pino log at info) is discarded, as a log shipper would take it away.
  const child = fork(path.join(__dirname, 'receive-server.js'), [kind, ...args], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, port };
}

function serverCpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (m: unknown): void => {
      if (typeof m === 'object' && m !== null && 'cpuMicros' in m) {
        child.off('message', onMessage);
        resolve((m as { cpuMicros: number }).cpuMicros);
      }
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send('stop');
  await exited;
}

async function load(port: number, requests: readonly SignedRequest[], connections: number) {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    amount: requests.length,
    // autocannon ends a run on its sampling tick (1 s by default): 10 ms keeps the duration exact.
    sampleInt: 10,
    requests: [
      {
        setupRequest: (request) => ({ ...request, ...requests[next++ % requests.length] }),
      },
    ],
  });
}

async function measure(
  server: Server,
  connections: number,
  options: ReceiveOptions,
  app: { appKey: string; appSecret: string },
  dir: string,
  run: number,
): Promise<Measurement> {
  const schema = server.database === 'postgres' ? await createTestSchema('bench') : undefined;
  const dbFile =
    schema?.url ?? path.join(dir, `bridge-${server.label.replace(/\W+/g, '-')}-${connections}-${run}.db`);
  const { child, port } = await startServer(server.kind, server.args(dbFile, app.appKey, app.appSecret));
  let result: autocannon.Result;
  let cpuMicros: number;
  try {
    const offset = 1_000_000 * (run + 1) + 100_000 * connections;
    await load(port, signedRequests(options.warmup, app.appKey, app.appSecret, offset), connections);
    const measured = signedRequests(options.requests, app.appKey, app.appSecret, offset + options.warmup);
    const cpuBefore = await serverCpuMicros(child);
    result = await load(port, measured, connections);
    cpuMicros = (await serverCpuMicros(child)) - cpuBefore;
  } finally {
    await stopServer(child);
  }
  let storedRows: number | null = null;
  if (server.kind === 'bridge') {
    const store = openStore(schema ? schema.url : `sqlite:${dbFile}`);
    storedRows = await store.countWebhooks();
    await store.close();
  }
  await schema?.drop();
  const total = result.requests.total;
  return {
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: cpuMicros / total,
    non2xx: result.non2xx,
    errors: result.errors,
    storedRows,
  };
}

export async function runWebhookReceive(options: ReceiveOptions): Promise<ReceiveRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-receive-'));
  const app = {
    appKey: randomBytes(7).toString('hex').slice(0, 13),
    appSecret: randomBytes(20).toString('hex'),
  };
  const servers = SERVERS.filter(
    (s) =>
      (options.single || !s.label.includes('per webhook')) &&
      (options.full || !s.label.includes('FULL')) &&
      (options.postgres || s.database !== 'postgres') &&
      (options.oneInFlight === true || !s.label.includes('1 in flight')),
  );
  const rows: ReceiveRow[] = [];
  try {
    for (const connections of options.connections) {
      const byServer = servers.map((server) => ({
        server: server.label,
        connections,
        runs: [] as Measurement[],
      }));
      for (let run = 0; run < options.runs; run += 1) {
        for (const [index, server] of servers.entries()) {
          byServer[index]?.runs.push(await measure(server, connections, options, app, dir, run));
        }
      }
      rows.push(...byServer);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Per-run ratio of this row's throughput to the bare server's at the same connections. */
function ratios(row: ReceiveRow, rows: readonly ReceiveRow[]): number[] {
  const bare = rows.find((r) => r.connections === row.connections && r.server === SERVERS[0]?.label);
  if (!bare) return [];
  return row.runs.map((m, i) => m.rps / (bare.runs[i]?.rps ?? Number.NaN));
}

export function formatReceive(rows: readonly ReceiveRow[], options: ReceiveOptions): string {
  const table = formatTable(
    [
      'server',
      'connections',
      'req/s',
      'p50 ms',
      'p99 ms',
      '× bare (runs)',
      'server CPU µs/req',
      'non-200',
      'rows stored',
    ],
    rows.map((row) => {
      const r = ratios(row, rows);
      const isBare = row.server === SERVERS[0]?.label;
      return [
        row.server,
        String(row.connections),
        median(row.runs.map((m) => m.rps)).toFixed(0),
        median(row.runs.map((m) => m.p50)).toFixed(1),
        median(row.runs.map((m) => m.p99)).toFixed(1),
        isBare ? '1' : `${median(r).toFixed(2)} (${r.map((x) => x.toFixed(2)).join(' ')})`,
        median(row.runs.map((m) => m.cpuMicrosPerRequest)).toFixed(0),
        String(row.runs.reduce((n, m) => n + m.non2xx + m.errors, 0)),
        isBare
          ? '-'
          : `${row.runs.reduce((n, m) => n + (m.storedRows ?? 0), 0)} of ${
              row.runs.length * (options.requests + options.warmup)
            }`,
      ];
    }),
  );
  return [
    `Webhook ingest (autocannon, loopback, ${options.requests} requests per run after ${options.warmup} warm-up, median of ${options.runs} runs, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
    table,
  ].join('\n');
}

function numberArg(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive integer`);
  return value;
}

export function receiveOptionsFromArgs(args: readonly string[]): ReceiveOptions {
  const index = args.indexOf('--connections');
  const connections =
    index < 0
      ? [16, 64]
      : (args[index + 1] ?? '').split(',').map((c) => {
          const n = Number(c);
          if (!Number.isInteger(n) || n < 1)
            throw new Error('--connections takes positive integers, e.g. 16,64');
          return n;
        });
  return {
    requests: numberArg(args, '--requests', 4000),
    connections,
    runs: numberArg(args, '--runs', 5),
    warmup: numberArg(args, '--warmup', 500),
    single: !args.includes('--no-single'),
    full: args.includes('--full'),
    postgres: args.includes('--postgres'),
    oneInFlight: args.includes('--one-in-flight'),
  };
}

if (require.main === module) {
  const options = receiveOptionsFromArgs(process.argv.slice(2));
  runWebhookReceive(options).then(
    (rows) => console.log(formatReceive(rows, options)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
