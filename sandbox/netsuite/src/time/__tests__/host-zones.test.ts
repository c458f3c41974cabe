import { spawn } from 'node:child_process';
import path from 'node:path';
import { EXPECTED_DATE_REPORT } from './expected-report';

/**
 * The emulator's dates do not depend on the host's time zone: the date probe (date-probe.ts) runs in
 * a child Node process under TZ=UTC, Pacific/Kiritimati (UTC+14) and America/Los_Angeles, and each
 * reports exactly the server's (Pacific) answers. The child compiles the TypeScript sources on the
 * fly with the project's own TypeScript, so it tests the sources, not a stale build.
 */
const PROBE = path.join(__dirname, 'date-probe.ts');

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

describe('the emulator under different host time zones', () => {
  it('reports the same Pacific dates with the host at UTC, Pacific/Kiritimati and America/Los_Angeles', async () => {
    const zones = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];
    const results = await Promise.all(zones.map(probeUnder));
    // The children really ran in those zones (a host-local Date of 2026-01-15 has each zone's offset)...
    expect(results.map((r) => [r.zone, r.offset])).toEqual([
      ['UTC', 0],
      ['Pacific/Kiritimati', -840],
      ['America/Los_Angeles', 480],
    ]);
    // ...and the emulator answered the same in each.
    for (const r of results) expect(r.report).toEqual(EXPECTED_DATE_REPORT);
  }, 180_000);
});
