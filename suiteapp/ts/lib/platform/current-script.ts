import * as runtime from 'N/runtime';

/** Who is running: the current script's deployment (0 units), for the import's claim tokens. */
export function currentDeploymentId(): string {
  return String(runtime.getCurrentScript().deploymentId ?? '');
}
