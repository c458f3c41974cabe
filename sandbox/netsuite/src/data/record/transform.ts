import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldValue, RecordTypeInfo, StoredLine, StoredRecord, StoredSubrecord } from '../store-types';
import { openToFulfil } from './order-status';

/**
 * `record.transform` pairs the emulator models, among the targets NetSuite's records catalogue lists
 * (RecordTypeInfo.transformTargets): sales order → item
 * fulfillment (open quantities of inventory/non-inventory lines, each line `itemreceive` checked)
 * and → return authorization; return authorization → cash refund and → credit memo. Body fields
 * with the same id on both types (including custbody fields) and address subrecords are copied;
 * `createdfrom` points at the source.
 */
export interface TransformPlan {
  fields: Record<string, FieldValue>;
  lines: StoredLine[];
  subrecords: Record<string, StoredSubrecord>;
}

type LineBuilder = (store: RecordStore, source: StoredRecord, target: RecordTypeInfo) => StoredLine[];

/** Never copied: identity, numbering, status and dates belong to the new transaction. */
const NOT_COPIED = new Set([
  'tranid',
  'externalid',
  'trandate',
  'orderstatus',
  'status',
  'shipstatus',
  'createddate',
  'lastmodifieddate',
  'memo',
]);

function copyMatching(
  from: Record<string, FieldValue>,
  to: Record<string, { readOnly?: boolean }>,
  skip: ReadonlySet<string>,
): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [id, value] of Object.entries(from)) {
    const f = to[id];
    if (f && !f.readOnly && !skip.has(id) && value !== null) out[id] = value;
  }
  return out;
}

const fulfillmentLines: LineBuilder = (store, source, target) => {
  const lineFields = target.sublists.item?.fields ?? {};
  return (source.sublists.item ?? []).flatMap((line) => {
    const open = openToFulfil(store, line);
    if (open <= 0) return [];
    const custom = Object.fromEntries(Object.entries(line.fields).filter(([id]) => id.startsWith('custcol') && id in lineFields));
    return [
      {
        fields: {
          ...custom,
          item: line.fields.item ?? null,
          itemreceive: true,
          quantity: open,
          quantityremaining: open,
          location: line.fields.location ?? source.fields.location ?? null,
          description: line.fields.description ?? null,
          orderline: line.fields.line ?? null,
        },
      },
    ];
  });
};

const copiedLines: LineBuilder = (_store, source, target) => {
  const lineFields = target.sublists.item?.fields ?? {};
  return (source.sublists.item ?? [])
    .filter((line) => line.fields.isclosed !== true)
    .map((line) => ({ fields: copyMatching(line.fields, lineFields, new Set(['isclosed'])) }));
};

const TRANSFORMS: Readonly<Record<string, Readonly<Record<string, LineBuilder>>>> = {
  salesorder: { itemfulfillment: fulfillmentLines, returnauthorization: copiedLines },
  returnauthorization: { cashrefund: copiedLines, creditmemo: copiedLines },
};

export function transformNotAllowed(): SuiteScriptError {
  return new SuiteScriptError(
    NS.INVALID_RCRD_TRANSFRM,
    'That type of record transformation is not allowed. Please see the documentation for a list of supported transformation types',
  );
}

/**
 * The line builder for `source` → `target`: INVALID_RCRD_TRANSFRM when NetSuite's records catalogue
 * does not list the target among the source type's transforms; EMULATOR_UNSUPPORTED when NetSuite
 * allows it but the emulator does not model it (never a claim that NetSuite refuses it).
 */
function builderFor(source: RecordTypeInfo, target: RecordTypeInfo): LineBuilder {
  if (!(source.transformTargets ?? []).includes(target.id)) throw transformNotAllowed();
  const build = TRANSFORMS[source.id]?.[target.id];
  if (!build) {
    throw new SuiteScriptError(
      NS.EMULATOR_UNSUPPORTED,
      `NetSuite transforms ${source.id} into ${target.id}, but the emulator does not model that transform yet (it models: ${Object.entries(
        TRANSFORMS,
      )
        .flatMap(([from, targets]) => Object.keys(targets).map((to) => `${from} → ${to}`))
        .join(', ')}).`,
    );
  }
  return build;
}

export function planTransform(store: RecordStore, source: StoredRecord, target: RecordTypeInfo): TransformPlan {
  const build = builderFor(store.typeInfo(source.type), target);
  if (source.fields.orderstatus === 'A' || source.fields.status === 'H' || source.fields.status === 'C') {
    throw new SuiteScriptError(
      NS.INVALID_RCRD_TRANSFRM,
      `You can not initialize ${target.id}: invalid reference ${source.id}.`,
    );
  }
  const lines = build(store, source, target);
  if (lines.length === 0) {
    throw new SuiteScriptError(
      NS.INVALID_RCRD_TRANSFRM,
      `You can not initialize ${target.id}: invalid reference ${source.id}.`,
    );
  }
  const fields = { ...copyMatching(source.fields, target.fields, NOT_COPIED), createdfrom: String(source.id) };
  const subrecords = Object.fromEntries(Object.entries(source.subrecords).filter(([id]) => id in target.subrecords));
  return { fields, lines, subrecords };
}
