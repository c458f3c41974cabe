/**
 * The bridge's durable state behind one interface. SQLite implements it today; a PostgreSQL
 * implementation joins later and must pass the same contract suite (`__tests__/store-contract.ts`).
 * Times are milliseconds since the epoch. Token columns hold ciphertext envelopes only: encryption
 * happens in `tiktok/token-vault.ts`, above the store. Free text the store keeps (recent errors,
 * job errors and dead-letter reasons, shop state reasons) is passed through `redactSecretsInText`
 * (`core/redact.ts`) on the way in: it often quotes TikTok or NetSuite error bodies.
 */
import type { StockReservation } from '../../../shared-types/src/inventory/oversell';
import type { ShopConnectionState } from '../../../shared-types/src/contract/restlet-contract';
import type { OutboxAckResult } from '../../../shared-types/src/outbox/outbox-contract';

export interface ShopRecord {
  shopId: string;
  name: string;
  region: string;
  sellerType: string;
  cipher: string;
  code: string;
  state: ShopConnectionState;
  stateReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ShopInput {
  shopId: string;
  name: string;
  region: string;
  sellerType: string;
  cipher: string;
  code: string;
  state: ShopConnectionState;
}

/** Encrypted token columns of one shop plus their (plaintext) expiry times. */
export interface StoredTokens {
  shopId: string;
  /** The authorizing seller (`open_id`): shops sharing it share one token grant. */
  grantId: string;
  accessTokenEnc: string;
  refreshTokenEnc: string;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  updatedAt: number;
  /**
   * When the seller granted the current authorization (the code exchange), kept across refreshes;
   * 0 for tokens stored before the bridge recorded it. A deauthorization stamped before this time
   * belongs to an earlier authorization.
   */
  authorizedAt: number;
}

export type OAuthStateResult = 'ok' | 'unknown' | 'used' | 'expired';
/**
 * `session`: started from a browser session, the callback must carry the matching state cookie.
 * `bearer`: started by a script with the Bearer admin token, which has no browser to bind to.
 */
export type OAuthStateBinding = 'session' | 'bearer';

export interface WebhookNotificationInput {
  /** `tts_notification_id`, or `sha256:<hex of the raw body>` when the event has none. */
  dedupeKey: string;
  shopId: string | null;
  eventType: number | null;
  rawBody: string;
  receivedAt: number;
  /** Set when the event is kept but not acted on (e.g. older than the staleness window), and why. */
  ignoredReason?: string | null;
}

export interface WebhookNotificationRecord extends WebhookNotificationInput {
  id: number;
}

/** One webhook of a group commit (`insertWebhooks`): the event and the jobs it starts. */
export interface WebhookBatchItem {
  entry: WebhookNotificationInput;
  jobs: readonly NewJob[];
}

/** What became of one webhook of a committed batch; `ok: false` when that webhook alone failed. */
export type WebhookBatchResult = { ok: true; inserted: boolean; id: number } | { ok: false; error: unknown };

export type JobState = 'pending' | 'running' | 'done' | 'dead';

export interface NewJob {
  kind: string;
  shopId: string | null;
  /** Unique among pending jobs: enqueueing a key that is already pending adds nothing. */
  dedupeKey: string | null;
  payload: unknown;
  runAfter: number;
}

export interface JobRecord {
  id: number;
  kind: string;
  shopId: string | null;
  dedupeKey: string | null;
  payload: unknown;
  state: JobState;
  /** Times the job was claimed (every run counts, including runs whose process stopped). */
  attempts: number;
  /**
   * Claims that took the job over from an owner whose lease had expired (its process stopped or
   * stalled). The runner does not count these runs against `maxAttempts`: a deploy or crash must
   * not dead-letter a healthy job. They have their own, smaller cap (a job that kills its process).
   */
  leaseExpiries: number;
  runAfter: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  lastError: string | null;
  deadReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface EnqueueResult {
  id: number;
  created: boolean;
}

export interface ClaimOptions {
  owner: string;
  now: number;
  leaseMs: number;
  limit: number;
  /** Only these kinds. */
  kinds?: readonly string[];
  /** Not these kinds (another lane runs them). */
  excludeKinds?: readonly string[];
}

export type JobFailure =
  { kind: 'retry'; error: string; runAfter: number } | { kind: 'dead'; error: string; reason: string };

export interface QueueDepth {
  kind: string;
  state: JobState;
  count: number;
}

/** How far the reconcile pass has read one shop's orders (`bridge/src/workers/reconcile.ts#reconcileShopOrders`). */
export interface ReconcileCursor {
  shopId: string;
  name: string;
  value: number;
  updatedAt: number;
}

export interface RecentError {
  id: number;
  at: number;
  source: string;
  shopId: string | null;
  message: string;
}

/**
 * What the order upserts saw of a TikTok order for the late-dispatch watch: `shipBy` (Unix s) while
 * it is still to ship, null once it is not (shipped, cancelled, fulfilled by TikTok).
 */
export interface DispatchObservation {
  shopId: string;
  orderId: string;
  shipBy: number | null;
  /** TikTok's `update_time` of the payload: an older payload never overwrites a newer one. */
  orderUpdateTime: number;
}

export interface DispatchWatchRecord {
  shopId: string;
  orderId: string;
  shipBy: number;
}

/** The result of a delivered outbox row, kept until NetSuite has it (`outbox.ack`). */
export interface StoredOutboxAck {
  shopId: string;
  result: OutboxAckResult;
}

/** A quantity TikTok confirmed (its Update Inventory took it) for a seller SKU at a warehouse. */
export interface ConfirmedInventory {
  shopId: string;
  sellerSku: string;
  warehouseId: string;
  quantity: number;
  productId: string;
  skuId: string;
  /** When TikTok confirmed it (ms; read back only). */
  confirmedAt?: number;
}

export interface BridgeStore {
  readonly kind: string;
  ping(): Promise<void>;
  close(): Promise<void>;

