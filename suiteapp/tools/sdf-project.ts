/**
 * Loads an SDF project folder (manifest.xml, deploy.xml, every `Objects/` XML file) into the model the
 * validator checks, collecting every problem that keeps it from loading.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SdfIssue } from './sdf-issue';
import type { SdfFieldKind, SdfManifest, SdfProject, SdfScriptObjectType } from './sdf-model';
import {
  FIELD_KINDS,
  SCRIPT_OBJECT_TYPES,
  readCustomList,
  readCustomRecord,
  readField,
  readScript,
} from './sdf-object-readers';
import type { XmlElement } from './sdf-xml';
import { SdfXmlError, childText, descendants, parseXmlDocument } from './sdf-xml';

/** One XML file under `Objects/`: its root element name and script id as written, and its XML. */
export interface SdfObjectFile {
  /** Relative to the project folder, `/` separators. */
  file: string;
  type: string;
  scriptid: string;
  /** The root element, for the schema check (sdf-check-schema.ts). */
  element: XmlElement;
}

export interface SdfProjectParse {
  project: SdfProject;
  objectFiles: SdfObjectFile[];
  /** Files that are not well-formed XML (they contribute nothing to the project). */
  xmlErrors: SdfXmlError[];
  /** Values the model cannot hold (fieldtype outside the enum, flags that are not T/F, ...). */
  issues: SdfIssue[];
}

/** The project has problems that keep it from being loaded; `issues` lists them all. */
export class SdfProjectError extends Error {
  constructor(readonly issues: readonly SdfIssue[]) {
    super(
      `the SDF project cannot be loaded:\n${issues
        .map((issue) => `${issue.file}: ${issue.id ?? '-'}: ${issue.message}. Fix: ${issue.fix}`)
        .join('\n')}`,
    );
    this.name = 'SdfProjectError';
  }
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** Every `.xml` file under `dir` (sub-folders included), sorted, as paths relative to `root`. */
function listXmlFiles(root: string, dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listXmlFiles(root, full);
      return entry.isFile() && entry.name.endsWith('.xml') ? [toPosix(path.relative(root, full))] : [];
    })
    .sort();
}

function readDocument(root: string, file: string, xmlErrors: SdfXmlError[]): XmlElement | undefined {
  try {
    return parseXmlDocument(fs.readFileSync(path.join(root, file), 'utf8'), file);
  } catch (error) {
    if (error instanceof SdfXmlError) {
      xmlErrors.push(error);
      return undefined;
    }
    throw error;
  }
}

function readManifest(element: XmlElement | undefined): SdfManifest {
  return {
    projecttype: element?.attributes['projecttype'] ?? '',
    publisherid: (element && childText(element, 'publisherid')) ?? '',
    projectid: (element && childText(element, 'projectid')) ?? '',
    projectname: (element && childText(element, 'projectname')) ?? '',
    projectversion: (element && childText(element, 'projectversion')) ?? '',
    features: element
      ? descendants(element, ['dependencies', 'features', 'feature']).map((feature) => ({
          name: feature.text,
          required: feature.attributes['required'] !== 'false',
        }))
      : [],
  };
}

function missingFile(file: string, what: string): SdfIssue {
  return {
    file,
    id: file,
    message: `${file} is missing`,
    fix: `create ${file} in the project folder (${what})`,
  };
}

function isFieldKind(name: string): name is SdfFieldKind {
  return (FIELD_KINDS as readonly string[]).includes(name);
}

function isScriptObjectType(name: string): name is SdfScriptObjectType {
  return (SCRIPT_OBJECT_TYPES as readonly string[]).includes(name);
}

/**
 * Reads the SDF project in `root` (the folder holding manifest.xml) without throwing on content
 * problems: malformed files and unusable values are returned next to what could be read.
 */
export function parseSdfProject(root: string): SdfProjectParse {
  const absoluteRoot = path.resolve(root);
  const xmlErrors: SdfXmlError[] = [];
  const issues: SdfIssue[] = [];
  const has = (file: string): boolean => fs.existsSync(path.join(absoluteRoot, file));

  if (!has('manifest.xml'))
    issues.push(missingFile('manifest.xml', 'project type, publisher and project id'));
  if (!has('deploy.xml')) issues.push(missingFile('deploy.xml', 'which files and objects are deployed'));
  const manifestElement = has('manifest.xml')
    ? readDocument(absoluteRoot, 'manifest.xml', xmlErrors)
    : undefined;
  const deployElement = has('deploy.xml') ? readDocument(absoluteRoot, 'deploy.xml', xmlErrors) : undefined;
  const manifest = readManifest(manifestElement);

  const project: SdfProject = {
    root: absoluteRoot,
    manifest,
    appId: `${manifest.publisherid}.${manifest.projectid}`,
    deploy: {
      files: deployElement ? descendants(deployElement, ['files', 'path']).map((p) => p.text) : [],
      objects: deployElement ? descendants(deployElement, ['objects', 'path']).map((p) => p.text) : [],
    },
    customRecords: [],
    standaloneFields: [],
    customLists: [],
    scripts: [],
    resolveFileCabinetPath: (fileCabinetPath: string): string => {
      const bare = fileCabinetPath.replace(/^\[(.*)\]$/, '$1');
      return path.join(absoluteRoot, 'FileCabinet', ...bare.split('/').filter((part) => part !== ''));
    },
  };

  const objectFiles: SdfObjectFile[] = [];
  for (const file of listXmlFiles(absoluteRoot, path.join(absoluteRoot, 'Objects'))) {
    const element = readDocument(absoluteRoot, file, xmlErrors);
    if (element === undefined) continue;
    objectFiles.push({ file, type: element.name, scriptid: element.attributes['scriptid'] ?? '', element });
    const ctx = { file, issues };
    if (element.name === 'customrecordtype') {
      const record = readCustomRecord(element, ctx);
      if (record) project.customRecords.push(record);
    } else if (isFieldKind(element.name)) {
      const field = readField(element, element.name, ctx);
      if (field) project.standaloneFields.push(field);
    } else if (element.name === 'customlist') {
      const list = readCustomList(element, ctx);
      if (list) project.customLists.push(list);
    } else if (isScriptObjectType(element.name)) {
      const script = readScript(element, element.name, ctx);
      if (script) project.scripts.push(script);
    }
  }
  return { project, objectFiles, xmlErrors, issues };
}

/**
 * Loads the SDF project in `root` into the model. Throws SdfXmlError (file, line, column, problem)
 * for the first malformed file, and SdfProjectError listing every value the model cannot hold.
 */
export function loadSdfProject(root: string): SdfProject {
  const parsed = parseSdfProject(root);
  const firstXmlError = parsed.xmlErrors[0];
  if (firstXmlError) throw firstXmlError;
  if (parsed.issues.length > 0) throw new SdfProjectError(parsed.issues);
  return parsed.project;
}
