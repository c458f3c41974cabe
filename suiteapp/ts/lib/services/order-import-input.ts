/**
 * The import run's getInputData: reads the due order inbox records and every lookup map() needs, in
 * bulk, and hands each order to map() as a work item.
 */
import * as log from 'N/log';
import { importClaimToken } from '../../../../shared-types/src/inbox/import-claim';
import type { ImportWorkItem } from '../../../../shared-types/src/import/import-work';
import {
  applyTestMode,
  buildImportWork,
  buyersToLookUp,
  IMPORT_RUN_CAP,
  locationsToLookUp,
  ownSalesOrdersToLookUp,
  parseInboxPayload,
  replacedOrdersToLookUp,
  selectForRun,
  skusToLookUp,
  taxCodesToLookUp,
  warehousesToLookUp,
} from '../../../../shared-types/src/import/import-work';
import type { WarehouseLink } from '../../../../shared-types/src/orders/order-location';
import { buildSkuItemMap } from '../../../../shared-types/src/orders/sku-item-map';
import { findCustomersByExternalId } from '../dao/customer-dao';
import { listImportCandidates, loadImportRows } from '../dao/order-inbox-dao';
import { findItemsBySkus } from '../dao/item-dao';
import { loadLocationStates } from '../dao/location-dao';
import { findSalesOrdersByExternalId } from '../dao/sales-order-dao';
import { loadShopSettings } from '../dao/shop-dao';
import { accountFeatures } from '../platform/account';
import { readAccountSetup } from './account-service';
import { currentDeploymentId } from '../platform/current-script';
import { findWarehousesByExternalId } from '../dao/warehouse-dao';

/**
 * getInputData of the order import: the records due in this run (pending ones, and errors whose
 * automatic retry time has come, that no other run holds; at most IMPORT_RUN_CAP; one per shop in
 * test mode) with everything map() needs resolved in bulk, one SuiteQL per kind and per 500 values:
 * due ids 10 (a run with nothing due stops there), shops 10, the account (account-service.ts:
 * features 0, currencies 10, tax engine 10, the shops' tax codes 5 each),
 * payloads 10 per 500, SKU → item 10 per 500 SKUs, buyer customers (with their primary currency)
 * 10 per 500, the orders' own sales orders (saved by an earlier attempt that could not finish) with
 * the originals of replacement orders 10 per 500, and when orders need them: warehouses 10,
 * locations 10. A 1,000-order run costs about 130 units of the stage's 10,000. Every item carries
 * the run's claim token and the account; map() claims the inbox record with the token
 * (import-claim.ts).
 */
export function collectImportWork(cap = IMPORT_RUN_CAP): Record<string, ImportWorkItem> {
  const now = Math.floor(Date.now() / 1000);
  const claimToken = importClaimToken(currentDeploymentId(), now, Math.random());
  const candidates = listImportCandidates(now);
  if (candidates.length === 0) {
    log.audit({ title: 'Order import input', details: 'due 0' });
    return {};
  }
  const features = accountFeatures();
  const shops = loadShopSettings(
    candidates.map((row) => row.shopRecordId),
    features,
  );
  const account = readAccountSetup(features, taxCodesToLookUp(shops));
  const taken = selectForRun(candidates, shops, cap);
  const parsed = loadImportRows(
    taken.map((row) => row.id),
    now,
  ).map(parseInboxPayload);
  const { rows, testOrders } = applyTestMode(parsed, shops);
  const skus = skusToLookUp(rows, shops);
  const skuMap = buildSkuItemMap(findItemsBySkus(skus), skus);
  const customers = findCustomersByExternalId(buyersToLookUp(rows, shops), features.multiCurrency);
  const warehouses: Record<string, WarehouseLink> = {};
  for (const [externalId, warehouse] of findWarehousesByExternalId(warehousesToLookUp(rows, shops))) {
    warehouses[externalId] = warehouse;
  }
  const work = buildImportWork(rows, shops, skuMap, customers.ids, {
    warehouses,
    locations: loadLocationStates(locationsToLookUp(shops, warehouses)),
    salesOrders: findSalesOrdersByExternalId([
      ...ownSalesOrdersToLookUp(rows, shops),
      ...replacedOrdersToLookUp(rows, shops),
    ]),
    claimToken,
    account,
    customerCurrencies: customers.currencies,
  });
  for (const id of testOrders) {
    if (work.items[id] !== undefined) {
      work.items[id].testOrder = true;
    }
  }
  log.audit({
    title: 'Order import input',
    details: `due ${candidates.length}, taken ${Object.keys(work.items).length}, held (Push orders off or test mode) ${candidates.length - Object.keys(work.items).length}, SKUs ${skus.length}`,
  });
  return work.items;
}
