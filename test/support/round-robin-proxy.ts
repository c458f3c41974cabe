/**
 * A load balancer for the several-instances tests (issue #22): an HTTP server on 127.0.0.1 that
 * hands each request to the next bridge instance in turn (round robin). An instance that does not
 * take the connection or drops it before answering (SIGKILLed) is skipped and the request goes to
 * the next one, as a load balancer retries an upstream that failed before it answered; only when
 * none answers does the client get 502. Redirects and cookies pass through untouched.
 */
import http from 'node:http';

export interface RoundRobinProxy {
  url: string;
  /** Requests each target answered, by index. */
  answered: number[];
  /** Requests whose target failed before answering (then retried on the next). */
  failovers: number;
  /** Requests to `path` each target answered. */
  answeredFor(path: string): number[];
  close(): Promise<void>;
}

function forward(
  target: URL,
  req: http.IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: Number(target.port),
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, connection: 'close' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

export async function startRoundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  const urls = targets.map((t) => new URL(t));
  const answered = urls.map(() => 0);
  const byPath = new Map<string, number[]>();
  let next = 0;
  let failovers = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const first = next++ % urls.length;
        for (let i = 0; i < urls.length; i += 1) {
          const index = (first + i) % urls.length;
          try {
            const answer = await forward(urls[index] as URL, req, body);
            answered[index] = (answered[index] ?? 0) + 1;
            const path = (req.url ?? '').split('?')[0] ?? '';
            const counts = byPath.get(path) ?? urls.map(() => 0);
            counts[index] = (counts[index] ?? 0) + 1;
            byPath.set(path, counts);
            const headers = { ...answer.headers };
            delete headers['transfer-encoding'];
            delete headers.connection;
            res.writeHead(answer.status, headers);
            res.end(answer.body);
            return;
          } catch {
            failovers += 1;
          }
        }
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('no instance answered');
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    get failovers() {
      return failovers;
    },
    answeredFor: (path) => byPath.get(path) ?? urls.map(() => 0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
