import express, { type Router } from 'express';
import { describeError } from '../core/errors';
import type { BridgeMetrics } from '../metrics';
import type { BridgeStore } from '../store/types';
import type { CachedProbe } from './cached-probe';

/** `/healthz` (the process is up), `/readyz` (store reachable; cached NetSuite ping), `/metrics`. */
export function healthRouter(deps: {
  store: BridgeStore;
  netsuitePing: CachedProbe;
  metrics: BridgeMetrics;
}): Router {
  const router = express.Router();

  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  router.get('/readyz', async (_req, res) => {
    let store: { ok: boolean; error?: string };
    try {
      await deps.store.ping();
      store = { ok: true };
    } catch (error) {
      store = { ok: false, error: describeError(error) };
    }
    const netsuite = await deps.netsuitePing.get();
    res.status(store.ok ? 200 : 503).json({ ok: store.ok, store, netsuite });
  });

  router.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.text());
  });

  return router;
}
