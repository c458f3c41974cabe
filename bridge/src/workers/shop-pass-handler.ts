/**
 * A job handler for a per-shop pass (one job per shop at a time: `catalog.pull`, `catalog.push`): each
 * job runs `pass` for its shop; a job without a shop id, or whose pass throws, fails alone and is
 * retried with backoff by the job runner.
 */
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import type { BatchResult, JobHandler } from './job-runner';

export function shopPassHandler(kind: string, pass: (shopId: string) => Promise<unknown>): JobHandler {
  return {
    kind,
    batchSize: 1,
    async run(jobs): Promise<BatchResult> {
      const failed = new Map<number, unknown>();
      for (const job of jobs) {
        if (job.shopId === null) {
          failed.set(
            job.id,
            new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, `${kind} job without a shop id`),
          );
          continue;
        }
        try {
          await pass(job.shopId);
        } catch (error) {
          failed.set(job.id, error);
        }
      }
      return { failed };
    },
  };
}
