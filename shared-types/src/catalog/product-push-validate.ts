/**
 * The RESTlet's hand-written validators of the product push actions (issue #20; the types are in
 * product-push.ts): every field of `catalog.push.pull`, `catalog.push.ack`, `catalog.push.audit` and
 * `catalog.image` is checked before anything is read or written, and each problem names the field,
 * what came and what to send instead (contract/validation-problems.ts).
 */
import { describeValue, isPlainObject, Problems } from '../contract/validation-problems';
import { isTikTokId } from '../ids/tiktok-id';
import type {
  AuditStatus,
  CatalogImageRequest,
  CatalogPushAckRequest,
  CatalogPushAuditRequest,
  CatalogPushPullRequest,
  PushOutcome,
} from './product-push';
import {
  CATALOG_IMAGE_ACTION,
  CATALOG_PUSH_ACK_ACTION,
  CATALOG_PUSH_AUDIT_ACTION,
  CATALOG_PUSH_PULL_ACTION,
  MAX_PUSH_PULL,
} from './product-push';
import type { Validation } from './products-upsert';

/** Most results per `catalog.push.ack` / `catalog.push.audit` call (each costs NetSuite up to ~60 units: README). */
export const MAX_PUSH_ACK_RESULTS = 50;
export const MAX_PUSH_AUDIT_RESULTS = 100;
/** Longest message kept per result (the item's TikTok Push Message holds 4,000 characters). */
export const MAX_PUSH_MESSAGE = 4000;

export const PUSH_OUTCOMES: readonly PushOutcome[] = [
  'created',
  'edited',
  'price_updated',
  'rejected',
  'invalid',
  'not_allowed',
];

export const AUDIT_STATUSES: readonly AuditStatus[] = [
  'PENDING',
  'FAILED',
  'ACTIVATE',
  'DRAFT',
  'SELLER_DEACTIVATED',
  'PLATFORM_DEACTIVATED',
  'FREEZE',
  'DELETED',
];

const ITEM_ID = /^[1-9][0-9]{0,17}$/;
const HASH = /^[0-9a-f]{8,64}$/;

function isItemId(value: unknown): value is string {
  return typeof value === 'string' && ITEM_ID.test(value);
}

function checkShopId(problems: Problems, value: unknown): void {
  if (!isTikTokId(value)) {
    problems.add('shopId', `${describeValue(value)} is not a TikTok shop id; send its digits as a string`);
  }
}

function result<T>(problems: Problems, body: Record<string, unknown>): Validation<T> {
  return problems.count > 0
    ? { ok: false, problems: problems.toList() }
    : { ok: true, value: body as unknown as T };
}

export function validatePushPull(body: Record<string, unknown>): Validation<CatalogPushPullRequest> {
  const problems = new Problems();
  if (body.action !== CATALOG_PUSH_PULL_ACTION) {
    problems.add('action', `${describeValue(body.action)} is not "${CATALOG_PUSH_PULL_ACTION}"`);
  }
  checkShopId(problems, body.shopId);
  if (body.after !== undefined && !isItemId(body.after)) {
    problems.add(
      'after',
      `${describeValue(body.after)} is not a NetSuite item id; send the previous answer's "next" or leave it out`,
    );
  }
  const limit = body.limit;
  if (
    limit !== undefined &&
    (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PUSH_PULL)
  ) {
    problems.add('limit', `${describeValue(limit)} is not valid; send a whole number 1..${MAX_PUSH_PULL}`);
  }
  return result(problems, body);
}

function checkNullableText(problems: Problems, path: string, value: unknown, max: number): void {
  if (value !== null && (typeof value !== 'string' || value.length > max)) {
    problems.add(path, `${describeValue(value)} is not null or a text of at most ${max} characters`);
  }
}

