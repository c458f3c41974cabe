/**
 * The account's RESTlet front door: `/app/site/hosting/restlet.nl?script=..&deploy=..` over HTTP,
 * with token-based authentication, the account-wide concurrency limit, the 10 MB request cap and a
 * simulated request duration (so concurrent callers overlap although scripts run synchronously).
 * Other paths (Suitelets, the UI login) are served by `routes`, outside the web-services concurrency
 * limit, which only counts RESTlet requests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NS } from '../../errors';
import { errorMessage, errorName } from '../error-shape';
import type { HttpRoute, RouteResponse } from '../http-route';
import type { TbaVerifier } from '../tba/verifier';
import type { DispatchEnvironment, RestletTarget } from './dispatch';
import { dispatchRestlet } from './dispatch';
import type { RestletResponse } from './responses';
import { INVALID_LOGIN, errorResponse } from './responses';

export const RESTLET_PATH = '/app/site/hosting/restlet.nl';
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface RestletHostOptions {
  verifier: TbaVerifier;
  /** The released RESTlet deployment named by the URL; throws a SuiteScriptError when there is none. */
  resolve(script: string, deploy: string): RestletTarget;
  dispatch: DispatchEnvironment;
  /** Requests allowed at once across the account (default 5). */
  concurrencyLimit?: number;
  /** Time each request holds its concurrency slot after the script ran (default 0). */
  latencyMs?: number;
  maxBodyBytes?: number;
  /** Pages served by path (`/app/site/hosting/scriptlet.nl` → the Suitelet host). */
  routes?: Readonly<Record<string, HttpRoute>>;
  port?: number;
  host?: string;
}

type BodyRead = { ok: true; body: string } | { ok: false };

function readBody(req: http.IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve({ ok: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(over ? { ok: false } : { ok: true, body: Buffer.concat(chunks).toString('utf8') }),
    );
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, response: RestletResponse): void {
  res.writeHead(response.status, {
    'Content-Type': response.contentType,
    'Content-Length': Buffer.byteLength(response.body),
  });
  res.end(response.body);
}

function sendRoute(res: http.ServerResponse, response: RouteResponse): void {
  res.writeHead(response.status, { ...response.headers, 'Content-Length': Buffer.byteLength(response.body) });
  res.end(response.body);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class RestletHost {
  private server: http.Server | null = null;
  private active = 0;
  private peak = 0;
  private boundPort = 0;

  constructor(private readonly options: RestletHostOptions) {}

  get port(): number {
    return this.boundPort;
  }

  get hostname(): string {
    return this.options.host ?? '127.0.0.1';
  }

  /** Most requests that held a concurrency slot at the same time. */
  get peakConcurrency(): number {
    return this.peak;
  }

  get baseUrl(): string {
    return `http://${this.hostname}:${this.boundPort}`;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) send(res, errorResponse(500, NS.UNEXPECTED_ERROR, errorMessage(e)));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.hostname, () => resolve());
    });
    this.server = server;
    this.boundPort = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const limit = this.options.maxBodyBytes ?? MAX_BODY_BYTES;
    const read = await readBody(req, limit);
    const route = this.options.routes?.[url.pathname];
    if (route && !read.ok) {
      send(
        res,
        errorResponse(413, 'SSS_REQUEST_SIZE_EXCEEDED', `The request body exceeds the ${limit} byte limit.`),
      );
      return;
    }
    if (route && read.ok) {
      sendRoute(
        res,
        route({
          method: (req.method ?? 'GET').toUpperCase(),
          url,
          headers: req.headers,
          body: read.body,
          remoteAddress: req.socket.remoteAddress ?? '',
        }),
      );
      return;
    }
    if (url.pathname !== RESTLET_PATH) {
      send(
        res,
        errorResponse(
          404,
          'SSS_INVALID_URL',
          `No RESTlet is served at ${url.pathname}; use ${RESTLET_PATH}.`,
        ),
      );
      return;
    }
    if (!read.ok) {
      send(
        res,
        errorResponse(
          413,
          'SSS_REQUEST_SIZE_EXCEEDED',
          `The request body exceeds the ${limit} byte limit for RESTlets.`,
        ),
      );
      return;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const query = [...url.searchParams] as [string, string][];
    const auth = this.options.verifier.verify({
      method,
      scheme: 'http',
      host: req.headers.host ?? `${this.hostname}:${this.boundPort}`,
      path: url.pathname,
      query,
      authorization: req.headers.authorization,
    });
    if (!auth.ok) {
      send(res, INVALID_LOGIN);
      return;
    }
    const concurrencyLimit = this.options.concurrencyLimit ?? 5;
    if (this.active >= concurrencyLimit) {
      send(
        res,
        errorResponse(
          400,
          NS.REQUEST_LIMIT,
          `SSS_REQUEST_LIMIT_EXCEEDED: the account's limit of ${concurrencyLimit} concurrent requests is reached; retry later.`,
        ),
      );
      return;
    }
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    try {
      const response = this.run(method, url, query, req.headers['content-type'], read.body);
      if (this.options.latencyMs) await sleep(this.options.latencyMs);
      send(res, response);
    } finally {
      this.active -= 1;
    }
  }

  private run(
    method: string,
    url: URL,
    query: [string, string][],
    contentType: string | undefined,
    body: string,
  ): RestletResponse {
    let target: RestletTarget;
    try {
      target = this.options.resolve(
        url.searchParams.get('script') ?? '',
        url.searchParams.get('deploy') ?? '',
      );
    } catch (e) {
      return errorResponse(400, errorName(e), errorMessage(e));
    }
    return dispatchRestlet(target, { method, query, contentType, body }, this.options.dispatch);
  }
}
