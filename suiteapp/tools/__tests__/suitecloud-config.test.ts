import * as childProcess from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './sdf-fixtures';

jest.mock('node:child_process', () => ({ execSync: jest.fn() }));

interface Hook {
  beforeExecuting(args: Record<string, unknown>): Record<string, unknown>;
}

interface SuiteCloudConfig {
  defaultProjectFolder: string;
  commands: Record<string, Hook>;
}

// The CLI loads the file with require(); so does this test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(REPO_ROOT, 'suitecloud.config.js')) as SuiteCloudConfig;

describe('suitecloud.config.js', () => {
  test('points the CLI at suiteapp/src', () => {
    expect(config.defaultProjectFolder).toBe('suiteapp/src');
  });

  test.each(['project:deploy', 'project:validate'])(
    '%s builds and validates first, then returns the args',
    (command) => {
      const execSync = jest.mocked(childProcess.execSync);
      execSync.mockClear();
      const args = { authid: 'x' };
      expect(config.commands[command]?.beforeExecuting(args)).toBe(args);
      expect(execSync.mock.calls).toEqual([
        ['npm run build', { stdio: 'inherit', cwd: REPO_ROOT }],
        ['npm run validate:sdf', { stdio: 'inherit', cwd: REPO_ROOT }],
      ]);
    },
  );

  test.each(['project:deploy', 'project:validate'])(
    '%s does not build and validate again when npm run deploy just did (TTS_SDF_VALIDATED=1)',
    (command) => {
      const execSync = jest.mocked(childProcess.execSync);
      execSync.mockClear();
      process.env['TTS_SDF_VALIDATED'] = '1';
      try {
        const args = { authid: 'x' };
        expect(config.commands[command]?.beforeExecuting(args)).toBe(args);
        expect(execSync).not.toHaveBeenCalled();
      } finally {
        delete process.env['TTS_SDF_VALIDATED'];
      }
    },
  );
});