  upsertShop(shop: ShopInput, now: number): Promise<ShopRecord>;
  getShop(shopId: string): Promise<ShopRecord | undefined>;
  listShops(): Promise<ShopRecord[]>;
  setShopState(shopId: string, state: ShopRecord['state'], reason: string | null, now: number): Promise<void>;

  saveTokens(tokens: StoredTokens): Promise<void>;
  getTokens(shopId: string): Promise<StoredTokens | undefined>;
  /**
   * Key rotation: swaps a shop's two token ciphertexts for re-encrypted ones only if they are still
   * `from` (a refresh saved since is never overwritten); false when they changed or the row is gone.
   */
  replaceTokenCiphertexts(
    shopId: string,
    from: Pick<StoredTokens, 'accessTokenEnc' | 'refreshTokenEnc'>,
    to: Pick<StoredTokens, 'accessTokenEnc' | 'refreshTokenEnc'>,
  ): Promise<boolean>;
  /** Shop ids whose tokens come from the same seller grant (including the given grant's own shops). */
  listShopIdsByGrant(grantId: string): Promise<string[]>;

  /** `binding` defaults to `session`. */
  createOAuthState(state: string, expiresAt: number, now: number, binding?: OAuthStateBinding): Promise<void>;
  /** How the state was issued; `undefined` when this bridge never issued it (used or not). */
  getOAuthStateBinding(state: string): Promise<OAuthStateBinding | undefined>;
  /** Marks the state used (single use) and says whether it was valid. */
  consumeOAuthState(state: string, now: number): Promise<OAuthStateResult>;

  /**
   * Inserts the event and enqueues its jobs in one transaction. A duplicate dedupe key inserts
   * nothing and enqueues nothing.
   */
  insertWebhook(
    entry: WebhookNotificationInput,
    jobs: readonly NewJob[],
  ): Promise<{ inserted: boolean; id: number }>;
  /**
   * Group commit (`webhooks/group-commit.ts`): every webhook as `insertWebhook` would, all in one
   * transaction, results in order. One webhook that fails is rolled back alone (`ok: false`); the
   * promise rejects only when the transaction itself does not commit (nothing stored).
   */
  insertWebhooks(batch: readonly WebhookBatchItem[]): Promise<WebhookBatchResult[]>;
  getWebhook(id: number): Promise<WebhookNotificationRecord | undefined>;
  countWebhooks(): Promise<number>;

