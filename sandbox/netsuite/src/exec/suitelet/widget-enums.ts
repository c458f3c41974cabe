/** The `N/ui/serverWidget` enums, with NetSuite's string values (scripts may also pass them lower case). */
import { SuiteScriptError } from '../../errors';

export const FieldType = {
  CHECKBOX: 'CHECKBOX',
  CURRENCY: 'CURRENCY',
  DATE: 'DATE',
  DATETIMETZ: 'DATETIMETZ',
  EMAIL: 'EMAIL',
  FILE: 'FILE',
  FLOAT: 'FLOAT',
  HELP: 'HELP',
  INLINEHTML: 'INLINEHTML',
  INTEGER: 'INTEGER',
  IMAGE: 'IMAGE',
  LABEL: 'LABEL',
  LONGTEXT: 'LONGTEXT',
  MULTISELECT: 'MULTISELECT',
  PASSWORD: 'PASSWORD',
  PERCENT: 'PERCENT',
  PHONE: 'PHONE',
  SELECT: 'SELECT',
  RADIO: 'RADIO',
  RICHTEXT: 'RICHTEXT',
  TEXT: 'TEXT',
  TEXTAREA: 'TEXTAREA',
  TIMEOFDAY: 'TIMEOFDAY',
  URL: 'URL',
} as const;
export type FieldTypeName = (typeof FieldType)[keyof typeof FieldType];

export const SublistType = {
  EDITOR: 'EDITOR',
  INLINEEDITOR: 'INLINEEDITOR',
  LIST: 'LIST',
  STATICLIST: 'STATICLIST',
} as const;
export type SublistTypeName = (typeof SublistType)[keyof typeof SublistType];

export const FieldDisplayType = {
  DISABLED: 'DISABLED',
  ENTRY: 'ENTRY',
  HIDDEN: 'HIDDEN',
  INLINE: 'INLINE',
  NODISPLAY: 'NODISPLAY',
  NORMAL: 'NORMAL',
  READONLY: 'READONLY',
} as const;
export type FieldDisplayTypeName = (typeof FieldDisplayType)[keyof typeof FieldDisplayType];

export const FieldLayoutType = {
  ENDROW: 'ENDROW',
  NORMAL: 'NORMAL',
  MIDROW: 'MIDROW',
  OUTSIDE: 'OUTSIDE',
  OUTSIDEBELOW: 'OUTSIDEBELOW',
  OUTSIDEABOVE: 'OUTSIDEABOVE',
  STARTROW: 'STARTROW',
} as const;

export const FieldBreakType = { NONE: 'NONE', STARTCOL: 'STARTCOL', STARTROW: 'STARTROW' } as const;
export const SublistDisplayType = { HIDDEN: 'HIDDEN', NORMAL: 'NORMAL' } as const;
export const FormPageLinkType = { BREADCRUMB: 'BREADCRUMB', CROSSLINK: 'CROSSLINK' } as const;

/** `value` as one of `values` (case-insensitive), or SSS_INVALID_TYPE_ARG naming the argument. */
export function enumValue<T extends string>(
  values: Readonly<Record<string, T>>,
  value: unknown,
  argument: string,
  method: string,
): T {
  const wanted = String(value ?? '').toUpperCase();
  const hit = Object.values(values).find((v) => v === wanted);
  if (hit === undefined) {
    throw new SuiteScriptError(
      'SSS_INVALID_TYPE_ARG',
      `${method}: ${argument} ${JSON.stringify(value)} is not one of ${Object.values(values).join(', ')}.`,
    );
  }
  return hit;
}
