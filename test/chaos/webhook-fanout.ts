/**
 * Stands between TikTok and the bridge like a flaky network path: every webhook TikTok sends reaches
 * the bridge `copies` times — two copies at once, the others after a random lag, so they arrive
 * after later webhooks. TikTok hears 200 when one of the immediate copies got 200 (else the status,
 * or 502 when the bridge is down), so TikTok retries exactly when a real receiver would have failed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { prng } from './order-mix';

export interface FanoutStats {
  received: number;
  copiesSent: number;
  copiesOk: number;
  copiesFailed: number;
  answeredOk: number;
  answeredFailed: number;
}

export interface WebhookFanout {
  url: string;
  stats: FanoutStats;
  /** Waits for the lagging copies still in flight. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface FanoutOptions {
  /** Base URL of the bridge, e.g. `http://127.0.0.1:4000`. */
  target: string;
  copies: number;
  maxLagMs: number;
  seed: number;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startWebhookFanout(options: FanoutOptions): Promise<WebhookFanout> {
  const random = prng(options.seed);
  const stats: FanoutStats = {
    received: 0,
    copiesSent: 0,
    copiesOk: 0,
    copiesFailed: 0,
    answeredOk: 0,
    answeredFailed: 0,
  };
  const lagging = new Set<Promise<number>>();

  const forward = async (path: string, body: Buffer, headers: Record<string, string>): Promise<number> => {
    stats.copiesSent += 1;
    try {
      const res = await fetch(`${options.target}${path}`, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(5000),
      });
      await res.arrayBuffer();
      if (res.status === 200) stats.copiesOk += 1;
      else stats.copiesFailed += 1;
      return res.status;
    } catch {
      stats.copiesFailed += 1;
      return 502;
    }
  };

  const lagged = (path: string, body: Buffer, headers: Record<string, string>): void => {
    const delay = Math.floor(random() * options.maxLagMs);
    const copy = new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() =>
      forward(path, body, headers),
    );
    lagging.add(copy);
    void copy.finally(() => lagging.delete(copy));
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      stats.received += 1;
      const headers: Record<string, string> = { 'content-type': req.headers['content-type'] ?? '' };
      if (typeof req.headers.authorization === 'string') headers.authorization = req.headers.authorization;
      const path = req.url ?? '/';
      const immediate = Math.min(2, options.copies);
      for (let i = immediate; i < options.copies; i += 1) lagged(path, body, headers);
      const statuses = await Promise.all(
        Array.from({ length: immediate }, () => forward(path, body, headers)),
      );
      const status = statuses.includes(200) ? 200 : (statuses[0] ?? 502);
      if (status === 200) stats.answeredOk += 1;
      else stats.answeredFailed += 1;
      res.statusCode = status;
      res.end();
    })().catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const drain = async (): Promise<void> => {
    while (lagging.size > 0) await Promise.allSettled([...lagging]);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    drain,
    async stop() {
      await drain();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
