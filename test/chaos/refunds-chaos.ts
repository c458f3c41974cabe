/**
 * `npm run chaos:refunds`: the refunds chaos run (refunds-chaos-run.ts) at the size — 1,000
 * TikTok orders refunded in every way across every billing state, with webhooks duplicated, reordered
 * and lost, TikTok 429/5xx, bridge SIGKILLs and import map/reduce restarts — and its report. Exit code 1
 * when a refund was lost, booked twice, did not tie out, or a paid invoice's credit was not paid out.
 *
 *   npm run chaos:refunds -- [--orders 1000] [--seed 1818]
 */
import { formatRefundsChaos, runRefundsChaos } from './refunds-chaos-run';

function arg(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

async function main(): Promise<void> {
  const orders = arg('orders');
  const seed = arg('seed');
  const report = await runRefundsChaos({
    ...(orders !== undefined ? { orders } : {}),
    ...(seed !== undefined ? { seed } : {}),
    log: (line) => console.log(`[${new Date().toISOString()}] ${line}`),
  });
  console.log(formatRefundsChaos(report));
  const bad =
    report.lost.length + report.duplicated.length + report.notTyingOut.length + report.unpaidCredits.length;
  if (bad > 0 || report.deadLetters > 0 || !report.settled) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
