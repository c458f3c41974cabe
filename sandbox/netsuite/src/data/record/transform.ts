/**
 * `record.transform` pairs the emulator models, among the targets NetSuite's records catalogue lists
 * (RecordTypeInfo.transformTargets): sales order → item fulfillment and → return authorization;
 * return authorization → cash refund, → credit memo and → item receipt (return-authorization.ts:
 * only an approved RMA with something left to receive); sales order → invoice and → cash sale, invoice
 * → credit memo (with its apply list) and cash sale → cash refund (billing.ts). Body fields with the same id on both types
 * (including custbody fields) and address subrecords are copied; `createdfrom` points at the source.
 *
 * Sales order → item fulfillment follows the "Fulfill Based on Commitment" preference (Oracle help,
 * "Order Management Accounting Preferences", section_N1388149; preferences.ts):
 * - Limit to Committed: only inventory lines with a committed quantity show, defaulting to it (lines
 *   of items that track no inventory are not committed and show with their open quantity);
 * - Allow Uncommitted: every open line shows; inventory lines default to their committed quantity,
 *   uncommitted ones show unchecked (`itemreceive` false) with their open quantity;
 * - Ignore Commitment: every open line shows with its open quantity.
 * A source that is missing, not approved, closed or has nothing left to fulfil throws
 * INVALID_INITIALIZE_REF, "You can not initialize itemfulfillment: invalid reference <id>." (the
 * code/message pair SuiteTalk returns for an invoice in netsuite-ruby's fixtures; the HITC typings
 * of `record.transform` list INVALID_INITIALIZE_REF for a missing source). When lines are open but
 * none may be fulfilled (nothing committed under Limit to Committed), the transform succeeds with
 * no lines and the save throws VALID_LINE_ITEM_REQD (service.ts) — the pair public RESTlets handle
 * after `record.transform(...).save()` (e.g. a Jobin & Jismi sales order RESTlet answering
 * VALID_LINE_ITEM_REQD with "Item quantity is not sufficient for fulfilling").
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RecordStore } from '../store';
import type { FieldValue, RecordTypeInfo, StoredLine, StoredRecord, StoredSubrecord } from '../store-types';
import { isInventoryLine, openToFulfil } from './order-status';
import type { Preferences } from './preferences';
import { receiptLines } from './return-authorization';
import { applyLinesFor, billLines } from './billing';

export interface TransformPlan {
  fields: Record<string, FieldValue>;
  lines: StoredLine[];
  /** Other sublists the new record starts with (a credit memo's apply list: billing.ts). */
  otherSublists: Record<string, StoredLine[]>;
  subrecords: Record<string, StoredSubrecord>;
}

interface BuildContext {
  store: RecordStore;
  source: StoredRecord;
  target: RecordTypeInfo;
  preferences: Preferences;
}

/** The target's lines; `open` false when the source has nothing left for this transform at all. */
type LineBuilder = (context: BuildContext) => { lines: StoredLine[]; open: boolean };

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

function num(v: FieldValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}

/** What a fulfillment line starts with under the preference: quantity and `itemreceive`, or not shown. */
function fulfilmentDefault(
  context: BuildContext,
  line: StoredLine,
  open: number,
): { quantity: number; itemreceive: boolean } | null {
  const mode = context.preferences.fulfillBasedOnCommitment;
  if (mode === 'IGNORE_COMMITMENT' || !isInventoryLine(context.store, line)) {
    return { quantity: open, itemreceive: true };
  }
  const committed = Math.min(open, num(line.fields.quantitycommitted));
  if (committed > 0) return { quantity: committed, itemreceive: true };
  return mode === 'ALLOW_UNCOMMITTED' ? { quantity: open, itemreceive: false } : null;
}

