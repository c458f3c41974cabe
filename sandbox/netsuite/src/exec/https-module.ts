/**
 * `N/https`: outbound calls, 10 units each, performed for real and synchronously.
 *
 * NetSuite's rules (Oracle help, N/https Module): header names containing underscores are refused; Connection,
 * Content-Length, Host, JSESSIONID, Trailer, Transfer-Encoding, Upgrade and Via are silently
 * dropped; object bodies are sent form-encoded.
 */
import { currentInvocation } from '../context';
import { SuiteScriptError } from '../errors';
import type { SyncHttpRequest, SyncHttpResult } from './sync-http';
import { performHttpSync } from './sync-http';

export const Method = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  DELETE: 'DELETE',
  HEAD: 'HEAD',
} as const;

const DROPPED_HEADERS = new Set([
  'connection',
  'content-length',
  'host',
  'jsessionid',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

export interface HttpsModuleOptions {
  /** Performs the exchange (defaults to a child process); tests may pass their own. */
  transport?: (request: SyncHttpRequest) => SyncHttpResult;
  timeoutMs?: number;
}

interface RequestOptions {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, unknown>;
}

export interface ClientResponse {
  code: number;
  headers: Record<string, string>;
  body: string;
}

function encodeBody(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (typeof body === 'object') {
    return Object.entries(body as Record<string, unknown>)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
  }
  return String(body);
}

/** Header names with underscores are refused; the headers NetSuite manages itself are dropped. */
export function cleanHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.includes('_')) {
      throw new SuiteScriptError(
        'SSS_INVALID_HEADER',
        `Invalid header name "${name}": header names must not contain underscores.`,
      );
    }
    if (DROPPED_HEADERS.has(name.toLowerCase())) continue;
    out[name] = String(value);
  }
  return out;
}

export function createHttpsModule(options: HttpsModuleOptions = {}): Record<string, unknown> {
  const transport = options.transport ?? performHttpSync;
  const timeoutMs = options.timeoutMs ?? 45_000;

  const request = (opts: RequestOptions): ClientResponse => {
    const method = String(opts?.method ?? '').toUpperCase();
    if (!Object.prototype.hasOwnProperty.call(Method, method)) {
      throw new SuiteScriptError(
        'SSS_INVALID_HTTP_METHOD',
        `https.request: method ${method || '(missing)'} is not valid.`,
      );
    }
    if (typeof opts.url !== 'string' || !/^https?:\/\//i.test(opts.url)) {
      throw new SuiteScriptError('SSS_INVALID_URL', `https.request: ${String(opts.url)} is not a valid URL.`);
    }
    const headers = cleanHeaders(opts.headers);
    currentInvocation().meter.chargeApi('https.request');
    const result = transport({ method, url: opts.url, headers, body: encodeBody(opts.body), timeoutMs });
    if (!result.ok) {
      if (result.kind === 'timeout') {
        throw new SuiteScriptError('SSS_REQUEST_TIME_EXCEEDED', `The request to ${opts.url} timed out.`);
      }
      throw new SuiteScriptError(
        'SSS_CONNECTION_CLOSED',
        `The connection to ${opts.url} failed: ${result.message}.`,
      );
    }
    return { code: result.code, headers: result.headers, body: result.body };
  };

  return {
    Method,
    request,
    get: (opts: Omit<RequestOptions, 'method' | 'body'>) => request({ ...opts, method: 'GET' }),
    delete: (opts: Omit<RequestOptions, 'method' | 'body'>) => request({ ...opts, method: 'DELETE' }),
    post: (opts: Omit<RequestOptions, 'method'>) => request({ ...opts, method: 'POST' }),
    put: (opts: Omit<RequestOptions, 'method'>) => request({ ...opts, method: 'PUT' }),
  };
}
