/**
 * The webhook route's body reader (`read-body.ts`): the exact bytes as a Buffer whether it reads a
 * plain body itself or hands a chunked or compressed one to `express.raw`; a declared length over
 * the limit is body-parser's 413, a request cut short an error of type `request.aborted`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler } from 'express';
import { webhookBodyReader } from '../read-body';

interface Seen {
  body?: Buffer;
  error?: { type?: string; status?: number };
}

async function serve(
  limit: number,
): Promise<{ port: number; seen: Promise<Seen>; close: () => Promise<void> }> {
  let resolveSeen: (seen: Seen) => void = () => undefined;
  const seen = new Promise<Seen>((resolve) => (resolveSeen = resolve));
  const app = express();
  const errors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, _next) => {
    resolveSeen({ error: { type: error.type, status: error.status } });
    res.status(error.status ?? 500).end();
  };
  app.post('/hook', webhookBodyReader(limit), (req, res) => {
    resolveSeen({ body: req.body as Buffer });
    res.status(200).end();
  });
  app.use(errors);
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function post(port: number, headers: Record<string, string>, parts: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/hook', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    for (const part of parts) req.write(part);
    req.end();
  });
}

const body = Buffer.from('{"type":1,"note":"ü 🎉 \\"quoted\\"","data":{"order_id":"576461413038700001"}}');

describe('webhookBodyReader', () => {
  it('reads a plain body (Content-Length) as its exact bytes, sent in several packets', async () => {
    const server = await serve(1024);
    try {
      const status = await post(server.port, { 'content-length': String(body.length) }, [
        body.subarray(0, 10),
        body.subarray(10),
      ]);
      expect(status).toBe(200);
      expect((await server.seen).body?.equals(body)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('hands a chunked body to express.raw: the same bytes', async () => {
    const server = await serve(1024);
    try {
      expect(await post(server.port, { 'transfer-encoding': 'chunked' }, [body])).toBe(200);
      expect((await server.seen).body?.equals(body)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('hands a gzip body to express.raw: the inflated bytes', async () => {
    const server = await serve(1024);
    try {
      const gzipped = gzipSync(body);
      const headers = { 'content-encoding': 'gzip', 'content-length': String(gzipped.length) };
      expect(await post(server.port, headers, [gzipped])).toBe(200);
      expect((await server.seen).body?.equals(body)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('answers a declared length over the limit with body-parser’s 413', async () => {
    const server = await serve(16);
    try {
      expect(await post(server.port, { 'content-length': String(body.length) }, [body])).toBe(413);
      expect((await server.seen).error).toEqual({ type: 'entity.too.large', status: 413 });
    } finally {
      await server.close();
    }
  });

  it('fails a request cut short with request.aborted (400), never a body', async () => {
    const server = await serve(1024);
    try {
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/hook',
        headers: { 'content-length': String(body.length) },
      });
      req.on('error', () => undefined);
      req.write(body.subarray(0, 10), () => req.destroy());
      expect((await server.seen).error).toEqual({ type: 'request.aborted', status: 400 });
    } finally {
      await server.close();
    }
  });
});
