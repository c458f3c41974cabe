/**
 * The repository root, found from this file whether it runs as TypeScript (`sandbox/src`, under
 * ts-jest) or compiled (`dist/sandbox/src`): the nearest folder above that holds the SDF project.
 */
import fs from 'node:fs';
import path from 'node:path';

export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'suiteapp', 'src', 'manifest.xml'))) return dir;
    if (path.dirname(dir) === dir) {
      throw new Error(
        `Cannot find the repository root (a folder with suiteapp/src/manifest.xml) above ${from}.`,
      );
    }
  }
}

/** The SDF project folder with the compiled File Cabinet. */
export const suiteAppProject = (): string => path.join(repoRoot(), 'suiteapp', 'src');
