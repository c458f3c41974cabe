/**
 * `npm run chaos:fulfillments`: the fulfillment chaos run (fulfillment-chaos-run.ts) at full size —
 * 2,000 TikTok orders shipped from NetSuite in 1–3 fulfillments each, with tracking corrections,
 * deletions, TikTok 429/5xx on 5% of calls, bridge SIGKILLs and catch-up map/reduce restarts — and
 * its report. Exit code 1 when a fulfillment was lost or shipped twice, or the outbox did not drain.
 *
 *   npm run chaos:fulfillments -- [--orders 2000] [--seed 1313]
 */
import { formatFulfillmentChaos, runFulfillmentChaos } from './fulfillment-chaos-run';

function arg(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

async function main(): Promise<void> {
  const orders = arg('orders');
  const seed = arg('seed');
  const report = await runFulfillmentChaos({
    ...(orders !== undefined ? { orders } : {}),
    ...(seed !== undefined ? { seed } : {}),
    log: (line) => console.log(`[${new Date().toISOString()}] ${line}`),
  });
  console.log(formatFulfillmentChaos(report));
  if (report.lost.length > 0 || report.duplicateShipments.length > 0 || !report.settled) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
