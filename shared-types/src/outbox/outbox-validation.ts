/** Checks of the `outbox.pull` and `outbox.ack` bodies (restlet-validation.ts dispatches here). */
import { isInternalId } from '../ids/external-ids';
import { isTikTokId } from '../ids/tiktok-id';
import { MAX_OUTBOX_PULL } from './outbox';
import type { Problems } from '../contract/validation-problems';
import { describeValue, isPlainObject } from '../contract/validation-problems';

export function checkOutboxPull(problems: Problems, body: Record<string, unknown>): void {
  if (body.shopId !== undefined && !isTikTokId(body.shopId)) {
    problems.add(
      'shopId',
      `${describeValue(body.shopId)} is not a TikTok shop id; send the id as a string of digits, or leave it out for every shop`,
    );
  }
  const limit = body.limit;
  if (
    limit !== undefined &&
    (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_OUTBOX_PULL)
  ) {
    problems.add('limit', `${describeValue(limit)} is not a whole number from 1 to ${MAX_OUTBOX_PULL}`);
  }
}

function checkAckResult(problems: Problems, path: string, value: unknown): string | null {
  if (!isPlainObject(value)) {
    problems.add(
      path,
      `${describeValue(value)} is not an object; send {"outboxId", "ok", "message"?, "retryable"?}`,
    );
    return null;
  }
  if (!isInternalId(value.outboxId)) {
    problems.add(
      `${path}.outboxId`,
      `${describeValue(value.outboxId)} is not an outbox record id; send the outboxId outbox.pull returned, e.g. "42"`,
    );
  }
  if (typeof value.ok !== 'boolean') {
    problems.add(`${path}.ok`, `${describeValue(value.ok)} is not a boolean; send true or false`);
  }
  if (value.message !== undefined && typeof value.message !== 'string') {
    problems.add(`${path}.message`, `${describeValue(value.message)} is not a string`);
  }
  if (value.retryable !== undefined && typeof value.retryable !== 'boolean') {
    problems.add(
      `${path}.retryable`,
      `${describeValue(value.retryable)} is not a boolean; send true or false`,
    );
  }
  return isInternalId(value.outboxId) ? value.outboxId : null;
}

export function checkOutboxAck(problems: Problems, body: Record<string, unknown>): void {
  const results = body.results;
  if (!Array.isArray(results) || results.length === 0 || results.length > MAX_OUTBOX_PULL) {
    problems.add(
      'results',
      `${describeValue(results)} is not an array of 1 to ${MAX_OUTBOX_PULL} results; send one result per delivered row`,
    );
    return;
  }
  const seen = new Set<string>();
  results.forEach((result: unknown, index) => {
    const id = checkAckResult(problems, `results[${index}]`, result);
    if (id !== null && seen.has(id)) {
      problems.add(`results[${index}].outboxId`, `"${id}" appears twice; send one result per row`);
    }
    if (id !== null) {
      seen.add(id);
    }
  });
}
