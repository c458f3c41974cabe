/**
 * `npm run deploy`: after `npm run build` and `npm run validate:sdf` (the npm script runs both
 * first), checks Java and the SDK jar and deploys the SDF project with the pinned SuiteCloud CLI:
 * `suitecloud project:deploy [args]` (see suitecloud-local.ts). Extra arguments go to the CLI, e.g.
 * `npm run deploy -- --dryrun`.
 */
import type { RunSuiteCloudOptions } from './suitecloud-local';
import { runSuiteCloud } from './suitecloud-local';

export function main(args: readonly string[], options: RunSuiteCloudOptions = {}): number {
  return runSuiteCloud(['project:deploy', ...args], { ...options, validated: true });
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
