/**
 * Counts what the bridge processes logged (pino JSON lines, level warn and above): retries of
 * TikTok and NetSuite calls, job retries and dead letters. The counts survive SIGKILL because they
 * come from the log file, not from the killed process's memory.
 */
import fs from 'node:fs';

export interface BridgeLogCounts {
  tiktokRetries: number;
  netsuiteRetries: number;
  jobRetries: number;
  deadLettered: number;
  webhooksRejected: number;
  lines: number;
}

const MESSAGES: Record<string, keyof Omit<BridgeLogCounts, 'lines'>> = {
  'TikTok call failed; retrying': 'tiktokRetries',
  'NetSuite call failed; retrying': 'netsuiteRetries',
  'job failed; will retry': 'jobRetries',
  'job dead-lettered': 'deadLettered',
  'webhook rejected': 'webhooksRejected',
};

export function countBridgeLog(text: string): BridgeLogCounts {
  const counts: BridgeLogCounts = {
    tiktokRetries: 0,
    netsuiteRetries: 0,
    jobRetries: 0,
    deadLettered: 0,
    webhooksRejected: 0,
    lines: 0,
  };
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let msg: unknown;
    try {
      msg = (JSON.parse(line) as { msg?: unknown }).msg;
    } catch {
      continue;
    }
    counts.lines += 1;
    const key = typeof msg === 'string' ? MESSAGES[msg] : undefined;
    if (key) counts[key] += 1;
  }
  return counts;
}

export function readLogs(files: readonly string[]): string {
  return files
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}
