import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { axiosSend, TransportError } from '../http-transport';

describe('axiosSend deadlines', () => {
  let server: Server;
  let url: string;
  const timers = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    // Sends the headers at once, then one byte every 100 ms for 10 s: never idle, never done.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const timer = setInterval(() => {
        sent += 1;
        if (sent > 100) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(' ');
      }, 100);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow?app_secret=shh`;
  });

  afterAll(async () => {
    for (const timer of timers) clearInterval(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('aborts a response that trickles past the timeout (headers sent, body never ends)', async () => {
    const started = Date.now();
    const error = await axiosSend({ method: 'GET', url, headers: {}, timeoutMs: 500 }).catch(
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TransportError);
    expect(elapsed).toBeLessThan(1500);
    expect((error as Error).message).not.toContain('shh');
  });
});
