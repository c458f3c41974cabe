import type { StoredRecord } from '../../sandbox/netsuite/src/data/store-types';
import { invoke } from '../../sandbox/netsuite/src/exec/invoke';
import { demoPaymentMethodMap } from '../../sandbox/netsuite/src/demo-account';
import type { SalesOrderPlan } from '../../shared-types/src/orders/order-plan';
import { planSalesOrder } from '../../shared-types/src/orders/order-plan';
import type { TieOutResult } from '../../shared-types/src/orders/order-tieout';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import {
  DEMO_SHOP,
  IMPORT_DEPLOYMENT,
  IMPORT_SCRIPT,
  startConnectorAccount,
} from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { importOrders, logEntries, salesOrderOf } from '../support/order-updates';

/**
 * The tax variance written by the import's tie-out (suiteapp/ts/lib/services/order-import-tieout.ts):
 * when NetSuite's tax (its own `taxtotal` on top of the TikTok tax line) differs from TikTok's, the
 * difference NetSuite − TikTok goes to `custbody_tts_tax_variance`, with its sign, and the order
 * still ties out when the total differs by exactly that.
 *
 * The emulator computes no tax of its own on a US legacy-tax order (no tax codes or nexus; its
 * totals.ts), so the test stands in for NetSuite's tax engine: it writes the `taxtotal` and `total`
 * NetSuite would have computed onto the saved sales order, then runs the compiled tie-out module
 * against it inside a map invocation, as the import does right after the save.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const TIEOUT_MODULE = '/SuiteApps/com.opentts.connector/lib/services/order-import-tieout.js';

interface TieOutModule {
  checkTieOut(plan: SalesOrderPlan, salesOrderId: string): { result: TieOutResult; exception: string | null };
}

/** The plan the import made of the order, from the demo shop's settings. */
function planOf(order: TikTokOrder): SalesOrderPlan {
  const account = world.account;
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`)!;
  const result = planSalesOrder(order, {
    shop: {
      recordId: String(shop.id),
      shopId: DEMO_SHOP.shopId,
      name: DEMO_SHOP.name,
      currency: DEMO_SHOP.currency,
      region: DEMO_SHOP.region,
      pushOrders: true,
      perBuyerCustomer: false,
      customerId: String(account.customerId),
      subsidiaryId: String(account.subsidiaryId),
      locationId: String(account.locationIds.main),
      departmentId: null,
      classId: null,
      shippingItemId: String(account.shipItemId),
      taxItemId: String(account.taxItemId),
      paymentMethodMap: JSON.stringify(demoPaymentMethodMap(account)),
      orderOptions: { platformDiscountItemId: String(account.discountItemIds.platform) },
    },
    items: Object.fromEntries(Object.entries(account.itemIds).map(([sku, id]) => [sku, String(id)])),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

/** NetSuite's own tax on the saved order, as its tax engine would have added it (cents). */
function netsuiteAddsTax(so: StoredRecord, cents: number): void {
  const total = Math.round(Number(so.fields.total) * 100) + cents;
  world.ns.store.update({ ...so, fields: { ...so.fields, taxtotal: cents / 100, total: total / 100 } });
}

function runTieOut(plan: SalesOrderPlan, salesOrderId: number) {
  const module = world.ns.loader.require(TIEOUT_MODULE) as TieOutModule;
  return invoke(
    {
      kind: 'mapreduce.map',
      scriptId: IMPORT_SCRIPT,
      deploymentId: IMPORT_DEPLOYMENT,
      scriptType: 'MAPREDUCE',
      startedAt: new Date(),
    },
    () => module.checkTieOut(plan, String(salesOrderId)),
    { history: world.ns.history },
  );
}

describe('tie-out: tax variance when NetSuite computes tax of its own', () => {
  it('records NetSuite − TikTok (+0.35) on the sales order, and the order still ties out', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, seed: 31 });
    await importOrders(world, [order]);
    const imported = salesOrderOf(world, order.id);
    expect(imported.fields.custbody_tts_tax_variance).toBe(0);
    expect(imported.fields.custbody_tts_tieout).toBe(true);

    netsuiteAddsTax(imported, 35);
    const outcome = runTieOut(planOf(order), imported.id);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.value.exception).toBeNull();
    expect(outcome.value.result).toMatchObject({ ties: true, taxVarianceMinor: 35 });
    const tax = outcome.value.result.figures.find((f) => f.label === 'tax');
    expect(tax).toMatchObject({
      netsuiteMinor: Math.round(Number(order.payment.tax) * 100) + 35,
      tiktokMinor: Math.round(Number(order.payment.tax) * 100),
    });

    const so = salesOrderOf(world, order.id);
    expect(so.fields.custbody_tts_tax_variance).toBe(0.35);
    expect(so.fields.custbody_tts_tieout).toBe(true);
    expect(logEntries(world)).toEqual([]);
    // lookupFields 1 + the variance's submitFields 10.
    expect(outcome.invocation.meter.used).toBe(11);

    // Run again on the corrected order: the variance stays, nothing more is written.
    const again = runTieOut({ ...planOf(order), expectedTaxVarianceMinor: 35 }, so.id);
    expect(again.invocation.meter.used).toBe(1);
    expect(salesOrderOf(world, order.id).version).toBe(so.version);
  });

  it('a total that differs by more than the variance does not tie: Ties Out = F, the variance still recorded', async () => {
    world = await startConnectorAccount();
    const [order] = makeOrders({ count: 1, seed: 32 });
    await importOrders(world, [order]);
    const imported = salesOrderOf(world, order.id);
    // NetSuite adds 0.35 tax, and the total is a further cent off.
    const total = Math.round(Number(imported.fields.total) * 100) + 36;
    world.ns.store.update({
      ...imported,
      fields: { ...imported.fields, taxtotal: 0.35, total: total / 100 },
    });

    const outcome = runTieOut(planOf(order), imported.id);
    if (!outcome.ok) throw outcome.error;
    expect(outcome.value.result.taxVarianceMinor).toBe(35);
    expect(outcome.value.exception).toContain('(tax variance 0.35 recorded');
    expect(outcome.value.exception).toContain('DOES NOT TIE');
    const so = salesOrderOf(world, order.id);
    expect(so.fields).toMatchObject({ custbody_tts_tax_variance: 0.35, custbody_tts_tieout: false });
    const [entry] = logEntries(world);
    expect(entry.fields).toMatchObject({
      custrecord_tts_log_level: 'error',
      custrecord_tts_log_record_id: String(so.id),
      custrecord_tts_log_tiktok_id: order.id,
    });
  });
});
