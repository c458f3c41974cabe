/**
 * The bridge as production runs it: `node dist/bridge/src/cli.js serve` in its own process,
 * configured only through environment variables, its stdout/stderr appended to a log file. `kill()`
 * is SIGKILL (no shutdown hook runs); `start()` again is a fresh process on the same SQLite file.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../../..' : '../..');
export const BRIDGE_CLI = path.join(REPO_ROOT, 'dist/bridge/src/cli.js');

export function assertBridgeBuilt(): void {
  if (!fs.existsSync(BRIDGE_CLI)) {
    throw new Error(`The bridge is not built (${BRIDGE_CLI} is missing). Run \`npm run build\` first.`);
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class BridgeProcess {
  starts = 0;
  kills = 0;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly env: Record<string, string>,
    readonly url: string,
    readonly logFile: string,
  ) {}

  /** The running process's id (its jobs' lease owner starts `bridge-<pid>-`), or null. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(readyTimeoutMs = 20_000): Promise<void> {
    if (this.child) throw new Error('bridge process already running');
    const log = fs.openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [BRIDGE_CLI, 'serve'], {
      env: this.env,
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    this.child = child;
    this.starts += 1;
    let gone = false;
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', () => {
        gone = true;
        if (this.child === child) this.child = null;
        resolve();
      });
    });
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (gone) throw new Error(`bridge exited during start-up; log:\n${this.logTail()}`);
      try {
        const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`bridge not ready after ${readyTimeoutMs} ms; log:\n${this.logTail()}`);
  }

  /** SIGKILL now (synchronous signal); `await exitedAfterKill()` to know it is gone. */
  killNow(): boolean {
    if (!this.child) return false;
    this.child.kill('SIGKILL');
    this.kills += 1;
    return true;
  }

  async kill(): Promise<void> {
    if (this.killNow()) await this.exited;
  }

  waitExit(): Promise<void> {
    return this.exited;
  }

  /** Graceful stop (SIGTERM), SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Runs another CLI command (`reconcile orders`, `status --json`) against the same configuration. */
  runCli(args: string[], timeoutMs = 120_000): Promise<CliResult> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [BRIDGE_CLI, ...args],
        { env: this.env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  logTail(lines = 30): string {
    if (!fs.existsSync(this.logFile)) return '(no log)';
    return fs.readFileSync(this.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
  }
}
