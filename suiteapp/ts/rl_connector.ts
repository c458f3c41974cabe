/**
 * @NApiVersion 2.1
 * @NScriptType Restlet
 * @NModuleScope SameAccount
 */
import type { PingResponse } from '../../shared-types/src/contract/restlet-contract';
import { handleGet, handlePost } from './lib/services/connector-router';

/**
 * The connector RESTlet (`customscript_tts_rl_connector`): an action router called by the bridge.
 * GET ?action=ping; POST {"action": "shop.upsert" | "orders.upsert" | "orders.retry" | "warehouses.upsert", ...}. See docs/contracts.md.
 */

export function get(requestParams: Record<string, unknown>): PingResponse {
  return handleGet(requestParams);
}

export function post(requestBody: unknown): ReturnType<typeof handlePost> {
  return handlePost(requestBody);
}
