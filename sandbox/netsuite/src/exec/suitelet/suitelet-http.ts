/**
 * `onRequest({ request, response })`: N/http's ServerRequest and ServerResponse for one Suitelet
 * request. `request.parameters` merges the URL query and a form-encoded POST body (the last value
 * of a repeated name wins, multiselects join theirs with `\u0005`, unchecked checkboxes read `F`).
 */
import { SuiteScriptError } from '../../errors';
import { CHECKBOX_META, MULTISELECT_META } from './render-form';
import type { UiUrls } from './ui-urls';
import type { UiForm } from './widgets';
import { isUiForm } from './widgets';

export const RedirectType = {
  MEDIA_ITEM: 'MEDIAITEM',
  RECORD: 'RECORD',
  RESTLET: 'RESTLET',
  SUITELET: 'SUITELET',
  TASK_LINK: 'TASKLINK',
} as const;

export function parseParameters(query: URLSearchParams, formBody: string | null): Record<string, string> {
  const pairs = [...query, ...(formBody === null ? [] : [...new URLSearchParams(formBody)])];
  const checkboxes = new Set(pairs.filter(([k]) => k === CHECKBOX_META).map(([, v]) => v));
  const multis = new Set(pairs.filter(([k]) => k === MULTISELECT_META).map(([, v]) => v));
  const out: Record<string, string> = {};
  for (const name of checkboxes) out[name] = 'F';
  const multiValues = new Map<string, string[]>([...multis].map((name) => [name, []]));
  for (const [key, value] of pairs) {
    if (key === CHECKBOX_META || key === MULTISELECT_META) continue;
    const list = multiValues.get(key);
    if (list) list.push(value);
    else out[key] = value;
  }
  for (const [name, values] of multiValues) out[name] = values.join('\u0005');
  return out;
}

export interface ServerRequestInit {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  parameters: Record<string, string>;
  clientIpAddress: string;
}

export function createServerRequest(init: ServerRequestInit): Record<string, unknown> {
  const cell = (group: string, name: string, line: number): string => `${group}:${name}:${line}`;
  return {
    method: init.method,
    url: init.url,
    headers: init.headers,
    body: init.body,
    parameters: init.parameters,
    clientIpAddress: init.clientIpAddress,
    files: {},
    getLineCount(options: { group: string }): number {
      const prefix = `${String(options?.group ?? '').toLowerCase()}:`;
      let max = -1;
      for (const key of Object.keys(init.parameters)) {
        if (!key.startsWith(prefix)) continue;
        const line = Number(key.slice(key.lastIndexOf(':') + 1));
        if (Number.isInteger(line)) max = Math.max(max, line);
      }
      return max < 0 ? -1 : max + 1;
    },
    getSublistValue(options: { group: string; name: string; line: number | string }): string | null {
      const key = cell(
        String(options?.group ?? '').toLowerCase(),
        String(options?.name ?? '').toLowerCase(),
        Number(options?.line),
      );
      return init.parameters[key] ?? null;
    },
  };
}

/** What a Suitelet wrote: status, headers, body, redirect. */
export class SuiteletOutput {
  status = 200;
  readonly headers = new Map<string, { name: string; values: string[] }>();
  readonly chunks: string[] = [];
  location: string | null = null;

  header(name: string): string | undefined {
    return this.headers.get(name.toLowerCase())?.values.join(', ');
  }

  redirectTo(url: string): void {
    this.status = 302;
    this.location = url;
  }
}

export interface ServerResponseDeps {
  urls: UiUrls;
  render(form: UiForm): string;
}

function outputOf(value: unknown, method: string): string {
  const output =
    typeof value === 'object' && value !== null && 'output' in value
      ? (value as { output: unknown }).output
      : value;
  if (typeof output !== 'string') {
    throw new SuiteScriptError(
      'SSS_INVALID_TYPE_ARG',
      `${method}: output must be a string; convert objects with JSON.stringify.`,
    );
  }
  return output;
}

function nameValue(a: unknown, b: unknown, method: string): { name: string; value: string } {
  const options =
    typeof a === 'object' && a !== null ? (a as { name?: unknown; value?: unknown }) : { name: a, value: b };
  if (typeof options.name !== 'string' || options.name === '') {
    throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', `${method}: Missing a required argument: name`);
  }
  return { name: options.name, value: String(options.value ?? '') };
}

export function createServerResponse(out: SuiteletOutput, deps: ServerResponseDeps): Record<string, unknown> {
  const response = {
    get headers(): Record<string, string> {
      return Object.fromEntries([...out.headers.values()].map((h) => [h.name, h.values.join(', ')]));
    },
    write(options: unknown): void {
      out.chunks.push(outputOf(options, 'ServerResponse.write'));
    },
    writeLine(options: unknown): void {
      out.chunks.push(`${outputOf(options, 'ServerResponse.writeLine')}\n`);
    },
    writePage(options: unknown): void {
      const page = isUiForm(options) ? options : (options as { pageObject?: unknown } | null)?.pageObject;
      if (!isUiForm(page)) {
        throw new SuiteScriptError(
          'SSS_INVALID_TYPE_ARG',
          'ServerResponse.writePage: pass a form from serverWidget.createForm.',
        );
      }
      out.chunks.push(deps.render(page));
    },
    setHeader(a: unknown, b?: unknown): void {
      const { name, value } = nameValue(a, b, 'ServerResponse.setHeader');
      out.headers.set(name.toLowerCase(), { name, values: [value] });
    },
    addHeader(a: unknown, b?: unknown): void {
      const { name, value } = nameValue(a, b, 'ServerResponse.addHeader');
      const existing = out.headers.get(name.toLowerCase());
      if (existing) existing.values.push(value);
      else out.headers.set(name.toLowerCase(), { name, values: [value] });
    },
    getHeader(options: { name: string } | string): string | null {
      const name = typeof options === 'string' ? options : options?.name;
      return out.header(String(name ?? '')) ?? null;
    },
    setCdnCacheable(): void {
      // The emulator has no CDN: responses are never cached, which is what the call allows.
    },
    sendRedirect(options: {
      type: string;
      identifier: unknown;
      id?: unknown;
      editMode?: boolean;
      parameters?: Record<string, unknown>;
    }): void {
      const type = String(options?.type ?? '').toUpperCase();
      if (type === RedirectType.SUITELET || type === RedirectType.RESTLET) {
        out.redirectTo(deps.urls.script(options.identifier, options.id, options.parameters));
      } else if (type === RedirectType.RECORD) {
        out.redirectTo(
          deps.urls.record(options.identifier, options.id, options.editMode === true, options.parameters),
        );
      } else {
        throw new SuiteScriptError(
          'SSS_INVALID_TYPE_ARG',
          `ServerResponse.sendRedirect: type ${type || '(missing)'} is not supported by the emulator; use http.RedirectType.SUITELET or RECORD.`,
        );
      }
    },
  };
  return response;
}
