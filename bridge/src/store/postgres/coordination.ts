/**
 * PostgreSQL part: coordination (`bridge/src/store/parts/coordination.ts`) across instances. A lock
 * is a session advisory lock on `hashtext(name)`, held on a connection of its own for as long as
 * `fn` runs (so `fn` may use the pool freely); it is released when `fn` settles, and PostgreSQL
 * releases it by itself if the instance dies. A bucket is a row of `rate_buckets`, refilled and
 * taken from in one statement, so instances drawing at once never overdraw it. Clocks of the
 * instances should agree (NTP): a bucket is refilled by the time since its last use, never backwards.
 */
import type { CoordinationStore, RateBucketLimit } from '../parts/coordination';
import type { PgConnection } from './connection';

export class PgCoordination implements CoordinationStore {
  constructor(private readonly c: PgConnection) {}

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const client = await this.c.lockClient();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
      }
    } finally {
      client.release();
    }
  }

  async takeRateToken(key: string, limit: RateBucketLimit, now: number): Promise<number> {
    const refilled = `LEAST($3::float8, rate_buckets.tokens + GREATEST(0, $4 - rate_buckets.updated_at) / 1000.0 * $2::float8)`;
    const taken = await this.c.query(
      `INSERT INTO rate_buckets (key, tokens, updated_at) VALUES ($1, $3::float8 - 1, $4)
       ON CONFLICT (key) DO UPDATE SET tokens = ${refilled} - 1, updated_at = GREATEST(rate_buckets.updated_at, $4)
       WHERE ${refilled} >= 1
       RETURNING tokens`,
      [key, limit.ratePerSecond, limit.burst, now],
    );
    if (taken.length === 1) return 0;
    const [row] = await this.c.query<{ tokens: number; updated_at: number }>(
      'SELECT tokens, updated_at FROM rate_buckets WHERE key = $1',
      [key],
    );
    if (!row) return 1;
    const tokens = Math.min(
      limit.burst,
      row.tokens + (Math.max(0, now - row.updated_at) / 1000) * limit.ratePerSecond,
    );
    return Math.max(1, Math.ceil(((1 - tokens) / limit.ratePerSecond) * 1000));
  }
}
