import { spawn } from 'node:child_process';
import path from 'node:path';
import { probe } from './order-dates-probe';

/**
 * Order dates are the shop's calendar dates, whatever the host's time zone (issue #10), and the Date
 * the sales order mapper sets is that day wherever it runs: the probe
 * (order-dates-probe.ts) runs here and in child Node processes with the host at UTC,
 * Pacific/Kiritimati (UTC+14) and America/Los_Angeles, and answers the same everywhere. The child
 * compiles the TypeScript sources on the fly with the project's TypeScript (as the emulator's
 * sandbox/netsuite/src/time/__tests__/host-zones.test.ts does), so it tests the sources.
 */

const EXPECTED = {
  // A UK order at 00:30 is the 15th in London and Tokyo, the 14th in California; summer time counts.
  calendar: ['2026-01-15', '2026-01-14', '2026-01-15', '2026-07-01', '2026-06-30', '2026-01-15'],
  addDays: ['2026-02-02', '2026-01-01', '2026-03-31', '2026-03-10'],
  // Planned in the GB region's zone: dated the 15th; the pre-order ships 3 calendar days later.
  ukPlan: ['Europe/London', '2026-01-15', '2026-01-18'],
  shipByDeadline: '2026-01-15',
  // The Date the mapper sets: noon of that day in the local zone (what NetSuite stores as that day).
  dayValue: [2026, 0, 15, 12],
};

const PROBE = path.join(__dirname, 'order-dates-probe.ts');
const BOOT = `
const ts = require('typescript');
const fs = require('fs');
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};
process.stdout.write(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(2026, 0, 15).getTimezoneOffset(), report: require(process.argv[1]).probe() }));
`;

function probeUnder(tz: string): Promise<{ zone: string; offset: number; report: unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', BOOT, PROBE], {
      env: { ...process.env, TZ: tz },
      cwd: path.resolve(__dirname, '../../../../..'),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out))
        : reject(new Error(`probe under TZ=${tz} exited ${code}: ${err}`)),
    );
  });
}

describe('order dates (issue #10)', () => {
  it('are the calendar dates of the zone asked for, in this process', () => {
    expect(probe()).toEqual(EXPECTED);
  });

  it('are the same with the host at UTC, Pacific/Kiritimati and America/Los_Angeles', async () => {
    const zones = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];
    const results = await Promise.all(zones.map(probeUnder));
    // The children really ran in those zones (a host-local Date of 2026-01-15 has each zone's offset)...
    expect(results.map((r) => [r.zone, r.offset])).toEqual([
      ['UTC', 0],
      ['Pacific/Kiritimati', -840],
      ['America/Los_Angeles', 480],
    ]);
    // ...and the dates came out the same in each.
    for (const r of results) expect(r.report).toEqual(EXPECTED);
  }, 180_000);
});
