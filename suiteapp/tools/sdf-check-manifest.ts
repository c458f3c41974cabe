/** manifest.xml identity fields and deploy.xml paths (Oracle's SDF manifest.xml reference, Oracle's SDF deploy.xml reference). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SdfIssueSink } from './sdf-issue';
import type { SdfProject } from './sdf-model';

const MANIFEST = 'manifest.xml';
const DEPLOY = 'deploy.xml';

/** True when the manifest names the SuiteApp well enough for app-id based checks to mean something. */
export function hasAppIdentity(project: SdfProject): boolean {
  return (
    /^[a-z0-9]+(\.[a-z0-9]+)*$/.test(project.manifest.publisherid) &&
    /^[a-z0-9]+$/.test(project.manifest.projectid)
  );
}

export function checkManifest(project: SdfProject, sink: SdfIssueSink): void {
  if (!fs.existsSync(path.join(project.root, MANIFEST))) return;
  const { manifest } = project;
  if (manifest.projecttype !== 'SUITEAPP') {
    sink.error({
      file: MANIFEST,
      id: 'projecttype',
      message:
        manifest.projecttype === '' ? 'projecttype is missing' : `projecttype is "${manifest.projecttype}"`,
      fix: 'write <manifest projecttype="SUITEAPP">',
    });
  }
  if (!/^[a-z0-9]+(\.[a-z0-9]+)*$/.test(manifest.publisherid)) {
    sink.error({
      file: MANIFEST,
      id: 'publisherid',
      message:
        manifest.publisherid === ''
          ? 'publisherid is missing'
          : `publisherid "${manifest.publisherid}" is not a lower-case dotted id`,
      fix: 'write the publisher id of the SuiteApp, e.g. <publisherid>com.opentts</publisherid>',
    });
  }
  if (!/^[a-z0-9]+$/.test(manifest.projectid)) {
    sink.error({
      file: MANIFEST,
      id: 'projectid',
      message:
        manifest.projectid === ''
          ? 'projectid is missing'
          : `projectid "${manifest.projectid}" is not a lower-case id`,
      fix: 'write the project id of the SuiteApp, e.g. <projectid>connector</projectid>',
    });
  }
  if (manifest.projectname === '') {
    sink.error({
      file: MANIFEST,
      id: 'projectname',
      message: 'projectname is missing',
      fix: 'add <projectname>',
    });
  }
  if (!/^\d+\.\d+\.\d+$/.test(manifest.projectversion)) {
    sink.error({
      file: MANIFEST,
      id: 'projectversion',
      message: `projectversion "${manifest.projectversion}" is not major.minor.patch`,
      fix: 'write a version such as <projectversion>0.1.0</projectversion>',
    });
  }
}

export function checkDeploy(project: SdfProject, sink: SdfIssueSink, checkFiles: boolean): void {
  if (!fs.existsSync(path.join(project.root, DEPLOY))) return;
  const expectedFiles = `~/FileCabinet/SuiteApps/${project.appId}/*`;
  if (hasAppIdentity(project) && !project.deploy.files.includes(expectedFiles)) {
    sink.error({
      file: DEPLOY,
      id: 'files',
      message: `<files> does not list ${expectedFiles}, so the scripts would not be deployed`,
      fix: `add <files><path>${expectedFiles}</path></files>`,
    });
  }
  if (!project.deploy.objects.includes('~/Objects/*')) {
    sink.error({
      file: DEPLOY,
      id: 'objects',
      message: '<objects> does not list ~/Objects/*, so the custom objects would not be deployed',
      fix: 'add <objects><path>~/Objects/*</path></objects>',
    });
  }
  const paths = [...project.deploy.files, ...project.deploy.objects];
  for (const deployPath of paths) {
    if (!deployPath.startsWith('~/')) {
      sink.error({
        file: DEPLOY,
        id: deployPath,
        message: `path "${deployPath}" does not start with ~/ (the project folder)`,
        fix: 'write paths relative to the project folder, starting with ~/',
      });
      continue;
    }
    const folder = path.join(project.root, deployPath.slice(2).replace(/\/?\*$/, ''));
    const isBuildOutput = project.deploy.files.includes(deployPath);
    if ((checkFiles || !isBuildOutput) && !fs.existsSync(folder)) {
      sink.error({
        file: DEPLOY,
        id: deployPath,
        message: `path "${deployPath}" points to a folder that does not exist`,
        fix: isBuildOutput
          ? 'run npm run build, or correct the path'
          : 'create the folder or correct the path',
      });
    }
  }
}
