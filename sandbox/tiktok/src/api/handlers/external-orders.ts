/**
 * External order references (TikTok's Get Order Detail; shapes, limits and the platform list as in TikTok's
 * 202406 Add / Get / Search External Order References pages): link a TikTok order to its order in
 * another system. `platform` is one of TikTok's closed list (a value outside it is a 36009004
 * parameter error: the pages list the values but no error code, so the code is this simulator's
 * choice); `line_items` is required (0–100, the Add page marks it required); an order TikTok does
 * not know for this shop is reported per order in `errors[]` of a code-0 response with the Add page's
 * sample error, whose `code` is a JSON string (`"36020001"`, "Invalid order_id"). Choices where the
 * pages are silent (sandbox/tiktok/README.md): one reference per order and platform, adding the same
 * one again changes nothing, adding another id for the same platform replaces it (the Add page: "to
 * edit the attached information … call the API with the same OMS"), ids are at most 64 characters.
 *
 * Scopes: the Add page names the API package "Write External Order References", the Get page "Read
 * External Order References" (scope keys `seller.order.ext_ref.write` / `.read`). The Search page
 * names a private package ("QA test EU"), which looks like a documentation slip; it is treated as a
 * read like Get.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import type { SimulatorState } from '../../domain/state';
import type { ExternalOrderRef, OrderRecord } from '../../domain/types';
import { Business, Gateway } from '../../errors';
import { optObject, optObjectArray, requireShopId } from '../body';
import type { ApiContext, RouteDef } from '../route-table';

export const MAX_EXTERNAL_ORDERS_PER_CALL = 100;
export const MAX_EXTERNAL_LINE_ITEMS = 100;
export const EXTERNAL_REF_WRITE_SCOPE = 'seller.order.ext_ref.write';
export const EXTERNAL_REF_READ_SCOPE = 'seller.order.ext_ref.read';

/** TikTok's closed list of `platform` values (Add / Get / Search External Order References 202406). */
export const EXTERNAL_ORDER_PLATFORMS: readonly string[] = [
  'SHOPIFY',
  'WOOCOMMERCE',
  'BIGCOMMERCE',
  'MAGENTO',
  'SALESFORCE_COMMERCE_CLOUD',
  'CHANNEL_ADVISOR',
  'AMAZON',
  'ORDER_MANAGEMENT_SYSTEM',
  'WAREHOUSE_MANAGEMENT_SYSTEM',
  'ERP_SYSTEM',
];
const MAX_EXTERNAL_ID_LENGTH = 64;

interface ParsedReference {
  orderId: string;
  ref: { id: string; platform: string; lineItems: { id: string; originId: string }[] };
}

interface ItemError {
  /** A string in TikTok's documented answer (`"36020001"`), unlike the envelope's numeric `code`. */
  code: string;
  message: string;
  detail: { order_id: string; external_order: { id: string; platform: string } };
}

function requireText(value: unknown, path: string, max = MAX_EXTERNAL_ID_LENGTH): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw Gateway.invalidParam(`${path} must be a non-empty string of at most ${max} characters`);
  }
  return value;
}

function requirePlatform(value: unknown, path: string): string {
  if (typeof value !== 'string' || !EXTERNAL_ORDER_PLATFORMS.includes(value)) {
    throw Gateway.invalidParam(`${path} must be one of ${EXTERNAL_ORDER_PLATFORMS.join(', ')}`);
  }
  return value;
}

function parseEntry(entry: Record<string, unknown>, index: number): ParsedReference {
  const path = `orders[${index}]`;
  const orderId = requireText(entry.id, `${path}.id`);
  const external = optObject(entry, 'external_order');
  if (!external) throw Gateway.invalidParam(`${path}.external_order is required`);
  const id = requireText(external.id, `${path}.external_order.id`);
  const platform = requirePlatform(external.platform, `${path}.external_order.platform`);
  const lines = optObjectArray(external, 'line_items');
  if (lines === undefined) throw Gateway.invalidParam(`${path}.external_order.line_items is required`);
  if (lines.length > MAX_EXTERNAL_LINE_ITEMS) {
    throw Gateway.invalidParam(
      `${path}.external_order.line_items accepts at most ${MAX_EXTERNAL_LINE_ITEMS} line items`,
    );
  }
  const lineItems = lines.map((line, lineIndex) => ({
    id: requireText(line.id, `${path}.external_order.line_items[${lineIndex}].id`),
    originId: requireText(line.origin_id, `${path}.external_order.line_items[${lineIndex}].origin_id`),
  }));
  return { orderId, ref: { id, platform, lineItems } };
}

