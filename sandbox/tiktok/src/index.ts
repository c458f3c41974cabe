/** TikTok Shop Open API simulator (API 202309+): public entry points. */
export { startTikTokSimulator, ALL_SCOPES } from './simulator';
export type { TikTokSimulator, TikTokSimulatorOptions } from './simulator';
export { buildSignBase, buildWrappedString, computeSign, verifySign, signForTest } from './signing';
export type { SignInput, SignedRequestParts } from './signing';
export { signWebhook, verifyWebhookSignature } from './webhooks/webhook-signature';
export { DEFAULT_RETRY_SCHEDULE_MS } from './webhooks/sender';
export type { WebhookDelivery, WebhookAttempt, DeliveryState, WebhookSender } from './webhooks/sender';
export { EVENT_TYPE_IDS, SUBSCRIBABLE_EVENT_TYPES } from './webhooks/event-types';
export type { Faults } from './faults';
export type { RateLimitConfig } from './api/rate-limiter';
export type {
  AdminApi,
  AdminCreateOrderOptions,
  InventoryRow,
  OrderAction,
  SetInventoryInput,
  WarehouseInput,
} from './admin/admin-api';
export type { CreateOrderOptions, OrderFeeMix, OrderSkuSpec } from './domain/order-factory';
export { BUYER_FEE_MARKETS, BUYER_FEES } from './domain/buyer-fees';
export type { BuyerFee } from './domain/buyer-fees';
export type { SeedBundleSpec, SeedOptions, SeedProductSpec, SeedShopSpec } from './domain/seed';
export { DEFAULT_CATALOG, EXAMPLE_BUNDLES } from './domain/seed';
export { TikTokApiError } from './errors';
export type { SimulatorState } from './domain/state';
export type { ApiOrder, Cancellation, PackageRecord, ReturnRecord, Shop } from './domain/types';
export type { TokenResponseData } from './auth/token-service';