function checkAckResult(problems: Problems, path: string, raw: unknown, seen: Set<string>): void {
  if (!isPlainObject(raw)) {
    problems.add(path, `${describeValue(raw)} is not a result object`);
    return;
  }
  if (!isItemId(raw.itemId)) {
    problems.add(`${path}.itemId`, `${describeValue(raw.itemId)} is not a NetSuite item id`);
  } else if (seen.has(raw.itemId)) {
    problems.add(`${path}.itemId`, `item ${raw.itemId} is sent twice; send one result per item`);
  } else {
    seen.add(raw.itemId);
  }
  const outcome = raw.outcome;
  if (typeof outcome !== 'string' || !PUSH_OUTCOMES.includes(outcome as PushOutcome)) {
    problems.add(`${path}.outcome`, `${describeValue(outcome)} is not one of ${PUSH_OUTCOMES.join(', ')}`);
  }
  const accepted = outcome === 'created' || outcome === 'edited' || outcome === 'price_updated';
  if (raw.productId !== null && !isTikTokId(raw.productId)) {
    problems.add(`${path}.productId`, `${describeValue(raw.productId)} is not null or a TikTok product id`);
  }
  if (accepted && raw.productId === null) {
    problems.add(
      `${path}.productId`,
      `TikTok accepted the product (${String(outcome)}): send its product id`,
    );
  }
  if (!Array.isArray(raw.skus)) {
    problems.add(`${path}.skus`, `${describeValue(raw.skus)} is not an array of {itemId, skuId}`);
  } else {
    raw.skus.forEach((sku: unknown, i) => {
      if (!isPlainObject(sku) || !isItemId(sku.itemId) || !isTikTokId(sku.skuId)) {
        problems.add(
          `${path}.skus[${i}]`,
          `${describeValue(sku)} is not {itemId: NetSuite item id, skuId: TikTok SKU id}`,
        );
      }
    });
  }
  const audit = raw.auditStatus;
  if (audit !== null && (typeof audit !== 'string' || !AUDIT_STATUSES.includes(audit as AuditStatus))) {
    problems.add(
      `${path}.auditStatus`,
      `${describeValue(audit)} is not null or one of ${AUDIT_STATUSES.join(', ')}`,
    );
  }
  for (const name of ['contentHash', 'priceHash'] as const) {
    const hash = raw[name];
    if (hash !== null && (typeof hash !== 'string' || !HASH.test(hash))) {
      problems.add(
        `${path}.${name}`,
        `${describeValue(hash)} is not null or the hash catalog.push.pull sent`,
      );
    }
    if (accepted && hash === null) {
      problems.add(
        `${path}.${name}`,
        `TikTok accepted the product (${String(outcome)}): send the ${name} catalog.push.pull sent`,
      );
    }
  }
  checkNullableText(problems, `${path}.message`, raw.message, MAX_PUSH_MESSAGE);
  if (!accepted && typeof outcome === 'string' && PUSH_OUTCOMES.includes(outcome as PushOutcome)) {
    if (typeof raw.message !== 'string' || raw.message.trim() === '') {
      problems.add(`${path}.message`, `a ${outcome} result needs a message saying why and what to do`);
    }
  }
}

export function validatePushAck(body: Record<string, unknown>): Validation<CatalogPushAckRequest> {
  const problems = new Problems();
  if (body.action !== CATALOG_PUSH_ACK_ACTION) {
    problems.add('action', `${describeValue(body.action)} is not "${CATALOG_PUSH_ACK_ACTION}"`);
  }
  checkShopId(problems, body.shopId);
  const list = body.results;
  if (!Array.isArray(list) || list.length === 0) {
    problems.add('results', `${describeValue(list)} is not a non-empty array of push results`);
  } else if (list.length > MAX_PUSH_ACK_RESULTS) {
    problems.add('results', `${list.length} results sent; send at most ${MAX_PUSH_ACK_RESULTS} per call`);
  } else {
    const seen = new Set<string>();
    list.forEach((item: unknown, i) => checkAckResult(problems, `results[${i}]`, item, seen));
  }
  return result(problems, body);
}

export function validatePushAudit(body: Record<string, unknown>): Validation<CatalogPushAuditRequest> {
  const problems = new Problems();
  if (body.action !== CATALOG_PUSH_AUDIT_ACTION) {
    problems.add('action', `${describeValue(body.action)} is not "${CATALOG_PUSH_AUDIT_ACTION}"`);
  }
  checkShopId(problems, body.shopId);
  const list = body.results;
  if (!Array.isArray(list) || list.length === 0) {
    problems.add('results', `${describeValue(list)} is not a non-empty array of audit results`);
  } else if (list.length > MAX_PUSH_AUDIT_RESULTS) {
    problems.add('results', `${list.length} results sent; send at most ${MAX_PUSH_AUDIT_RESULTS} per call`);
  } else {
    list.forEach((raw: unknown, i) => {
      const path = `results[${i}]`;
      if (!isPlainObject(raw)) {
        problems.add(path, `${describeValue(raw)} is not an audit result object`);
        return;
      }
      if (!isTikTokId(raw.productId)) {
        problems.add(`${path}.productId`, `${describeValue(raw.productId)} is not a TikTok product id`);
      }
      if (typeof raw.status !== 'string' || !AUDIT_STATUSES.includes(raw.status as AuditStatus)) {
        problems.add(
          `${path}.status`,
          `${describeValue(raw.status)} is not one of ${AUDIT_STATUSES.join(', ')}`,
        );
      }
      if (!Array.isArray(raw.reasons) || raw.reasons.some((r) => typeof r !== 'string')) {
        problems.add(
          `${path}.reasons`,
          `${describeValue(raw.reasons)} is not an array of texts (empty when none)`,
        );
      }
    });
  }
  return result(problems, body);
}

export function validateCatalogImage(body: Record<string, unknown>): Validation<CatalogImageRequest> {
  const problems = new Problems();
  if (body.action !== CATALOG_IMAGE_ACTION) {
    problems.add('action', `${describeValue(body.action)} is not "${CATALOG_IMAGE_ACTION}"`);
  }
  checkShopId(problems, body.shopId);
  if (!isItemId(body.fileId)) {
    problems.add(
      'fileId',
      `${describeValue(body.fileId)} is not a File Cabinet file id; send the fileId catalog.push.pull sent`,
    );
  }
  return result(problems, body);
}
