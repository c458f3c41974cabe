/**
 * Runs Oracle's SuiteCloud CLI from this repository's pinned devDependency (`@oracle/suitecloud-cli`),
 * after checking what it needs and `npm ci` does not give it:
 *
 * - Java 17 or 21 on the PATH (the CLI runs a Java jar);
 * - the SDK jar. The package's install script downloads it, but package.json's `allowScripts`
 *   denies that script so `npm ci` stays offline-safe, and the CLI never downloads it by itself: it
 *   stops with "There is no JAR file in your CLI for Node.js" (SdkExecutor._validateSdkJarExists in
 *   node_modules/@oracle/suitecloud-cli/src/SdkExecutor.js). So when the jar is missing this runs
 *   the package's own download step (its postinstall.js: licence notice, download, SHA-256 check).
 *
 * `npm run suitecloud -- <command>` runs any CLI command this way (e.g. `account:setup`);
 * deploy.ts runs `project:deploy`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The Java versions the pinned CLI accepts: SDK_COMPATIBLE_JAVA_VERSIONS in
 * node_modules/@oracle/suitecloud-cli/src/ApplicationConstants.js (a test keeps the two equal).
 */
export const SUPPORTED_JAVA_VERSIONS = ['17', '21'] as const;

/**
 * The Node.js major version the pinned CLI asks for ("Prerequisites" in
 * node_modules/@oracle/suitecloud-cli/README.md: Node.js 24 LTS; its commander dependency declares
 * node >= 22.12). Older versions get a warning, not a refusal: `suitecloud --version` and the CLI's
 * command checks run on Node 20 (suitecloud-local.test.ts), but Oracle supports only 24.
 */
export const CLI_NODE_MAJOR = 24;

/** Set for the CLI run by `npm run deploy`, which has just built and validated: the hooks skip doing it again. */
export const VALIDATED_ENV = 'TTS_SDF_VALIDATED';

/** The licence acceptance variable the CLI's download step reads (SdkLicense.js in the package). */
export const LICENSE_ENV = 'SUITECLOUD_CLI_ACCEPT_LICENSE';

/** Where the pinned CLI is and where it keeps its jar. */
export interface SuiteCloudCli {
  /** The package folder, node_modules/@oracle/suitecloud-cli. */
  dir: string;
  version: string;
  /** The `suitecloud` executable (what node_modules/.bin/suitecloud links to). */
  bin: string;
  /** The package's own download step. */
  downloadScript: string;
  jarName: string;
  downloadUrl: string;
  /** `~/.suitecloud-sdk/cli/<jar>`, as the CLI's SdkProperties.getSdkPath() computes it. */
  jarPath: string;
}

interface CliPackageJson {
  version: string;
  bin: { suitecloud: string };
  sdkFilename: string;
  sdkDownloadUrl: string;
}

/** The installed CLI, its jar looked for under `home`. */
export function locateSuiteCloudCli(home: string = os.homedir()): SuiteCloudCli {
  const packageFile = require.resolve('@oracle/suitecloud-cli/package.json');
  const dir = path.dirname(packageFile);
  const pkg = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as CliPackageJson;
  return {
    dir,
    version: pkg.version,
    bin: path.join(dir, pkg.bin.suitecloud),
    downloadScript: path.join(dir, 'postinstall.js'),
    jarName: pkg.sdkFilename,
    downloadUrl: `${pkg.sdkDownloadUrl}/${pkg.sdkFilename}`,
    jarPath: path.join(home, '.suitecloud-sdk', 'cli', pkg.sdkFilename),
  };
}

/** The version in `java -version` output (`17.0.15`, `21`, `1.8.0_392` gives `1.8.0`), as the CLI reads it. */
export function javaVersionOf(output: string): string | undefined {
  return /(?:\bjava version\b|\bopenjdk version\b) "([\d.]+)/.exec(output)?.[1];
}

const INSTALL_JAVA =
  'install a Java 17 or 21 runtime (Debian/Ubuntu: sudo apt-get install openjdk-21-jre-headless; ' +
  'macOS: brew install openjdk@21; Windows: winget install Microsoft.OpenJDK.21; or Oracle JDK from ' +
  'https://www.oracle.com/java/technologies/downloads/) and make sure `java -version` shows it';

/** Undefined when `java -version` printed a supported version; otherwise what to do. */
export function javaProblem(output: string | undefined): string | undefined {
  if (output === undefined) {
    return `Java was not found on the PATH. Oracle's SuiteCloud CLI runs a Java jar: ${INSTALL_JAVA}.`;
  }
  const version = javaVersionOf(output);
  const major = version?.startsWith('1.') ? version.split('.')[1] : version?.split('.')[0];
  if (major !== undefined && (SUPPORTED_JAVA_VERSIONS as readonly string[]).includes(major)) return undefined;
  return (
    `\`java -version\` shows ${version === undefined ? 'no version the CLI can read' : `Java ${version}`}; ` +
    `Oracle's SuiteCloud CLI needs Java ${SUPPORTED_JAVA_VERSIONS.join(' or ')}: ${INSTALL_JAVA}.`
  );
}

