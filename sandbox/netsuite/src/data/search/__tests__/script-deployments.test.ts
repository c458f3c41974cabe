import type { World } from '../../record/__tests__/harness';
import { createWorld, thrown } from '../../record/__tests__/harness';
import { ScriptRegistry } from '../../../exec/script-registry';
import type { SdfScriptDeployment } from '../../../../../../suiteapp/tools/sdf-model';
import type { SearchModule } from '../module';
import { createSearchModule } from '../module';
import { DeploymentSlot, withScriptDeployments } from '../script-deployments';

/**
 * The `scriptdeployment` search (records.json search type `scriptdeployment`: scriptid, title,
 * status, isdeployed, script, scripttype): the deployments the account holds, as an administrator
 * left them (ScriptRegistry.editDeployment), with NetSuite's status ids and labels.
 */
describe('N/search scriptdeployment', () => {
  let w: World;
  let search: SearchModule;
  let registry: ScriptRegistry;

  const deployment = (scriptid: string, status: string): SdfScriptDeployment => ({
    scriptid,
    title: scriptid,
    status,
    isdeployed: true,
    loglevel: 'ERROR',
    parameters: {},
  });

  beforeEach(() => {
    w = createWorld();
    registry = new ScriptRegistry([
      {
        scriptid: 'customscript_tts_rl_connector',
        objectType: 'restlet',
        deployments: [deployment('customdeploy_tts_rl_connector', 'RELEASED')],
      },
      {
        scriptid: 'customscript_tts_mr_import_orders',
        objectType: 'mapreducescript',
        deployments: [
          deployment('customdeploy_tts_mr_import_orders', 'NOTSCHEDULED'),
          deployment('customdeploy_tts_mr_import_sched', 'SCHEDULED'),
        ],
      },
      { scriptid: 'customscript_other', objectType: 'suitelet', deployments: [deployment('customdeploy_other', 'TESTING')] },
    ] as never);
    const slot = new DeploymentSlot();
    slot.install(() => registry.deploymentFacts());
    search = createSearchModule(withScriptDeployments(w.store, slot), { clock: w.clock });
  });

  const rows = () =>
    w.run(() =>
      search
        .create({
          type: 'scriptdeployment',
          filters: [['scriptid', 'startswith', 'customdeploy_tts_']],
          columns: ['scriptid', 'status', 'isdeployed', 'script', 'scripttype'],
        })
        .run()
        .getRange({ start: 0, end: 100 })
        .map((r) => ({
          scriptid: r.getValue('scriptid'),
          status: r.getValue('status'),
          statusText: r.getText('status'),
          isdeployed: r.getValue('isdeployed'),
          script: r.getText('script'),
          scripttype: r.getValue('scripttype'),
        })),
    ).result;

  it("lists the account's deployments with their status and Deployed box, and follows an administrator's edit", () => {
    expect(rows()).toEqual([
      {
        scriptid: 'customdeploy_tts_rl_connector',
        status: 'RELEASED',
        statusText: 'Released',
        isdeployed: true,
        script: 'customscript_tts_rl_connector',
        scripttype: 'RESTLET',
      },
      expect.objectContaining({ scriptid: 'customdeploy_tts_mr_import_orders', status: 'NOTSCHEDULED', scripttype: 'MAPREDUCE' }),
      expect.objectContaining({ scriptid: 'customdeploy_tts_mr_import_sched', status: 'SCHEDULED', statusText: 'Scheduled' }),
    ]);
    registry.editDeployment('customdeploy_tts_rl_connector', { status: 'TESTING' });
    registry.editDeployment('customdeploy_tts_mr_import_sched', { isdeployed: false });
    expect(rows().map((r) => [r.scriptid, r.statusText, r.isdeployed])).toEqual([
      ['customdeploy_tts_rl_connector', 'Testing', true],
      ['customdeploy_tts_mr_import_orders', 'Not Scheduled', true],
      ['customdeploy_tts_mr_import_sched', 'Scheduled', false],
    ]);
    expect(registry.findDeployment(registry.findScript('customscript_tts_rl_connector')!, '1')?.deployment.status).toBe('TESTING');
  });

  it('refuses a column the search type does not list, and an edit to a status NetSuite does not have', () => {
    const e = w.run(() =>
      thrown(() => search.create({ type: 'scriptdeployment', columns: ['subtotal'] }).run().getRange({ start: 0, end: 1 })),
    ).result;
    expect(e).toMatchObject({ name: 'SSS_INVALID_SRCH_COL' });
    expect(() => registry.editDeployment('customdeploy_tts_rl_connector', { status: 'LIVE' })).toThrow(
      /LIVE is not a deployment status; NetSuite's are RELEASED, TESTING, SCHEDULED, NOTSCHEDULED/,
    );
    expect(() => registry.editDeployment('customdeploy_nope', { status: 'RELEASED' })).toThrow(/No script deployment customdeploy_nope/);
  });
});
