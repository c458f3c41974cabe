/**
 * The parts of TikTok responses the bridge relies on (TikTok's authorization guide, partner.tiktokshop.com/docv2/page/authorization-overview-202407, TikTok's Get Authorized Shops, TikTok's Get Order Detail). Objects are
 * loose: unknown fields pass through untouched; a missing or mistyped field we need becomes a
 * `TIKTOK_RESPONSE_INVALID` error naming it instead of an `undefined` further down.
 */
import { z } from 'zod';
import { BRIDGE_ERROR_CODES } from '../core/errors';
import { parseWith } from '../core/validate';
import { TIKTOK_ID_PATTERN, tiktokIdRule } from '../../../shared-types/src/ids/tiktok-id';

const nonEmpty = z.string().min(1);
/** Absolute Unix seconds (despite the `_expire_in` names). */
const unixSeconds = z.number().int().positive();

export const tokenDataSchema = z.looseObject({
  access_token: nonEmpty,
  refresh_token: nonEmpty,
  access_token_expire_in: unixSeconds,
  refresh_token_expire_in: unixSeconds,
  open_id: z.string().optional(),
  seller_name: z.string().optional(),
  seller_base_region: z.string().optional(),
  granted_scopes: z.array(z.string()).optional(),
});

export const authorizedShopsSchema = z.looseObject({
  shops: z.array(
    z.looseObject({
      id: z.string().regex(TIKTOK_ID_PATTERN, `expected the shop id (${tiktokIdRule('shop')})`),
      name: z.string(),
      region: nonEmpty,
      seller_type: z.string(),
      cipher: nonEmpty,
      code: z.string().optional(),
    }),
  ),
});

const orderSchema = z.looseObject({ id: nonEmpty });

export const orderSearchSchema = z.looseObject({
  orders: z.array(orderSchema).optional(),
  next_page_token: z.string().optional(),
  total_count: z.number().int().nonnegative().optional(),
});

export const orderDetailSchema = z.looseObject({ orders: z.array(orderSchema) });

/**
 * Add External Order References (202406) `data`: per-order failures, `code` a string in TikTok's
 * documentation (`{"code":"36020001","message":"Invalid order_id",...}`); a number is accepted too
 * and read as its digits.
 */
export const externalOrdersAddSchema = z
  .looseObject({
    errors: z
      .array(
        z.looseObject({
          code: z.union([z.string().min(1), z.number().int()]).transform(String),
          message: z.string().default(''),
          detail: z
            .looseObject({
              order_id: z.string().optional(),
              external_order: z
                .looseObject({ id: z.string().optional(), platform: z.string().optional() })
                .optional(),
            })
            .optional(),
        }),
      )
      .optional(),
  })
  .nullable();

/** Search Cancellations `data` (TikTok's Search Cancellations): the fields the connector reads of each cancellation. */
export const cancellationSearchSchema = z.looseObject({
  cancellations: z
    .array(
      z.looseObject({
        cancel_id: nonEmpty,
        order_id: nonEmpty,
        cancel_type: z.string().optional(),
        cancel_status: z.string().optional(),
        cancel_reason: z.string().optional(),
        cancel_reason_text: z.string().optional(),
        create_time: z.number().int().nonnegative().optional(),
        seller_next_action_response: z
          .array(z.looseObject({ action: z.string().optional(), deadline: z.number().int().optional() }))
          .optional(),
      }),
    )
    .optional(),
  next_page_token: z.string().optional(),
  total_count: z.number().int().nonnegative().optional(),
});

/**
 * Search Returns `data` (TikTok's Search Returns, `POST /return_refund/202309/returns/search`): the fields
 * the connector reads of each return; the RESTlet checks the whole return again
 * (shared-types/src/returns/tiktok-return.ts#checkTikTokReturn).
 */
export const returnSearchSchema = z.looseObject({
  return_orders: z
    .array(
      z.looseObject({
        return_id: nonEmpty,
        order_id: nonEmpty,
        return_type: nonEmpty,
        return_status: nonEmpty,
        update_time: z.number().int().nonnegative(),
        create_time: z.number().int().nonnegative(),
        arbitration_status: z.string().optional(),
        seller_next_action_response: z
          .array(z.looseObject({ action: z.string().optional(), deadline: z.number().int().optional() }))
          .optional(),
        return_line_items: z.array(z.looseObject({ order_line_item_id: nonEmpty })),
      }),
    )
    .optional(),
  next_page_token: z.string().optional(),
  total_count: z.number().int().nonnegative().optional(),
});

export function parseTikTokData<S extends z.ZodType>(
  schema: S,
  data: unknown,
  endpoint: string,
): z.output<S> {
  return parseWith(schema, data, {
    code: BRIDGE_ERROR_CODES.TIKTOK_RESPONSE_INVALID,
    what: `TikTok ${endpoint} response data`,
    hint: 'TikTok answered code 0 without what the bridge needs; this is retried later, and if it persists, report it with the request id from the logs.',
  });
}

/** Search Products (`POST /product/202309/products/search`): the parts the inventory push reads. */
export const productSearchSchema = z.looseObject({
  products: z
    .array(
      z.looseObject({
        id: z.string(),
        status: z.string(),
        title: z.string().optional(),
        update_time: z.number().int().optional(),
        skus: z
          .array(
            z.looseObject({
              id: z.string(),
              seller_sku: z.string().optional(),
              inventory: z
                .array(z.looseObject({ warehouse_id: z.string(), quantity: z.number().int() }))
                .optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  next_page_token: z.string().optional(),
  total_count: z.number().int().nonnegative().optional(),
});

/** Update Inventory: per-SKU errors inside `code: 0` (TikTok's Update Inventory, response `errors[]`). */
export const inventoryUpdateSchema = z.looseObject({
  errors: z
    .array(
      z.looseObject({
        code: z.number().int(),
        message: z.string().optional(),
        detail: z
          .looseObject({
            sku_id: z.string().optional(),
            extra_errors: z
              .array(
                z.looseObject({
                  warehouse_id: z.string().optional(),
                  code: z.number().int(),
                  message: z.string().optional(),
                }),
              )
              .optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});
