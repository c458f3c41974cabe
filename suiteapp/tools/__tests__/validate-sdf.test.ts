import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SdfIssue } from '../validate-sdf';
import { formatSdfIssue, validateSdfProject } from '../validate-sdf';
import { main } from '../validate-sdf-cli';
import {
  APP_ID,
  builtFixtureRepo,
  expectedSummary,
  projectWithOverlay,
  removeTempDirs,
  scriptIds,
} from './sdf-fixtures';

afterAll(removeTempDirs);

const APP_FOLDER = `FileCabinet/SuiteApps/${APP_ID}`;
const repo = builtFixtureRepo();

interface BrokenCase {
  name: string;
  overlay?: string;
  remove?: string[];
  expected: { file: string; id: string; message: RegExp; fix?: SdfIssue['fix'] };
}

const BROKEN: BrokenCase[] = [
  {
    name: 'malformed XML',
    overlay: 'malformed-xml',
    expected: {
      file: 'Objects/customrecord_tts_log.xml',
      id: 'customrecord_tts_log',
      message: /malformed XML at line 7/,
    },
  },
  {
    name: 'a bad script-id prefix',
    overlay: 'bad-prefix',
    expected: {
      file: 'Objects/custbad_tts_thing.xml',
      id: 'custbad_tts_thing',
      message: /does not start with custbody_/,
    },
  },
  {
    name: 'an id over 40 characters',
    overlay: 'id-too-long',
    expected: {
      file: 'Objects/custbody_tts_this_identifier_is_far_too_long.xml',
      id: 'custbody_tts_this_identifier_is_far_too_long',
      message: /44 characters long; SDF allows 40/,
    },
  },
  {
    name: 'a missing script file',
    remove: [`${APP_FOLDER}/mr_import_orders.js`],
    expected: {
      file: 'Objects/customscript_tts_mr_import_orders.xml',
      id: 'customscript_tts_mr_import_orders',
      message: /mr_import_orders\.js does not exist under FileCabinet/,
      fix: 'run npm run build (it compiles suiteapp/ts/mr_import_orders.ts), or correct the path',
    },
  },
  {
    name: 'a header type that does not match the object',
    overlay: 'header-mismatch',
    expected: {
      file: 'Objects/customscript_tts_rl_connector.xml',
      id: 'customscript_tts_rl_connector',
      message: /declares @NScriptType Suitelet but the object is a restlet/,
    },
  },
  {
    name: 'missing entry points',
    overlay: 'missing-entry-points',
    expected: {
      file: 'Objects/customscript_tts_mr_import_orders.xml',
      id: 'customscript_tts_mr_import_orders',
      message: /exports getInputData, summarize; a mapreducescript needs one of map\/reduce/,
    },
  },
  {
    name: 'a custbody_ id used in code but not defined',
    overlay: 'undefined-custbody',
    expected: {
      file: `${APP_FOLDER}/rl_connector.js`,
      id: 'custbody_tts_not_defined',
      message: /line 11 uses custbody_tts_not_defined, which no object in Objects\/ defines/,
      fix: 'add Objects/custbody_tts_not_defined.xml or correct the id',
    },
  },
  {
    name: 'a missing feature',
    overlay: 'missing-feature',
    expected: {
      file: 'Objects/customrecord_tts_shop.xml',
      id: 'custrecord_tts_shop_loc_filter',
      message:
        /needs feature LOCATIONS because it selects location \(-103\), but manifest\.xml does not declare it/,
    },
  },
  {
    name: 'a bad fieldtype',
    overlay: 'bad-fieldtype',
    expected: {
      file: 'Objects/custitem_tts_sku.xml',
      id: 'custitem_tts_sku',
      message: /"FREEFORMTEXT" is not an SDF field type/,
    },
  },
  {
    name: 'an unbracketed scriptfile',
    overlay: 'unbracketed-scriptfile',
    expected: {
      file: 'Objects/customscript_tts_rl_connector.xml',
      id: 'customscript_tts_rl_connector',
      message: /is not in brackets/,
    },
  },
  {
    name: 'a SCHEDULED deployment without recurrence',
    overlay: 'scheduled-without-recurrence',
    expected: {
      file: 'Objects/customscript_tts_mr_import_orders.xml',
      id: 'customdeploy_tts_mr_import_sched',
      message: /SCHEDULED deployment has no <recurrence>/,
    },
  },
  {
    name: 'a file name that differs from the script id',
    overlay: 'wrong-file-name',
    expected: {
      file: 'Objects/custbody_tts_renamed.xml',
      id: 'custbody_tts_other_name',
      message: /file name does not match/,
      fix: 'rename the file to Objects/custbody_tts_other_name.xml',
    },
  },
  {
    name: 'a SELECT target that is not defined',
    overlay: 'unknown-select-target',
    expected: {
      file: 'Objects/custcol_tts_warehouse.xml',
      id: 'custcol_tts_warehouse',
      message: /\[scriptid=customrecord_tts_not_a_record\] is not defined in this project/,
    },
  },
  {
    name: 'a deployment status the type does not have',
    overlay: 'bad-status',
    expected: {
      file: 'Objects/customscript_tts_rl_connector.xml',
      id: 'customdeploy_tts_rl_connector',
      message: /status "SCHEDULED" is not valid for a restlet/,
    },
  },
  {
    name: 'a displaytype outside the SDF enum (INLINE)',
    overlay: 'inline-displaytype',
    expected: {
      file: 'Objects/customrecord_tts_log.xml',
      id: 'custrecord_tts_log_shop',
      message:
        /^customrecordtype\[customrecord_tts_log\]\/customrecordcustomfields\/customrecordcustomfield\[custrecord_tts_log_shop\]\/displaytype: <displaytype> is "INLINE", which is not a value of generic_customfield_displaytype \(HIDDEN, LOCKED, NORMAL, SHOWASLIST, STATICTEXT\); SDF validation fails on it$/,
      fix: 'write one of HIDDEN, LOCKED, NORMAL, SHOWASLIST, STATICTEXT',
    },
  },
  {
    name: 'an element SDF does not know (<title> in a user event deployment)',
    overlay: 'title-in-user-event-deployment',
    expected: {
      file: 'Objects/customscript_tts_ue_shop.xml',
      id: 'customdeploy_tts_ue_shop',
      message:
        /^usereventscript\[customscript_tts_ue_shop\]\/scriptdeployments\/scriptdeployment\[customdeploy_tts_ue_shop\]\/title: <title> is not an element of <scriptdeployment> in a usereventscript in SDF's schema; SDF would only warn and ignore it/,
      fix: 'remove <title>; the elements of <scriptdeployment> are allemployees, alllocalizationcontexts, allpartners, allroles, auddepartment, audemployee, audgroup, audpartner, audslctrole, audsubsidiary, eventtype, executioncontext, isdeployed, localizationcontext, loglevel, recordtype, runasrole, status',
    },
  },
  {
    name: 'a missing required element (a RESTlet deployment without <title>)',
    overlay: 'missing-required-element',
    expected: {
      file: 'Objects/customscript_tts_rl_connector.xml',
      id: 'customdeploy_tts_rl_connector',
      message:
        /^restlet\[customscript_tts_rl_connector\]\/scriptdeployments\/scriptdeployment\[customdeploy_tts_rl_connector\]: <scriptdeployment> has no <title>, which SDF requires$/,
      fix: 'add <title> (a value)',
    },
  },
  {
    name: 'a boolean that is not T or F',
    overlay: 'boolean-not-tf',
    expected: {
      file: 'Objects/custbody_tts_fbt.xml',
      id: 'custbody_tts_fbt',
      message:
        /^transactionbodycustomfield\[custbody_tts_fbt\]\/storevalue: <storevalue> is "Yes"; SDF booleans are T or F$/,
      fix: 'write T or F',
    },
  },
  {
    name: 'deploy.xml without the File Cabinet path',
    overlay: 'missing-deploy-path',
    expected: {
      file: 'deploy.xml',
      id: 'files',
      message: new RegExp(`does not list ~/FileCabinet/SuiteApps/${APP_ID}/\\*`),
    },
  },
];

