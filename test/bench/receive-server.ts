/**
 * Child process of the webhook receive benchmark, so the server does not share an event loop with
 * the load generator: `bridge <sqlite file | postgres:// URL> <appKey> <appSecret> [maxBatch]
 * [normal|full] [maxInFlight]` serves the real bridge (webhook verified, stored in SQLite with synchronous NORMAL or
 * FULL, or in PostgreSQL, by the group commit of at most `maxBatch` webhooks per transaction,
 * answered; no workers; LOG_LEVEL info, the default), `bare` an Express app that answers 200. Answers `cpu` with the CPU time it has used so
 * far (`{ cpuMicros }`). Sends `{ port }` to the parent over IPC once listening; exits on `stop`.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createBridge } from '../../bridge/src/bridge';
import type { LiveConfig } from '../../bridge/src/config';
import { WEBHOOK_PATH } from '../../bridge/src/webhooks/route';

export type ReceiveServerKind = 'bridge' | 'bare';

export function benchBridgeConfig(dbFile: string, appKey: string, appSecret: string): LiveConfig {
  const nowhere = 'http://127.0.0.1:9';
  return {
    mode: 'live',
    tiktok: {
      appKey,
      appSecret,
      serviceId: '7000000000000000000',
      apiBaseUrl: nowhere,
      authBaseUrl: nowhere,
      authorizeUrl: `${nowhere}/open/authorize`,
    },
    netsuite: {
      accountId: 'TSTDRV1234567',
      consumerKey: 'ck',
      consumerSecret: 'cs',
      tokenId: 'ti',
      tokenSecret: 'ts',
      restletUrl: `${nowhere}/app/site/hosting/restlet.nl?script=1&deploy=1`,
    },
    publicUrl: 'http://127.0.0.1:3000',
    adminToken: randomBytes(24).toString('hex'),
    encryptionKey: randomBytes(32),
    databaseUrl: dbFile.startsWith('postgres://') ? dbFile : `sqlite:${dbFile}`,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    authMaxFailures: 10,
    authWindowSeconds: 300,
  };
}

async function serve(kind: ReceiveServerKind, args: readonly string[]): Promise<() => Promise<void>> {
  if (kind === 'bridge') {
    const [dbFile, appKey, appSecret, maxBatch, synchronous, maxInFlight] = args;
    if (!dbFile || !appKey || !appSecret) throw new Error('bridge needs <sqlite file> <appKey> <appSecret>');
    const config = benchBridgeConfig(dbFile, appKey, appSecret);
    if (synchronous === 'full') config.sqliteSynchronous = 'full';
    const bridge = createBridge(config, {
      webhookGroupCommitMaxBatch: maxBatch === undefined ? undefined : Number(maxBatch),
      webhookGroupCommitMaxInFlight: maxInFlight === undefined ? undefined : Number(maxInFlight),
    });
    const { port } = await bridge.start(0);
    process.send?.({ port });
    return () => bridge.stop();
  }
  const app = express();
  app.post(WEBHOOK_PATH, (_req, res) => {
    res.status(200).end();
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  process.send?.({ port: (server.address() as AddressInfo).port });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

if (require.main === module) {
  const [kind, ...rest] = process.argv.slice(2);
  if (kind !== 'bridge' && kind !== 'bare') throw new Error('usage: receive-server.js bridge|bare ...');
  serve(kind, rest).then(
    (stop) => {
      process.on('message', (message) => {
        if (message === 'stop') void stop().then(() => process.exit(0));
        // CPU time this process has used (µs), so the parent can charge each run its own share.
        if (message === 'cpu') process.send?.({ cpuMicros: cpuMicros() });
      });
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
