import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SdfField } from '../sdf-model';
import { SdfProjectError, loadSdfProject } from '../sdf-project';
import { SdfXmlError } from '../sdf-xml';
import { SCHEDULED_DEPLOYMENT_IDS } from '../../../shared-types/src/doctor/script-deployments';
import { PROJECT_ROOT, copyFixture, makeTempDir, removeTempDirs } from './sdf-fixtures';

afterAll(removeTempDirs);

type Expected = [
  id: string,
  type: string,
  extra?: { mandatory?: boolean; default?: boolean; select?: string },
];

/** docs/contracts.md, field by field. */
const SHOP_FIELDS: Expected[] = [
  ['custrecord_tts_shop_id', 'TEXT', { mandatory: true }],
  ['custrecord_tts_shop_name', 'TEXT'],
  ['custrecord_tts_shop_region', 'TEXT'],
  ['custrecord_tts_shop_seller_type', 'TEXT'],
  ['custrecord_tts_shop_state', 'TEXT'],
  ['custrecord_tts_shop_currency', 'TEXT'],
  ['custrecord_tts_shop_push_orders', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_pull_order_upd', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_allow_cancel', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_push_shipments', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_pull_fulfill', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_pull_inventory', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_pull_locations', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_push_inv_tts', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_push_ful_tts', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_push_returns', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_answer_returns', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_push_refunds', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_pm_map', 'TEXTAREA'],
  ['custrecord_tts_shop_carrier_map', 'TEXTAREA'],
  ['custrecord_tts_shop_send_packed', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_loc_filter', 'MULTISELECT', { select: '-103' }],
  ['custrecord_tts_shop_per_buyer', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_customer', 'SELECT', { select: '-2' }],
  ['custrecord_tts_shop_subsidiary', 'SELECT', { select: '-117' }],
  ['custrecord_tts_shop_location', 'SELECT', { select: '-103' }],
  ['custrecord_tts_shop_department', 'SELECT', { select: '-102' }],
  ['custrecord_tts_shop_class', 'SELECT', { select: '-101' }],
  ['custrecord_tts_shop_ship_item', 'SELECT', { select: '-10' }],
  ['custrecord_tts_shop_tax_item', 'SELECT', { select: '-10' }],
  ['custrecord_tts_shop_fee_item', 'SELECT', { select: '-10' }],
  ['custrecord_tts_shop_bundle_kit', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_tax_remitter', 'TEXT'],
  ['custrecord_tts_shop_tax_code', 'SELECT', { select: '-10' }],
  ['custrecord_tts_shop_catalog_ns', 'SELECT', { select: 'customlist_tts_catalog_ns' }],
  ['custrecord_tts_shop_catalog_tts', 'SELECT', { select: 'customlist_tts_catalog_tts' }],
  ['custrecord_tts_shop_catalog_item', 'SELECT', { select: 'customlist_tts_item_type' }],
  ['custrecord_tts_shop_catalog_confirm', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_catalog_state', 'TEXTAREA'],
  ['custrecord_tts_shop_force_catalog', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_force_inv', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_push_inv_now', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_inv_buffer', 'INTEGER'],
  ['custrecord_tts_shop_inv_onorder', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_inv_intransit', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_inv_buffer_pct', 'INTEGER'],
  ['custrecord_tts_shop_inv_asm_build', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_inv_inactive0', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_label_when', 'TEXT'],
  ['custrecord_tts_shop_handover', 'TEXT'],
  ['custrecord_tts_shop_pickup_hour', 'INTEGER'],
  ['custrecord_tts_shop_label_size', 'TEXT'],
  ['custrecord_tts_shop_test_mode', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_test_order', 'TEXT'],
  ['custrecord_tts_shop_paused_reason', 'TEXTAREA'],
  ['custrecord_tts_shop_form', 'INTEGER'],
  ['custrecord_tts_shop_order_status', 'TEXT'],
  ['custrecord_tts_shop_disc_lines', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_seller_disc_item', 'SELECT', { select: '-10' }],
  ['custrecord_tts_shop_plat_disc_item', 'SELECT', { select: '-10' }],
  ['custrecord_tts_shop_import_samples', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_import_fbt', 'CHECKBOX', { default: true }],
  ['custrecord_tts_shop_fbt_location', 'SELECT', { select: '-103' }],
  ['custrecord_tts_shop_handling_days', 'INTEGER'],
  ['custrecord_tts_shop_time_zone', 'TEXT'],
  ['custrecord_tts_shop_company_tz', 'CHECKBOX', { default: false }],
  ['custrecord_tts_shop_matrix_opts', 'TEXTAREA'],
  ['custrecord_tts_shop_push_block', 'TEXTAREA'],
  ['custrecord_tts_shop_push_search', 'TEXT'],
  ['custrecord_tts_shop_price_level', 'TEXT'],
  ['custrecord_tts_shop_notify', 'TEXTAREA'],
];

const CATEGORY_MAP_FIELDS: Expected[] = [
  ['custrecord_tts_cm_class', 'SELECT', { select: '-101' }],
  ['custrecord_tts_cm_category', 'TEXT', { mandatory: true }],
  ['custrecord_tts_cm_attrs', 'TEXTAREA'],
];

const ORDER_FIELDS: Expected[] = [
  ['custrecord_tts_ord_shop', 'SELECT', { mandatory: true, select: 'customrecord_tts_shop' }],
  ['custrecord_tts_ord_order_id', 'TEXT', { mandatory: true }],
  ['custrecord_tts_ord_status', 'TEXT'],
  ['custrecord_tts_ord_update_time', 'INTEGER'],
  ['custrecord_tts_ord_payload', 'CLOBTEXT'],
  ['custrecord_tts_ord_state', 'TEXT'],
  ['custrecord_tts_ord_sales_order', 'SELECT', { select: '-30' }],
  ['custrecord_tts_ord_error', 'TEXTAREA'],
  ['custrecord_tts_ord_attempts', 'INTEGER'],
  ['custrecord_tts_ord_retry_at', 'INTEGER'],
  ['custrecord_tts_ord_update_pending', 'CHECKBOX', { default: false }],
  ['custrecord_tts_ord_claim', 'TEXT'],
  ['custrecord_tts_ord_claim_until', 'INTEGER'],
];

const WAREHOUSE_FIELDS: Expected[] = [
  ['custrecord_tts_wh_shop', 'SELECT', { mandatory: true, select: 'customrecord_tts_shop' }],
  ['custrecord_tts_wh_id', 'TEXT'],
  ['custrecord_tts_wh_name', 'TEXT'],
  ['custrecord_tts_wh_type', 'TEXT'],
  ['custrecord_tts_wh_default', 'CHECKBOX', { default: false }],
  ['custrecord_tts_wh_location', 'SELECT', { select: '-103' }],
  ['custrecord_tts_wh_locations', 'MULTISELECT', { select: '-103' }],
  ['custrecord_tts_wh_status', 'TEXT'],
  ['custrecord_tts_wh_suggest', 'TEXTAREA'],
];

const LOG_FIELDS: Expected[] = [
  ['custrecord_tts_log_shop', 'SELECT', { select: 'customrecord_tts_shop' }],
  ['custrecord_tts_log_level', 'TEXT'],
  ['custrecord_tts_log_flow', 'TEXT'],
  ['custrecord_tts_log_message', 'TEXTAREA'],
  ['custrecord_tts_log_record_type', 'TEXT'],
  ['custrecord_tts_log_record_id', 'TEXT'],
  ['custrecord_tts_log_tiktok_id', 'TEXT'],
];

const BRIDGE_STATUS_FIELDS: Expected[] = [
  ['custrecord_tts_bs_shop', 'SELECT', { select: 'customrecord_tts_shop' }],
  ['custrecord_tts_bs_received', 'TEXT'],
  ['custrecord_tts_bs_bridge_url', 'TEXT'],
  ['custrecord_tts_bs_facts', 'CLOBTEXT'],
  ['custrecord_tts_bs_ns_error', 'TEXTAREA'],
];

function expectFields(fields: SdfField[], expected: Expected[]): void {
  expect(fields.map((field) => field.scriptid).sort()).toEqual(expected.map(([id]) => id).sort());
  for (const [id, type, extra = {}] of expected) {
    const field = fields.find((candidate) => candidate.scriptid === id);
    expect({ id, type: field?.fieldtype }).toEqual({ id, type });
    expect({ id, mandatory: field?.mandatory }).toEqual({ id, mandatory: extra.mandatory ?? false });
    expect({ id, select: field?.selectrecordtype }).toEqual({ id, select: extra.select });
    if (type === 'CHECKBOX')
      expect({ id, default: field?.defaultchecked }).toEqual({ id, default: extra.default });
    expect(field?.label.length).toBeGreaterThan(0);
  }
}

describe('loadSdfProject on suiteapp/src', () => {
  const project = loadSdfProject(PROJECT_ROOT);

  test('reads the manifest and deploy.xml', () => {
    expect(project.manifest).toMatchObject({
      projecttype: 'SUITEAPP',
      publisherid: 'com.opentts',
      projectid: 'connector',
      projectversion: '0.1.0',
    });
    expect(project.appId).toBe('com.opentts.connector');
    expect(project.manifest.features).toEqual(
      expect.arrayContaining([
        { name: 'SERVERSIDESCRIPTING', required: true },
        { name: 'CUSTOMRECORDS', required: true },
        { name: 'LOCATIONS', required: false },
        { name: 'SUBSIDIARIES', required: false },
      ]),
    );
    expect(project.deploy).toEqual({
      files: ['~/FileCabinet/SuiteApps/com.opentts.connector/*'],
      objects: ['~/Objects/*'],
    });
  });

  test('has the three custom records with exactly the fields of docs/contracts.md', () => {
    const record = (id: string) => project.customRecords.find((candidate) => candidate.scriptid === id);
    expect(project.customRecords.map((candidate) => candidate.scriptid).sort()).toEqual([
      'customrecord_tts_bridge_status',
      'customrecord_tts_cat_map',
      'customrecord_tts_log',
      'customrecord_tts_order',
      'customrecord_tts_outbox',
      'customrecord_tts_refund',
      'customrecord_tts_return',
      'customrecord_tts_shop',
      'customrecord_tts_warehouse',
    ]);
    expect(record('customrecord_tts_shop')?.enableoptimisticlocking).toBe(true);
    expect(record('customrecord_tts_order')?.enableoptimisticlocking).toBe(true);
    expectFields(record('customrecord_tts_shop')?.fields ?? [], SHOP_FIELDS);
    expectFields(record('customrecord_tts_order')?.fields ?? [], ORDER_FIELDS);
    expectFields(record('customrecord_tts_log')?.fields ?? [], LOG_FIELDS);
    expectFields(record('customrecord_tts_warehouse')?.fields ?? [], WAREHOUSE_FIELDS);
    expectFields(record('customrecord_tts_bridge_status')?.fields ?? [], BRIDGE_STATUS_FIELDS);
    expectFields(record('customrecord_tts_cat_map')?.fields ?? [], CATEGORY_MAP_FIELDS);
    expect(record('customrecord_tts_shop')?.file).toBe('Objects/customrecord_tts_shop.xml');
  });

  test('has the standalone body, column and item fields', () => {
    const summary = project.standaloneFields.map((field) => ({
      id: field.scriptid,
      kind: field.kind,
      type: field.fieldtype,
      select: field.selectrecordtype,
      appliesTo: field.appliesTo,
    }));
    expect(summary).toEqual([
      {
        id: 'custbody_tts_cancel_reason',
        kind: 'transactionbodycustomfield',
        type: 'SELECT',
        select: 'customlist_tts_cancel_reason',
        appliesTo: ['sale'],
      },
      ...(
        [
          ['custbody_tts_cancel_req_answer', 'SELECT', 'customlist_tts_cancel_answer'],
          ['custbody_tts_cancel_req_due', 'DATETIMETZ', undefined],
          ['custbody_tts_cancel_req_id', 'TEXT', undefined],
          ['custbody_tts_cancel_req_reason', 'TEXT', undefined],
          ['custbody_tts_cancel_req_reject', 'SELECT', 'customlist_tts_cancel_rej_reason'],
          ['custbody_tts_cancel_req_time', 'DATETIMETZ', undefined],
        ] as const
      ).map(([id, type, select]) => ({
        id,
        kind: 'transactionbodycustomfield',
        type,
        select,
        appliesTo: ['sale'],
      })),
      {
        id: 'custbody_tts_fbt',
        kind: 'transactionbodycustomfield',
        type: 'CHECKBOX',
        select: undefined,
        appliesTo: ['sale'],
      },
      ...(
        [
          ['custbody_tts_label_file', 'DOCUMENT'],
          ['custbody_tts_label_tracking', 'TEXT'],
        ] as const
      ).map(([id, type]) => ({
        id,
        kind: 'transactionbodycustomfield',
        type,
        select: undefined,
        appliesTo: ['sale', 'itemfulfillment'],
      })),
      {
        id: 'custbody_tts_order_id',
        kind: 'transactionbodycustomfield',
        type: 'TEXT',
        select: undefined,
        appliesTo: ['sale'],
      },
      {
        id: 'custbody_tts_package_id',
        kind: 'transactionbodycustomfield',
        type: 'TEXT',
        select: undefined,
        appliesTo: ['itemfulfillment'],
      },
      {
        id: 'custbody_tts_replaced_order',
        kind: 'transactionbodycustomfield',
        type: 'TEXT',
        select: undefined,
        appliesTo: ['sale'],
      },
      {
        id: 'custbody_tts_replaced_so',
        kind: 'transactionbodycustomfield',
        type: 'SELECT',
        select: '-30',
        appliesTo: ['sale'],
      },
      ...(
        [
          ['custbody_tts_replacement_so', 'SELECT', '-30'],
          ['custbody_tts_return_due', 'DATETIMETZ', undefined],
          ['custbody_tts_return_id', 'TEXT', undefined],
          ['custbody_tts_return_reject', 'SELECT', 'customlist_tts_return_rej_reason'],
          ['custbody_tts_return_status', 'TEXT', undefined],
        ] as const
      ).map(([id, type, select]) => ({
        id,
        kind: 'transactionbodycustomfield',
        type,
        select,
        appliesTo: ['sale'],
      })),
      {
        id: 'custbody_tts_sample',
        kind: 'transactionbodycustomfield',
        type: 'CHECKBOX',
        select: undefined,
        appliesTo: ['sale'],
      },
      {
        id: 'custbody_tts_ship_by',
        kind: 'transactionbodycustomfield',
        type: 'DATETIMETZ',
        select: undefined,
        appliesTo: ['sale'],
      },
      {
        id: 'custbody_tts_shop',
        kind: 'transactionbodycustomfield',
        type: 'SELECT',
        select: 'customrecord_tts_shop',
        appliesTo: ['sale'],
      },
      {
        id: 'custbody_tts_tax',
        kind: 'transactionbodycustomfield',
        type: 'CURRENCY',
        select: undefined,
        appliesTo: ['sale'],
      },
      {
        id: 'custbody_tts_tax_variance',
        kind: 'transactionbodycustomfield',
        type: 'CURRENCY',
        select: undefined,
        appliesTo: ['sale'],
      },
      {
        id: 'custbody_tts_tieout',
        kind: 'transactionbodycustomfield',
        type: 'CHECKBOX',
        select: undefined,
        appliesTo: ['sale'],
      },
      {
        id: 'custbody_tts_tiktok_ship',
        kind: 'transactionbodycustomfield',
        type: 'CHECKBOX',
        select: undefined,
        appliesTo: ['sale'],
      },
      {
        id: 'custcol_tts_line_ids',
        kind: 'transactioncolumncustomfield',
        type: 'TEXTAREA',
        select: undefined,
        appliesTo: ['sale'],
      },
      ...(
        [
          ['custitem_tts_audit', 'TEXT'],
          ['custitem_tts_brand', 'TEXT'],
          ['custitem_tts_category', 'TEXT'],
        ] as const
      ).map(([id, type]) => ({
        id,
        kind: 'itemcustomfield',
        type,
        select: undefined,
        appliesTo: ['inventory', 'kit'],
      })),
      ...(
        [
          ['custitem_tts_inv_buffer', 'TEXT'],
          ['custitem_tts_inv_discontinued', 'CHECKBOX'],
          ['custitem_tts_no_inv_sync', 'CHECKBOX'],
        ] as const
      ).map(([id, type]) => ({
        id,
        kind: 'itemcustomfield',
        type,
        select: undefined,
        appliesTo: ['inventory', 'kit', 'group', 'itemassembly'],
      })),
      ...(
        [
          ['custitem_tts_pkg_dims', 'TEXT'],
          ['custitem_tts_price', 'CURRENCY'],
        ] as const
      ).map(([id, type]) => ({
        id,
        kind: 'itemcustomfield',
        type,
        select: undefined,
        appliesTo: ['inventory', 'kit'],
      })),
      {
        id: 'custitem_tts_product_id',
        kind: 'itemcustomfield',
        type: 'TEXT',
        select: undefined,
        appliesTo: ['inventory', 'noninventory', 'kit'],
      },
      ...(
        [
          ['custitem_tts_push', 'CHECKBOX'],
          ['custitem_tts_push_hash', 'TEXT'],
          ['custitem_tts_push_msg', 'TEXTAREA'],
        ] as const
      ).map(([id, type]) => ({
        id,
        kind: 'itemcustomfield',
        type,
        select: undefined,
        appliesTo: ['inventory', 'kit'],
      })),
      ...['custitem_tts_sku', 'custitem_tts_sku_id'].map((id) => ({
        id,
        kind: 'itemcustomfield',
        type: 'TEXT',
        select: undefined,
        appliesTo: ['inventory', 'noninventory', 'kit'],
      })),
    ]);
  });

  test('has the RESTlet and the map/reduce with their deployments', () => {
    const restlet = project.scripts.find((script) => script.scriptid === 'customscript_tts_rl_connector');
    const mapReduce = project.scripts.find(
      (script) => script.scriptid === 'customscript_tts_mr_import_orders',
    );
    expect(restlet).toMatchObject({
      objectType: 'restlet',
      scriptfile: '/SuiteApps/com.opentts.connector/rl_connector.js',
    });
    expect(restlet?.deployments).toEqual([
      expect.objectContaining({
        scriptid: 'customdeploy_tts_rl_connector',
        status: 'RELEASED',
        isdeployed: true,
      }),
    ]);
    expect(mapReduce).toMatchObject({
      objectType: 'mapreducescript',
      scriptfile: '/SuiteApps/com.opentts.connector/mr_import_orders.js',
    });
    expect(mapReduce?.deployments.map((deployment) => [deployment.scriptid, deployment.status])).toEqual([
      ['customdeploy_tts_mr_import_orders', 'NOTSCHEDULED'],
      ['customdeploy_tts_mr_import_next', 'NOTSCHEDULED'],
      ['customdeploy_tts_mr_import_sched', 'SCHEDULED'],
    ]);
    expect(mapReduce?.deployments[2]?.recurrence).toEqual({
      kind: 'daily',
      everyxdays: 1,
      startdate: '2025-01-01',
      starttime: '00:00:00Z',
      repeat: 'PT15M',
    });
  });

  test('resolves File Cabinet paths inside the project', () => {
    expect(project.resolveFileCabinetPath('/SuiteApps/com.opentts.connector/rl_connector.js')).toBe(
      path.join(PROJECT_ROOT, 'FileCabinet', 'SuiteApps', 'com.opentts.connector', 'rl_connector.js'),
    );
    expect(project.resolveFileCabinetPath('[/SuiteApps/a/b.js]')).toBe(
      path.join(PROJECT_ROOT, 'FileCabinet', 'SuiteApps', 'a', 'b.js'),
    );
  });
});

describe('loadSdfProject on broken projects', () => {
  function projectWith(overlay: string): string {
    const root = makeTempDir('load');
    fs.cpSync(PROJECT_ROOT, root, { recursive: true });
    fs.cpSync(copyFixture(`sdf-broken/${overlay}`), root, { recursive: true });
    return root;
  }

  test('malformed XML names the file, the line and the problem', () => {
    const root = projectWith('malformed-xml');
    let thrown: unknown;
    try {
      loadSdfProject(root);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SdfXmlError);
    const xmlError = thrown as SdfXmlError;
    expect(xmlError.file).toBe('Objects/customrecord_tts_log.xml');
    expect(xmlError.line).toBe(7);
    expect(xmlError.message).toMatch(
      /^Objects\/customrecord_tts_log\.xml:7:\d+: malformed XML: .*customrecordcustomfield/,
    );
  });

  test('a fieldtype outside the SDF enum is refused with the file and id', () => {
    const root = projectWith('bad-fieldtype');
    expect(() => loadSdfProject(root)).toThrow(SdfProjectError);
    expect(() => loadSdfProject(root)).toThrow(
      /Objects\/custitem_tts_sku\.xml: custitem_tts_sku: fieldtype "FREEFORMTEXT" is not an SDF field type/,
    );
  });

  test('an unbracketed scriptfile is refused', () => {
    expect(() => loadSdfProject(projectWith('unbracketed-scriptfile'))).toThrow(
      /customscript_tts_rl_connector: scriptfile "\/SuiteApps\/com\.opentts\.connector\/rl_connector\.js" is not in brackets/,
    );
  });
});

describe("the doctor's list of scheduled deployments", () => {
  it('is every deployment the SDF objects ship with Status Scheduled (scripts-released flags them Not Scheduled)', () => {
    const scheduled = loadSdfProject(PROJECT_ROOT)
      .scripts.flatMap((script) => script.deployments)
      .filter((d) => d.status === 'SCHEDULED')
      .map((d) => d.scriptid);
    expect([...SCHEDULED_DEPLOYMENT_IDS].sort()).toEqual(scheduled.sort());
  });
});
