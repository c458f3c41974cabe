import type { MapReduceReport } from '../../sandbox/netsuite/src/exec/mapreduce/mr-types';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { IMPORT_DEPLOYMENT, startConnectorAccount } from '../support/connector-account';
import {
  countNewSaves,
  customersOf,
  failInboxWritesAfterSave,
  salesOrdersOf,
} from '../support/import-faults';
import { makeOrders } from '../support/tiktok-order-builder';
import { editRecord, failSaves, inboxFor, runImport } from '../support/order-fidelity-kit';

/**
 * Issue #23, survivors 1 and 5: a TikTok order is one sales order, and a TikTok buyer one customer,
 * when NetSuite fails right after the save and the import tries again — NetSuite's re-run of the map,
 * the next run after the retry time, or another run taking the order over. Counted by externalid and
 * by what a second record made under another externalid would still share (PO #, e-mail), so a
 * duplicate cannot hide behind a different externalid.
 */
const CONTINUATION_DEPLOYMENT = 'customdeploy_tts_mr_import_next';

let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function orders(count: number, seed: number): TikTokOrder[] {
  return makeOrders({ count, seed, firstOrderId: 576461413038200000n + BigInt(seed) * 100n });
}

const nowUnix = (): number => Math.floor(Date.now() / 1000);
const inbox = (orderId: string) => inboxFor(world, orderId).fields;

function results(report: MapReduceReport | null | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { key } of report?.output ?? []) out[key] = (out[key] ?? 0) + 1;
  return out;
}

function expectOneSalesOrder(orderId: string): void {
  const found = salesOrdersOf(world, orderId);
  expect(found.byPoNumber.map((so) => so.id)).toEqual(found.byExternalId.map((so) => so.id));
  expect(found.byExternalId).toHaveLength(1);
  expect(inbox(orderId).custrecord_tts_ord_state).toBe('imported');
  expect(inbox(orderId).custrecord_tts_ord_sales_order).toBe(String(found.byExternalId[0]!.id));
}

async function store(list: TikTokOrder[]): Promise<void> {
  for (const r of await world.upsertOrders(list)) expect(r.status).toBe(200);
}

describe('survivor 1: a transient failure after the sales order is saved never makes a second one', () => {
  it('NetSuite re-runs the map after the inbox writes failed: the re-run links the saved sales order', async () => {
    world = await startConnectorAccount();
    const [order] = orders(1, 1);
    await store([order]);
    // The outcome write and the error write that follows it both fail: the map invocation fails.
    const fault = failInboxWritesAfterSave(world, 'salesorder', { times: 2 });
    const saves = countNewSaves(world, 'salesorder');
    const [task] = await world.ns.runQueuedTasks();
    const report = task?.mapReduce;
    expect(fault.failed).toBe(2);
    expectOneSalesOrder(order.id);
    expect(saves).toEqual({ saved: 1, duplicates: 0 });
    expect(report?.mapKeys.map((k) => [k.executionCount, k.completionState])).toEqual([[2, 'COMPLETE']]);
    expect(results(report)).toEqual({ linked: 1 });
  });

  it('one failed inbox write: the error links the sales order, and the automatic retry finishes it without a create', async () => {
    world = await startConnectorAccount();
    const [order] = orders(1, 2);
    await store([order]);
    const fault = failInboxWritesAfterSave(world, 'salesorder', { times: 1 });
    await world.ns.runQueuedTasks();
    expect(fault.failed).toBe(1);
    const so = salesOrdersOf(world, order.id).byExternalId[0];
    expect(inbox(order.id).custrecord_tts_ord_state).toBe('error');
    expect(inbox(order.id).custrecord_tts_ord_sales_order).toBe(String(so?.id));
    expect(String(inbox(order.id).custrecord_tts_ord_error)).toContain('retried automatically');

    editRecord(world, 'customrecord_tts_order', inboxFor(world, order.id).id, {
      custrecord_tts_ord_retry_at: nowUnix() - 1,
    });
    const saves = countNewSaves(world, 'salesorder');
    const report = runImport(world);
    expectOneSalesOrder(order.id);
    expect(saves).toEqual({ saved: 0, duplicates: 0 });
    expect(results(report)).toEqual({ linked: 1 });
  });

  it('a run that read the order before the save and takes it over after the claim ran out meets DUP_RCRD and links the saved sales order', async () => {
    world = await startConnectorAccount();
    const [first, second] = orders(2, 3);
    // Two batches: the first queues the on-demand deployment, the second the continuation; both
    // runs read both orders in getInputData, before either saves anything.
    await store([first]);
    await store([second]);
    const fault = failInboxWritesAfterSave(world, 'salesorder', { times: 2 });
    const saves = countNewSaves(world, 'salesorder');
    let claimRanOut = false;
    const tasks = await world.ns.runQueuedTasks({
      interleave: (running) => {
        const main = running.findIndex((t) => t.deploymentId === IMPORT_DEPLOYMENT);
        const next = running.findIndex((t) => t.deploymentId === CONTINUATION_DEPLOYMENT);
        if (main < 0 || next < 0) return Math.max(main, next);
        const [m, c] = [running[main]!.steps, running[next]!.steps];
        // main getInputData, continuation getInputData, main's map of the first order (saves the
        // sales order; both inbox writes fail, the invocation fails) ...
        if (m === 0) return main;
        if (c === 0) return next;
        if (m === 1) return main;
        // ... then main's re-run of that map waits behind other work long enough for its claim to
        // run out (15 minutes), and the continuation run takes the order over.
        if (!claimRanOut) {
          editRecord(world, 'customrecord_tts_order', inboxFor(world, first.id).id, {
            custrecord_tts_ord_claim_until: nowUnix() - 1,
          });
          claimRanOut = true;
        }
        return next;
      },
    });
    const byDeployment = new Map(tasks.map((t) => [t.deploymentId, t.mapReduce]));
    expect(fault.failed).toBe(2);
    expectOneSalesOrder(first.id);
    expectOneSalesOrder(second.id);
    expect(world.ns.store.all('salesorder')).toHaveLength(2);
    // The continuation's create of the first order was refused (its externalid exists) and linked.
    expect(saves).toEqual({ saved: 2, duplicates: 1 });
    expect(results(byDeployment.get(CONTINUATION_DEPLOYMENT))).toEqual({ linked: 1, imported: 1 });
    expect(results(byDeployment.get(IMPORT_DEPLOYMENT))).toEqual({ 'not claimed: done': 2 });
  });
});

