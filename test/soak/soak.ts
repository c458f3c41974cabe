/**
 * `npm run soak`: the soak of issue #22 (soak-run.ts) — three bridges on one PostgreSQL behind a
 * round-robin balancer, the TikTok simulator and the NetSuite emulator, 70% order events / 20% order
 * updates / 10% other events at 50 webhooks/s for ten minutes, one instance SIGKILLed and restarted
 * every two minutes — and its report. Needs TEST_DATABASE_URL (`eval "$(bash .ci/start-postgres.sh)"`).
 * Exit code 1 when an order or update was lost or duplicated, the backlog did not drain, or a
 * checked instance's RSS grew past 1.1× its RSS at minute 2.
 *
 *   npm run soak -- [--duration 600] [--rate 50] [--kill-every 120] [--seed 2222] [--lease 15]
 */
import { formatSoak, runSoak, soakPassed } from './soak-run';

function arg(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

async function main(): Promise<void> {
  const seed = arg('seed');
  const lease = arg('lease');
  const warmup = arg('rss-warmup');
  const report = await runSoak({
    durationSeconds: arg('duration') ?? 600,
    rate: arg('rate') ?? 50,
    killEverySeconds: arg('kill-every') ?? 120,
    ...(seed !== undefined ? { seed } : {}),
    ...(lease !== undefined ? { leaseSeconds: lease } : {}),
    ...(warmup !== undefined ? { rssWarmupSeconds: warmup } : {}),
    log: (line) => console.log(`[${new Date().toISOString()}] ${line}`),
  });
  console.log(formatSoak(report));
  if (!soakPassed(report) || report.rssFailures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
