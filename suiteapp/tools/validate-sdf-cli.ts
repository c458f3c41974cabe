/**
 * `npm run validate:sdf [project folder]`: prints every error and warning, one per line, and exits
 * 1 on any error. The folder defaults to `suiteapp/src` under the current directory.
 */
import { formatSdfIssue, validateSdfProject } from './validate-sdf';

export function main(args: readonly string[], cwd: string = process.cwd()): number {
  const root = args[0] ?? 'suiteapp/src';
  const result = validateSdfProject(root);
  for (const issue of result.errors) console.error(formatSdfIssue(issue, root, cwd));
  for (const issue of result.warnings) console.warn(`warning: ${formatSdfIssue(issue, root, cwd)}`);
  if (result.errors.length > 0) {
    console.error(
      `SDF validation failed: ${result.errors.length} errors, ${result.warnings.length} warnings`,
    );
    return 1;
  }
  const { objects, scripts, files } = result.summary;
  console.log(`SDF project OK: ${objects} objects, ${scripts} scripts, ${files} files`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