/** What went wrong in the download step, from what it printed on stderr. */
export function downloadProblem(stderr: string, cli: SuiteCloudCli): string {
  const retry = 'then run the command again';
  if (stderr.includes(LICENSE_ENV)) {
    return (
      `The SuiteCloud SDK jar (${cli.jarName}) comes under Oracle's Free Use Terms and Conditions ` +
      `(${path.join(cli.dir, 'resources', 'FUTC-LICENSE.txt')}); the download step could not open it ` +
      `for you to read. Read it, set ${LICENSE_ENV}=true to accept it, ${retry}.`
    );
  }
  return (
    `Could not download the SuiteCloud SDK jar (${cli.jarName}) from ${cli.downloadUrl}: are you offline? ` +
    `The first run needs the internet (the jar is kept in ${path.dirname(cli.jarPath)} afterwards). ` +
    `Connect, or behind a proxy set SUITECLOUD_PROXY (or npm's https-proxy), ${retry}.`
  );
}

/** The side effects preparation needs, so tests can run it with fakes or the real thing. */
export interface CliHost {
  /** `java -version` output (it prints on stderr), undefined when there is no `java` to run. */
  javaVersionOutput(): string | undefined;
  exists(file: string): boolean;
  /** Runs `node <script>` in `cwd`, stdout shown, stderr captured (and shown); returns status and stderr. */
  runNode(script: string, args: readonly string[], cwd: string): { status: number; stderr: string };
  log(message: string): void;
}

/** A warning when `nodeVersion` (`v20.20.2`) is older than the Node.js the CLI asks for. */
export function nodeWarning(nodeVersion: string): string | undefined {
  const major = Number(/^v?(\d+)/.exec(nodeVersion)?.[1] ?? '0');
  if (major >= CLI_NODE_MAJOR) return undefined;
  return (
    `suitecloud: warning: Oracle's SuiteCloud CLI asks for Node.js ${CLI_NODE_MAJOR} LTS and this is Node.js ` +
    `${nodeVersion}; if the CLI fails in a way this script does not explain, run it with Node.js ${CLI_NODE_MAJOR}.`
  );
}

/**
 * Checks Java, downloads the jar if it is missing; returns what is wrong, or undefined when ready.
 * Warns (through host.log) when Node.js is older than the CLI asks for.
 */
export function prepareSuiteCloudCli(
  cli: SuiteCloudCli,
  host: CliHost,
  nodeVersion: string = process.version,
): string | undefined {
  const node = nodeWarning(nodeVersion);
  if (node !== undefined) host.log(node);
  const java = javaProblem(host.javaVersionOutput());
  if (java !== undefined) return java;
  if (host.exists(cli.jarPath)) return undefined;
  host.log(
    `suitecloud: the SDK jar ${cli.jarName} is not in ${path.dirname(cli.jarPath)} yet (npm ci skips the CLI's ` +
      `install script); running the CLI's own download step. Its licence: ${path.join(cli.dir, 'resources', 'FUTC-LICENSE.txt')} ` +
      `(set ${LICENSE_ENV}=true to accept it without it being opened for you).`,
  );
  const result = host.runNode(cli.downloadScript, [], cli.dir);
  if (result.status !== 0 || !host.exists(cli.jarPath)) return downloadProblem(result.stderr, cli);
  host.log(`suitecloud: downloaded ${cli.jarPath}`);
  return undefined;
}

/**
 * The real host: child processes with the environment `env`; what the download step prints on
 * stderr is passed to `echo` as well as captured.
 */
export function systemHost(
  env: NodeJS.ProcessEnv = process.env,
  echo: (text: string) => void = (text) => process.stderr.write(text),
): CliHost {
  return {
    javaVersionOutput: () => {
      const result = spawnSync('java', ['-version'], { encoding: 'utf8', env });
      return result.error === undefined ? `${result.stderr}${result.stdout}` : undefined;
    },
    exists: (file) => fs.existsSync(file),
    runNode: (script, args, cwd) => {
      const result = spawnSync(process.execPath, [script, ...args], {
        cwd,
        env,
        encoding: 'utf8',
        stdio: ['inherit', 'inherit', 'pipe'],
      });
      echo(result.stderr ?? '');
      return { status: result.status ?? 1, stderr: result.stderr ?? '' };
    },
    log: (message) => console.log(message),
  };
}

export interface RunSuiteCloudOptions {
  /** The repository root (where suitecloud.config.js is). */
  cwd?: string;
  /** The caller has just run the build and the SDF validation, so the config hooks need not. */
  validated?: boolean;
  cli?: SuiteCloudCli;
  host?: CliHost;
  /** Runs `node <bin> <args>` with `env` in `cwd` and returns the exit code (default: a child process). */
  run?: (bin: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string) => number;
}

function runChild(bin: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): number {
  return spawnSync(process.execPath, [bin, ...args], { cwd, env, stdio: 'inherit' }).status ?? 1;
}

/** Prepares the CLI, then runs `suitecloud <args>`; returns the exit code. */
export function runSuiteCloud(args: readonly string[], options: RunSuiteCloudOptions = {}): number {
  const cli = options.cli ?? locateSuiteCloudCli();
  const env: NodeJS.ProcessEnv = { ...process.env, ...(options.validated ? { [VALIDATED_ENV]: '1' } : {}) };
  const problem = prepareSuiteCloudCli(cli, options.host ?? systemHost(env));
  if (problem !== undefined) {
    console.error(`suitecloud: ${problem}`);
    return 1;
  }
  return (options.run ?? runChild)(cli.bin, args, env, options.cwd ?? process.cwd());
}

if (require.main === module) process.exitCode = runSuiteCloud(process.argv.slice(2));
