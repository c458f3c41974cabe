/**
 * One real HTTP exchange, performed synchronously (SuiteScript's `N/https` is synchronous) by a
 * child Node process. The server must not live in this process: the event loop is blocked while
 * the child waits for the answer.
 */
import { execFileSync } from 'node:child_process';

export interface SyncHttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export type SyncHttpResult =
  | { ok: true; code: number; headers: Record<string, string>; body: string }
  | { ok: false; kind: 'timeout' | 'network'; message: string };

const CHILD_SOURCE = `
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', async () => {
  const req = JSON.parse(input);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), req.timeoutMs);
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body === undefined || req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
      signal: controller.signal,
      redirect: 'follow',
    });
    const body = await res.text();
    const headers = {};
    res.headers.forEach((v, k) => { headers[k] = v; });
    process.stdout.write(JSON.stringify({ ok: true, code: res.status, headers, body }));
  } catch (e) {
    const timeout = controller.signal.aborted;
    const message = e && e.cause && e.cause.message ? e.cause.message : String(e && e.message ? e.message : e);
    process.stdout.write(JSON.stringify({ ok: false, kind: timeout ? 'timeout' : 'network', message }));
  } finally {
    clearTimeout(timer);
  }
});
`;

export function performHttpSync(request: SyncHttpRequest): SyncHttpResult {
  const out = execFileSync(process.execPath, ['-e', CHILD_SOURCE], {
    input: JSON.stringify(request),
    maxBuffer: 64 * 1024 * 1024,
    timeout: request.timeoutMs + 10_000,
    encoding: 'utf8',
  });
  return JSON.parse(out) as SyncHttpResult;
}
