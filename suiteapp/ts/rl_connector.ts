/**
 * @NApiVersion 2.1
 * @NScriptType Restlet
 * @NModuleScope SameAccount
 */
/**
 * The connector RESTlet (`customscript_tts_rl_connector`): an action router called by the bridge.
 * GET ?action=ping; POST {"action": ..., ...} with every action `handlePost` routes
 * (suiteapp/ts/lib/services/connector-router.ts). The actions and their bodies: docs/contracts.md.
 */
import type { PingResponse } from '../../shared-types/src/contract/restlet-contract';
import { handleGet, handlePost } from './lib/services/connector-router';

export function get(requestParams: Record<string, unknown>): PingResponse {
  return handleGet(requestParams);
}

export function post(requestBody: unknown): ReturnType<typeof handlePost> {
  return handlePost(requestBody);
}
