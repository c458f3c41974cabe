/** SDF field types → emulator field kinds. Display-only types (HELP, INLINEHTML) store nothing. */
import type { SdfCustomList, SdfCustomRecordType, SdfField, SdfFieldType } from '../../../../../suiteapp/tools/sdf-model';
import type { FieldInfo, FieldKind, FieldValue, RecordTypeInfo } from '../store-types';
import { byId, checkbox, datetime, field, text } from './fields';
import { resolveSelectTarget } from './select-targets';

const KIND_BY_SDF_TYPE: Readonly<Record<SdfFieldType, FieldKind | null>> = {
  CHECKBOX: 'checkbox',
  CLOBTEXT: 'clob',
  CURRENCY: 'currency',
  DATE: 'date',
  DATETIMETZ: 'datetime',
  DOCUMENT: 'select',
  EMAIL: 'email',
  FLOAT: 'float',
  HELP: null,
  IMAGE: 'select',
  INLINEHTML: null,
  INTEGER: 'integer',
  MULTISELECT: 'multiselect',
  PASSWORD: 'text',
  PERCENT: 'percent',
  PHONE: 'phone',
  RICHTEXT: 'clob',
  SELECT: 'select',
  TEXT: 'text',
  TEXTAREA: 'textarea',
  TIMEOFDAY: 'text',
  URL: 'url',
};

function parseDefault(kind: FieldKind, raw: string): FieldValue {
  switch (kind) {
    case 'integer':
    case 'float':
    case 'currency':
    case 'percent': {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new Error(`default value "${raw}" is not a number`);
      return n;
    }
    case 'multiselect':
      return raw.split(',').map((s) => s.trim());
    default:
      return raw;
  }
}

/** One SDF custom field as an emulator FieldInfo, or null for display-only field types. */
export function fieldFromSdf(sdf: SdfField): FieldInfo | null {
  const kind = KIND_BY_SDF_TYPE[sdf.fieldtype];
  if (!kind) return null;
  const info = field(sdf.scriptid, kind, sdf.label, { mandatory: sdf.mandatory });
  if (kind === 'select' || kind === 'multiselect') {
    const target =
      sdf.fieldtype === 'DOCUMENT' || sdf.fieldtype === 'IMAGE'
        ? 'file'
        : resolveSelectTarget(sdf.selectrecordtype ?? '', sdf.scriptid);
    if (!target) throw new Error(`Field ${sdf.scriptid} (${sdf.file}) is a ${sdf.fieldtype} without selectrecordtype.`);
    info.selectTarget = target;
  }
  if (kind === 'checkbox') info.defaultValue = sdf.defaultchecked ?? false;
  else if (sdf.defaultvalue !== undefined && sdf.defaultvalue !== '') {
    try {
      info.defaultValue = parseDefault(kind, sdf.defaultvalue);
    } catch (e) {
      throw new Error(`Field ${sdf.scriptid} (${sdf.file}): ${(e as Error).message}`);
    }
  }
  return info;
}

/** A custom record type: its own fields plus name (when included), isinactive, externalid, created, lastmodified. */
export function customRecordFromSdf(sdf: SdfCustomRecordType): RecordTypeInfo {
  const own = sdf.fields.map(fieldFromSdf).filter((f): f is FieldInfo => f !== null);
  const standard = [
    ...(sdf.includename ? [text('name', 'Name', { mandatory: true })] : []),
    checkbox('isinactive', 'Inactive'),
    text('externalid', 'External ID', { maxLength: 255 }),
    datetime('created', 'Date Created', { readOnly: true }),
    datetime('lastmodified', 'Last Modified', { readOnly: true }),
  ];
  const id = sdf.scriptid.toLowerCase();
  return {
    id,
    label: sdf.recordname,
    category: 'custom',
    family: 'custom',
    externalIdGroup: id,
    optimisticLocking: sdf.enableoptimisticlocking,
    custom: true,
    displayField: sdf.includename ? 'name' : undefined,
    fields: byId([...standard, ...own]),
    sublists: {},
    subrecords: {},
  };
}

/** A custom list as a record type whose rows are the list values (`name` = the value text). */
export function customListType(sdf: SdfCustomList): RecordTypeInfo {
  const id = sdf.scriptid.toLowerCase();
  return {
    id,
    label: sdf.name,
    category: 'other',
    family: 'other',
    externalIdGroup: id,
    optimisticLocking: false,
    custom: true,
    displayField: 'name',
    fields: byId([
      text('name', 'Value', { mandatory: true }),
      text('scriptid', 'Script ID', { maxLength: 40 }),
      checkbox('isinactive', 'Inactive'),
      text('externalid', 'External ID', { maxLength: 255 }),
    ]),
    sublists: {},
    subrecords: {},
  };
}

/**
 * Which standard record types a body/column flag covers. `sale` is NetSuite's "Sale" applies-to box;
 * its members are an inference (Oracle's SDF custom object reference: bodysale covers the sale family).
 */
const APPLIES_TO_TYPES: Readonly<Record<string, readonly string[]>> = {
  sale: ['salesorder', 'invoice', 'cashsale', 'creditmemo', 'returnauthorization', 'cashrefund'],
  itemfulfillment: ['itemfulfillment'],
};

/**
 * Record types (and sublist, for column fields) a standalone custom field is added to, among `known`.
 * Item fields go on every item type, entity fields on customers.
 */
export function standaloneTargets(
  sdf: SdfField,
  known: readonly RecordTypeInfo[],
): { type: string; sublist?: string }[] {
  switch (sdf.kind) {
    case 'itemcustomfield':
      return known.filter((t) => t.isItem).map((t) => ({ type: t.id }));
    case 'entitycustomfield':
      return known.filter((t) => t.family === 'entity').map((t) => ({ type: t.id }));
    case 'transactionbodycustomfield':
    case 'transactioncolumncustomfield': {
      const types = new Set(sdf.appliesTo.flatMap((flag) => APPLIES_TO_TYPES[flag] ?? [flag]));
      const sublist = sdf.kind === 'transactioncolumncustomfield' ? 'item' : undefined;
      return known
        .filter((t) => t.category === 'transaction' && types.has(t.id))
        .map((t) => (sublist ? { type: t.id, sublist } : { type: t.id }));
    }
    default:
      return [];
  }
}