function parseBody(body: Record<string, unknown>): ParsedReference[] {
  const orders = optObjectArray(body, 'orders');
  if (!orders || orders.length === 0) throw Gateway.invalidParam('orders is required');
  if (orders.length > MAX_EXTERNAL_ORDERS_PER_CALL) {
    throw Gateway.invalidParam(`orders accepts at most ${MAX_EXTERNAL_ORDERS_PER_CALL} references`);
  }
  return orders.map((entry, index) => parseEntry(entry, index));
}

function itemError(code: string, message: string, parsed: ParsedReference): ItemError {
  return {
    code,
    message,
    detail: {
      order_id: parsed.orderId,
      external_order: { id: parsed.ref.id, platform: parsed.ref.platform },
    },
  };
}

function store(state: SimulatorState, parsed: ParsedReference, now: number): void {
  const refs = state.externalOrders.get(parsed.orderId) ?? [];
  const existing = refs.find((ref) => ref.platform === parsed.ref.platform);
  if (existing === undefined) {
    refs.push({ ...parsed.ref, createTime: now, updateTime: now });
  } else if (
    existing.id !== parsed.ref.id ||
    JSON.stringify(existing.lineItems) !== JSON.stringify(parsed.ref.lineItems)
  ) {
    existing.id = parsed.ref.id;
    existing.lineItems = parsed.ref.lineItems;
    existing.updateTime = now;
  }
  state.externalOrders.set(parsed.orderId, refs);
}

function addReferences(state: SimulatorState, clock: Clock, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const now = Math.floor(clock.now() / 1000);
  const errors: ItemError[] = [];
  for (const parsed of parseBody(ctx.body)) {
    const record = state.orders.get(parsed.orderId);
    if (!record || record.shopId !== shopId) {
      errors.push(itemError('36020001', 'Invalid order_id', parsed));
      continue;
    }
    const lineIds = new Set(record.order.line_items.map((line) => line.id));
    const stranger = parsed.ref.lineItems.find((line) => !lineIds.has(line.originId));
    if (stranger) {
      errors.push(
        itemError(
          '36009004',
          `invalid param error: origin_id ${stranger.originId} is not a line item of order ${parsed.orderId}`,
          parsed,
        ),
      );
      continue;
    }
    store(state, parsed, now);
  }
  return errors.length > 0 ? { errors } : {};
}

function view(ref: ExternalOrderRef) {
  return {
    id: ref.id,
    platform: ref.platform,
    line_items: ref.lineItems.map((line) => ({ id: line.id, origin_id: line.originId })),
  };
}

function ownedOrder(state: SimulatorState, shopId: string, orderId: string): OrderRecord {
  const record = state.orders.get(orderId);
  if (!record || record.shopId !== shopId) throw Business.orderNotOwned();
  return record;
}

function getReferences(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const orderId = ctx.params.order_id ?? '';
  ownedOrder(state, shopId, orderId);
  const platform = requirePlatform(ctx.query.platform, 'platform');
  const refs = (state.externalOrders.get(orderId) ?? []).filter((ref) => ref.platform === platform);
  return { external_orders: refs.map(view) };
}

function searchReferences(state: SimulatorState, ctx: ApiContext) {
  const shopId = requireShopId(ctx.shop);
  const externalId = ctx.query.external_order_id;
  const platform = ctx.query.platform;
  if (!externalId) throw Gateway.invalidParam('external_order_id is required');
  requirePlatform(platform, 'platform');
  const orders = [...state.externalOrders.entries()].flatMap(([orderId, refs]) => {
    const ref = refs.find((r) => r.platform === platform && r.id === externalId);
    const record = state.orders.get(orderId);
    return ref && record && record.shopId === shopId ? [{ id: orderId, external_order: view(ref) }] : [];
  });
  return { orders };
}

export function externalOrderRoutes(state: SimulatorState, clock: Clock): RouteDef[] {
  return [
    {
      method: 'POST',
      pattern: '/order/202406/orders/external_orders',
      scope: EXTERNAL_REF_WRITE_SCOPE,
      shopLevel: true,
      handler: (ctx) => addReferences(state, clock, ctx),
    },
    {
      method: 'GET',
      pattern: '/order/202406/orders/{order_id}/external_orders',
      scope: EXTERNAL_REF_READ_SCOPE,
      shopLevel: true,
      handler: (ctx) => getReferences(state, ctx),
    },
    {
      method: 'POST',
      pattern: '/order/202406/orders/external_order_search',
      scope: EXTERNAL_REF_READ_SCOPE,
      shopLevel: true,
      handler: (ctx) => searchReferences(state, ctx),
    },
  ];
}
