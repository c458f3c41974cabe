/** Who is running: the current script's deployment (0 units), for the import's claim tokens. */
import * as runtime from 'N/runtime';

export function currentDeploymentId(): string {
  return String(runtime.getCurrentScript().deploymentId ?? '');
}
