/** The part every store has: its kind (`sqlite`, `postgres`), a liveness probe and close. */
export interface StoreLifecycle {
  readonly kind: string;
  /** Resolves while the database answers; rejects once the store is closed or unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