describe('validateSdfProject', () => {
  test('passes our project when the script files exist', () => {
    const root = projectWithOverlay(repo, undefined);
    const result = validateSdfProject(root);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.summary).toEqual(expectedSummary(root));
    expect(result.summary.scripts).toBeGreaterThanOrEqual(6);
  });

  test('checks the XML alone with checkFiles: false', () => {
    const root = projectWithOverlay(repo, undefined);
    fs.rmSync(path.join(root, 'FileCabinet'), { recursive: true });
    expect(validateSdfProject(root, { checkFiles: false }).errors).toEqual([]);
    expect(validateSdfProject(root).errors.map((issue) => issue.id)).toEqual([
      `~/FileCabinet/SuiteApps/${APP_ID}/*`,
      ...scriptIds(root),
    ]);
  });

  test.each(BROKEN)(
    'fails on $name, naming the file, the id and the fix',
    ({ overlay, remove, expected }) => {
      const fixtureOverlay = overlay === undefined ? undefined : `sdf-broken/${overlay}`;
      const { errors } = validateSdfProject(projectWithOverlay(repo, fixtureOverlay, remove));
      const match = errors.find((issue) => issue.id === expected.id && expected.message.test(issue.message));
      expect({ errors, match }).toEqual({ errors, match: expect.objectContaining({ file: expected.file }) });
      expect(match?.fix.length).toBeGreaterThan(0);
      if (expected.fix !== undefined) expect(match?.fix).toBe(expected.fix);
    },
  );

  test('warns about a compiled file that no script loads', () => {
    const root = projectWithOverlay(repo, undefined);
    fs.writeFileSync(
      path.join(root, APP_FOLDER, 'orphan.js'),
      '/**\n * @NApiVersion 2.1\n */\ndefine([], function () {});\n',
    );
    const result = validateSdfProject(root);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ file: `${APP_FOLDER}/orphan.js`, id: 'orphan.js' }),
    ]);
  });
});

