/**
 * Hand-written SDF fixture projects keep their script files under `FileCabinet.fixture/` so that
 * they are never mistaken for (or ignored as) SuiteApp build output, which lives in `FileCabinet/`.
 * Tests copy a fixture to a temporary folder where that folder gets its real name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURE_CABINET = 'FileCabinet.fixture';

/** Renames every `FileCabinet.fixture` folder under `dir` to `FileCabinet`. */
export function activateFixtureCabinets(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === FIXTURE_CABINET) {
      const target = path.join(dir, 'FileCabinet');
      fs.cpSync(full, target, { recursive: true });
      fs.rmSync(full, { recursive: true, force: true });
      continue;
    }
    activateFixtureCabinets(full);
  }
}

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary, ready-to-load copy of the fixture project at `source`. */
export function materializeFixture(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tts-fixture-${path.basename(source)}-`));
  made.push(dir);
  fs.cpSync(source, dir, { recursive: true });
  activateFixtureCabinets(dir);
  return dir;
}
