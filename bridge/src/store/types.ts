import type { ShopConnectionState } from '../../../shared-types/src/contract/restlet-contract';

/**
 * The bridge's durable state behind one interface. SQLite implements it today; a PostgreSQL
 * implementation joins later and must pass the same contract suite (`__tests__/store-contract.ts`).
 * Times are milliseconds since the epoch. Token columns hold ciphertext envelopes only: encryption
 * happens in `tiktok/token-vault.ts`, above the store. Free text the store keeps (recent errors,
 * job errors and dead-letter reasons, shop state reasons) is passed through `redactSecretsInText`
 * (`core/redact.ts`) on the way in: it often quotes TikTok or NetSuite error bodies.
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

  getCursor(shopId: string, name: string): Promise<SyncCursor | undefined>;
  setCursor(shopId: string, name: string, value: number, now: number): Promise<void>;
  listCursors(): Promise<SyncCursor[]>;

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
