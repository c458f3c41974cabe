/** The compiled code under the File Cabinet only uses custom ids that Objects/ defines. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCustomIdsInCode } from './code-ids';
import type { SdfIssueSink } from './sdf-issue';
import type { SdfProject } from './sdf-model';
import { definedIds } from './sdf-check-objects';
import type { LoadedFiles } from './sdf-check-scripts';

export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listFiles(full);
      return entry.isFile() ? [full] : [];
    })
    .sort();
}

export function appFolder(project: SdfProject): string {
  return project.resolveFileCabinetPath(`/SuiteApps/${project.appId}`);
}

function relativeToRoot(project: SdfProject, file: string): string {
  return path.relative(project.root, file).split(path.sep).join('/');
}

function fixFor(id: string): string {
  return id.startsWith('custrecord_')
    ? 'add the field to its customrecordtype in Objects/ or correct the id'
    : `add Objects/${id}.xml or correct the id`;
}

export function checkCodeIds(project: SdfProject, sink: SdfIssueSink): void {
  const defined = new Set(definedIds(project).map((use) => use.id));
  for (const file of listFiles(appFolder(project)).filter((name) => name.endsWith('.js'))) {
    const reported = new Set<string>();
    for (const use of findCustomIdsInCode(fs.readFileSync(file, 'utf8'), file)) {
      if (defined.has(use.id) || reported.has(use.id)) continue;
      reported.add(use.id);
      sink.error({
        file: relativeToRoot(project, file),
        id: use.id,
        message: `line ${use.line} uses ${use.id}, which no object in Objects/ defines`,
        fix: fixFor(use.id),
      });
    }
  }
}

export function checkUnreachedFiles(project: SdfProject, loaded: LoadedFiles, sink: SdfIssueSink): void {
  for (const file of listFiles(appFolder(project)).filter((name) => name.endsWith('.js'))) {
    if (loaded.has(file)) continue;
    sink.warning({
      file: relativeToRoot(project, file),
      id: path.basename(file),
      message: 'no script loads this file, yet it is deployed',
      fix: 'import it from a script, or remove its source',
    });
  }
}
