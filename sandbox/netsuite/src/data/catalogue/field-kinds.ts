/**
 * NetSuite's field types (the `type` of a field in suiteapp/reference/netsuite-records/records.json)
 * → the emulator's FieldKind.
 *
 * - `summary` is a subrecord field ("In the Records Browser, the field that holds the subrecord is
 *   always identified as a field of type summary", Oracle help section_4675635827): it maps to `null`
 *   and becomes a subrecord when the emulator overlay names the subrecord's type, else the emulator does
 *   not offer the field at all.
 * - `radio` fields (a customer's `isperson`) hold `'T'`/`'F'`: a checkbox that also takes those strings.
 * - Card, password and time-of-day fields are kept as text; `namevaluelist` (item options) as text.
 * - A type not listed here stops catalogue generation with an error naming record, field and type, so
 *   a new data release cannot slip an unknown kind past the emulator.
 */
import type { FieldKind } from '../store-types';

export type KindMapping = { kind: FieldKind; tfRadio?: true } | null;

const KINDS: Readonly<Record<string, KindMapping>> = {
  text: { kind: 'text' },
  rtext: { kind: 'text' },
  identifier: { kind: 'text' },
  identifieranycase: { kind: 'text' },
  password: { kind: 'text' },
  ccnumber: { kind: 'text' },
  ccexpdate: { kind: 'text' },
  ccvalidfrom: { kind: 'text' },
  mmyydate: { kind: 'text' },
  ssnumber: { kind: 'text' },
  timeofday: { kind: 'text' },
  time: { kind: 'text' },
  year: { kind: 'text' },
  namevaluelist: { kind: 'text' },
  textarea: { kind: 'textarea' },
  richtext: { kind: 'textarea' },
  // A formatted address (a transaction's `shipaddress`, `billaddress`): read-only text NetSuite builds.
  address: { kind: 'textarea' },
  clobtext: { kind: 'clob' },
  email: { kind: 'email' },
  emails: { kind: 'email' },
  phone: { kind: 'phone' },
  url: { kind: 'url' },
  integer: { kind: 'integer' },
  posinteger: { kind: 'integer' },
  float: { kind: 'float' },
  posfloat: { kind: 'float' },
  currency: { kind: 'currency' },
  currency2: { kind: 'currency' },
  poscurrency: { kind: 'currency' },
  // A rate is an amount or a percentage ("10%"): the emulator's currency kind takes both.
  rate: { kind: 'currency' },
  ratehighprecision: { kind: 'currency' },
  percent: { kind: 'percent' },
  checkbox: { kind: 'checkbox' },
  radio: { kind: 'checkbox', tfRadio: true },
  date: { kind: 'date' },
  datetime: { kind: 'datetime' },
  datetimetz: { kind: 'datetime' },
  select: { kind: 'select' },
  multiselect: { kind: 'multiselect' },
  summary: null,
};

/** The emulator kind of a records.json field type; throws on a type the emulator does not know. */
export function kindOf(type: string, where: string): KindMapping {
  if (!Object.prototype.hasOwnProperty.call(KINDS, type)) {
    throw new Error(
      `${where}: NetSuite field type "${type}" has no emulator kind; add it to sandbox/netsuite/src/data/catalogue/field-kinds.ts.`,
    );
  }
  return KINDS[type] ?? null;
}
