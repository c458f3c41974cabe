/**
 * `/healthz` (the process is up), `/readyz` (store reachable; cached NetSuite ping) and `/metrics`.
 * `/readyz` tells anyone only whether each part is ok; why one is not (NetSuite's or the store's
 * error text) is shown to an admin only (Bearer or session). `/metrics` needs the metrics token
 * (BRIDGE_METRICS_TOKEN) or an admin credential, and never queries the store itself
 * (`metrics.ts` caches the queue depths).
 *
 * For a load balancer: `/readyz` is 503 when the store does not answer (this instance cannot
 * store webhooks) and while the bridge is draining before a shutdown (BRIDGE_SHUTDOWN_DRAIN_SECONDS),
 * so traffic moves away before the server closes. NetSuite's state is reported but does not make
 * the instance unready: webhooks are still stored and their jobs retry, and every instance shares
 * the one NetSuite account, so taking them all out would only turn TikTok's deliveries away. The
 * NetSuite ping runs at most once per TTL for all callers, and a check waits for it at most
 * `netsuiteWaitMs` (default 2 s): past that it answers the previous result, marked `checking`.
 */
import express, { type Router } from 'express';
import { BridgeError, BRIDGE_ERROR_CODES, describeError } from '../core/errors';
import type { BridgeMetrics } from '../metrics';
import type { BridgeStore } from '../store/types';
import type { AdminAuth } from './admin-auth';
import type { CachedProbe } from './cached-probe';

export const DEFAULT_READYZ_NETSUITE_WAIT_MS = 2000;

export function healthRouter(deps: {
  store: BridgeStore;
  netsuitePing: CachedProbe;
  metrics: BridgeMetrics;
  adminAuth: AdminAuth;
  /** True once a shutdown has begun: `/readyz` answers 503 so the load balancer stops routing here. */
  draining?: () => boolean;
  /** Longest a `/readyz` waits for a NetSuite ping in flight (default 2000 ms). */
  netsuiteWaitMs?: number;
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
    const netsuite = await deps.netsuitePing.get(deps.netsuiteWaitMs ?? DEFAULT_READYZ_NETSUITE_WAIT_MS);
    const draining = deps.draining?.() ?? false;
    const admin = await deps.adminAuth.isAuthorized(req);
    const store = { ok: storeError === undefined, ...(admin && storeError ? { error: storeError } : {}) };
    const ns = {
      ok: netsuite.ok,
      checkedAt: netsuite.checkedAt,
      ...(netsuite.checking ? { checking: true } : {}),
      ...(admin && netsuite.error !== undefined ? { error: netsuite.error } : {}),
    };
    const ok = store.ok && !draining;
    res.status(ok ? 200 : 503).json({ ok, ...(draining ? { draining: true } : {}), store, netsuite: ns });
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
