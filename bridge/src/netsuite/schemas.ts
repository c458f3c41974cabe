/**
 * What the bridge reads from each RESTlet answer (docs/contracts.md, `shared-types/src/contract/`, `shared-types/src/outbox/outbox-contract.ts`).
 * Loose objects: the RESTlet may add fields. A 2xx with `ok: true` that lacks what we need becomes a
 * `NETSUITE_RESPONSE_INVALID` error naming the field (usually a SuiteApp older than the bridge).
 */
import { z } from 'zod';
import { BRIDGE_ERROR_CODES } from '../core/errors';
import { parseWith } from '../core/validate';

const ok = z.literal(true);
const id = z.string().min(1);

/** One product of `catalog.push.pull` (shared-types/src/catalog/product-push.ts PushProduct). */
function pushProductSchema() {
  const money = z.looseObject({ amount: z.string().min(1), currency: z.string().min(1) });
  return z.looseObject({
    itemId: id,
    kind: z.enum(['standalone', 'matrix']),
    change: z.enum(['create', 'edit', 'price']),
    tiktokProductId: z.string().min(1).nullable(),
    title: z.string(),
    descriptionHtml: z.string(),
    categoryId: z.string().min(1).nullable(),
    brandName: z.string().nullable(),
    attributes: z.array(z.looseObject({ id, values: z.array(z.string()) })),
    packageWeight: z.looseObject({ value: z.string(), unit: z.enum(['KILOGRAM', 'POUND']) }).nullable(),
    packageDimensions: z
      .looseObject({
        length: z.string(),
        width: z.string(),
        height: z.string(),
        unit: z.enum(['CENTIMETER', 'INCH']),
      })
      .nullable(),
    images: z.array(
      z.looseObject({ fileId: id, name: z.string(), bytes: z.number().int().nonnegative(), contentHash: id }),
    ),
    skus: z.array(
      z.looseObject({
        itemId: id,
        sellerSku: z.string(),
        price: money,
        identifier: z
          .looseObject({ type: z.enum(['GTIN', 'EAN', 'UPC', 'ISBN', 'JAN']), code: z.string() })
          .nullable(),
        salesAttributes: z.array(z.looseObject({ name: z.string(), value: z.string() })),
        tiktokSkuId: z.string().min(1).nullable(),
        inventory: z.array(z.looseObject({ warehouseId: id, quantity: z.number().int() })),
      }),
    ),
    contentHash: id,
    priceHash: id,
  });
}

export const RESTLET_RESPONSE_SCHEMAS = {
  ping: z.looseObject({ ok, app: z.string(), version: z.string() }),
  'bridge.heartbeat': z.looseObject({
    ok,
    written: z.number().int().min(0),
    unknownShops: z.array(z.string()),
  }),
  'shop.upsert': z.looseObject({ ok, shopRecordId: id }),
  'orders.upsert': z.looseObject({
    ok,
    results: z.array(
      z.looseObject({
        orderId: id,
        inboxId: z.string(),
        outcome: z.enum(['created', 'updated', 'unchanged', 'stale']),
      }),
    ),
    importQueued: z.boolean(),
  }),
  'warehouses.upsert': z.looseObject({
    ok,
    results: z.array(z.looseObject({ warehouseId: id, recordId: z.string(), outcome: z.string() })),
  }),
  'returns.upsert': z.looseObject({
    ok,
    results: z.array(
      z.looseObject({
        returnId: id,
        outcome: z.enum(['created', 'updated', 'unchanged', 'waiting', 'error', 'not_rma', 'flow_off']),
        rmaId: z.string().nullable(),
        message: z.string().nullable(),
      }),
    ),
  }),
  'outbox.pull': z.looseObject({
    ok,
    rows: z.array(
      z.looseObject({
        outboxId: id,
        idempotencyKey: id,
        kind: id,
        shopId: id,
        orderId: id,
        salesOrderId: z.string().nullable(),
        payload: z.unknown(),
        attempts: z.number().int().nonnegative(),
      }),
    ),
    skipped: z.number().int().nonnegative(),
  }),
  'outbox.ack': z.looseObject({
    ok,
    results: z.array(z.looseObject({ outboxId: id, state: z.string(), attempts: z.number() })),
  }),
  'inventory.pull': z.looseObject({
    ok,
    shopId: id,
    pushInventory: z.boolean(),
    changes: z.array(
      z.looseObject({
        sellerSku: id,
        warehouseId: id,
        quantity: z.number().int().nonnegative(),
        itemId: z.string(),
        override: z.boolean(),
        queuedAt: z.number(),
      }),
    ),
    next: z.string().nullable(),
    lastRunAt: z.number().nullable(),
    openOrders: z.array(z.string()).default([]),
  }),
  'inventory.ack': z.looseObject({ ok, recorded: z.number().int(), logged: z.number().int() }),
  'catalog.push.pull': z.looseObject({
    ok,
    shopId: id,
    pushEnabled: z.boolean(),
    reason: z.string().nullable(),
    products: z.array(pushProductSchema()),
    invalid: z.array(z.looseObject({ itemId: id, message: z.string() })),
    next: z.string().nullable(),
  }),
  'catalog.push.ack': z.looseObject({
    ok,
    recorded: z.number().int().nonnegative(),
    logged: z.number().int().nonnegative(),
  }),
  'catalog.push.audit': z.looseObject({
    ok,
    recorded: z.number().int().nonnegative(),
    unknown: z.array(z.string()),
  }),
  'catalog.image': z.looseObject({
    ok,
    fileId: id,
    name: z.string(),
    mimeType: z.string().min(1),
    base64: z.string(),
  }),
} as const;

export type RestletAction = keyof typeof RESTLET_RESPONSE_SCHEMAS;

export function parseRestletResponse(action: string, value: unknown): unknown {
  const schema =
    (RESTLET_RESPONSE_SCHEMAS as Record<string, z.ZodType | undefined>)[action] ?? z.looseObject({ ok });
  return parseWith(schema, value, {
    code: BRIDGE_ERROR_CODES.NETSUITE_RESPONSE_INVALID,
    what: `NetSuite RESTlet ${action} response`,
    hint: 'Deploy the SuiteApp version that matches this bridge (npm run deploy), then retry.',
  });
}
