/**
 * A serverWidget Form as plain HTML: a real `<form>` that posts back (form-encoded) to the Suitelet
 * that wrote it. Field values post under the field id; sublist cells under `<sublist>:<field>:<line>`
 * (suitelet-request.ts reads them back for `request.getSublistValue`). Unchecked checkboxes post `F`
 * and multiselects post their values joined with `\u0005`, as NetSuite's own forms do; the hidden
 * `_checkbox` / `_multiselect` inputs tell the request parser which names those are.
 */
import { isoDateOf, isoToAccountDate } from '../../data/misc/datetime';
import { isDate } from '../../realm';
import type { SelectOption, UiButton, UiField, UiForm, UiSublist } from './widgets';

export interface RenderOptions {
  /** Where the form posts (the Suitelet's own URL). */
  action: string;
  /** Options of a SELECT field with a `source` (a record type): value = internal id, text = name. */
  selectOptions?: (source: string) => SelectOption[];
}

/** Meta inputs the form carries so the request parser can rebuild NetSuite's parameter values. */
export const CHECKBOX_META = '_checkbox';
export const MULTISELECT_META = '_multiselect';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A default value as the form shows it (dates in the account's M/D/YYYY format). */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isDate(value)) return isoToAccountDate(isoDateOf(value));
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  if (Array.isArray(value)) return value.map(String).join('\u0005');
  return String(value);
}

function attr(name: string, value: string): string {
  return ` ${name}="${escapeHtml(value)}"`;
}

function hidden(name: string, value: string): string {
  return `<input type="hidden"${attr('name', name)}${attr('value', value)}>`;
}

const INPUT_TYPES: Readonly<Record<string, string>> = {
  TEXT: 'text',
  EMAIL: 'email',
  PHONE: 'tel',
  URL: 'url',
  PASSWORD: 'password',
  INTEGER: 'number',
  FLOAT: 'number',
  CURRENCY: 'number',
  PERCENT: 'text',
  DATE: 'text',
  DATETIMETZ: 'text',
  TIMEOFDAY: 'text',
};
const STEPS: Readonly<Record<string, string>> = { INTEGER: '1', FLOAT: 'any', CURRENCY: '0.01' };

function optionsOf(field: UiField, options: RenderOptions): SelectOption[] {
  const sourced = field.source && options.selectOptions ? options.selectOptions(field.source) : [];
  return [...sourced, ...field.options];
}

function selectHtml(
  field: UiField,
  name: string,
  value: unknown,
  options: RenderOptions,
  extra: string,
): string {
  const multiple = field.type === 'MULTISELECT';
  const chosen = new Set(
    text(value)
      .split('\u0005')
      .filter((v) => v !== ''),
  );
  const items = optionsOf(field, options);
  const anySelected = items.some((o) => chosen.has(o.value));
  const rendered = items.map((o) => {
    const selected = anySelected ? chosen.has(o.value) : o.isSelected;
    return `<option${attr('value', o.value)}${selected ? ' selected' : ''}>${escapeHtml(o.text)}</option>`;
  });
  const blank = multiple ? '' : '<option value=""></option>';
  const meta = multiple ? hidden(MULTISELECT_META, name) : '';
  return `${meta}<select${attr('name', name)}${attr('id', name)}${multiple ? ' multiple' : ''}${extra}>${blank}${rendered.join('')}</select>`;
}

/** The editable control of a field under `name` holding `value`. */
function control(
  field: UiField,
  name: string,
  value: unknown,
  options: RenderOptions,
  dataSublist = '',
): string {
  const required = field.isMandatory ? ' required' : '';
  const disabled = field.displayType === 'DISABLED' ? ' disabled' : '';
  const readonly = field.displayType === 'READONLY' ? ' readonly' : '';
  const extra = `${required}${disabled}${readonly}`;
  switch (field.type) {
    case 'CHECKBOX': {
      const checked = text(value) === 'T' ? ' checked' : '';
      const sub = dataSublist ? attr('data-sublist', dataSublist) : '';
      return `${hidden(CHECKBOX_META, name)}<input type="checkbox"${attr('name', name)}${attr('id', name)} value="T"${checked}${disabled}${sub}>`;
    }
    case 'SELECT':
    case 'MULTISELECT':
    case 'RADIO':
      return selectHtml(field, name, value, options, extra);
    case 'TEXTAREA':
    case 'LONGTEXT':
    case 'RICHTEXT':
      return `<textarea${attr('name', name)}${attr('id', name)}${extra}>${escapeHtml(text(value))}</textarea>`;
    default: {
      const type = INPUT_TYPES[field.type] ?? 'text';
      const step = STEPS[field.type] ? attr('step', STEPS[field.type] ?? 'any') : '';
      const max = field.maxLength > 0 ? attr('maxlength', String(field.maxLength)) : '';
      return `<input${attr('type', type)}${attr('name', name)}${attr('id', name)}${attr('value', text(value))}${step}${max}${extra}>`;
    }
  }
}

