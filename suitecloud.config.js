/**
 * SuiteCloud CLI configuration (reference/netsuite.md §1.2). The SDF project lives in suiteapp/src;
 * before the CLI validates or deploys it, the SuiteApp is built from TypeScript and checked offline
 * (npm run validate:sdf), so what reaches NetSuite is exactly what the tests ran against.
 */
const { execSync } = require('node:child_process');

function run(command) {
  execSync(command, { stdio: 'inherit', cwd: __dirname });
}

function buildAndValidate(args) {
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
