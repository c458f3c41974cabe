/**
 * Offline SDF validation (Oracle help, project:validate): what `suitecloud project:validate` would
 * refuse, checked without an account (every Objects file against the vendored SDF schema,
 * suiteapp/reference/sdf-object-schema.json, plus cross-object rules), and checks of the compiled
 * scripts themselves.
 */
import * as path from 'node:path';
import { appFolder, checkCodeIds, checkUnreachedFiles, listFiles } from './sdf-check-code';
import { checkDeployments } from './sdf-check-deployments';
import { checkFeatures } from './sdf-check-features';
import { checkDeploy, checkManifest } from './sdf-check-manifest';
import { checkFields, checkObjectFiles, checkScriptIds, checkScriptNames } from './sdf-check-objects';
import { checkObjectsAgainstSchema } from './sdf-check-schema';
import { checkScripts } from './sdf-check-scripts';
import type { SdfIssue, SdfIssueSink } from './sdf-issue';
import { parseSdfProject } from './sdf-project';
import type { SdfSchema } from './sdf-schema';
import { loadVendoredSdfSchema } from './sdf-schema';

export type { SdfIssue } from './sdf-issue';

export interface ValidateSdfOptions {
  /**
   * Check the compiled File Cabinet files too (script files present, headers, entry points, ids used
   * in code). Default true; pass false to check the XML alone before a build.
   */
  checkFiles?: boolean;
  /** The SDF object schema every Objects file is checked against; default: the vendored one. */
  schema?: SdfSchema;
}

export interface ValidateSdfResult {
  errors: SdfIssue[];
  warnings: SdfIssue[];
  summary: { objects: number; scripts: number; files: number };
}

export function validateSdfProject(root: string, opts: ValidateSdfOptions = {}): ValidateSdfResult {
  const checkFiles = opts.checkFiles ?? true;
  const errors: SdfIssue[] = [];
  const warnings: SdfIssue[] = [];
  const sink: SdfIssueSink = {
    error: (issue) => errors.push(issue),
    warning: (issue) => warnings.push(issue),
  };

  const parsed = parseSdfProject(root);
  const { project } = parsed;
  for (const xmlError of parsed.xmlErrors) {
    sink.error({
      file: xmlError.file,
      id: path.posix.basename(xmlError.file, '.xml'),
      message: `malformed XML at line ${xmlError.line}, column ${xmlError.column}: ${xmlError.problem}`,
      fix: 'correct the XML so the file is well-formed',
    });
  }
  parsed.issues.forEach(sink.error);

  checkManifest(project, sink);
  checkDeploy(project, sink, checkFiles);
  checkObjectFiles(parsed.objectFiles, sink);
  checkObjectsAgainstSchema(parsed.objectFiles, opts.schema ?? loadVendoredSdfSchema(), sink);
  checkScriptIds(project, sink);
  checkScriptNames(project, sink);
  checkFields(project, sink);
  checkFeatures(project, sink);
  checkDeployments(project, sink);
  const loaded = checkScripts(project, sink, checkFiles);
  if (checkFiles) {
    checkCodeIds(project, sink);
    checkUnreachedFiles(project, loaded, sink);
  }
  return {
    errors,
    warnings,
    summary: {
      objects: parsed.objectFiles.length,
      scripts: project.scripts.length,
      files: listFiles(appFolder(project)).length,
    },
  };
}

/** `file: id: message. Fix: fix`, the file shown relative to `cwd`. */
export function formatSdfIssue(issue: SdfIssue, root: string, cwd: string): string {
  const file = path.relative(cwd, path.resolve(root, issue.file)).split(path.sep).join('/');
  return `${file}: ${issue.id ?? '-'}: ${issue.message}. Fix: ${issue.fix}`;
}
