/** Store part: the most recent errors (the newest 200), shown on the status page. */

export interface RecentError {
  id: number;
  at: number;
  source: string;
  shopId: string | null;
  message: string;
}

export interface ErrorLogStore {
  recordError(error: Omit<RecentError, 'id'>): Promise<void>;
  /** Newest first. */
  listRecentErrors(limit: number): Promise<RecentError[]>;
}
