/**
 * Shipments into NetSuite (issue #15 item 2, "Push shipments to NetSuite"): packages shipped outside
 * NetSuite — in TikTok Seller Center, or by TikTok for Fulfilled-by-TikTok orders — sent to the RESTlet
 * (`shipments.upsert`), which records each as an item fulfillment exactly once (externalid
 * `tts_shp_<shop>_<package>`) or adds the tracking number to an FBT order's fulfillment, and leaves
 * NetSuite's own shipments and label-arranged packages alone (shared-types/src/fulfillments/shipments-upsert.ts).
 *
 * How the bridge finds them: a PACKAGE_UPDATE webhook, or an ORDER_STATUS_CHANGE to a shipped status,
 * queues an `order.shipments` job (webhooks/events.ts); TikTok sends no webhook for a package shipped in
 * Seller Center that does not change the order's status (TikTok's PACKAGE_UPDATE page lists no
 * shipment sc_type), so a reconciliation pass also searches packages by `update_time` from a
 * persisted cursor (`packages.update_time`) and queues the same jobs. A job reads its orders (Get Order
 * Detail, 50 per call: each line's package, status, tracking number and carrier) and sends their
 * shipped packages, 25 per call. An order NetSuite has not imported yet (`waiting`) fails its job
 * retryably, so it is sent again later.
 */
import type { Logger } from 'pino';
import type { ShipmentResult, TikTokShipment } from '../../../shared-types/src/fulfillments/shipments-upsert';
import { MAX_SHIPMENTS_PER_UPSERT } from '../../../shared-types/src/fulfillments/shipments-upsert';
import type { TikTokOrder } from '../../../shared-types/src/tiktok/tiktok-order';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { walkPages } from '../core/page-walk';
import type { NetSuiteClient } from '../netsuite/client';
import { type SendShop, withShopInNetSuite } from '../netsuite/connector-reactions';
import type { BridgeStore } from '../store/types';
import type { TikTokClient } from '../tiktok/client';
import { MAX_ORDER_DETAIL_IDS } from '../tiktok/types';
import type { BatchResult, JobHandler } from './job-runner';
import { JOB_KINDS, orderShipmentsJob, type OrderUpsertPayload } from './job-kinds';
import { RecordedShipments } from './recorded-shipments';
import { closeCursorWindow, CURSOR_KEPT, openCursorWindow } from './reconcile-window';

export const PACKAGES_CURSOR = 'packages.update_time';

/** Package statuses once shipped (TikTok's Get Order Detail `package_status`). */
const SHIPPED = new Set(['PROCESSING', 'FULFILLING', 'COMPLETED']);

/** The order's shipped packages: line items grouped by package, with TikTok's tracking and carrier. */
export function shippedPackagesOf(order: TikTokOrder): TikTokShipment[] {
  const byPackage = new Map<string, TikTokShipment>();
  for (const line of order.line_items) {
    if (!line.package_id || !line.tracking_number || !SHIPPED.has(line.package_status ?? '')) continue;
    const entry = byPackage.get(line.package_id) ?? {
      orderId: order.id,
      packageId: line.package_id,
      trackingNumber: line.tracking_number,
      carrier: line.shipping_provider_name ?? '',
      lineItemIds: [],
      updateTime: order.update_time,
    };
    entry.lineItemIds.push(line.id);
    byPackage.set(line.package_id, entry);
  }
  return [...byPackage.values()];
}

export interface ShipmentsDeps {
  tiktok: TikTokClient;
  netsuite: NetSuiteClient;
  sendShop: SendShop;
}

/** Sends the packages, 25 per call; the results by package id. */
async function send(
  deps: ShipmentsDeps,
  shopId: string,
  shipments: TikTokShipment[],
): Promise<Map<string, ShipmentResult>> {
  const results = new Map<string, ShipmentResult>();
  for (let i = 0; i < shipments.length; i += MAX_SHIPMENTS_PER_UPSERT) {
    const chunk = shipments.slice(i, i + MAX_SHIPMENTS_PER_UPSERT);
    const response = await withShopInNetSuite(deps.sendShop, shopId, () =>
      deps.netsuite.upsertShipments(shopId, chunk),
    );
    for (const result of response.results) results.set(result.packageId, result);
  }
  return results;
}

/**
 * `recorded`: packages NetSuite already holds as sent (recorded-shipments.ts), not sent again when a
 * later status change of the order queues its job once more.
 */
