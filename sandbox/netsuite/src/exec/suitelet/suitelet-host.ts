/**
 * Serves Suitelets at `/app/site/hosting/scriptlet.nl?script=..&deploy=..` (GET and POST) to the
 * logged-in UI session: each request runs the deployment's `onRequest({ request, response })` as
 * one `suitelet` invocation (1,000 units). Deployments must be deployed and RELEASED or TESTING
 * (the sandbox's administrator owns the scripts). An error the script lets escape answers 500 with
 * NetSuite's error page; a request without the session answers 401.
 */
import type { SdfScript, SdfScriptDeployment } from '../../../../../suiteapp/tools/sdf-model';
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { SuiteScriptError } from '../../errors';
import { errorMessage, errorName } from '../error-shape';
import type { HttpRoute, RouteRequest, RouteResponse } from '../http-route';
import type { InvocationHistory } from '../invoke';
import { invoke } from '../invoke';
import type { ScriptRegistry } from '../script-registry';
import { resolveParameters } from '../script-registry';
import type { EntryPoints } from '../types';
import type { RenderOptions } from './render-form';
import { escapeHtml, renderForm } from './render-form';
import { SuiteletOutput, createServerRequest, createServerResponse, parseParameters } from './suitelet-http';
import type { UiSession } from './ui-session';
import type { UiUrls } from './ui-urls';
import { LOGIN_PATH } from './ui-urls';

export interface SuiteletHostOptions {
  registry: ScriptRegistry;
  loadEntryPoints(script: SdfScript): EntryPoints;
  session: UiSession;
  urls: UiUrls;
  clock: Clock;
  history?: InvocationHistory;
  selectOptions?: RenderOptions['selectOptions'];
}

interface Target {
  script: SdfScript;
  deployment: SdfScriptDeployment;
}

function page(
  status: number,
  title: string,
  body: string,
  headers: Record<string, string> = {},
): RouteResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    body: `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(
      title,
    )}</h1>${body}</body></html>`,
  };
}

function invalidSuitelet(): SuiteScriptError {
  return new SuiteScriptError(
    'SSS_INVALID_SCRIPTLET_ID',
    'That Suitelet is invalid, disabled, or no longer exists.',
  );
}

function resolveTarget(registry: ScriptRegistry, scriptParam: string, deployParam: string): Target {
  const script = scriptParam ? registry.findScript(scriptParam) : null;
  if (!script || script.script.objectType !== 'suitelet') throw invalidSuitelet();
  const deployment = deployParam ? registry.findDeployment(script, deployParam) : null;
  const d = deployment?.deployment;
  if (!d || !d.isdeployed || (d.status !== 'RELEASED' && d.status !== 'TESTING')) throw invalidSuitelet();
  return { script: script.script, deployment: d };
}

function flatHeaders(request: RouteRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function isFormEncoded(request: RouteRequest): boolean {
  return (request.headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
}

export function loginRequired(request: RouteRequest): RouteResponse {
  const back = `${LOGIN_PATH}?redirect=${encodeURIComponent(`${request.url.pathname}${request.url.search}`)}`;
  return page(
    401,
    'Login required',
    `<p>You must log in before accessing this page.</p><p><a href="${escapeHtml(back)}">Log in to NetSuite</a></p>`,
    { 'WWW-Authenticate': 'Bearer realm="NetSuite"' },
  );
}

export function createSuiteletRoute(options: SuiteletHostOptions): HttpRoute {
  return (request) => {
    if (!options.session.isLoggedIn(request.headers)) return loginRequired(request);
    let target: Target;
    try {
      target = resolveTarget(
        options.registry,
        request.url.searchParams.get('script') ?? '',
        request.url.searchParams.get('deploy') ?? '',
      );
    } catch (e) {
      return page(
        400,
        'Error',
        `<p><code>${escapeHtml(errorName(e))}</code> ${escapeHtml(errorMessage(e))}</p>`,
      );
    }
    return runSuitelet(options, target, request);
  };
}

function runSuitelet(options: SuiteletHostOptions, target: Target, request: RouteRequest): RouteResponse {
  const parameters = parseParameters(
    request.url.searchParams,
    request.method === 'POST' && isFormEncoded(request) ? request.body : null,
  );
  const out = new SuiteletOutput();
  const action = `${request.url.pathname}?script=${encodeURIComponent(request.url.searchParams.get('script') ?? '')}&deploy=${encodeURIComponent(
    request.url.searchParams.get('deploy') ?? '',
  )}`;
  const context = {
    request: createServerRequest({
      method: request.method,
      url: options.urls.absolute(`${request.url.pathname}${request.url.search}`),
      headers: flatHeaders(request),
      body: request.body,
      parameters,
      clientIpAddress: request.remoteAddress,
    }),
    response: createServerResponse(out, {
      urls: options.urls,
      render: (form) => renderForm(form, { action, selectOptions: options.selectOptions }),
    }),
  };
  const outcome = invoke(
    {
      kind: 'suitelet',
      scriptId: target.script.scriptid,
      deploymentId: target.deployment.scriptid,
      scriptType: 'SUITELET',
      parameters: resolveParameters(target.script, target.deployment),
      startedAt: new Date(options.clock.now()),
      extra: { suiteletOutput: out },
    },
    () => {
      const onRequest = options.loadEntryPoints(target.script).onRequest;
      if (typeof onRequest !== 'function') {
        throw new SuiteScriptError(
          'SSS_MISSING_ENTRY_POINT',
          `Suitelet ${target.script.scriptid} has no onRequest entry point.`,
        );
      }
      return (onRequest as (context: unknown) => unknown)(context);
    },
    { history: options.history },
  );
  if (!outcome.ok) {
    return page(
      500,
      'An unexpected SuiteScript error has occurred',
      `<p>Error: <code>${escapeHtml(errorName(outcome.error))}</code></p><p>${escapeHtml(errorMessage(outcome.error))}</p>`,
    );
  }
  const headers: Record<string, string> = {};
  for (const { name, values } of out.headers.values()) headers[name] = values.join(', ');
  if (!out.header('content-type')) headers['Content-Type'] = 'text/html; charset=utf-8';
  if (out.location !== null) headers.Location = out.location;
  return { status: out.status, headers, body: out.chunks.join('') };
}

/** `GET /app/login/secure/enterpriselogin.nl?token=<uiToken>&redirect=<path>`: sets the session cookie. */
export function createLoginRoute(session: UiSession): HttpRoute {
  return (request) => {
    const token = request.url.searchParams.get('token') ?? '';
    const redirect = request.url.searchParams.get('redirect') ?? '/';
    const loggedIn = token === session.token || session.isLoggedIn(request.headers);
    if (!loggedIn) {
      return page(
        401,
        'Login required',
        '<p>You must log in before accessing this page. Open the login URL the emulator printed.</p>',
      );
    }
    const location = redirect.startsWith('/') ? redirect : '/';
    return {
      status: 302,
      headers: {
        Location: location,
        'Set-Cookie': `${session.cookie}; Path=/; HttpOnly; SameSite=Lax`,
        'Content-Type': 'text/plain',
      },
      body: '',
    };
  };
}
