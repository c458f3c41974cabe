/**
 * Fulfillment latency (issue #13): how long from a warehouse saving an item fulfillment as shipped in
 * NetSuite to TikTok holding the shipped package, with the bridge's workers running on their own
 * schedule (the outbox pass every BRIDGE_OUTBOX_INTERVAL_SECONDS, default 60 s). Fulfillments are
 * saved at random moments over `--span` seconds; the simulator is polled every 100 ms. Prints the
 * figures (no assertion): the capture is immediate (user event), so the wait is the time to the next
 * outbox pass (about half the interval on average) plus the pass itself.
 *
 * `npm run build && node dist/test/bench/fulfillment-latency.js [--count 20] [--span 120] [--interval 60]`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandboxStack } from '../../sandbox/src/stack';

export interface LatencyOptions {
  count: number;
  spanSeconds: number;
  intervalSeconds: number;
}

export interface LatencyResult extends LatencyOptions {
  latenciesMs: number[];
  p50: number;
  p90: number;
  max: number;
  captureMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFulfillmentLatency(options: LatencyOptions): Promise<LatencyResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tts-bench-ful-'));
  const stack = await startSandboxStack({
    bridgeDatabaseUrl: `sqlite:${path.join(dir, 'bridge.db')}`,
    bridgeConfig: { outboxIntervalSeconds: options.intervalSeconds },
  });
  try {
    const shopId = await stack.connectShop();
    const created = Array.from({ length: options.count }, () =>
      stack.simulator.admin.createOrder({ advanceTo: 'AWAITING_SHIPMENT' }),
    );
    const salesOrderOf = (orderId: string) =>
      stack.netsuite.store.findByExternalId('salesorder', `tts_${shopId}_${orderId}`);
    for (let round = 0; round < 5 && created.some((o) => !salesOrderOf(o.id)); round += 1) {
      await stack.simulator.tick();
      await stack.bridge.runWorkersOnce();
      await stack.netsuite.runQueuedTasks();
    }
    await stack.bridge.outboxOnce();
    // Orders the import held back (the simulator's random ones may be on hold) are left out.
    const orders = created.filter((o) => salesOrderOf(o.id));
    const salesOrders = orders.map((o) => salesOrderOf(o.id)!.id);
    const ups = stack.netsuite.seed.shipItem('UPS Ground');
    const ui = stack.netsuite.seed.ui;
    const moments = orders.map(() => Math.random() * options.spanSeconds * 1000).sort((a, b) => a - b);
    stack.bridge.startWorkers();
    const start = Date.now();
    const saved = new Map<string, number>();
    const shipped = new Map<string, number>();
    let captureTotal = 0;
    let next = 0;
    while (shipped.size < orders.length) {
      const now = Date.now() - start;
      while (next < orders.length && (moments[next] ?? Infinity) <= now) {
        const order = orders[next]!;
        const before = Date.now();
        const f = ui.transform({
          fromType: 'salesorder',
          fromId: salesOrders[next]!,
          toType: 'itemfulfillment',
        });
        f.setValue({ fieldId: 'shipmethod', value: ups });
        f.setSublistValue({
          sublistId: 'package',
          fieldId: 'packagetrackingnumber',
          line: 0,
          value: `1Z${String(100000000000000 + next).padStart(16, '0')}`,
        });
        f.setValue({ fieldId: 'shipstatus', value: 'C' });
        ui.save(f, {});
        captureTotal += Date.now() - before;
        saved.set(order.id, Date.now());
        next += 1;
      }
      for (const [orderId, at] of saved) {
        if (shipped.has(orderId)) continue;
        const pkg = [...stack.simulator.state.packages.values()].find(
          (p) => p.orderId === orderId && p.status === 'PROCESSING',
        );
        if (pkg) shipped.set(orderId, Date.now() - at);
      }
      if (now > (options.spanSeconds + options.intervalSeconds * 3) * 1000) {
        throw new Error(`only ${shipped.size} of ${orders.length} fulfillments reached TikTok`);
      }
      await sleep(100);
    }
    const latencies = [...shipped.values()].sort((a, b) => a - b);
    return {
      ...options,
      latenciesMs: latencies,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      max: latencies[latencies.length - 1] ?? NaN,
      captureMs: captureTotal / orders.length,
    };
  } finally {
    await stack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatLatency(r: LatencyResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    `Fulfillment latency: NetSuite fulfillment saved shipped → TikTok package shipped (${r.latenciesMs.length} fulfillments over ${r.spanSeconds} s, outbox pass every ${r.intervalSeconds} s)`,
    `  p50 ${s(r.p50)}   p90 ${s(r.p90)}   max ${s(r.max)}   save with capture user event ${r.captureMs.toFixed(0)} ms each`,
  ].join('\n');
}

function arg(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} takes a positive number`);
  return n;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  runFulfillmentLatency({
    count: arg(args, '--count', 20),
    spanSeconds: arg(args, '--span', 120),
    intervalSeconds: arg(args, '--interval', 60),
  }).then(
    (r) => console.log(formatLatency(r)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
