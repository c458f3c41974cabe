import * as log from 'N/log';
import type { ImportWorkItem } from '../../../../shared-types/src/import-work';
import {
  buildImportWork,
  buyersToLookUp,
  IMPORT_RUN_CAP,
  parseInboxPayload,
  selectForRun,
  skusToLookUp,
} from '../../../../shared-types/src/import-work';
import { buildSkuItemMap } from '../../../../shared-types/src/sku-item-map';
import { findCustomersByExternalId } from '../dao/customer-dao';
import { listPendingInbox, loadPendingInbox } from '../dao/inbox-dao';
import { findItemsBySkus } from '../dao/item-dao';
import { loadShopSettings } from '../dao/shop-dao';

/**
 * getInputData of the order import: the pending inbox records of this run (at most
 * IMPORT_RUN_CAP) with everything map() needs resolved in bulk, one SuiteQL per kind and per 500
 * values: pending ids 10, shops 10, payloads 10 per 500, SKU → item 10 per 500 SKUs, buyer
 * customers 10 per 500. A 1,000-order run costs about 70 units of the stage's 10,000.
 */
export function collectImportWork(cap = IMPORT_RUN_CAP): Record<string, ImportWorkItem> {
  const pending = listPendingInbox();
  const shops = loadShopSettings(pending.map((row) => row.shopRecordId));
  const taken = selectForRun(pending, shops, cap);
  const rows = loadPendingInbox(taken.map((row) => row.id)).map(parseInboxPayload);
  const skus = skusToLookUp(rows, shops);
  const skuMap = buildSkuItemMap(findItemsBySkus(skus), skus);
  const customers = findCustomersByExternalId(buyersToLookUp(rows, shops));
  const work = buildImportWork(rows, shops, skuMap, customers);
  log.audit({
    title: 'Order import input',
    details: `pending ${pending.length}, taken ${Object.keys(work.items).length}, held (Push orders off) ${pending.length - taken.length + work.held.length}, SKUs ${skus.length}`,
  });
  return work.items;
}
