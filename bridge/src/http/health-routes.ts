import express, { type Router } from 'express';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import type { BridgeMetrics } from '../metrics';
import type { BridgeStore } from '../store/types';
import type { AdminAuth } from './admin-auth';
import type { CachedProbe } from './cached-probe';

/**
 * `/healthz` (the process is up), `/readyz` (store reachable; cached NetSuite ping) and `/metrics`.
 * `/readyz` tells anyone only whether each part is ok; why one is not (NetSuite's or the store's
 * error text) is shown to an admin only (Bearer or session). `/metrics` needs the metrics token
 * (BRIDGE_METRICS_TOKEN) or an admin credential, and never queries the store itself
 * (`metrics.ts` caches the queue depths).
 */
export function healthRouter(deps: {
  store: BridgeStore;
  netsuitePing: CachedProbe;
  metrics: BridgeMetrics;
  adminAuth: AdminAuth;
}): Router {
  const router = express.Router();

  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  router.get('/readyz', async (req, res) => {
    let storeError: string | undefined;
    try {
      await deps.store.ping();
    } catch (error) {
      storeError = describeError(error);
    }
    const netsuite = await deps.netsuitePing.get();
    const admin = await deps.adminAuth.isAuthorized(req);
    const store = { ok: storeError === undefined, ...(admin && storeError ? { error: storeError } : {}) };
    const ns = {
      ok: netsuite.ok,
      checkedAt: netsuite.checkedAt,
      ...(admin && netsuite.error !== undefined ? { error: netsuite.error } : {}),
    };
    res.status(store.ok ? 200 : 503).json({ ok: store.ok, store, netsuite: ns });
  });

  router.get('/metrics', async (req, res) => {
    if (!(await deps.adminAuth.mayReadMetrics(req))) {
      throw new BridgeError(
        BRIDGE_ERROR_CODES.UNAUTHORIZED,
        'Metrics need Authorization: Bearer <BRIDGE_METRICS_TOKEN> (or the admin token).',
      );
    }
    res.type(deps.metrics.contentType).send(await deps.metrics.text());
  });

  return router;
}
