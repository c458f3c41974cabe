/**
 * The soak of issue #22 at CI size (soak-run.ts; `npm run soak` is the ten-minute run): three bridges
 * on one PostgreSQL behind the round-robin balancer, 20 webhooks/s of the 70 / 20 / 10 mix for 45 s,
 * one instance SIGKILLed and restarted every 15 s. Asserts what must hold at any size — 0 orders
 * lost, 0 duplicated, every address update on its sales order, every delivered webhook stored, no
 * dead job — never a time or a rate (those are printed by `npm run soak`). Needs TEST_DATABASE_URL.
 */
import { formatSoak, runSoak } from './soak-run';

it('soak at CI size: 0 lost, 0 duplicated, every update applied across SIGKILLs of three instances', async () => {
  const report = await runSoak({
    durationSeconds: 45,
    rate: 20,
    killEverySeconds: 15,
    seed: 2223,
    settleTimeoutMs: 300_000,
  });
  const summary = formatSoak(report);
  expect({ settled: report.settled, summary }).toEqual({ settled: true, summary });
  expect(report.kills).toBe(2);
  expect(report.orders).toBeGreaterThan(0);
  expect(report.updates).toBeGreaterThan(0);
  expect(report.productEdits).toBeGreaterThan(0);
  expect(report.lostOrders).toEqual([]);
  expect(report.duplicatedOrders).toEqual([]);
  expect(report.salesOrders).toBe(report.orders);
  expect(report.lostUpdates).toEqual([]);
  expect(report.deliveredNotStored).toBe(0);
  expect(report.deadJobs).toBe(0);
  expect(report.openJobs).toBe(0);
  // Every instance took webhooks.
  expect(report.answeredByInstance.every((n) => n > 0)).toBe(true);
}, 480_000);