export function orderShipmentsHandler(
  deps: ShipmentsDeps,
  recorded: RecordedShipments = new RecordedShipments(),
): JobHandler {
  return {
    kind: JOB_KINDS.ORDER_SHIPMENTS,
    batchSize: MAX_ORDER_DETAIL_IDS,
    async run(jobs): Promise<BatchResult> {
      const failed = new Map<number, unknown>();
      const shopId = (jobs[0]?.payload as OrderUpsertPayload | undefined)?.shopId ?? '';
      const ids = [...new Set(jobs.map((job) => (job.payload as OrderUpsertPayload).orderId))];
      const orders = new Map(
        (await deps.tiktok.getOrderDetail(shopId, ids)).map((order) => [order.id, order] as const),
      );
      const shipments = [...orders.values()]
        .flatMap(shippedPackagesOf)
        .filter((shipment) => !recorded.isRecorded(shopId, shipment));
      const results =
        shipments.length === 0 ? new Map<string, ShipmentResult>() : await send(deps, shopId, shipments);
      for (const shipment of shipments) {
        const result = results.get(shipment.packageId);
        if (result !== undefined) recorded.note(shopId, shipment, result.outcome);
      }
      for (const job of jobs) {
        const orderId = (job.payload as OrderUpsertPayload).orderId;
        const order = orders.get(orderId);
        if (order === undefined) {
          failed.set(
            job.id,
            new BridgeError(BRIDGE_ERROR_CODES.TIKTOK_API_ERROR, `TikTok returned no order ${orderId}.`, {
              retryable: true,
            }),
          );
          continue;
        }
        const mine = shippedPackagesOf(order).map((s) => results.get(s.packageId));
        const waiting = mine.find((r) => r?.outcome === 'waiting');
        const error = mine.find((r) => r?.outcome === 'error');
        if (waiting !== undefined)
          failed.set(
            job.id,
            new BridgeError(
              BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
              waiting.message ?? `Order ${orderId} waits.`,
              {
                retryable: true,
              },
            ),
          );
        else if (error !== undefined)
          failed.set(
            job.id,
            new BridgeError(
              BRIDGE_ERROR_CODES.TIKTOK_API_ERROR,
              error.message ?? `Order ${orderId} failed.`,
              {
                retryable: false,
              },
            ),
          );
      }
      return { failed };
    },
  };
}

export interface ShipmentReconcileDeps {
  store: BridgeStore;
  tiktok: TikTokClient;
  clock: Clock;
  logger: Logger;
}

export interface ShipmentReconcileResult {
  shopId: string;
  windowStart: number;
  windowEnd: number;
  packagesFound: number;
  jobsCreated: number;
}

/**
 * Search Package from the cursor (minus `overlapSec`) to now, oldest first; a shipped package's orders
 * get an `order.shipments` job; the cursor moves to the window's end only after the last page.
 */
export async function reconcileShopShipments(
  deps: ShipmentReconcileDeps,
  shopId: string,
  options: { overlapSec?: number; initialLookbackSec?: number; maxPages?: number } = {},
): Promise<ShipmentReconcileResult> {
  const window = await openCursorWindow(deps.store, deps.clock, shopId, PACKAGES_CURSOR, options);
  const result: ShipmentReconcileResult = {
    shopId,
    windowStart: window.start,
    windowEnd: window.end,
    packagesFound: 0,
    jobsCreated: 0,
  };
  await walkPages(
    `Package search for shop ${shopId}`,
    (pageToken) =>
      deps.tiktok.searchPackages(shopId, {
        updateTimeGe: window.start,
        updateTimeLt: window.end,
        pageSize: 50,
        ...(pageToken === undefined ? {} : { pageToken }),
      }),
    async (page) => {
      for (const pkg of page.packages) {
        if (!SHIPPED.has(pkg.status)) continue;
        result.packagesFound += 1;
        for (const orderId of pkg.orderIds) {
          const { created } = await deps.store.enqueueJob(
            orderShipmentsJob(shopId, orderId, deps.clock.now()),
            deps.clock.now(),
          );
          if (created) result.jobsCreated += 1;
        }
      }
    },
    { consequence: CURSOR_KEPT, ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }) },
  );
  await closeCursorWindow(deps.store, deps.clock, shopId, PACKAGES_CURSOR, window);
  deps.logger.info({ ...result }, 'package reconciliation pass complete');
  return result;
}
