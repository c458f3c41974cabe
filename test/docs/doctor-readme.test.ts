/**
 * Keeps the README's doctor table (section Troubleshooting, between the `doctor-checks` markers)
 * the registry's: one row per check of shared-types/src/doctor/doctor-checks.ts, in its order, with
 * its symptom and its fix (issue #21).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCTOR_CHECKS } from '../../shared-types/src/doctor/doctor-checks';

const README = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

/** Markdown text as read: escapes (`\_`, `\*`) removed, spaces collapsed. */
const plain = (text: string): string =>
  text
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

function tableRows(): string[][] {
  const start = README.indexOf('<!-- doctor-checks:start -->');
  const end = README.indexOf('<!-- doctor-checks:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no doctor-checks table between its markers');
  return README.slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => plain(cell)),
    );
}

describe("README's doctor table", () => {
  it('lists every check of the registry, in its order, with its symptom and its fix', () => {
    const rows = tableRows();
    expect(rows.map((r) => r[0])).toEqual(DOCTOR_CHECKS.map((c) => `\`${c.id}\``));
    for (const check of DOCTOR_CHECKS) {
      const row = rows.find((r) => r[0] === `\`${check.id}\``)!;
      expect({ id: check.id, symptom: row[1] }).toEqual({ id: check.id, symptom: plain(check.title) });
      expect({ id: check.id, fix: row[3]?.startsWith(plain(check.fix)) }).toEqual({
        id: check.id,
        fix: true,
      });
      expect(row[4]).toMatch(/^U(, E)?(, B)?$/);
    }
  });
});