describe('validate-sdf CLI', () => {
  let output: string[];
  beforeEach(() => {
    output = [];
    const record = (...args: unknown[]): void => {
      output.push(args.join(' '));
    };
    jest.spyOn(console, 'log').mockImplementation(record);
    jest.spyOn(console, 'error').mockImplementation(record);
    jest.spyOn(console, 'warn').mockImplementation(record);
  });
  afterEach(() => jest.restoreAllMocks());

  test('prints the OK line and returns 0 on a valid project', () => {
    const root = projectWithOverlay(repo, undefined);
    expect(main([root])).toBe(0);
    const { objects, scripts, files } = expectedSummary(root);
    expect(output).toEqual([`SDF project OK: ${objects} objects, ${scripts} scripts, ${files} files`]);
  });

  test('prints one line per issue and returns 1 on errors', () => {
    const root = projectWithOverlay(repo, 'sdf-broken/undefined-custbody');
    expect(main([root], root)).toBe(1);
    expect(output).toContain(
      `${APP_FOLDER}/rl_connector.js: custbody_tts_not_defined: line 11 uses custbody_tts_not_defined, which no object in Objects/ defines. Fix: add Objects/custbody_tts_not_defined.xml or correct the id`,
    );
    expect(output[output.length - 1]).toMatch(/^SDF validation failed: 1 errors, \d+ warnings$/);
  });

  test('formatSdfIssue shows the file relative to the working directory', () => {
    const issue = { file: 'Objects/x.xml', id: 'custbody_x', message: 'bad', fix: 'repair it' };
    expect(formatSdfIssue(issue, '/repo/suiteapp/src', '/repo')).toBe(
      'suiteapp/src/Objects/x.xml: custbody_x: bad. Fix: repair it',
    );
  });
});
