/**
 * The RESTlet's `inventory.pull` and `inventory.ack` (docs/contracts.md; issue #14 item 4). Pull
 * serves the quantities the export queued and the bridge has not acknowledged yet, a SKU's
 * warehouses always together (settings 10 + two files 20 = 30 units). Ack records the pairs TikTok
 * took (or that no TikTok SKU has) in the shop's ack file, which the next export reads, and writes
 * each new failure to the sync log with TikTok's reason and the fix (30 + 20 to save + 6 per new
 * failure, at most 50 logged per call).
 */
import { RESTLET_ERROR_CODES } from '../../../../shared-types/src/contract/restlet-contract';
import type {
  InventoryAckRequest,
  InventoryAckResponse,
  InventoryPullRequest,
  InventoryPullResponse,
} from '../../../../shared-types/src/inventory/inventory-contract';
import {
  applyInventoryAck,
  DEFAULT_INVENTORY_PULL,
  parseInventoryAckFile,
  pendingPage,
} from '../../../../shared-types/src/inventory/inventory-contract';
import { applyAcks, parseInventoryState } from '../../../../shared-types/src/inventory/inventory-export';
import {
  inventoryAckFileName,
  inventoryStateFileName,
  listInventorySettings,
  readStateFile,
  writeStateFile,
} from '../dao/inventory-dao';
import { writeLogEntry } from '../dao/log-dao';
import type { ShopInventorySettings } from '../mappers/shop-mapper';
import { connectorError } from '../platform/errors';
import { INVENTORY_FLOW } from './inventory-export-service';

/** Most failures logged by one ack (the rest are logged when the bridge reports them again). */
export const MAX_FAILURES_LOGGED = 50;

function requireShop(shopId: string): ShopInventorySettings {
  const shop = listInventorySettings().find((s) => s.shopId === shopId);
  if (shop === undefined) {
    throw connectorError(
      RESTLET_ERROR_CODES.SHOP_NOT_FOUND,
      `NetSuite has no TikTok Shop record for shop ${shopId}; the bridge sends it with shop.upsert.`,
    );
  }
  return shop;
}

export function pullInventory(request: InventoryPullRequest): InventoryPullResponse {
  const shop = requireShop(request.shopId);
  const state = parseInventoryState(readStateFile(inventoryStateFileName(shop.shopId)));
  if (!shop.pushInventory || !shop.pullInventory) {
    return {
      ok: true,
      shopId: shop.shopId,
      pushInventory: false,
      changes: [],
      next: null,
      lastRunAt: state.lastRunAt,
      openOrders: state.openOrders ?? [],
    };
  }
  const acks = parseInventoryAckFile(readStateFile(inventoryAckFileName(shop.shopId)));
  const page = pendingPage(
    applyAcks(state.pending, acks.done),
    request.after,
    request.limit ?? DEFAULT_INVENTORY_PULL,
  );
  return {
    ok: true,
    shopId: shop.shopId,
    pushInventory: true,
    changes: page.changes,
    next: page.next,
    lastRunAt: state.lastRunAt,
    openOrders: state.openOrders ?? [],
  };
}

export function ackInventory(request: InventoryAckRequest): InventoryAckResponse {
  const shop = requireShop(request.shopId);
  const state = parseInventoryState(readStateFile(inventoryStateFileName(shop.shopId)));
  const ackName = inventoryAckFileName(shop.shopId);
  const applied = applyInventoryAck(
    parseInventoryAckFile(readStateFile(ackName)),
    state.pending,
    request.results,
  );
  writeStateFile(ackName, JSON.stringify(applied.file));
  const logged = applied.newFailures.slice(0, MAX_FAILURES_LOGGED);
  for (const failure of logged) {
    writeLogEntry({
      shopRecordId: shop.recordId,
      level: 'error',
      flow: INVENTORY_FLOW,
      message: `Shop ${shop.shopName}: stock of SKU "${failure.sellerSku}" at TikTok warehouse ${failure.warehouseId} (${failure.quantity}) was not sent: ${failure.message ?? ''} It is sent again on the bridge's next inventory pass.`,
      recordType: null,
      recordId: null,
      tiktokId: failure.warehouseId,
    });
  }
  return { ok: true, recorded: applied.recorded, logged: logged.length };
}
