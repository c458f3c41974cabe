import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main as deploy } from '../deploy';
import type { CliHost, SuiteCloudCli } from '../suitecloud-local';
import {
  LICENSE_ENV,
  SUPPORTED_JAVA_VERSIONS,
  VALIDATED_ENV,
  javaProblem,
  javaVersionOf,
  locateSuiteCloudCli,
  nodeWarning,
  prepareSuiteCloudCli,
  systemHost,
} from '../suitecloud-local';
import { PROJECT_ROOT, REPO_ROOT, makeTempDir, removeTempDirs } from './sdf-fixtures';

afterAll(removeTempDirs);

const CLI = locateSuiteCloudCli();
const LOCAL_BIN = path.join(REPO_ROOT, 'node_modules', '.bin', 'suitecloud');

/**
 * Loaded into every Node process of an "offline" run (NODE_OPTIONS=--require): each attempt to open
 * a network connection is written to $OFFLINE_LOG and fails the way it fails without a network.
 */
const OFFLINE_GUARD = `'use strict';
const fs = require('node:fs');
const net = require('node:net');
net.Socket.prototype.connect = function (...args) {
  const target = typeof args[0] === 'object' && args[0] !== null ? (args[0].host || args[0].path) : String(args[0]);
  fs.appendFileSync(process.env.OFFLINE_LOG, 'connect ' + target + '\\n');
  const error = Object.assign(new Error('getaddrinfo ENOTFOUND ' + target), { code: 'ENOTFOUND' });
  process.nextTick(() => this.destroy(error));
  return this;
};
`;

interface Offline {
  home: string;
  env: NodeJS.ProcessEnv;
  /** Network connections the processes tried. */
  attempts(): string[];
}

/**
 * An environment with no network, an empty home (no jar, no CLI settings) and a PATH that holds only
 * `node` (so no Java, no browser opener), plus a fake `java` printing `javaVersion` when given.
 */
function offline(javaVersion?: string): Offline {
  const dir = makeTempDir('offline');
  const bin = path.join(dir, 'bin');
  const home = path.join(dir, 'home');
  fs.mkdirSync(bin);
  fs.mkdirSync(home);
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  if (javaVersion !== undefined) {
    const java = path.join(bin, 'java');
    fs.writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${javaVersion}" 2025-04-15' >&2\n`);
    fs.chmodSync(java, 0o755);
  }
  const guard = path.join(dir, 'offline-guard.js');
  fs.writeFileSync(guard, OFFLINE_GUARD);
  const log = path.join(dir, 'network.log');
  return {
    home,
    env: { PATH: bin, HOME: home, NODE_OPTIONS: `--require ${guard}`, OFFLINE_LOG: log },
    attempts: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []),
  };
}

describe('@oracle/suitecloud-cli as a devDependency', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
    allowScripts: Record<string, boolean>;
  };
  const cliPkg = JSON.parse(fs.readFileSync(path.join(CLI.dir, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };

  test('is pinned to the exact installed version, and its install script (the jar download) is denied', () => {
    expect(pkg.devDependencies['@oracle/suitecloud-cli']).toBe(CLI.version);
    expect(CLI.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cliPkg.scripts['postinstall']).toBe('node postinstall.js');
    expect(pkg.allowScripts['@oracle/suitecloud-cli']).toBe(false);
  });

  test('suitecloud --version runs offline, without Java and without the jar', () => {
    const { env, home, attempts } = offline();
    const result = spawnSync(LOCAL_BIN, ['--version'], { env, cwd: REPO_ROOT, encoding: 'utf8' });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 0,
      stdout: `${CLI.version}\n`,
      stderr: '',
    });
    expect(attempts()).toEqual([]);
    expect(fs.existsSync(path.join(home, '.suitecloud-sdk'))).toBe(false);
  });

  test('without the jar the CLI stops ("no JAR file") and does not download it by itself', () => {
    const { env, home, attempts } = offline('17.0.15');
    const project = makeTempDir('cli-project');
    fs.writeFileSync(
      path.join(project, 'suitecloud.config.js'),
      "module.exports = { defaultProjectFolder: 'src', commands: {} };\n",
    );
    fs.mkdirSync(path.join(project, 'src'));
    for (const file of ['manifest.xml', 'deploy.xml']) {
      fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(project, 'src', file));
    }
    fs.writeFileSync(path.join(project, 'project.json'), '{"defaultAuthId": "demo"}\n');
    const result = spawnSync(LOCAL_BIN, ['project:validate'], { env, cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toContain('There is no JAR file in your CLI for Node.js.');
    expect(attempts()).toEqual([]);
    expect(fs.existsSync(locateSuiteCloudCli(home).jarPath)).toBe(false);
  });

  test('the Java versions we require are the ones the pinned CLI accepts', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const constants = require(path.join(CLI.dir, 'src', 'ApplicationConstants')) as {
      SDK_COMPATIBLE_JAVA_VERSIONS: string[];
    };
    expect([...SUPPORTED_JAVA_VERSIONS]).toEqual(constants.SDK_COMPATIBLE_JAVA_VERSIONS);
  });

  test('the jar is looked for where the CLI looks, and the binary is node_modules/.bin/suitecloud', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdkProperties = require(path.join(CLI.dir, 'src', 'core', 'sdksetup', 'SdkProperties')) as {
      getSdkPath(): string;
    };
    expect(CLI.jarPath).toBe(sdkProperties.getSdkPath());
    expect(CLI.bin).toBe(fs.realpathSync(LOCAL_BIN));
  });
});

