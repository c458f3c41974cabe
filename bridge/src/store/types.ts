import type { ShopConnectionState } from '../../../shared-types/src/restlet-contract';

/**
 * The bridge's durable state behind one interface. SQLite implements it today; a PostgreSQL
 * implementation joins later and must pass the same contract suite (`__tests__/store-contract.ts`).
 * Times are milliseconds since the epoch. Token columns hold ciphertext envelopes only: encryption
 * happens in `tiktok/token-vault.ts`, above the store.
 */
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
}

export type OAuthStateResult = 'ok' | 'unknown' | 'used' | 'expired';

export interface WebhookInboxInput {
  /** `tts_notification_id`, or `sha256:<hex of the raw body>` when the event has none. */
  dedupeKey: string;
  shopId: string | null;
  eventType: number | null;
  rawBody: string;
  receivedAt: number;
}

export interface WebhookInboxRecord extends WebhookInboxInput {
  id: number;
}

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
  attempts: number;
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
  kinds?: readonly string[];
}

export type JobFailure =
  { kind: 'retry'; error: string; runAfter: number } | { kind: 'dead'; error: string; reason: string };

export interface QueueDepth {
  kind: string;
  state: JobState;
  count: number;
}

export interface SyncCursor {
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
  /** Shop ids whose tokens come from the same seller grant (including the given grant's own shops). */
  listShopIdsByGrant(grantId: string): Promise<string[]>;

  createOAuthState(state: string, expiresAt: number, now: number): Promise<void>;
  /** Marks the state used (single use) and says whether it was valid. */
  consumeOAuthState(state: string, now: number): Promise<OAuthStateResult>;

  /**
   * Inserts the event and enqueues its jobs in one transaction. A duplicate dedupe key inserts
   * nothing and enqueues nothing.
   */
  insertWebhook(
    entry: WebhookInboxInput,
    jobs: readonly NewJob[],
  ): Promise<{ inserted: boolean; id: number }>;
  getWebhook(id: number): Promise<WebhookInboxRecord | undefined>;
  countWebhooks(): Promise<number>;

  enqueueJob(job: NewJob, now: number): Promise<EnqueueResult>;
  claimJobs(options: ClaimOptions): Promise<JobRecord[]>;
  /** Completes a job leased by `owner`; false when the lease was lost. */
  completeJob(id: number, owner: string, now: number): Promise<boolean>;
  failJob(id: number, owner: string, failure: JobFailure, now: number): Promise<boolean>;
  getJob(id: number): Promise<JobRecord | undefined>;
  listJobs(filter: { state?: JobState; kind?: string; limit?: number }): Promise<JobRecord[]>;
  queueDepths(): Promise<QueueDepth[]>;
  /** Moves dead jobs (optionally of one kind and/or shop) back to pending with a fresh attempt count. */
  requeueDeadJobs(filter: { kind?: string; shopId?: string }, now: number): Promise<number>;

  getCursor(shopId: string, name: string): Promise<SyncCursor | undefined>;
  setCursor(shopId: string, name: string, value: number, now: number): Promise<void>;
  listCursors(): Promise<SyncCursor[]>;

  recordError(error: Omit<RecentError, 'id'>): Promise<void>;
  listRecentErrors(limit: number): Promise<RecentError[]>;
}
