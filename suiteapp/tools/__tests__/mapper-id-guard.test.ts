import * as path from 'node:path';
import { findGuardIssues, formatGuardIssue, undeclaredSqlWords } from '../mapper-id-guard';

/**
 * The guard that keeps the mappers' declarations complete (mapper-id-guard.ts): the SuiteApp holds
 * its four rules, and a fixture that breaks each one is caught with file, line and fix.
 */

const SUITEAPP = path.resolve(__dirname, '..', '..');
const MAPPERS = path.join(SUITEAPP, 'ts', 'lib', 'mappers');
const DAO = path.join(SUITEAPP, 'ts', 'lib', 'dao');
const FIXTURE = path.join(__dirname, 'fixtures', 'mapper-guard');

const minting = [path.join(MAPPERS, 'record-declaration.ts'), path.join(MAPPERS, 'sql.ts')];

describe('the SuiteApp sources', () => {
  it('reach NetSuite only through the DAO wrappers, with declared ids and declared SuiteQL names', () => {
    const issues = findGuardIssues({
      tsconfig: path.join(SUITEAPP, 'tsconfig.json'),
      wrappers: [path.join(DAO, 'netsuite-record.ts'), path.join(DAO, 'suiteql.ts')],
      minting,
      declaring: /\/suiteapp\/ts\/lib\/mappers\/[^/]+-mapper\.ts$/,
    });
    expect(issues.map(formatGuardIssue)).toEqual([]);
  }, 60_000);
});

describe('the guard', () => {
  const issues = findGuardIssues({
    tsconfig: path.join(FIXTURE, 'tsconfig.json'),
    wrappers: [path.join(FIXTURE, 'ts', 'fixture-wrapper.ts')],
    minting,
    declaring: /\/fixture-mapper\.ts$/,
  }).map(formatGuardIssue);

  it('catches N/record calls outside the wrappers, a user-event record included', () => {
    expect(issues.filter((i) => i.includes('fixture-service.ts') && i.includes('record APIs'))).toEqual([
      expect.stringMatching(
        /fixture-service\.ts:6: `rec\.setValue\(\.\.\.\)` calls NetSuite's record APIs outside the DAO wrappers.*Fix: go through dao\/netsuite-record\.ts/,
      ),
      expect.stringMatching(/fixture-service\.ts:10: `record\.load\(\.\.\.\)` calls NetSuite's record APIs/),
    ]);
    expect(issues.some((i) => i.includes('fixture-wrapper.ts'))).toBe(false);
  });

  it('catches a declaration outside the mapper modules the schema check loads', () => {
    expect(issues).toContainEqual(
      expect.stringMatching(
        /fixture-service\.ts:14: `declareRecord\(\.\.\.\)` outside a mapper module.*Fix: move the declaration into the record's mapper module/,
      ),
    );
  });

  it('catches an id forged by a type assertion', () => {
    expect(issues).toContainEqual(
      expect.stringMatching(
        /fixture-mapper\.ts:22: `as BodyFieldId` makes a NetSuite id or SuiteQL text that no mapper declared\. Fix: declare the id in the record's mapper/,
      ),
    );
  });

  it('catches columns written into SuiteQL text, and passes declared ones', () => {
    const sqlIssues = issues.filter((i) => i.includes('SuiteQL text names'));
    expect(sqlIssues).toEqual([
      expect.stringContaining('fixture-mapper.ts:19: SuiteQL text names `subtotal`'),
      expect.stringContaining('fixture-mapper.ts:19: SuiteQL text names `type`'),
    ]);
    expect(issues).toHaveLength(6);
  });

  it('tells keywords, aliases and quoted values from names', () => {
    expect(
      undeclaredSqlWords([
        'SELECT o.',
        ' AS id, TO_CHAR(o.',
        ", 'YYYY-MM-DD HH24:MI') AS last_modified FROM ",
        ' o LEFT JOIN ',
        ' s ON s.',
        ' = o.',
        ' WHERE o.',
        " = 'pending' AND NVL(",
        ', 0) < 5 ORDER BY id DESC FETCH FIRST 10 ROWS ONLY',
      ]),
    ).toEqual(['id']);
  });
});
