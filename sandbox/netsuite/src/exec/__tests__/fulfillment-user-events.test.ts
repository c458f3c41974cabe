import path from 'node:path';
import { TestClock } from '../../../../../test/support/test-clock';
import { createInvocation, runInvocation } from '../../context';
import type { RecordModule } from '../../data/record/module';
import type { DemoAccount } from '../../demo-account';
import { seedDemoAccount } from '../../demo-account';
import { NetSuiteEmulator } from '../../emulator';
import { materializeFixture } from '../../../../../test/support/fixture-project';

/**
 * User event scripts deployed on item fulfillments: create (transform + save), edit (tracking number
 * and status changes), xedit (submitFields) and delete, each with its type, new and old record.
 */
const ROOT = materializeFixture(path.join(__dirname, 'fulfillment-fixture'));

interface Seen {
  stage: string;
  type: string;
  newRecord: { id: number | null; shipstatus: string; createdfrom: string; tracking: string[] } | 'absent';
  oldRecord: { id: number | null; shipstatus: string; createdfrom: string; tracking: string[] } | 'absent';
}

describe('user events on item fulfillments', () => {
  let ns: NetSuiteEmulator;
  let account: DemoAccount;
  let record: RecordModule;
  const run = <T>(fn: () => T): T =>
    runInvocation(
      createInvocation({
        kind: 'restlet',
        scriptId: 'customscript_test',
        deploymentId: 'customdeploy_test',
        scriptType: 'RESTLET',
        startedAt: new Date(),
      }),
      fn,
    );
  const seen = (): Seen[] =>
    ns.logs
      .filter((l) => l.scriptId === 'customscript_test_ue_if')
      .map((l) => ({ stage: l.title, ...(JSON.parse(String(l.details)) as Omit<Seen, 'stage'>) }));

  beforeEach(async () => {
    ns = await NetSuiteEmulator.start({ projectRoot: ROOT, clock: new TestClock('2026-01-15T12:00:00Z') });
    account = seedDemoAccount(ns.seed, { skus: ['SKU-A'], onHand: 10 });
    record = ns.modules['N/record'] as RecordModule;
  });
  afterEach(async () => {
    await ns.stop();
  });

  function salesOrder(): number {
    return run(() => {
      const so = record.create({ type: 'salesorder' });
      so.setValue({ fieldId: 'entity', value: account.customerId });
      so.setValue({ fieldId: 'paymentmethod', value: account.paymentMethodIds['Credit Card'] });
      so.setValue({ fieldId: 'location', value: account.locationIds.main });
      so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: account.itemIds['SKU-A'] });
      so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 2 });
      so.setSublistValue({ sublistId: 'item', fieldId: 'rate', line: 0, value: 10 });
      return so.save();
    });
  }

  it('runs on create, edit, xedit and delete with the type and the new and old records', () => {
    const so = String(salesOrder());
    const id = run(() => {
      const f = record.transform({ fromType: 'salesorder', fromId: so, toType: 'itemfulfillment' });
      f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: 'T1' });
      return f.save();
    });
    run(() => {
      const f = record.load({ type: 'itemfulfillment', id });
      f.setSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: 0, value: 'T2' });
      f.save();
    });
    run(() => record.submitFields({ type: 'itemfulfillment', id, values: { memo: 'corrected' } }));
    run(() => record.delete({ type: 'itemfulfillment', id }));
    const ifId = id;
    const shipped = (tracking: string[], rid: number | null = ifId) => ({
      id: rid,
      shipstatus: 'C',
      createdfrom: so,
      tracking,
    });
    expect(seen()).toEqual([
      { stage: 'beforeSubmit', type: 'create', newRecord: shipped(['T1'], null), oldRecord: 'absent' },
      { stage: 'afterSubmit', type: 'create', newRecord: shipped(['T1']), oldRecord: 'absent' },
      { stage: 'beforeSubmit', type: 'edit', newRecord: shipped(['T2']), oldRecord: shipped(['T1']) },
      { stage: 'afterSubmit', type: 'edit', newRecord: shipped(['T2']), oldRecord: shipped(['T1']) },
      {
        stage: 'beforeSubmit',
        type: 'xedit',
        newRecord: { id: ifId, shipstatus: null, createdfrom: null, tracking: [] },
        oldRecord: shipped(['T2']),
      },
      {
        stage: 'afterSubmit',
        type: 'xedit',
        newRecord: { id: ifId, shipstatus: null, createdfrom: null, tracking: [] },
        oldRecord: shipped(['T2']),
      },
      { stage: 'beforeSubmit', type: 'delete', newRecord: shipped(['T2']), oldRecord: shipped(['T2']) },
      { stage: 'afterSubmit', type: 'delete', newRecord: shipped(['T2']), oldRecord: shipped(['T2']) },
    ]);
  });
});
