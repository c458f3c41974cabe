/**
 * One RESTlet request, after authentication: picks the entry point for the method, turns the
 * request into its argument (Oracle help, SuiteScript 2.x RESTlet Script Type), runs it as one `restlet` invocation (5,000 units) and
 * turns the result or the error into the HTTP response.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import type { InvocationHistory } from '../invoke';
import { invoke } from '../invoke';
import type { EntryPoints } from '../types';
import type { RestletResponse } from './responses';
import { errorResponse, thrownErrorResponse } from './responses';

export interface RestletTarget {
  scriptId: string;
  deploymentId: string;
  entryPoints: EntryPoints;
  parameters: Record<string, unknown>;
}

export interface RestletCall {
  method: string;
  /** Decoded URL query parameters, including `script` and `deploy`. */
  query: readonly (readonly [string, string])[];
  /** Content-Type header, if any. */
  contentType: string | undefined;
  /** Raw request body ('' when none). */
  body: string;
}

export interface DispatchEnvironment {
  clock: Clock;
  history?: InvocationHistory;
}

const ENTRY_OF_METHOD: Readonly<Record<string, string>> = {
  GET: 'get',
  POST: 'post',
  PUT: 'put',
  DELETE: 'delete',
};
const TEXT_TYPES = new Set(['text/plain', 'application/xml', 'text/xml']);

function mimeOf(contentType: string | undefined): string | null {
  if (contentType === undefined || contentType.trim() === '') return null;
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

type Argument = { ok: true; value: unknown } | { ok: false; response: RestletResponse };

function argumentFor(call: RestletCall, method: string): Argument {
  if (method === 'GET' || method === 'DELETE') {
    if (call.body !== '') {
      return {
        ok: false,
        response: errorResponse(
          400,
          'INVALID_REQUEST',
          `A ${method} request to a RESTlet must not carry a body.`,
        ),
      };
    }
    const params: Record<string, string> = {};
    for (const [k, v] of call.query) if (k !== 'script' && k !== 'deploy') params[k] = v;
    return { ok: true, value: params };
  }
  const mime = mimeOf(call.contentType);
  if (mime === null) {
    return {
      ok: false,
      response: errorResponse(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Content-Type is required on RESTlet requests with a body: use application/json or text/plain.',
      ),
    };
  }
  if (TEXT_TYPES.has(mime)) return { ok: true, value: call.body };
  if (mime !== 'application/json') {
    return {
      ok: false,
      response: errorResponse(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type ${mime} is not supported by RESTlets: use application/json or text/plain.`,
      ),
    };
  }
  try {
    return { ok: true, value: JSON.parse(call.body) as unknown };
  } catch (e) {
    return { ok: false, response: thrownErrorResponse(e) };
  }
}

function successResponse(value: unknown, call: RestletCall): RestletResponse {
  if (typeof value === 'string') {
    const mime = mimeOf(call.contentType);
    return { status: 200, contentType: `${mime ?? 'text/plain'}; charset=utf-8`, body: value };
  }
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: value === undefined ? '' : (JSON.stringify(value) ?? ''),
  };
}

/** The `action` of the JSON body or GET parameters, recorded with the invocation for tests and benchmarks. */
function labelOf(value: unknown): { label?: string } {
  if (typeof value !== 'object' || value === null) return {};
  const action = (value as { action?: unknown }).action;
  return typeof action === 'string' ? { label: action } : {};
}

export function dispatchRestlet(
  target: RestletTarget,
  call: RestletCall,
  env: DispatchEnvironment,
): RestletResponse {
  const method = call.method.toUpperCase();
  const entryName = ENTRY_OF_METHOD[method];
  const fn = entryName === undefined ? undefined : target.entryPoints[entryName];
  if (typeof fn !== 'function') {
    return errorResponse(
      405,
      'METHOD_NOT_ALLOWED',
      `This RESTlet does not handle ${method} requests (no ${entryName ?? method.toLowerCase()} entry point).`,
    );
  }
  const argument = argumentFor(call, method);
  if (!argument.ok) return argument.response;
  const outcome = invoke(
    {
      kind: 'restlet',
      scriptId: target.scriptId,
      deploymentId: target.deploymentId,
      scriptType: 'RESTLET',
      parameters: target.parameters,
      startedAt: new Date(env.clock.now()),
    },
    () => (fn as (arg: unknown) => unknown)(argument.value),
    { history: env.history, ...labelOf(argument.value) },
  );
  return outcome.ok ? successResponse(outcome.value, call) : thrownErrorResponse(outcome.error);
}
