/**
 * The RESTlet's `bridge.heartbeat` (issue #21): the bridge's facts about each shop kept on the
 * shop's TikTok Bridge Status record, with the bridge's URL, for the connector home and its doctor
 * (shared-types/src/doctor/heartbeat.ts). A shop the account has no TikTok Shop record for yet is
 * named in `unknownShops` and nothing is written for it.
 *
 * Usage: two queries (20) + per shop 2 (update) or 6 (create): 100 shops cost at most 620 units.
 */
import type { HeartbeatRequest, HeartbeatResponse } from '../../../../shared-types/src/doctor/heartbeat';
import { createBridgeStatus, listBridgeStatus, updateBridgeStatus } from '../dao/bridge-status-dao';
import { listDoctorShops } from '../dao/shop-dao';
import { bridgeStatusExternalId } from '../mappers/bridge-status-mapper';

export function recordHeartbeat(request: HeartbeatRequest, receivedAt: string): HeartbeatResponse {
  const shops = new Map(listDoctorShops().map((shop) => [shop.shopId, shop]));
  const existing = new Map(listBridgeStatus().map((row) => [row.externalId, row.id]));
  const unknownShops: string[] = [];
  let written = 0;
  for (const facts of request.shops) {
    const shop = shops.get(facts.shopId);
    if (shop === undefined) {
      unknownShops.push(facts.shopId);
      continue;
    }
    const status = {
      shopRecordId: shop.settings.recordId,
      receivedAt,
      bridgeUrl: request.bridgeUrl,
      facts,
      netsuiteError: request.lastNetSuiteError,
    };
    const id = existing.get(bridgeStatusExternalId(facts.shopId));
    if (id === undefined) {
      createBridgeStatus(facts.shopId, status);
    } else {
      updateBridgeStatus(id, status);
    }
    written += 1;
  }
  return { ok: true, written, unknownShops };
}
