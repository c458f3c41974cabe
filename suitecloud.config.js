/**
 * SuiteCloud CLI configuration (reference/netsuite.md §1.2). The SDF project lives in suiteapp/src;
 * before the CLI validates or deploys it, the SuiteApp is built from TypeScript and checked offline
 * (npm run validate:sdf), so what reaches NetSuite is exactly what the tests ran against.
 * `npm run deploy` builds and validates just before it starts the CLI and says so with
 * TTS_SDF_VALIDATED=1 (suiteapp/tools/suitecloud-local.ts); the hooks then do not do it twice.
 */
const { execSync } = require('node:child_process');

function run(command) {
  execSync(command, { stdio: 'inherit', cwd: __dirname });
}

function buildAndValidate(args) {
  if (process.env.TTS_SDF_VALIDATED === '1') return args;
  run('npm run build');
  run('npm run validate:sdf');
  return args;
}

module.exports = {
  defaultProjectFolder: 'suiteapp/src',
  commands: {
    'project:deploy': { beforeExecuting: buildAndValidate },
    'project:validate': { beforeExecuting: buildAndValidate },
  },
};
