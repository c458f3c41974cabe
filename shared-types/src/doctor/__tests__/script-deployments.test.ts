import { unreleasedDeployments } from '../script-deployments';

describe('unreleasedDeployments', () => {
  it('names each deployment that will not run and why; released, scheduled and not scheduled ones run', () => {
    expect(
      unreleasedDeployments([
        { scriptId: 'customdeploy_tts_rl_connector', status: 'RELEASED', deployed: true },
        { scriptId: 'customdeploy_tts_ss_inv_export_sched', status: 'SCHEDULED', deployed: true },
        { scriptId: 'customdeploy_tts_mr_import_orders', status: 'NOTSCHEDULED', deployed: true },
        { scriptId: 'customdeploy_tts_sl_home', status: 'TESTING', deployed: true },
        { scriptId: 'customdeploy_tts_ue_sales_order', status: 'RELEASED', deployed: false },
        { scriptId: 'customdeploy_tts_mr_order_updates', status: 'TESTING', deployed: false },
        { scriptId: 'customdeploy_tts_x', status: '', deployed: true },
        { scriptId: 'customdeploy_tts_mr_import_sched', status: 'NOTSCHEDULED', deployed: true },
        { scriptId: 'customdeploy_tts_mr_order_upd_sched', status: 'SCHEDULED', deployed: true },
      ]),
    ).toEqual([
      'customdeploy_tts_mr_import_sched: status Not Scheduled, so its schedule does not run',
      'customdeploy_tts_mr_order_updates: status Testing, not deployed',
      'customdeploy_tts_sl_home: status Testing',
      'customdeploy_tts_ue_sales_order: not deployed',
      'customdeploy_tts_x: status empty',
    ]);
    expect(unreleasedDeployments([])).toEqual([]);
  });
});
