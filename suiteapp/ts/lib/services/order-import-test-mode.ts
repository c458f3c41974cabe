/**
 * "Test with one order": after a test-mode shop's one order, the flow pauses (Push orders to
 * NetSuite off, with the reason on the shop: submitFields 2) and a review entry is logged (flow
 * `test-order`, 6 units).
 */
import type { ImportWorkItem } from '../../../../shared-types/src/import/import-work';
import type { SalesOrderPlan } from '../../../../shared-types/src/orders/order-plan';
import {
  pausedReason,
  TEST_ORDER_FLOW,
  testOrderReview,
} from '../../../../shared-types/src/import/test-order-review';
import { writeLogEntry } from '../dao/log-dao';
import { pauseOrderPush } from '../dao/shop-dao';
import type { ImportOutcome } from './order-import-inbox';
import type { TieOutCheck } from './order-import-tieout';

export interface TestOrderImport {
  plan: SalesOrderPlan;
  customerId: string;
  tieOut: TieOutCheck;
}

export function finishTestOrder(
  item: ImportWorkItem,
  outcome: ImportOutcome,
  imported: TestOrderImport | null,
): void {
  const orderId = item.order?.id ?? '';
  pauseOrderPush(item.shop.recordId, pausedReason(item.shop.name, orderId, outcome.salesOrderId));
  const message =
    imported !== null && outcome.salesOrderId !== null
      ? testOrderReview(
          imported.plan,
          outcome.salesOrderId,
          imported.tieOut.readBack.customerId ?? imported.customerId,
          imported.tieOut.readBack,
          imported.tieOut.result,
        )
      : `Test order review: TikTok order ${orderId} was not imported (${outcome.result}): ${outcome.message ?? ''}\nThe order flow is paused (Push orders to NetSuite is off). Fix what the message names, set the inbox record State to pending, and tick Push orders to NetSuite to test again.`;
  writeLogEntry({
    shopRecordId: item.shop.recordId,
    level: imported !== null && imported.tieOut.exception === null ? 'info' : 'warning',
    flow: TEST_ORDER_FLOW,
    message,
    recordType: outcome.salesOrderId === null ? 'customrecord_tts_order' : 'salesorder',
    recordId: outcome.salesOrderId ?? item.inboxId,
    tiktokId: orderId,
  });
}