/** Display text of a value (select values show their option text). */
function display(field: UiField, value: unknown, options: RenderOptions): string {
  const raw = text(value);
  if (field.type === 'CHECKBOX') return raw === 'T' ? 'Yes' : 'No';
  if (field.type === 'SELECT' || field.type === 'MULTISELECT') {
    const items = optionsOf(field, options);
    return raw
      .split('\u0005')
      .map((v) => items.find((o) => o.value === v)?.text ?? v)
      .join(', ');
  }
  return raw;
}

function bodyField(field: UiField, options: RenderOptions): string {
  if (field.displayType === 'NODISPLAY') return '';
  if (field.displayType === 'HIDDEN') return hidden(field.id, text(field.defaultValue));
  if (field.type === 'INLINEHTML')
    return `<div class="inlinehtml" id="${escapeHtml(field.id)}">${text(field.defaultValue)}</div>`;
  const label = `${escapeHtml(field.label)}${field.isMandatory ? ' <span class="mandatory">*</span>' : ''}`;
  if (field.type === 'LABEL' || field.type === 'HELP')
    return `<p class="label" id="${escapeHtml(field.id)}">${label}</p>`;
  const help = field.helpText ? `<small>${escapeHtml(field.helpText)}</small>` : '';
  if (field.displayType === 'INLINE') {
    return `<div class="field"><span class="caption">${label}</span> <span class="value" id="${escapeHtml(field.id)}">${escapeHtml(
      display(field, field.defaultValue, options),
    )}</span>${hidden(field.id, text(field.defaultValue))}${help}</div>`;
  }
  return `<div class="field"><label${attr('for', field.id)}>${label}</label> ${control(field, field.id, field.defaultValue, options)}${help}</div>`;
}

/** A URL field shown as NetSuite shows it: a link labelled with the field's `linkText` (else the URL). */
function urlLink(field: UiField, value: unknown): string {
  const href = text(value);
  if (href === '') return '';
  return `<a${attr('href', href)}>${escapeHtml(field.linkText || href)}</a>`;
}

/**
 * Text-like field types whose value a LIST or STATICLIST cell writes into the page as markup, not as
 * text. NetSuite's list sublists put a Suitelet's `setSublistValue` text into the cell as HTML
 * (Suitelets use it for coloured text and links; a value from outside NetSuite therefore has to be
 * escaped by the script, issue #8). NetSuite escapes `<` and `>` in free-form text typed into its own
 * forms (https://blog.prolecto.com/2016/06/03/watch-your-braces-netsuite-handling-rules-for-html-suitescript-developers/),
 * but a value a script sets is not such a form entry. Where the two might differ the emulator takes
 * the stricter side: every such cell is raw HTML, so an unescaped value shows up as markup in tests.
 */
const MARKUP_CELL_TYPES: ReadonlySet<string> = new Set(['TEXT', 'TEXTAREA', 'LONGTEXT', 'RICHTEXT']);

/** A list cell's shown value: markup for text-like fields (see above), escaped text otherwise. */
function listCellText(field: UiField, value: unknown, options: RenderOptions): string {
  const shown = display(field, value, options);
  return MARKUP_CELL_TYPES.has(field.type) ? shown : escapeHtml(shown);
}

/** LIST sublists show values (posted back as hidden inputs) with editable checkboxes; STATICLIST only shows. */
function cell(sublist: UiSublist, field: UiField, line: number, options: RenderOptions): string {
  const name = `${sublist.id}:${field.id}:${line}`;
  const value = sublist.getSublistValue({ id: field.id, line }) ?? field.defaultValue;
  if (sublist.type === 'STATICLIST') {
    return field.type === 'URL' ? urlLink(field, value) : listCellText(field, value, options);
  }
  // A LIST posts every column back, the link's URL included (request.getSublistValue reads it).
  if (field.type === 'URL' && field.displayType !== 'ENTRY')
    return `${urlLink(field, value)}${hidden(name, text(value))}`;
  const editable = sublist.type !== 'LIST' || field.type === 'CHECKBOX' || field.displayType === 'ENTRY';
  if (editable && field.displayType !== 'INLINE' && field.displayType !== 'HIDDEN') {
    return control(field, name, value, options, sublist.id);
  }
  if (sublist.type === 'LIST') return `${listCellText(field, value, options)}${hidden(name, text(value))}`;
  return `${escapeHtml(display(field, value, options))}${hidden(name, text(value))}`;
}

