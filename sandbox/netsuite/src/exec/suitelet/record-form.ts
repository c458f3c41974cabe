/**
 * The emulator's record pages: the entry form of a custom record
 * (`/app/common/custom/custrecordentry.nl?rectype=<type>&id=<id>`) and of an item
 * (`/app/common/item/item.nl?id=<id>`), the addresses `url.resolveRecord` gives, so the links of the
 * connector's pages (the home's "fix" links to the TikTok Shop record) open a page in the sandbox too.
 * One form per record, always editable (`e=T` or not): each field the record type has, by its label
 * with its field id under it, as NetSuite would offer it (checkbox, list of the referenced records,
 * text). Saving POSTs the form; the fields whose value changed are set and the record is saved as
 * the NetSuite UI saves it (`USERINTERFACE` context, user events run), then the page redirects to the
 * record (303). A save a user event or NetSuite refuses shows NetSuite's error page with the message
 * and changes nothing. Requests need the UI session, as Suitelets do.
 */
import { errorMessage, errorName } from '../error-shape';
import type { HttpRoute, RouteRequest, RouteResponse } from '../http-route';
import type { RecordService } from '../../data/record/service';
import type { RecordStore } from '../../data/store';
import type { FieldInfo, RecordTypeInfo } from '../../data/store-types';
import { CHECKBOX_META, escapeHtml, FORM_STYLE, MULTISELECT_META } from './render-form';
import { loginRequired } from './suitelet-host';
import type { UiSession } from './ui-session';

export const CUSTOM_RECORD_PATH = '/app/common/custom/custrecordentry.nl';
export const ITEM_RECORD_PATH = '/app/common/item/item.nl';

/** Fields NetSuite keeps for itself on every record (not on the entry form). */
const SYSTEM_FIELDS = new Set(['id', 'created', 'lastmodified', 'externalid']);
/** The emulator's form style; a record page's boxes also shrink to a narrow window (375 px). */
const STYLE = `${FORM_STYLE}textarea,select,input[type=text]{max-width:100%;box-sizing:border-box}`;
/** A list longer than this is offered as a text box of internal ids. */
const MAX_OPTIONS = 500;

export interface RecordFormOptions {
  session: UiSession;
  store: RecordStore;
  /** Saves as the UI does (user events run in the USERINTERFACE context). */
  ui: RecordService;
}

interface Target {
  info: RecordTypeInfo;
  id: number;
}

function html(
  status: number,
  title: string,
  body: string,
  headers: Record<string, string> = {},
): RouteResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    body: `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(
      title,
    )}</h1>${body}</body></html>`,
  };
}

function notFound(what: string): RouteResponse {
  return html(404, 'Record not found', `<p>${escapeHtml(what)}</p>`);
}

/** The record a request names, or why there is none. */
function targetOf(options: RecordFormOptions, url: URL): Target | string {
  const id = Number(url.searchParams.get('id') ?? '');
  if (!Number.isInteger(id) || id <= 0) return 'The address names no record (id=<internal id>).';
  if (url.pathname === ITEM_RECORD_PATH) {
    const rec = options.store.getAny('item', id);
    return rec === null ? `There is no item ${id}.` : { info: options.store.typeInfo(rec.type), id };
  }
  const type = (url.searchParams.get('rectype') ?? '').toLowerCase();
  if (!type.startsWith('customrecord') || !options.store.hasType(type)) {
    return `There is no custom record type ${JSON.stringify(type)}.`;
  }
  if (options.store.get(type, id) === null) return `There is no ${type} record ${id}.`;
  return { info: options.store.typeInfo(type), id };
}

function editable(info: RecordTypeInfo): FieldInfo[] {
  return Object.values(info.fields).filter((f) => !f.readOnly && !SYSTEM_FIELDS.has(f.id));
}

/** The choices of a list field: the referenced records by their display text, or the list's values. */
function choicesOf(store: RecordStore, field: FieldInfo): { value: string; text: string }[] | null {
  const target = field.selectTarget ?? '';
  if (target.startsWith('list:')) {
    return target
      .slice('list:'.length)
      .split(',')
      .map((value) => ({ value, text: field.listLabels?.[value] ?? value }));
  }
  const types =
    target === 'item'
      ? store.types().filter((t) => t.isItem)
      : store.hasType(target)
        ? [store.typeInfo(target)]
        : [];
  if (types.length === 0) return null;
  const records = types.flatMap((t) => store.all(t.id)).filter((r) => r.fields.isinactive !== true);
  if (records.length > MAX_OPTIONS) return null;
  return records.map((r) => ({ value: String(r.id), text: store.recordText(r) }));
}

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : value === null || value === undefined || value === ''
      ? []
      : [String(value)];

const asText = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