  enqueueJob(job: NewJob, now: number): Promise<EnqueueResult>;
  claimJobs(options: ClaimOptions): Promise<JobRecord[]>;
  /**
   * Heartbeat: moves the lease `owner` holds on these running jobs to `until`, and returns the ids
   * it still held. A job another owner reclaimed, or one no longer running, is left alone and left
   * out of the answer: the caller has lost it and must not complete it.
   */
  extendLease(ids: readonly number[], owner: string, until: number, now: number): Promise<number[]>;
  /** Completes a job leased by `owner`; false when the lease was lost. */
  completeJob(id: number, owner: string, now: number): Promise<boolean>;
  failJob(id: number, owner: string, failure: JobFailure, now: number): Promise<boolean>;
  getJob(id: number): Promise<JobRecord | undefined>;
  listJobs(filter: { state?: JobState; kind?: string; limit?: number }): Promise<JobRecord[]>;
  queueDepths(): Promise<QueueDepth[]>;
  /** Moves dead jobs (optionally of one kind and/or shop) back to pending with a fresh attempt count. */
  requeueDeadJobs(filter: { kind?: string; shopId?: string }, now: number): Promise<number>;

  getCursor(shopId: string, name: string): Promise<ReconcileCursor | undefined>;
  setCursor(shopId: string, name: string, value: number, now: number): Promise<void>;
  listCursors(): Promise<ReconcileCursor[]>;

  /** Keeps delivered outbox rows' results until acknowledged (a second result for a row replaces it). */
  saveOutboxAcks(acks: readonly StoredOutboxAck[], now: number): Promise<void>;
  /** Results not yet acknowledged, oldest first. */
  listOutboxAcks(limit: number): Promise<StoredOutboxAck[]>;
  /** Forgets results NetSuite has acknowledged. */
  deleteOutboxAcks(outboxIds: readonly string[]): Promise<void>;

  /** Records the orders' to-ship state (late-dispatch watch); older payloads are ignored. */
  observeDispatch(observations: readonly DispatchObservation[], now: number): Promise<void>;
  /** Orders still to ship, nearest ship-by first (ties by shop and order id). */
  listDispatchWatch(limit: number): Promise<DispatchWatchRecord[]>;
  /** How many orders are still to ship, and how many of them are past `nowSeconds`. */
  countDispatchWatch(nowSeconds: number): Promise<{ toShip: number; late: number }>;

  /** The confirmed quantities of the given seller SKUs of a shop (issue #14). */
  getConfirmedInventory(shopId: string, sellerSkus: readonly string[]): Promise<ConfirmedInventory[]>;
  /** Records what TikTok confirmed (one transaction). */
  confirmInventory(rows: readonly ConfirmedInventory[], now: number): Promise<void>;
  /** Forgets pairs (a failed update: TikTok's quantity is no longer known), so they are sent again. */
  forgetInventory(
    shopId: string,
    pairs: readonly { sellerSku: string; warehouseId: string }[],
  ): Promise<void>;

  /**
   * Stock reservations (issue #16, shared-types/src/inventory/oversell.ts): replaces an order's
   * units (none: a cancelled order's are dropped), keeping when it was first stored in NetSuite.
   */
  reserveStock(
    shopId: string,
    orderId: string,
    units: readonly Omit<StockReservation, 'orderId' | 'upsertedAt'>[],
    now: number,
  ): Promise<void>;
  /** Notes that NetSuite's inbox has these orders (first time only). */
  markStockUpserted(shopId: string, orderIds: readonly string[], at: number): Promise<void>;
  /** Every reservation of a shop. */
  listStockReservations(shopId: string): Promise<StockReservation[]>;
  /** Drops the reservations of orders NetSuite's quantities reflect now. */
  releaseStock(shopId: string, orderIds: readonly string[]): Promise<void>;

  recordError(error: Omit<RecentError, 'id'>): Promise<void>;
  listRecentErrors(limit: number): Promise<RecentError[]>;

  /**
   * Admin sign-in sessions, kept server-side so they can be revoked. Only a keyed hash of the
   * session id is stored (`http/admin-auth.ts`), never the id the browser holds.
   */
  createAdminSession(idHash: string, expiresAt: number, now: number): Promise<void>;
  /** True while the session exists, is not revoked and has not expired. */
  isAdminSessionActive(idHash: string, now: number): Promise<boolean>;
  /** Revokes one session (sign-out); false when it was not active. */
  revokeAdminSession(idHash: string, now: number): Promise<boolean>;
  /**
   * Revokes every session not revoked yet ("sign out everywhere", `bridge revoke-sessions`), expired
   * ones included (the caller's clock may differ from the bridge's); how many.
   */
  revokeAllAdminSessions(now: number): Promise<number>;
}
