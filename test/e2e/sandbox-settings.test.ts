import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertBridgeBuilt, BRIDGE_CLI } from '../chaos/bridge-process';
import { assertSuiteAppBuilt } from '../support/connector-account';

/**
 * Issue #8, finding 7: `npm start` without credentials (the bridge CLI's `serve` in sandbox mode)
 * honours DATABASE_URL, BRIDGE_ADMIN_TOKEN and LOG_LEVEL, says at start what it does with each
 * setting it was given, and creates the bridge database owner-only.
 */
let child: ChildProcess | undefined;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-settings-'));
});

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts `serve` and resolves with its output once the demo printed its status page line. */
function startSandbox(env: Record<string, string>): Promise<{ output: () => string; url: string }> {
  assertBridgeBuilt();
  assertSuiteAppBuilt();
  let output = '';
  const started = spawn(process.execPath, [BRIDGE_CLI, 'serve'], {
    env: { PATH: process.env.PATH ?? '', SANDBOX_ORDER_INTERVAL_MS: '3600000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Status page: (http:\/\/[^/\s]+)\//.exec(output);
      if (match?.[1]) resolve({ output: () => output, url: match[1] });
    };
    started.stdout?.on('data', onData);
    started.stderr?.on('data', onData);
    started.once('exit', (code) =>
      reject(new Error(`serve exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

/**
 * Resolves once `output()` matches `pattern`: the bridge's pino lines and the demo's lines reach the
 * pipes independently, so a log line may arrive just after the status page line. Rejects with the
 * output after `ms` so a missing line fails the test with what was printed.
 */
async function outputMatching(output: () => string, pattern: RegExp, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return output();
}

describe('npm start (sandbox mode) and the bridge settings it is given', () => {
  it('uses DATABASE_URL, BRIDGE_ADMIN_TOKEN and LOG_LEVEL, says so, and names the settings that do not apply', async () => {
    const dbPath = path.join(dir, 'store', 'sandbox-bridge.db');
    const adminToken = 'my-sandbox-admin-token-0123';
    const { output, url } = await startSandbox({
      PORT: '0',
      DATABASE_URL: `sqlite:${dbPath}`,
      BRIDGE_ADMIN_TOKEN: adminToken,
      LOG_LEVEL: 'info',
      TIKTOK_API_BASE_URL: 'https://open-api.tiktokglobalshop.com',
    });
    // LOG_LEVEL=info is the bridge's own pino log (the demo alone would keep it at warn).
    const text = await outputMatching(output, /"level":30,.*"msg":"shop connected"/);
    expect(text).toContain('running in SANDBOX mode');
    expect(text).toContain(`DATABASE_URL=sqlite:${dbPath}: used for the bridge store`);
    expect(text).toContain('BRIDGE_ADMIN_TOKEN: used; sign in to the status page with it');
    expect(text).toContain('LOG_LEVEL=info: used for the bridge log');
    expect(text).toContain('TIKTOK_API_BASE_URL: does not apply in the sandbox');
    expect(text).toContain('sign in with your BRIDGE_ADMIN_TOKEN');
    expect(text).not.toContain(adminToken);

    expect(fs.statSync(dbPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(dbPath)).mode & 0o777).toBe(0o700);
    const page = await fetch(`${url}/`, {
      headers: { authorization: `Bearer ${adminToken}`, accept: 'application/json' },
    });
    expect(page.status).toBe(200);
    expect(((await page.json()) as { shops: { state: string }[] }).shops).toEqual([
      expect.objectContaining({ state: 'connected' }),
    ]);
  });
});
