/**
 * The bridge's durable state, in parts a reader can hold in mind, one file each under `parts/`:
 * shops, tokens, OAuth states, admin sessions, webhook notifications, jobs, reconcile cursors,
 * recent errors, outbox acknowledgements, the late-dispatch watch, confirmed inventory, and
 * coordination between instances (a named lock, shared rate buckets).
 * `BridgeStore` is their intersection: callers take the whole store (or only the parts they use).
 *
 * Two implementations pass the same contract suites (`__tests__/contract/`, one per part): SQLite
 * (`sqlite/`, the default, one machine) and PostgreSQL (`postgres/`, several instances). Each
 * implementation writes one class per part and composes them with `composed-store.ts`.
 *
 * Times are milliseconds since the epoch. Token columns hold ciphertext envelopes only: encryption
 * happens in `bridge/src/tiktok/token-vault.ts`, above the store. Free text the store keeps (recent
 * errors, job errors and dead-letter reasons, shop state reasons, webhook bodies, job payloads) is
 * passed through `redactSecretsInText` (`bridge/src/core/redact.ts`) on the way in: it often quotes
 * TikTok or NetSuite error bodies.
 */
import type { AdminSessionStore } from './parts/admin-sessions';
import type { CoordinationStore } from './parts/coordination';
import type { CursorStore } from './parts/cursors';
import type { DispatchWatchStore } from './parts/dispatch-watch';
import type { ErrorLogStore } from './parts/errors';
import type { InventoryStore } from './parts/inventory';
import type { JobStore } from './parts/jobs';
import type { StoreLifecycle } from './parts/lifecycle';
import type { OAuthStateStore } from './parts/oauth-states';
import type { OutboxAckStore } from './parts/outbox-acks';
import type { ShopStore } from './parts/shops';
import type { TokenStore } from './parts/tokens';
import type { WebhookStore } from './parts/webhooks';

export type * from './parts/admin-sessions';
export type * from './parts/coordination';
export type * from './parts/cursors';
export type * from './parts/dispatch-watch';
export type * from './parts/errors';
export type * from './parts/inventory';
export type * from './parts/jobs';
export type * from './parts/lifecycle';
export type * from './parts/oauth-states';
export type * from './parts/outbox-acks';
export type * from './parts/shops';
export type * from './parts/tokens';
export type * from './parts/webhooks';

/** One implementation of each part (what `composed-store.ts` delegates to). */
export interface StoreParts {
  shops: ShopStore;
  tokens: TokenStore;
  oauthStates: OAuthStateStore;
  adminSessions: AdminSessionStore;
  webhooks: WebhookStore;
  jobs: JobStore;
  cursors: CursorStore;
  errors: ErrorLogStore;
  outboxAcks: OutboxAckStore;
  dispatchWatch: DispatchWatchStore;
  inventory: InventoryStore;
  coordination: CoordinationStore;
}

/** The whole store: every part plus its lifecycle. */
export type BridgeStore = StoreLifecycle &
  ShopStore &
  TokenStore &
  OAuthStateStore &
  AdminSessionStore &
  WebhookStore &
  JobStore &
  CursorStore &
  ErrorLogStore &
  OutboxAckStore &
  DispatchWatchStore &
  InventoryStore &
  CoordinationStore;
