/**
 * `return.upsert` jobs of one shop, up to 20 at a time (`returns.upsert` takes 20): read the returns
 * from TikTok in one Search Returns call (by return id), send those that become return authorizations
 * (RETURN_AND_REFUND, REPLACEMENT: shared-types/src/returns/returns-upsert.ts#sentToNetSuite) to
 * NetSuite in one `returns.upsert`, and settle each job by NetSuite's outcome:
 * - `created`, `updated`, `unchanged`, `flow_off` (the shop's Push returns to NetSuite as Return
 *   Authorizations is off: NetSuite stores nothing and its exceptions view says so), `not_rma`: done;
 * - `waiting` (the order is not a sales order yet) and `error` (NetSuite or the plan refused the RMA;
 *   the return record in NetSuite says what to fix): retried with the job runner's backoff, and
 *   dead-lettered with NetSuite's message when it keeps failing.
 * A return TikTok does not give back fails alone (retried). Jobs whose lease was lost are left out.
 * NetSuite's connector errors get the reactions of netsuite/connector-reactions.ts. Exactly once:
 * NetSuite keys each RMA by `tts_ret_<shop>_<return>`, so a return sent twice is one RMA.
 */
import type { TikTokReturn } from '../../../shared-types/src/returns/tiktok-return';
import { returnForUpsert, sentToNetSuite } from '../../../shared-types/src/returns/returns-upsert';
import { MAX_RETURNS_PER_UPSERT } from '../../../shared-types/src/returns/returns-upsert';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { NetSuiteClient } from '../netsuite/client';
import { type SendShop, upsertReturnsReacting, withShopInNetSuite } from '../netsuite/connector-reactions';
import type { TikTokClient } from '../tiktok/client';
import type { BatchResult, JobHandler } from './job-runner';
import { JOB_KINDS, type ReturnUpsertPayload } from './job-kinds';

export function returnUpsertHandler(deps: {
  tiktok: Pick<TikTokClient, 'searchReturns'>;
  netsuite: Pick<NetSuiteClient, 'upsertReturns'>;
  sendShop: SendShop;
}): JobHandler {
  return {
    kind: JOB_KINDS.RETURN_UPSERT,
    batchSize: MAX_RETURNS_PER_UPSERT,
    async run(jobs, context): Promise<BatchResult> {
      const shopId = jobs[0]?.shopId;
      if (!shopId)
        throw new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, 'return.upsert job without a shop id');
      const returnIds = [...new Set(jobs.map((job) => (job.payload as ReturnUpsertPayload).returnId))];
      const wanted = new Set(returnIds);
      const byId = new Map<string, TikTokReturn>();
      for (const ret of await deps.tiktok.searchReturns(shopId, { returnIds })) {
        if (wanted.has(ret.return_id)) byId.set(ret.return_id, ret);
      }
      // TikTok may have kept the call waiting (throttling): send only what this process still leases.
      const held = await context.confirmLeases();
      const stillOurs = new Set(
        jobs.filter((job) => held.has(job.id)).map((job) => (job.payload as ReturnUpsertPayload).returnId),
      );
      const toSend = [...byId.values()]
        .filter((ret) => stillOurs.has(ret.return_id) && sentToNetSuite(ret))
        .map(returnForUpsert);
      const { results, failed: refused } =
        toSend.length > 0
          ? await withShopInNetSuite(deps.sendShop, shopId, () =>
              upsertReturnsReacting(deps.netsuite, shopId, toSend),
            )
          : { results: new Map(), failed: new Map<string, unknown>() };
      const failed = new Map<number, unknown>();
      for (const job of jobs) {
        const { returnId } = job.payload as ReturnUpsertPayload;
        const result = results.get(returnId);
        if (refused.has(returnId)) {
          failed.set(job.id, refused.get(returnId));
        } else if (!byId.has(returnId)) {
          failed.set(
            job.id,
            new BridgeError(
              BRIDGE_ERROR_CODES.NOT_FOUND,
              `TikTok returned no return ${returnId} for shop ${shopId}; retried in case it is not visible yet.`,
              { retryable: true },
            ),
          );
        } else if (result?.outcome === 'waiting' || result?.outcome === 'error') {
          failed.set(
            job.id,
            new BridgeError(
              BRIDGE_ERROR_CODES.NETSUITE_ERROR,
              `NetSuite has not made the return authorization of TikTok return ${returnId} (${result.outcome}): ${result.message ?? 'no message'}`,
              { retryable: true },
            ),
          );
        }
      }
      return { failed };
    },
  };
}
