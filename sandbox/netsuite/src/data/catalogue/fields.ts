/**
 * Small builders for catalogue field definitions, so the standard-record tables read like NetSuite's
 * Records Browser: `text('memo', 'Memo', { maxLength: 999 })`.
 */
import type { FieldInfo, FieldKind, FieldValue, SublistInfo } from '../store-types';

export interface FieldOptions {
  mandatory?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  defaultValue?: FieldValue;
}

/** NetSuite's limits for free-form text kinds (custom fields: TEXT 300, TEXTAREA 4000, long text 1,000,000). */
export const DEFAULT_MAX_LENGTH: Readonly<Partial<Record<FieldKind, number>>> = {
  text: 300,
  textarea: 4000,
  clob: 1_000_000,
  email: 254,
  phone: 32,
  url: 999,
};

export function field(id: string, kind: FieldKind, label: string, options: FieldOptions = {}): FieldInfo {
  const info: FieldInfo = { id, kind, label, mandatory: options.mandatory ?? false };
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH[kind];
  if (maxLength !== undefined) info.maxLength = maxLength;
  if (options.readOnly) info.readOnly = true;
  if (options.defaultValue !== undefined) info.defaultValue = options.defaultValue;
  return info;
}

export const text = (id: string, label: string, o?: FieldOptions): FieldInfo => field(id, 'text', label, o);
export const textarea = (id: string, label: string, o?: FieldOptions): FieldInfo =>
  field(id, 'textarea', label, o);
export const email = (id: string, label: string, o?: FieldOptions): FieldInfo => field(id, 'email', label, o);
export const phone = (id: string, label: string, o?: FieldOptions): FieldInfo => field(id, 'phone', label, o);
export const checkbox = (id: string, label: string, o: FieldOptions = {}): FieldInfo =>
  field(id, 'checkbox', label, { defaultValue: false, ...o });
export const currency = (id: string, label: string, o?: FieldOptions): FieldInfo =>
  field(id, 'currency', label, o);
export const float = (id: string, label: string, o?: FieldOptions): FieldInfo => field(id, 'float', label, o);
export const integer = (id: string, label: string, o?: FieldOptions): FieldInfo =>
  field(id, 'integer', label, o);
export const date = (id: string, label: string, o?: FieldOptions): FieldInfo => field(id, 'date', label, o);
export const datetime = (id: string, label: string, o?: FieldOptions): FieldInfo =>
  field(id, 'datetime', label, o);

export function select(id: string, label: string, target: string, o?: FieldOptions): FieldInfo {
  return { ...field(id, 'select', label, o), selectTarget: target };
}

export function multiselect(id: string, label: string, target: string, o?: FieldOptions): FieldInfo {
  return { ...field(id, 'multiselect', label, o), selectTarget: target };
}

/** A select over a fixed value list, e.g. `orderstatus` (`A` Pending Approval, `B` Pending Fulfillment). */
export function listSelect(
  id: string,
  label: string,
  labels: Readonly<Record<string, string>>,
  o?: FieldOptions,
): FieldInfo {
  return { ...field(id, 'select', label, o), selectTarget: `list:${Object.keys(labels).join(',')}`, listLabels: labels };
}

export function byId(fields: FieldInfo[]): Record<string, FieldInfo> {
  const out: Record<string, FieldInfo> = {};
  for (const f of fields) out[f.id] = f;
  return out;
}

export function sublist(id: string, fields: FieldInfo[], subrecords?: Record<string, string>): SublistInfo {
  const info: SublistInfo = { id, fields: byId(fields) };
  if (subrecords) info.subrecords = subrecords;
  return info;
}