describe('javaVersionOf / javaProblem', () => {
  test.each([
    ['openjdk version "17.0.15" 2025-04-15', '17.0.15'],
    ['java version "21.0.2" 2024-01-16 LTS', '21.0.2'],
    ['openjdk version "21" 2023-09-19', '21'],
    ['java version "1.8.0_392"', '1.8.0'],
    ['Picked up JAVA_TOOL_OPTIONS', undefined],
  ])('reads %j as %j', (output, version) => {
    expect(javaVersionOf(output)).toBe(version);
  });

  test('accepts Java 17 and 21 only, and says how to install one otherwise', () => {
    expect(javaProblem('openjdk version "17.0.15" 2025-04-15')).toBeUndefined();
    expect(javaProblem('java version "21.0.2" 2024-01-16 LTS')).toBeUndefined();
    expect(javaProblem(undefined)).toMatch(
      /^Java was not found on the PATH\. Oracle's SuiteCloud CLI runs a Java jar: install a Java 17 or 21 runtime \(Debian\/Ubuntu: sudo apt-get install openjdk-21-jre-headless;/,
    );
    expect(javaProblem('openjdk version "11.0.2" 2019-01-15')).toMatch(
      /^`java -version` shows Java 11\.0\.2; Oracle's SuiteCloud CLI needs Java 17 or 21: install/,
    );
    expect(javaProblem('java version "1.8.0_392"')).toMatch(/shows Java 1\.8\.0;/);
    expect(javaProblem('java: command exists but prints nothing useful')).toMatch(
      /shows no version the CLI can read; .* needs Java 17 or 21/,
    );
  });
});

/** A host whose answers are given, recording what it was asked to run. */
function fakeHost(
  java: string | undefined,
  files: Set<string>,
  download?: () => number,
): CliHost & {
  runs: string[][];
  logs: string[];
} {
  const runs: string[][] = [];
  const logs: string[] = [];
  return {
    runs,
    logs,
    javaVersionOutput: () => java,
    exists: (file) => files.has(file),
    runNode: (script, args, cwd) => {
      runs.push([script, ...args, `cwd=${cwd}`]);
      return { status: download ? download() : 1, stderr: '' };
    },
    log: (message) => logs.push(message),
  };
}

/** The real host without its progress lines (they would clutter the test output). */
function quiet(host: CliHost): CliHost {
  return { ...host, log: () => undefined };
}