const fulfillmentLines: LineBuilder = (context) => {
  const { source, target } = context;
  const lineFields = target.sublists.item?.fields ?? {};
  let anyOpen = false;
  const lines = (source.sublists.item ?? []).flatMap((line) => {
    const open = openToFulfil(context.store, line);
    if (open <= 0) return [];
    anyOpen = true;
    const start = fulfilmentDefault(context, line, open);
    if (!start) return [];
    const custom = Object.fromEntries(
      Object.entries(line.fields).filter(([id]) => id.startsWith('custcol') && id in lineFields),
    );
    return [
      {
        fields: {
          ...custom,
          item: line.fields.item ?? null,
          itemreceive: start.itemreceive,
          quantity: start.quantity,
          quantityremaining: open,
          location: line.fields.location ?? source.fields.location ?? null,
          description: line.fields.description ?? null,
          orderline: line.fields.line ?? null,
        },
      },
    ];
  });
  return { lines, open: anyOpen };
};

const copiedLines: LineBuilder = ({ source, target }) => {
  const lineFields = target.sublists.item?.fields ?? {};
  const lines = (source.sublists.item ?? [])
    .filter((line) => line.fields.isclosed !== true)
    .map((line) => ({ fields: copyMatching(line.fields, lineFields, new Set(['isclosed'])) }));
  return { lines, open: lines.length > 0 };
};

/** Return authorization → item receipt: its lines with something left to receive (return-authorization.ts). */
const receivedLines: LineBuilder = ({ store, source }) => receiptLines(store, source);

/** Sales order → invoice or cash sale: its unbilled quantities (billing.ts). */
const billedLines: LineBuilder = ({ store, source, target }) => billLines(store, source, target.sublists.item?.fields ?? {});

const TRANSFORMS: Readonly<Record<string, Readonly<Record<string, LineBuilder>>>> = {
  salesorder: {
    itemfulfillment: fulfillmentLines,
    returnauthorization: copiedLines,
    invoice: billedLines,
    cashsale: billedLines,
  },
  returnauthorization: { cashrefund: copiedLines, creditmemo: copiedLines, itemreceipt: receivedLines },
  invoice: { creditmemo: copiedLines },
  cashsale: { cashrefund: copiedLines },
};

export function transformNotAllowed(): SuiteScriptError {
  return new SuiteScriptError(
    NS.INVALID_RCRD_TRANSFRM,
    'That type of record transformation is not allowed. Please see the documentation for a list of supported transformation types',
  );
}

/** The source cannot be transformed into `targetType` now (missing, not approved, closed, done). */
export function invalidInitializeRef(targetType: string, sourceId: number | string): SuiteScriptError {
  return new SuiteScriptError(
    NS.INVALID_INITIALIZE_REF,
    `You can not initialize ${targetType}: invalid reference ${sourceId}.`,
  );
}

/**
 * The line builder for `source` → `target`: INVALID_RCRD_TRANSFRM when NetSuite's records catalogue
 * does not list the target among the source type's transforms; EMULATOR_UNSUPPORTED when NetSuite
 * allows it but the emulator does not model it (never a claim that NetSuite refuses it).
 */
export function builderFor(source: RecordTypeInfo, target: RecordTypeInfo): LineBuilder {
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

export function planTransform(
  store: RecordStore,
  source: StoredRecord,
  target: RecordTypeInfo,
  preferences: Preferences,
): TransformPlan {
  const build = builderFor(store.typeInfo(source.type), target);
  if (source.fields.orderstatus === 'A' || source.fields.status === 'H' || source.fields.status === 'C') {
    throw invalidInitializeRef(target.id, source.id);
  }
  const { lines, open } = build({ store, source, target, preferences });
  if (!open) throw invalidInitializeRef(target.id, source.id);
  const fields: Record<string, FieldValue> = {
    ...copyMatching(source.fields, target.fields, NOT_COPIED),
    createdfrom: String(source.id),
  };
  if (source.type === 'salesorder' && (target.id === 'invoice' || target.id === 'cashsale')) {
    fields.shippingcost = billLines(store, source, {}).shippingcost;
  }
  const otherSublists: Record<string, StoredLine[]> = {};
  if (target.id === 'creditmemo') {
    otherSublists.apply = applyLinesFor(store, source.fields.entity, source.type === 'invoice' ? source.id : null);
  }
  const subrecords = Object.fromEntries(Object.entries(source.subrecords).filter(([id]) => id in target.subrecords));
  return { fields, lines, otherSublists, subrecords };
}