function control(store: RecordStore, field: FieldInfo, value: unknown): string {
  const name = escapeHtml(field.id);
  if (field.kind === 'checkbox') {
    return `<input type="hidden" name="${CHECKBOX_META}" value="${name}"><input type="checkbox" id="${name}" name="${name}" value="T"${
      value === true || value === 'T' ? ' checked' : ''
    }>`;
  }
  if (field.kind === 'select' || field.kind === 'multiselect') {
    const choices = choicesOf(store, field);
    const selected = new Set(asList(value));
    if (choices !== null) {
      const multiple = field.kind === 'multiselect';
      const options = choices
        .map(
          (c) =>
            `<option value="${escapeHtml(c.value)}"${selected.has(c.value) ? ' selected' : ''}>${escapeHtml(c.text)}</option>`,
        )
        .join('');
      return `${multiple ? `<input type="hidden" name="${MULTISELECT_META}" value="${name}">` : ''}<select id="${name}" name="${name}"${
        multiple ? ' multiple' : ''
      }>${multiple ? '' : '<option value=""></option>'}${options}</select>`;
    }
    return `<input type="text" id="${name}" name="${name}" value="${escapeHtml([...selected].join(','))}">`;
  }
  if (field.kind === 'textarea' || field.kind === 'clob') {
    return `<textarea id="${name}" name="${name}" rows="4" cols="60">${escapeHtml(asText(value))}</textarea>`;
  }
  return `<input type="text" id="${name}" name="${name}" value="${escapeHtml(asText(value))}">`;
}

function formPage(options: RecordFormOptions, target: Target, action: string): RouteResponse {
  const rec = options.store.get(target.info.id, target.id)!;
  const fields = editable(target.info)
    .map(
      (f) =>
        `<div class="field"><label for="${escapeHtml(f.id)}"${f.mandatory ? ' class="mandatory"' : ''}>${escapeHtml(
          f.label,
        )}</label> ${control(options.store, f, rec.fields[f.id])}<small>${escapeHtml(f.id)}</small></div>`,
    )
    .join('');
  return html(
    200,
    `${target.info.label ?? target.info.id}: ${options.store.recordText(rec)}`,
    `<form method="POST" action="${escapeHtml(action)}" enctype="application/x-www-form-urlencoded">${fields}<div class="buttons"><button type="submit" name="submitter" value="Save">Save</button></div></form>`,
  );
}

/** What the form posted for a field, as `setValue` takes it; undefined when it did not post it. */
function postedValue(
  field: FieldInfo,
  body: URLSearchParams,
  checkboxes: Set<string>,
  multi: Set<string>,
): unknown {
  if (field.kind === 'checkbox') return checkboxes.has(field.id) ? body.get(field.id) === 'T' : undefined;
  if (field.kind === 'multiselect') {
    if (multi.has(field.id)) return body.getAll(field.id);
    return body.has(field.id)
      ? asList(body.get(field.id))
          .flatMap((v) => v.split(','))
          .filter((v) => v !== '')
      : undefined;
  }
  if (!body.has(field.id)) return undefined;
  const text = body.get(field.id) ?? '';
  if (field.kind === 'select') return text === '' ? null : text;
  if (['integer', 'float', 'currency', 'percent'].includes(field.kind))
    return text.trim() === '' ? null : Number(text);
  return text;
}

function same(field: FieldInfo, before: unknown, after: unknown): boolean {
  if (field.kind === 'checkbox') return (before === true || before === 'T') === after;
  if (field.kind === 'multiselect') return asList(before).sort().join(',') === asList(after).sort().join(',');
  return asText(before) === asText(after);
}

function save(
  options: RecordFormOptions,
  target: Target,
  request: RouteRequest,
  action: string,
): RouteResponse {
  const body = new URLSearchParams(request.body);
  const checkboxes = new Set(body.getAll(CHECKBOX_META));
  const multi = new Set(body.getAll(MULTISELECT_META));
  const stored = options.store.get(target.info.id, target.id)!;
  try {
    const rec = options.ui.load({ type: target.info.id, id: target.id });
    for (const field of editable(target.info)) {
      const value = postedValue(field, body, checkboxes, multi);
      if (value === undefined || same(field, stored.fields[field.id], value)) continue;
      rec.setValue({ fieldId: field.id, value });
    }
    options.ui.save(rec, {});
  } catch (e) {
    return html(
      400,
      'Error',
      `<p>Error: <code>${escapeHtml(errorName(e))}</code></p><p>${escapeHtml(errorMessage(e))}</p><p>The record was not saved. <a href="${escapeHtml(
        action,
      )}">Back to the record</a></p>`,
    );
  }
  return { status: 303, headers: { Location: action }, body: '' };
}

/** The route of one record page path (custom records or items). */
export function createRecordFormRoute(options: RecordFormOptions): HttpRoute {
  return (request) => {
    if (!options.session.isLoggedIn(request.headers)) return loginRequired(request);
    const target = targetOf(options, request.url);
    if (typeof target === 'string') return notFound(target);
    const action = `${request.url.pathname}${request.url.search}`;
    if (request.method === 'POST') return save(options, target, request, action);
    if (request.method !== 'GET')
      return html(405, 'Method not allowed', '<p>Open the record (GET) or save its form (POST).</p>');
    return formPage(options, target, action);
  };
}