function buttonHtml(b: UiButton, sublistId = ''): string {
  if (b.isHidden) return '';
  const disabled = b.isDisabled ? ' disabled' : '';
  if (b.kind === 'submit')
    return `<button type="submit" name="submitter"${attr('value', b.label)}${attr('id', b.id)}${disabled}>${escapeHtml(b.label)}</button>`;
  if (b.kind === 'reset')
    return `<button type="reset"${attr('id', b.id)}${disabled}>${escapeHtml(b.label)}</button>`;
  if (b.kind === 'markall') {
    const on = b.id.endsWith('_unmarkall') ? 'false' : 'true';
    return `<button type="button"${attr('id', b.id)}${attr('data-markall', sublistId)}${attr('data-mark', on)}${disabled}>${escapeHtml(b.label)}</button>`;
  }
  const fn = b.functionName ? attr('data-function', b.functionName) : '';
  return `<button type="button"${attr('id', b.id)}${fn}${disabled}>${escapeHtml(b.label)}</button>`;
}

function sublistHtml(sublist: UiSublist, options: RenderOptions): string {
  const visible = sublist.fields.filter((f) => f.displayType !== 'HIDDEN' && f.displayType !== 'NODISPLAY');
  const hiddenFields = sublist.fields.filter((f) => f.displayType === 'HIDDEN');
  const lines = sublist.lineCount + (sublist.type === 'INLINEEDITOR' || sublist.type === 'EDITOR' ? 1 : 0);
  const rows: string[] = [];
  for (let line = 0; line < lines; line += 1) {
    const cells = visible.map((f) => `<td>${cell(sublist, f, line, options)}</td>`).join('');
    const hiddenCells = hiddenFields
      .map((f) =>
        hidden(
          `${sublist.id}:${f.id}:${line}`,
          text(sublist.getSublistValue({ id: f.id, line }) ?? f.defaultValue),
        ),
      )
      .join('');
    rows.push(`<tr>${cells}${hiddenCells ? `<td hidden>${hiddenCells}</td>` : ''}</tr>`);
  }
  const head = visible.map((f) => `<th>${escapeHtml(f.label)}</th>`).join('');
  const buttons = sublist.buttons.map((b) => buttonHtml(b, sublist.id)).join(' ');
  return `<section class="sublist" id="${escapeHtml(sublist.id)}"><h2>${escapeHtml(sublist.label)}</h2>${
    buttons ? `<div class="buttons">${buttons}</div>` : ''
  }<table${attr('data-sublist', sublist.id)}><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The emulator's page style (forms, record pages): long text wraps anywhere. */
export const FORM_STYLE =
  'body{font-family:sans-serif;margin:1.5rem;overflow-wrap:anywhere}.field{margin:.4rem 0}.field label,.caption{display:inline-block;min-width:14rem;font-weight:bold}' +
  '.mandatory{color:#b00}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem}' +
  '.message{border:1px solid #888;padding:.5rem;margin:.5rem 0}small{display:block;color:#555;margin-left:14rem}';

const MARK_ALL_SCRIPT =
  "document.querySelectorAll('[data-markall]').forEach(function(b){b.addEventListener('click',function(){" +
  "var on=b.getAttribute('data-mark')==='true';document.querySelectorAll('input[type=checkbox][data-sublist=\"'+b.getAttribute('data-markall')+'\"]')" +
  '.forEach(function(c){c.checked=on;});});});';

export function renderForm(form: UiForm, options: RenderOptions): string {
  const messages = form.messages
    .map(
      (m) =>
        `<div class="message ${escapeHtml(m.type.toLowerCase())}"><strong>${escapeHtml(m.title)}</strong> ${escapeHtml(m.message)}</div>`,
    )
    .join('');
  const groups = new Map(form.fieldGroups.map((g) => [g.id, g]));
  const loose = form.fields.filter((f) => !f.container || !groups.has(f.container));
  const grouped = form.fieldGroups
    .map((g) => {
      const inside = form.fields
        .filter((f) => f.container === g.id)
        .map((f) => bodyField(f, options))
        .join('');
      return `<fieldset${attr('id', g.id)}><legend>${escapeHtml(g.label)}</legend>${inside}</fieldset>`;
    })
    .join('');
  const buttons = form.buttons.map((b) => buttonHtml(b)).join(' ');
  const client = form.clientScriptModulePath
    ? `<!-- client script ${escapeHtml(form.clientScriptModulePath)} is not run by the emulator -->`
    : '';
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(form.title)}</title><style>${FORM_STYLE}</style></head><body>`,
    `<h1>${escapeHtml(form.title)}</h1>${messages}`,
    `<form method="POST"${attr('action', options.action)} enctype="application/x-www-form-urlencoded">`,
    `${loose.map((f) => bodyField(f, options)).join('')}${grouped}`,
    form.sublists.map((s) => sublistHtml(s, options)).join(''),
    buttons ? `<div class="buttons">${buttons}</div>` : '',
    `</form>${client}<script>${MARK_ALL_SCRIPT}</script></body></html>`,
  ].join('\n');
}
