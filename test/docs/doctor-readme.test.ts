/**
 * Keeps the README's doctor table (section Troubleshooting, between the `doctor-checks` markers)
 * the registry's: one row per check of shared-types/src/doctor/doctor-checks.ts, in its order, with
 * its symptom and its fix (issue #21); and its tests column honest: each letter's test file names
 * the check, every check has a sandbox test (E, B or C) unless it is informational (I: always ok).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DoctorInput } from '../../shared-types/src/doctor/doctor-checks';
import { DOCTOR_CHECKS } from '../../shared-types/src/doctor/doctor-checks';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The test file of each letter of the tests column (defined in the paragraph above the table). */
/** Whether a test file names the check: `'id'`, or `id:` as a key of a table of cases. */
const names = (source: string, id: string): boolean =>
  source.includes(`'${id}'`) || new RegExp(`^\\s+${id}: `, 'm').test(source);

const TEST_FILES: Record<string, string> = {
  U: 'shared-types/src/doctor/__tests__/doctor-checks.test.ts',
  E: 'test/integration/connector-home.test.ts',
  B: 'bridge/src/doctor/__tests__/bridge-doctor.test.ts',
  C: 'test/e2e/doctor-surfaces.test.ts',
};

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
      expect(row[4]).toMatch(/^U(, E)?(, B)?(, C)?(, I)?$/);
    }
  });

  it("names, in each row's tests column, test files that break and repair that check", () => {
    const sources = Object.fromEntries(
      Object.entries(TEST_FILES).map(([letter, file]) => [
        letter,
        fs.readFileSync(path.join(ROOT, file), 'utf8'),
      ]),
    );
    const paragraph = README.slice(0, README.indexOf('<!-- doctor-checks:start -->'));
    for (const [letter, file] of Object.entries(TEST_FILES))
      expect(paragraph).toContain(`**${letter}** \`${file}\``);
    expect(paragraph).toContain('**I** informational');
    const bare: DoctorInput = { nowMs: Date.now(), shop: { shopId: '1', name: 'Shop', region: null } };
    for (const row of tableRows()) {
      const id = row[0]!.replace(/`/g, '');
      const letters = row[4]!.split(', ');
      for (const letter of letters.filter((l) => l in TEST_FILES)) {
        expect({ id, letter, named: names(sources[letter]!, id) }).toEqual({
          id,
          letter,
          named: true,
        });
      }
      // Done when (issue #21): each check is broken and repaired in the sandbox, or is informational.
      expect({ id, sandbox: letters.some((l) => ['E', 'B', 'C', 'I'].includes(l)) }).toEqual({
        id,
        sandbox: true,
      });
      if (letters.includes('I')) {
        const check = DOCTOR_CHECKS.find((c) => c.id === id)!;
        expect({ id, result: check.run(bare).result }).toEqual({ id, result: 'ok' });
      }
    }
  });
});
