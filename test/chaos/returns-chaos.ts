/**
 * `npm run chaos:returns`: the returns chaos run (returns-chaos-run.ts) at the size — 1,000
 * delivered TikTok orders, 30% with a return of one of TikTok's three types, webhooks duplicated,
 * reordered and dropped, TikTok 429/5xx, bridge SIGKILLs, app-server restarts in the import
 * map/reduce — and its report. Exit code 1 when a return was lost, made two RMAs, ended in a status
 * the README's table does not give without saying why, a refusal was not visible, or the run did not
 * settle.
 *
 *   npm run chaos:returns -- [--orders 1000] [--seed 1717]
 */
import { formatReturnsChaos, runReturnsChaos } from './returns-chaos-run';

function arg(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

async function main(): Promise<void> {
  const orders = arg('orders');
  const seed = arg('seed');
  const report = await runReturnsChaos({
    ...(orders !== undefined ? { orders } : {}),
    ...(seed !== undefined ? { seed } : {}),
    log: (line) => console.log(`[${new Date().toISOString()}] ${line}`),
  });
  console.log(formatReturnsChaos(report));
  const broken =
    report.lost.length +
    report.duplicates.length +
    report.wrongStatus.length +
    report.replacements.problems.length +
    report.answers.refusedInvisible.length +
    report.deadLetters +
    report.off.rmas +
    report.off.returnRecords;
  if (broken > 0 || !report.settled || !report.off.pageSaysOff) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
