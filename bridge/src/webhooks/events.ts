import { createHash } from 'node:crypto';
import { z } from 'zod';
import { safeParseWith, type ValidationProblem } from '../core/validate';
import type { NewJob, WebhookNotificationInput } from '../store/types';
import {
  JOB_KINDS,
  orderCancellationUpsertJob,
  orderUpsertJob,
  type DeauthorizationPayload,
} from '../workers/job-kinds';
import { TIKTOK_ID_PATTERN } from '../../../shared-types/src/ids/tiktok-id';

/**
 * What a verified webhook means for the bridge: its inbox entry (deduplicated on
 * `tts_notification_id`, else on sha256 of the raw body) and the jobs it starts. Order events
 * (types 1, 3) become one order upsert job (`order.sync`) per (shop, order), cancellation events (type 11) one
 * `order.upsert_cancellation` job in the urgent lane (a buyer's request has a deadline); deauthorization (type 6) marks
 * the shop `needs_reauth` unless it is stamped before the shop's current authorization (a late
 * delivery after the seller re-authorized); authorization expiry (type 7) is recorded for the status
 * page.
 */
export const WEBHOOK_TYPES = {
  ORDER_STATUS_CHANGE: 1,
  RECIPIENT_ADDRESS_UPDATE: 3,
  PACKAGE_UPDATE: 4,
  SELLER_DEAUTHORIZATION: 6,
  UPCOMING_AUTHORIZATION_EXPIRATION: 7,
  CANCELLATION_STATUS_CHANGE: 11,
  RETURN_STATUS_CHANGE: 12,
} as const;

const ORDER_EVENT_TYPES: ReadonlySet<number> = new Set([
  WEBHOOK_TYPES.ORDER_STATUS_CHANGE,
  WEBHOOK_TYPES.RECIPIENT_ADDRESS_UPDATE,
  WEBHOOK_TYPES.CANCELLATION_STATUS_CHANGE,
]);

export interface ParsedWebhook {
  type: number | null;
  shopId: string | null;
  notificationId: string | null;
  /** The payload's `timestamp` (Unix seconds), when it has one. */
  timestamp: number | null;
  data: Record<string, unknown>;
}

function idString(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A TikTok numeric id: a string of digits, or (some topics) a JSON number. */
const numericId = z
  .union([
    z.string().regex(TIKTOK_ID_PATTERN, 'expected a string of 1 to 64 digits'),
    z.number().int().nonnegative(),
  ])
  .transform(String);

/**
 * The envelope of every TikTok Shop webhook (reference §5.2), plus what the bridge needs from the
 * topics it acts on: order topics must name `data.order_id`.
 */
export const webhookEnvelopeSchema = z
  .looseObject({
    type: z.number().int().positive(),
    tts_notification_id: z
      .union([z.string().min(1).max(128), z.number().int().nonnegative()])
      .transform(String)
      .optional(),
    shop_id: numericId,
    timestamp: z.number().int().nonnegative(),
    data: z.record(z.string(), z.unknown()),
  })
  .superRefine((event, ctx) => {
    if (ORDER_EVENT_TYPES.has(event.type) && !numericId.safeParse(event.data.order_id).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'order_id'],
        message: `type ${event.type} is an order event and needs the order id (a string of digits)`,
      });
    }
  });

export type WebhookParse =
  | { valid: true; event: ParsedWebhook }
  /** Signed by TikTok but not a usable event: `event` holds whatever could be read, for the inbox row. */
  | { valid: false; problems: ValidationProblem[]; event: ParsedWebhook };

/** Best-effort read of the columns of the inbox row (never throws). */
function peekWebhook(value: unknown): ParsedWebhook {
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const data =
    typeof record.data === 'object' && record.data !== null && !Array.isArray(record.data)
      ? (record.data as Record<string, unknown>)
      : {};
  return {
    type: typeof record.type === 'number' && Number.isInteger(record.type) ? record.type : null,
    shopId: idString(record.shop_id),
    notificationId: idString(record.tts_notification_id),
    timestamp:
      typeof record.timestamp === 'number' && Number.isFinite(record.timestamp) ? record.timestamp : null,
    data,
  };
}

export function parseWebhook(rawBody: Buffer): WebhookParse {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return {
      valid: false,
      problems: [{ field: '(root)', message: 'the body is not JSON' }],
      event: peekWebhook(undefined),
    };
  }
  const parsed = safeParseWith(webhookEnvelopeSchema, value);
  if (!parsed.ok) return { valid: false, problems: parsed.problems, event: peekWebhook(value) };
  return {
    valid: true,
    event: {
      type: parsed.value.type,
      shopId: parsed.value.shop_id,
      notificationId: parsed.value.tts_notification_id ?? null,
      timestamp: parsed.value.timestamp,
      data: parsed.value.data,
    },
  };
}

export function webhookDedupeKey(parsed: ParsedWebhook, rawBody: Buffer): string {
  return parsed.notificationId ?? `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

export function jobsForWebhook(parsed: ParsedWebhook, inboxKey: string, now: number): NewJob[] {
  if (parsed.type === null || parsed.shopId === null) return [];
  if (ORDER_EVENT_TYPES.has(parsed.type)) {
    const orderId = idString(parsed.data.order_id);
    if (!orderId) return [];
    return parsed.type === WEBHOOK_TYPES.CANCELLATION_STATUS_CHANGE
      ? [orderCancellationUpsertJob(parsed.shopId, orderId, now)]
      : [orderUpsertJob(parsed.shopId, orderId, now)];
  }
  if (parsed.type === WEBHOOK_TYPES.SELLER_DEAUTHORIZATION) {
    return [
      {
        kind: JOB_KINDS.SHOP_DEAUTHORIZED,
        shopId: parsed.shopId,
        dedupeKey: `deauth:${inboxKey}`,
        // When TikTok stamped it: a deauthorization older than the shop's current authorization is void.
        payload: { shopId: parsed.shopId, eventTime: parsed.timestamp } satisfies DeauthorizationPayload,
        runAfter: now,
      },
    ];
  }
  if (parsed.type === WEBHOOK_TYPES.UPCOMING_AUTHORIZATION_EXPIRATION) {
    return [
      {
        kind: JOB_KINDS.AUTH_EXPIRING,
        shopId: parsed.shopId,
        dedupeKey: `auth-expiring:${inboxKey}`,
        payload: { shopId: parsed.shopId, expirationTime: idString(parsed.data.expiration_time) },
        runAfter: now,
      },
    ];
  }
  return [];
}

export function webhookNotificationOf(
  parsed: ParsedWebhook,
  rawBody: Buffer,
  now: number,
): WebhookNotificationInput {
  return {
    dedupeKey: webhookDedupeKey(parsed, rawBody),
    shopId: parsed.shopId,
    eventType: parsed.type,
    rawBody: rawBody.toString('utf8'),
    receivedAt: now,
  };
}
