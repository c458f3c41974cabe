import { TestClock } from '../support/test-clock';
import type { MapReduceReport } from '../../sandbox/netsuite/src/exec/mapreduce/mr-types';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { IMPORT_DEPLOYMENT, IMPORT_SCRIPT, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { countCreates, editRecord, inboxFor, mapInvocations, runImport } from '../support/order-fidelity-kit';

/**
 * Issue #9: NetSuite runs separate deployments of the import at the same time (on demand,
 * continuation, every 15 minutes). Each run's map() claims the inbox record before working on it
 * (shared-types/src/inbox/import-claim.ts), so overlapping runs never process one order twice — counted
 * in sales order creates and in map governance, not only in the end state. A map/reduce that
 * re-submits its own running deployment is deferred by NetSuite (no task id, no error).
 */
const SCHEDULED_DEPLOYMENT = 'customdeploy_tts_mr_import_sched';
const CONTINUATION_DEPLOYMENT = 'customdeploy_tts_mr_import_next';

let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function orders(count: number, seed: number): TikTokOrder[] {
  return makeOrders({ count, seed, firstOrderId: 576461413038400000n + BigInt(seed) * 1000n });
}

/** How often each map output key (the import's result per order) was written, over runs. */
function results(reports: readonly MapReduceReport[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const report of reports) for (const { key } of report.output) out[key] = (out[key] ?? 0) + 1;
  return out;
}

const state = (orderId: string): unknown => inboxFor(world, orderId).fields.custrecord_tts_ord_state;

describe('overlapping import runs process each order once', () => {
  it('the scheduled run and the on-demand run, interleaved invocation by invocation, create each sales order once', async () => {
    const clock = new TestClock(new Date());
    world = await startConnectorAccount({ clock });
    const list = orders(30, 1);
    for (const r of await world.upsertOrders(list)) expect(r.status).toBe(200);
    expect(world.ns.queue.pending().map((t) => t.deploymentId)).toEqual([IMPORT_DEPLOYMENT]);

    clock.advance(15 * 60_000); // the every-15-minutes deployment is due as well
    const creates = countCreates(world, 'salesorder');
    const tick = await world.ns.tick({ interleave: 'round-robin' });
    const runs = [...tick.ran, ...tick.tasks]
      .filter((r) => r.scriptId === IMPORT_SCRIPT)
      .map((r) => r.mapReduce as MapReduceReport);
    expect(runs.map((r) => r.deploymentId).sort()).toEqual([IMPORT_DEPLOYMENT, SCHEDULED_DEPLOYMENT].sort());
    // Both runs read all 30 orders before either mapped one: they really overlapped.
    expect(runs.map((r) => r.inputCount)).toEqual([30, 30]);
    const firstMap = (r: MapReduceReport) =>
      world.ns.invocations.findIndex((i) => i.kind === 'mapreduce.map' && i.deploymentId === r.deploymentId);
    const lastInput = (r: MapReduceReport) =>
      world.ns.invocations.findIndex(
        (i) => i.kind === 'mapreduce.getInputData' && i.deploymentId === r.deploymentId,
      );
    expect(Math.max(...runs.map(lastInput))).toBeLessThan(Math.min(...runs.map(firstMap)));

    // Processed once: 30 creates, 30 imports; the other run's map of each order found it done.
    expect(creates.count).toBe(30);
    expect(results(runs)).toEqual({ imported: 30, 'not claimed: done': 30 });
    expect(world.ns.store.all('salesorder')).toHaveLength(30);
    for (const o of list) expect(state(o.id)).toBe('imported');
    // Governance: a map that leaves the order alone costs the claim's load (2 units), nothing else.
    const skipped = runs.flatMap((r) =>
      r.invocations.filter(
        (i) => i.stage === 'map' && r.output.some((o) => o.value === i.key && o.key === 'not claimed: done'),
      ),
    );
    expect(skipped).toHaveLength(30);
    expect(skipped.every((i) => i.units === 2)).toBe(true);
  });

  it('a run whose map died after claiming holds the order: the overlapping run leaves it, the restarted map finishes it', async () => {
    world = await startConnectorAccount();
    const list = orders(12, 2);
    // Two batches: the first queues the on-demand deployment, the second (it is queued) the continuation.
    for (const r of await world.upsertOrders(list.slice(0, 6))) expect(r.status).toBe(200);
    for (const r of await world.upsertOrders(list.slice(6))) expect(r.status).toBe(200);
    expect(world.ns.queue.pending().map((t) => t.deploymentId)).toEqual([
      IMPORT_DEPLOYMENT,
      CONTINUATION_DEPLOYMENT,
    ]);
    const creates = countCreates(world, 'salesorder');
    const tasks = await world.ns.runQueuedTasks({
      // The on-demand run's first map is killed right after its claim (load, save); NetSuite runs it
      // again later. Meanwhile the continuation run maps every order, the claimed one included.
      injectRestart: { stage: 'map', atInvocation: 1, afterCharges: 2 },
      interleave: (running) => {
        const main = running.findIndex((t) => t.deploymentId === IMPORT_DEPLOYMENT);
        const next = running.findIndex((t) => t.deploymentId === CONTINUATION_DEPLOYMENT);
        if (main < 0 || next < 0) return Math.max(main, next);
        const [m, c] = [running[main]!.steps, running[next]!.steps];
        // main getInputData, continuation getInputData, main's first map (killed), continuation to
        // its end, then main.
        return m === 0 ? main : c === 0 ? next : m === 1 ? main : next;
      },
    });
    const byDeployment = new Map(tasks.map((t) => [t.deploymentId, t.mapReduce as MapReduceReport]));
    const onDemand = byDeployment.get(IMPORT_DEPLOYMENT) as MapReduceReport;
    const continuation = byDeployment.get(CONTINUATION_DEPLOYMENT) as MapReduceReport;
    expect([onDemand.inputCount, continuation.inputCount]).toEqual([12, 12]);
    expect(onDemand.invocations.some((i) => i.error === 'SSS_APP_SERVER_RESTART')).toBe(true);
    expect(results([continuation])).toEqual({ imported: 11, 'not claimed: held': 1 });
    expect(results([onDemand])).toEqual({ imported: 1, 'not claimed: done': 11 });
    expect(creates.count).toBe(12);
    expect(world.ns.store.all('salesorder')).toHaveLength(12);
    for (const o of list) expect(state(o.id)).toBe('imported');
  });

  it('takes over an order whose run died (its claim expired), and leaves one whose claim is live', async () => {
    world = await startConnectorAccount();
    const [held, dead] = orders(2, 3);
    for (const r of await world.upsertOrders([held, dead])) expect(r.status).toBe(200);
    const nowUnix = Math.floor(Date.now() / 1000);
    editRecord(world, 'customrecord_tts_order', inboxFor(world, held.id).id, {
      custrecord_tts_ord_claim: 'customdeploy_tts_mr_import_next:1767229000:aaaaaa',
      custrecord_tts_ord_claim_until: nowUnix + 600,
    });
    editRecord(world, 'customrecord_tts_order', inboxFor(world, dead.id).id, {
      custrecord_tts_ord_claim: 'customdeploy_tts_mr_import_next:1767228000:bbbbbb',
      custrecord_tts_ord_claim_until: nowUnix - 1,
    });
    const [report] = await world.ns.runQueuedTasks();
    expect(mapInvocations(report?.mapReduce as MapReduceReport)).toBe(1);
    expect(state(dead.id)).toBe('imported');
    expect(state(held.id)).toBe('pending');
    expect(inboxFor(world, dead.id).fields.custrecord_tts_ord_claim ?? null).toBeNull();
    // Its claim runs out: the next run imports it.
    editRecord(world, 'customrecord_tts_order', inboxFor(world, held.id).id, {
      custrecord_tts_ord_claim_until: nowUnix - 1,
    });
    expect(mapInvocations(runImport(world))).toBe(1);
    expect(state(held.id)).toBe('imported');
    expect(world.ns.store.all('salesorder')).toHaveLength(2);
  });

  it('summarize re-submitting its own running deployment is deferred: no task id, no error, and the deferred run imports what was left', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_per_buyer: true });
    // Two orders of one new buyer: the run takes the first (it creates the customer) and leaves the
    // second for the next run, which summarize submits on its own deployment.
    const [first, second] = orders(2, 4);
    const sameBuyer = { ...second, user_id: first.user_id };
    for (const r of await world.upsertOrders([first, sameBuyer])) expect(r.status).toBe(200);
    const reports = await world.ns.runQueuedTasks();
    expect(reports.map((r) => [r.deploymentId, r.status])).toEqual([
      [IMPORT_DEPLOYMENT, 'COMPLETE'],
      [IMPORT_DEPLOYMENT, 'COMPLETE'],
    ]);
    expect(world.ns.queue.all().map((t) => t.deferred)).toEqual([false, true]);
    expect(state(first.id)).toBe('imported');
    expect(state(sameBuyer.id)).toBe('imported');
    const audits = world.ns.logs.filter((l) => String(l.title).startsWith('Order import'));
    expect(audits.some((l) => l.title === 'Order import deferred')).toBe(true);
    expect(audits.some((l) => String(l.details).includes('null'))).toBe(false);
    expect(world.ns.runMapReduce(IMPORT_SCRIPT, IMPORT_DEPLOYMENT).status).toBe('COMPLETE');
  });
});
