import { loadSdfProject } from '../sdf-project';
import { PROJECT_ROOT } from './sdf-fixtures';

/** The objects of "Pull order updates from NetSuite" as docs/contracts.md names them. */
describe('outbox objects in suiteapp/src', () => {
  const project = loadSdfProject(PROJECT_ROOT);

  test('has the outbox record with its fields, optimistic locking on', () => {
    const outbox = project.customRecords.find((record) => record.scriptid === 'customrecord_tts_outbox');
    expect(outbox?.enableoptimisticlocking).toBe(true);
    const fields = Object.fromEntries(
      (outbox?.fields ?? []).map((field) => [
        field.scriptid,
        [field.fieldtype, field.mandatory, field.selectrecordtype],
      ]),
    );
    expect(fields).toEqual({
      custrecord_tts_out_shop: ['SELECT', true, 'customrecord_tts_shop'],
      custrecord_tts_out_kind: ['TEXT', true, undefined],
      custrecord_tts_out_order_id: ['TEXT', true, undefined],
      custrecord_tts_out_sales_order: ['SELECT', false, '-30'],
      custrecord_tts_out_fulfillment: ['SELECT', false, '-30'],
      custrecord_tts_out_payload: ['CLOBTEXT', false, undefined],
      custrecord_tts_out_state: ['TEXT', false, undefined],
      custrecord_tts_out_attempts: ['INTEGER', false, undefined],
      custrecord_tts_out_message: ['TEXTAREA', false, undefined],
    });
  });

  test('deploys the sales order user event on SALESORDER in every context', () => {
    const script = project.scripts.find(
      (candidate) => candidate.scriptid === 'customscript_tts_ue_sales_order',
    );
    expect(script).toMatchObject({
      objectType: 'usereventscript',
      scriptfile: '/SuiteApps/com.opentts.connector/ue_sales_order.js',
    });
    expect(script?.deployments).toEqual([
      expect.objectContaining({
        scriptid: 'customdeploy_tts_ue_sales_order',
        status: 'RELEASED',
        recordtype: 'SALESORDER',
        isdeployed: true,
      }),
    ]);
    expect(script?.deployments[0]?.executioncontext).toBeUndefined();
  });

  test('deploys the fulfillment capture user event on ITEMFULFILLMENT in every context', () => {
    const script = project.scripts.find(
      (candidate) => candidate.scriptid === 'customscript_tts_ue_item_fulfillment',
    );
    expect(script).toMatchObject({
      objectType: 'usereventscript',
      scriptfile: '/SuiteApps/com.opentts.connector/ue_item_fulfillment.js',
    });
    expect(script?.deployments).toEqual([
      expect.objectContaining({
        scriptid: 'customdeploy_tts_ue_item_fulfillment',
        status: 'RELEASED',
        recordtype: 'ITEMFULFILLMENT',
        isdeployed: true,
      }),
    ]);
    expect(script?.deployments[0]?.executioncontext).toBeUndefined();
  });
});