describe('prepareSuiteCloudCli', () => {
  const cli: SuiteCloudCli = { ...CLI, jarPath: '/home/me/.suitecloud-sdk/cli/cli.jar', jarName: 'cli.jar' };
  const JAVA_17 = 'openjdk version "17.0.15" 2025-04-15';

  test('warns when Node.js is older than the 24 LTS the CLI asks for', () => {
    expect(nodeWarning('v20.20.2')).toBe(
      "suitecloud: warning: Oracle's SuiteCloud CLI asks for Node.js 24 LTS and this is Node.js v20.20.2; " +
        'if the CLI fails in a way this script does not explain, run it with Node.js 24.',
    );
    expect(nodeWarning('v24.1.0')).toBeUndefined();
    const host = fakeHost(JAVA_17, new Set([cli.jarPath]));
    expect(prepareSuiteCloudCli(cli, host, 'v22.12.0')).toBeUndefined();
    expect(host.logs).toEqual([
      expect.stringMatching(/^suitecloud: warning: .* this is Node\.js v22\.12\.0;/),
    ]);
  });

  test('stops on a missing Java before touching the jar', () => {
    const host = fakeHost(undefined, new Set());
    expect(prepareSuiteCloudCli(cli, host)).toMatch(/^Java was not found on the PATH/);
    expect(host.runs).toEqual([]);
  });

  test('with Java 17 and the jar there, is ready without downloading', () => {
    const host = fakeHost(JAVA_17, new Set([cli.jarPath]));
    expect(prepareSuiteCloudCli(cli, host)).toBeUndefined();
    expect(host.runs).toEqual([]);
  });

  test("without the jar, runs the package's own download step in the package folder", () => {
    const files = new Set<string>();
    const host = fakeHost(JAVA_17, files, () => {
      files.add(cli.jarPath);
      return 0;
    });
    expect(prepareSuiteCloudCli(cli, host, 'v24.1.0')).toBeUndefined();
    expect(host.runs).toEqual([[path.join(CLI.dir, 'postinstall.js'), `cwd=${CLI.dir}`]]);
    expect(host.logs[0]).toMatch(/the SDK jar cli\.jar is not in \/home\/me\/\.suitecloud-sdk\/cli yet/);
  });

  test('a download step that ends without the jar is a failure', () => {
    const host = fakeHost(JAVA_17, new Set(), () => 0);
    expect(prepareSuiteCloudCli(cli, host)).toMatch(
      /^Could not download the SuiteCloud SDK jar \(cli\.jar\)/,
    );
  });

  test("offline, the package's real download step fails and the message says so", () => {
    const { env, home, attempts } = offline('17.0.15');
    const real = locateSuiteCloudCli(home);
    const problem = prepareSuiteCloudCli(
      real,
      quiet(systemHost({ ...env, [LICENSE_ENV]: 'true' }, () => undefined)),
    );
    expect(problem).toBe(
      `Could not download the SuiteCloud SDK jar (${real.jarName}) from ${real.downloadUrl}: are you offline? ` +
        `The first run needs the internet (the jar is kept in ${path.join(home, '.suitecloud-sdk', 'cli')} afterwards). ` +
        "Connect, or behind a proxy set SUITECLOUD_PROXY (or npm's https-proxy), then run the command again.",
    );
    expect(attempts()).toEqual([`connect ${new URL(real.downloadUrl).hostname}`]);
    expect(fs.existsSync(real.jarPath)).toBe(false);
  });

  test('when the licence cannot be shown (no browser) and is not accepted, says how to accept it', () => {
    const { env, home, attempts } = offline('17.0.15');
    const real = locateSuiteCloudCli(home);
    const problem = prepareSuiteCloudCli(real, quiet(systemHost(env, () => undefined)));
    expect(problem).toMatch(
      /^The SuiteCloud SDK jar \(cli-[\d.]+\.jar\) comes under Oracle's Free Use Terms and Conditions \(.*FUTC-LICENSE\.txt\); .* set SUITECLOUD_CLI_ACCEPT_LICENSE=true to accept it, then run the command again\.$/,
    );
    expect(attempts()).toEqual([]);
  });
});

describe('npm run deploy (deploy.ts)', () => {
  const ready = fakeHost('openjdk version "21.0.2" 2024-01-16', new Set([CLI.jarPath]));

  test('runs suitecloud project:deploy with the extra arguments, telling the hooks the project is validated', () => {
    const runs: { bin: string; args: readonly string[]; validated?: string; cwd: string }[] = [];
    const code = deploy(['--dryrun'], {
      cwd: REPO_ROOT,
      host: ready,
      run: (bin, args, env, cwd) => {
        runs.push({ bin, args, validated: env[VALIDATED_ENV], cwd });
        return 0;
      },
    });
    expect(code).toBe(0);
    expect(runs).toEqual([
      { bin: CLI.bin, args: ['project:deploy', '--dryrun'], validated: '1', cwd: REPO_ROOT },
    ]);
  });

  test('does not start the CLI when Java is missing, and prints what to install', () => {
    const errors: string[] = [];
    jest.spyOn(console, 'error').mockImplementation((message: string) => {
      errors.push(message);
    });
    const run = jest.fn(() => 0);
    expect(deploy([], { host: fakeHost(undefined, new Set()), run })).toBe(1);
    expect(run).not.toHaveBeenCalled();
    expect(errors).toEqual([expect.stringMatching(/^suitecloud: Java was not found on the PATH\./)]);
    jest.restoreAllMocks();
  });
});
