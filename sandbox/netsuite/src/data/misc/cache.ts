/**
 * `N/cache`: named caches per scope, values kept as strings, NetSuite's minimum time-to-live.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { currentInvocation } from '../../context';
import { NS, SuiteScriptError } from '../../errors';

export const Scope = { PRIVATE: 'PRIVATE', PROTECTED: 'PROTECTED', PUBLIC: 'PUBLIC' } as const;

/** NetSuite's minimum time-to-live; shorter ttl values are raised to it. */
export const MIN_TTL_SECONDS = 300;

interface Entry {
  value: string;
  expiresAt: number | null;
}

export interface Cache {
  readonly name: string;
  readonly scope: string;
  get(options: { key: string; loader?: (context: { key: string }) => unknown; ttl?: number }): string | null;
  put(options: { key: string; value: unknown; ttl?: number }): void;
  remove(options: { key: string }): void;
}

export interface CacheModule {
  Scope: typeof Scope;
  getCache(options: { name: string; scope?: string }): Cache;
}

/** Values are kept as strings: objects are JSON-stringified, as NetSuite does. */
function asString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * `N/cache`, shared across invocations (PRIVATE caches are per script id). Costs: get 1 on a hit,
 * 2 on a miss; put and remove 1.
 */
export function createCacheModule(clock: Clock): CacheModule {
  const stores = new Map<string, Map<string, Entry>>();

  const expiry = (ttl: number | undefined): number | null =>
    ttl === undefined ? null : clock.now() + Math.max(MIN_TTL_SECONDS, Number(ttl)) * 1000;

  return {
    Scope,
    getCache({ name, scope = Scope.PRIVATE }) {
      if (!name) throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, 'cache.getCache: Missing a required argument: name');
      const owner = scope === Scope.PRIVATE ? currentInvocation().scriptId : '*';
      const storeKey = `${scope}|${owner}|${name}`;
      const store = stores.get(storeKey) ?? new Map<string, Entry>();
      stores.set(storeKey, store);
      const live = (key: string): Entry | undefined => {
        const entry = store.get(key);
        if (entry && entry.expiresAt !== null && entry.expiresAt <= clock.now()) {
          store.delete(key);
          return undefined;
        }
        return entry;
      };
      return {
        name,
        scope,
        get({ key, loader, ttl }) {
          const hit = live(String(key));
          const meter = currentInvocation().meter;
          if (hit) {
            meter.chargeApi('cache.get.hit');
            return hit.value;
          }
          meter.chargeApi('cache.get.miss');
          if (!loader) return null;
          const loaded = loader({ key: String(key) });
          if (loaded === null || loaded === undefined) return null;
          const value = asString(loaded);
          store.set(String(key), { value, expiresAt: expiry(ttl) });
          return value;
        },
        put({ key, value, ttl }) {
          currentInvocation().meter.chargeApi('cache.put');
          store.set(String(key), { value: asString(value), expiresAt: expiry(ttl) });
        },
        remove({ key }) {
          currentInvocation().meter.chargeApi('cache.remove');
          store.delete(String(key));
        },
      };
    },
  };
}
