import { TestClock } from '../../../../../test/support/test-clock';
import { NetSuiteEmulator } from '../../emulator';
import { AUDIT, SHOP, UI_FIXTURE_ROOT, audits, callShopRestlet } from './ui-helpers';

describe('user event scripts', () => {
  let ns: NetSuiteEmulator;

  beforeEach(async () => {
    ns = await NetSuiteEmulator.start({
      projectRoot: UI_FIXTURE_ROOT,
      clock: new TestClock('2026-01-15T12:00:00Z'),
    });
  });

  afterEach(async () => {
    await ns.stop();
  });

  const shop = (id: unknown) => ns.store.get(SHOP, Number(id))?.fields;

  it('runs beforeSubmit before a RESTlet create (its changes are saved) and afterSubmit after it, each as its own invocation', async () => {
    const res = await callShopRestlet(ns, { action: 'create', name: 'Honeycomb', pmMap: '{"*": "5"}' });
    expect(res.status).toBe(200);
    const id = res.json.id;
    expect(shop(id)).toMatchObject({ custrecord_test_shop_state: 'checked', custrecord_test_shop_saves: 1 });
    expect(audits(ns)).toEqual([
      {
        event: 'create',
        context: 'RESTLET',
        record: String(id),
        // NetSuite passes no old record on create: the property is absent (undefined), never null.
        detail: {
          name: 'Honeycomb',
          oldName: null,
          scriptType: 'USEREVENT',
          remaining: 998,
          oldRecord: 'absent',
        },
      },
    ]);
    expect(ns.invocations.map((i) => [i.kind, i.scriptId, i.units])).toEqual([
      ['userevent', 'customscript_test_ue_shop', 0],
      ['userevent', 'customscript_test_ue_shop', 8],
      ['restlet', 'customscript_test_rl_shop', 6],
    ]);
  });

  it('aborts the save when beforeSubmit throws: the RESTlet answers 400 with that error and nothing is written', async () => {
    const refused = await callShopRestlet(ns, { action: 'create', name: 'Broken', pmMap: '{not json' });
    expect(refused.status).toBe(400);
    expect(refused.json.error?.code).toBe('TEST_INVALID_PM_MAP');
    expect(JSON.parse(refused.json.error?.message ?? '')).toMatchObject({
      name: 'TEST_INVALID_PM_MAP',
      message: 'Payment Method Map must be JSON such as {"*": "1"}; it is {not json',
      stack: [
        'createError(N/error)',
        expect.stringMatching(/^beforeSubmit\(\/SuiteApps\/com\.test\.ui\/ue_shop\.js:\d+\)$/),
        expect.stringMatching(/^post\(\/SuiteApps\/com\.test\.ui\/rl_shop\.js:\d+\)$/),
      ],
    });
    expect(ns.store.all(SHOP)).toHaveLength(0);
    expect(ns.store.all(AUDIT)).toHaveLength(0);

    const { json } = await callShopRestlet(ns, { action: 'create', name: 'Good', pmMap: '{}' });
    const edit = await callShopRestlet(ns, { action: 'edit', id: json.id, name: 'Changed', pmMap: 'nope' });
    const xedit = await callShopRestlet(ns, {
      action: 'xedit',
      id: json.id,
      values: { custrecord_test_shop_pm_map: '[' },
    });
    expect([edit.status, edit.json.error?.code, xedit.status, xedit.json.error?.code]).toEqual([
      400,
      'TEST_INVALID_PM_MAP',
      400,
      'TEST_INVALID_PM_MAP',
    ]);
    expect(shop(json.id)).toMatchObject({
      custrecord_test_shop_name: 'Good',
      custrecord_test_shop_pm_map: '{}',
    });
    expect(audits(ns).map((a) => a.event)).toEqual(['create']);
  });

  it('gives xedit only the submitted fields, edit and delete the read-only old record, and triggers nothing from saves inside a user event', async () => {
    const { json } = await callShopRestlet(ns, { action: 'create', name: 'Honeycomb' });
    await callShopRestlet(ns, {
      action: 'xedit',
      id: json.id,
      values: { custrecord_test_shop_state: 'paused' },
    });
    await callShopRestlet(ns, { action: 'edit', id: json.id, name: 'Renamed' });
    expect(shop(json.id)).toMatchObject({
      custrecord_test_shop_state: 'paused',
      custrecord_test_shop_saves: 3,
    });
    const poke = await callShopRestlet(ns, { action: 'edit', id: json.id, name: 'poke old record' });
    expect(poke.status).toBe(400);
    expect(poke.json.error?.code).toBe('SSS_INVALID_API_USAGE');
    expect(JSON.parse(poke.json.error?.message ?? '')).toMatchObject({
      name: 'SSS_INVALID_API_USAGE',
      message: 'setValue: context.oldRecord is read-only; it cannot be changed or saved.',
    });
    await callShopRestlet(ns, { action: 'delete', id: json.id });
    expect(shop(json.id)).toBeUndefined();
    expect(audits(ns).map((a) => [a.event, a.detail.name, a.detail.oldName, a.detail.oldRecord])).toEqual([
      ['create', 'Honeycomb', null, 'absent'],
      ['xedit', null, 'Honeycomb', 'object'],
      ['edit', 'Renamed', 'Honeycomb', 'object'],
      ['delete', 'Renamed', 'Renamed', 'object'],
    ]);
    // One audit per save the RESTlet made: the user event's own saves (the audit record and the
    // submitFields on the shop) ran no user event.
    expect(ns.invocations.filter((i) => i.kind === 'userevent')).toHaveLength(9);
  });

  it('puts a map() save refused by beforeSubmit into the map error iterator; task.submit picks free NOTSCHEDULED deployments and passes params', async () => {
    const payload = JSON.stringify([{ name: 'Alpha' }, { name: 'Beta', pmMap: '{' }]);
    const first = await callShopRestlet(ns, {
      action: 'queue',
      params: { custscript_test_payload: payload, custscript_test_batch: '7' },
    });
    const second = await callShopRestlet(ns, {
      action: 'queue',
      params: { custscript_test_payload: JSON.stringify([{ name: 'Gamma' }]) },
    });
    const third = await callShopRestlet(ns, { action: 'queue', params: {} });
    expect([first.json.deploymentId, second.json.deploymentId]).toEqual([
      'customdeploy_test_mr_shops_1',
      'customdeploy_test_mr_shops_2',
    ]);
    expect([third.status, third.json.error?.code]).toEqual([400, 'MAP_REDUCE_ALREADY_RUNNING']);

    const [a, b] = await ns.runQueuedTasks();
    expect(
      a?.mapReduce?.mapErrors.map((e) => [e.key, (JSON.parse(e.error) as { name: string }).name]),
    ).toEqual([['1', 'TEST_INVALID_PM_MAP']]);
    expect(b?.mapReduce?.mapErrors).toEqual([]);
    expect(ns.store.all(SHOP).map((r) => r.fields.custrecord_test_shop_name)).toEqual([
      'Alpha #7 (number)',
      'Gamma #1 (number)',
    ]);
    expect(audits(ns).map((x) => x.context)).toEqual(['MAPREDUCE', 'MAPREDUCE']);
    expect(ns.logs.filter((l) => l.level === 'ERROR').map((l) => [l.title, l.details])).toEqual([
      ['shop 1 failed', 'TEST_INVALID_PM_MAP'],
    ]);
  });

  it('runs a deployment only in the execution contexts it lists, and a TESTING one only for the script owner', async () => {
    const customer = ns.seed.customer({ companyname: 'Buyer' });
    const paymentmethod = ns.seed.paymentMethod('Card');
    const location = ns.seed.location('Main');
    const item = ns.seed.inventoryItem({ itemid: 'SKU-1', quantities: { [location]: 5 } });
    const viaRestlet = await callShopRestlet(ns, {
      action: 'order',
      fields: { entity: customer, paymentmethod, location },
      lines: [{ item, quantity: 1, rate: 3 }],
    });
    expect(viaRestlet.status).toBe(200);
    expect(ns.store.get('salesorder', Number(viaRestlet.json.id))?.fields.memo ?? null).toBeNull();
    // The RESTlet runs as the integration user, not the owner: the TESTING deployment stays out.
    expect(ns.invocations.filter((i) => i.scriptId === 'customscript_test_ue_so')).toEqual([]);

    const so = ns.seed.ui.create({ type: 'salesorder' });
    so.setValue({ fieldId: 'entity', value: customer });
    so.setValue({ fieldId: 'paymentmethod', value: paymentmethod });
    so.setValue({ fieldId: 'location', value: location });
    so.setSublistValue({ sublistId: 'item', fieldId: 'item', line: 0, value: item });
    so.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line: 0, value: 1 });
    const id = so.save();
    expect(ns.store.get('salesorder', id)?.fields.memo).toBe('checked in USERINTERFACE');
    // The administrator saving in the UI owns the scripts: the TESTING deployment runs for them.
    expect(ns.owner.name).toBe('Administrator');
    expect(
      ns.invocations.filter((i) => i.scriptId === 'customscript_test_ue_so').map((i) => i.deploymentId),
    ).toEqual(['customdeploy_test_ue_so', 'customdeploy_test_ue_so_testing']);
  });

  it('lets seed.service save without user events, while seed.ui refuses what an admin could not save', () => {
    const id = ns.seed.record(SHOP, {
      custrecord_test_shop_name: 'Seeded',
      custrecord_test_shop_pm_map: 'not json',
    });
    expect(shop(id)?.custrecord_test_shop_pm_map).toBe('not json');
    expect(shop(id)?.custrecord_test_shop_state ?? null).toBeNull();
    expect(ns.store.all(AUDIT)).toHaveLength(0);

    const rec = ns.seed.ui.load({ type: SHOP, id });
    rec.setValue({ fieldId: 'custrecord_test_shop_pm_map', value: '{"*": ' });
    expect(() => rec.save()).toThrow(expect.objectContaining({ name: 'TEST_INVALID_PM_MAP' }));
    expect(() =>
      ns.seed.ui.submitFields({ type: SHOP, id, values: { custrecord_test_shop_pm_map: 'still bad' } }),
    ).toThrow(expect.objectContaining({ name: 'TEST_INVALID_PM_MAP' }));
    expect(shop(id)?.custrecord_test_shop_pm_map).toBe('not json');

    ns.seed.ui.submitFields({ type: SHOP, id, values: { custrecord_test_shop_pm_map: '{"*": "2"}' } });
    expect(audits(ns).map((a) => [a.event, a.context])).toEqual([['xedit', 'USERINTERFACE']]);
    expect(ns.invocations.map((i) => i.kind)).toEqual(['userevent', 'userevent', 'userevent', 'userevent']);
  });
});