describe('survivor 5: a transient failure after the buyer customer is saved never makes a second one', () => {
  function buyerOf(order: TikTokOrder): { userId: string; email: string } {
    return { userId: order.user_id, email: String(order.buyer_email) };
  }

  function expectOneCustomer(order: TikTokOrder): void {
    const found = customersOf(world, buyerOf(order));
    expect(found.byEmail.map((c) => c.id)).toEqual(found.byExternalId.map((c) => c.id));
    expect(found.byExternalId).toHaveLength(1);
    const so = salesOrdersOf(world, order.id).byExternalId[0];
    expect(so?.fields.entity).toBe(String(found.byExternalId[0]!.id));
  }

  it("an app-server restart right after the customer's save: the re-run map meets DUP_RCRD and uses that customer", async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_per_buyer: true });
    const [order] = orders(1, 4);
    await store([order]);
    const customerSaves = countNewSaves(world, 'customer');
    const [task] = await world.ns.runQueuedTasks({
      // claim load and save, customer create and save go through; the sales order's create is cut.
      injectRestart: { stage: 'map', atInvocation: 1, afterCharges: 4 },
    });
    const report = task?.mapReduce;
    expect(report?.invocations.some((i) => i.error === 'SSS_APP_SERVER_RESTART')).toBe(true);
    expectOneCustomer(order);
    expectOneSalesOrder(order.id);
    expect(customerSaves).toEqual({ saved: 1, duplicates: 1 });
    expect(results(report)).toEqual({ imported: 1 });
  });

  it('a temporary failure of the sales order save after the customer was saved: the automatic retry uses that customer', async () => {
    world = await startConnectorAccount({}, { custrecord_tts_shop_per_buyer: true });
    const [order] = orders(1, 5);
    failSaves(world, 'salesorder', 'UNEXPECTED_ERROR', 'An unexpected error occurred.');
    await store([order]);
    await world.ns.runQueuedTasks();
    expect(inbox(order.id).custrecord_tts_ord_state).toBe('error');
    expect(customersOf(world, buyerOf(order)).byExternalId).toHaveLength(1);

    editRecord(world, 'customrecord_tts_order', inboxFor(world, order.id).id, {
      custrecord_tts_ord_retry_at: nowUnix() - 1,
    });
    const customerSaves = countNewSaves(world, 'customer');
    const report = runImport(world);
    expectOneCustomer(order);
    expectOneSalesOrder(order.id);
    expect(customerSaves).toEqual({ saved: 0, duplicates: 0 });
    expect(results(report)).toEqual({ imported: 1 });
  });
});
