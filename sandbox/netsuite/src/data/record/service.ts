/**
 * The record operations behind `N/record`, without governance: `charge` is called first by every
 * operation (the module charges the invocation's meter; the seed charges nothing), so a call that
 * would exceed the usage limit changes nothing.
 */
import { NS, SuiteScriptError } from '../../errors';
import type { RECORD_COSTS } from '../../governance';
import type { RecordStore } from '../store';
import type { FieldValue, RecordTypeInfo, StoredLine, StoredRecord } from '../store-types';
import { applyCurrencyDefaults, checkTransactionCurrency } from './currency';
import { applyCreateDefaults } from './defaults';
import { absenceOf, isCustomFieldId, missingArgument, recordDoesNotExist, unknownCustomField, unknownField } from './errors';
import { adjustInventory, commitSalesOrder, fulfil, releaseSalesOrder, unfulfil } from './inventory';
import { checkPackageSublists, defaultShipStatus, packageSublistProblem, settleFulfillmentStatus } from './item-fulfillment';
import { assignNumbers } from './numbering';
import { applyCreditMemo, applyEntityPayment, entityApplyLines, openInvoice, recordBilled } from './billing';
import { salesOrderStatus } from './order-status';
import { checkClosedLines, receive, returnAuthorizationStatus, unreceive } from './return-authorization';
import { checkPostingPeriods } from './periods';
import type { Preferences } from './preferences';
import { resolvePreferences } from './preferences';
import type { RecordEnv, SaveOptions } from './record';
import { NsRecord } from './record';
import { sourceBody, sourceForSave, sourceLine } from './sourcing';
import { computeTotals } from './totals';
import { builderFor, invalidInitializeRef, planTransform } from './transform';
import type { SubmitEvent, SubmitEventType, UserEventHook, UserEventSlot } from './user-events';
import { validateChangedFields, validateForSave } from './validate';
import type { TextLookup } from './values';
import { dateString, fromText, toStored } from './values';

export type RecordOp = keyof typeof RECORD_COSTS;
export type ChargeFn = (op: RecordOp, info: RecordTypeInfo) => void;

export interface RecordServiceOptions {
  store: RecordStore;
  /** The account's preferences, shared by reference (changes apply to the next operation). */
  preferences?: Preferences;
  charge?: ChargeFn;
  /** User event scripts to run around saves (none without a slot). */
  userEvents?: UserEventSlot;
  /**
   * The execution context saves come from, for user event deployments' `<executioncontext>`
   * (`USERINTERFACE` for the seed's UI saves); default: that of the running script.
   */
  executionContext?: string;
}

export interface CreateOptions {
  type: string;
  isDynamic?: boolean;
  defaultValues?: Record<string, unknown>;
}
export interface LoadOptions {
  type: string;
  id: number | string;
  isDynamic?: boolean;
  defaultValues?: Record<string, unknown>;
}
export interface TransformOptions {
  fromType: string;
  fromId: number | string;
  toType: string;
  isDynamic?: boolean;
  defaultValues?: Record<string, unknown>;
}
export interface SubmitFieldsOptions {
  type: string;
  id: number | string;
  values: Record<string, unknown>;
  options?: SaveOptions;
}

/** The record a transform-only type is made from in this emulator (item receipts: from return authorizations). */
const TRANSFORM_SOURCE: Readonly<Record<string, string>> = { itemfulfillment: 'salesorder', itemreceipt: 'returnauthorization' };
const FROM_LABEL: Readonly<Record<string, string>> = { salesorder: 'sales order', returnauthorization: 'return authorization' };

/** Body fields a copy starts without (identity, numbering, status, dates). */
const COPY_RESET_BODY_FIELDS = ['externalid', 'tranid', 'entityid', 'status', 'createddate', 'lastmodifieddate', 'datecreated', 'created', 'lastmodified'];
/** Line fields NetSuite maintains and a copy starts without. */
const COPY_RESET_LINE_FIELDS = ['line', 'quantityfulfilled', 'quantitycommitted', 'quantitybackordered', 'quantitybilled', 'quantityreceived'];
const ITEM_LOCATION_QUANTITIES = ['quantityonhand', 'quantitycommitted', 'quantityavailable', 'quantitybackordered'];

function required<T>(value: T | undefined | null | '', name: string, method: string): T {
  if (value === undefined || value === null || value === '') throw missingArgument(name, method);
  return value;
}

function toId(id: number | string, method: string): number {
  const n = Number(required(id, 'id', method));
  if (!Number.isInteger(n) || n <= 0) throw recordDoesNotExist();
  return n;
}

export class RecordService {
  readonly store: RecordStore;
  readonly preferences: Preferences;
  private readonly charge: ChargeFn;
  private readonly env: RecordEnv;
  private readonly userEvents: UserEventSlot | undefined;
  private readonly executionContext: string | null;

  constructor(options: RecordServiceOptions) {
    this.store = options.store;
    this.preferences = options.preferences ?? resolvePreferences();
    this.charge = options.charge ?? (() => undefined);
    this.userEvents = options.userEvents;
    this.executionContext = options.executionContext ?? null;
    const store = this.store;
    this.env = {
      lookup: this.textLookup(),
      typeInfo: (type) => store.typeInfo(type),
      sourceBody: (rec, fieldId) => sourceBody(store, rec, fieldId),
      sourceLine: (rec, sublistId, line, fieldId) => sourceLine(store, rec, sublistId, line, fieldId),
      save: (rec, opts) => this.save(rec, opts),
      sublistProblem: (rec, sublistId) =>
        rec.type === 'itemfulfillment' ? packageSublistProblem(store, rec.fields, sublistId) : null,
    };
  }

  create(options: CreateOptions): NsRecord {
    const info = this.creatableType(required(options?.type, 'type', 'record.create'));
    if (info.createOnlyByTransform) {
      const from = TRANSFORM_SOURCE[info.id] ?? 'salesorder';
      throw new SuiteScriptError(
        NS.INVALID_RCRD_TRANSFRM,
        `You cannot create a ${info.label ?? info.id} record directly: NetSuite only creates it by transforming a ${FROM_LABEL[from] ?? from} (record.transform({ fromType: '${from}', fromId, toType: '${info.id}' })).`,
      );
    }
    this.charge('create', info);
    const rec = new NsRecord(info, options.isDynamic === true, this.env);
    const { entity, ...defaultValues } = options.defaultValues ?? {};
    const paying = info.id === 'customerpayment' || info.id === 'customerrefund';
    applyCreateDefaults(rec, this.preferences, this.store.clock, paying ? defaultValues : options.defaultValues);
    if (paying && entity !== undefined && entity !== null) {
      // The `entity` initialization default: the customer, and the apply list of its open documents (billing.ts).
      rec.fields.customer = String(entity);
      rec.loadStored({ fields: rec.fields, sublists: { apply: entityApplyLines(this.store, info.id as 'customerpayment' | 'customerrefund', String(entity)) }, subrecords: {} });
    }
    if (rec.isDynamic) for (const fieldId of Object.keys(options.defaultValues ?? {})) sourceBody(this.store, rec, fieldId);
    return rec;
  }

  load(options: LoadOptions): NsRecord {
    const info = this.creatableType(required(options?.type, 'type', 'record.load'));
    const id = toId(options.id, 'record.load');
    this.charge('load', info);
    const stored = this.store.get(info.id, id);
    if (!stored) throw recordDoesNotExist();
    const rec = new NsRecord(info, options.isDynamic === true, this.env);
    rec.loadStored(stored);
    return rec;
  }

  copy(options: LoadOptions): NsRecord {
    const info = this.creatableType(required(options?.type, 'type', 'record.copy'));
    const id = toId(options.id, 'record.copy');
    if (info.createOnlyByTransform) {
      throw new SuiteScriptError(NS.INVALID_RCRD_TRANSFRM, `You cannot copy a ${info.label ?? info.id} record.`);
    }
    this.charge('copy', info);
    const stored = this.store.get(info.id, id);
    if (!stored) throw recordDoesNotExist();
    const rec = new NsRecord(info, options.isDynamic === true, this.env);
    const fields: Record<string, FieldValue> = { ...stored.fields };
    for (const k of COPY_RESET_BODY_FIELDS) if (k in fields) fields[k] = null;
    if (info.category === 'transaction') fields.trandate = dateString(new Date(this.store.clock.now()));
    const sublists: Record<string, StoredLine[]> = {};
    for (const [sublistId, lines] of Object.entries(stored.sublists)) {
      sublists[sublistId] = lines.map((l) => {
        const f = { ...l.fields };
        for (const k of COPY_RESET_LINE_FIELDS) if (k in f) f[k] = null;
        return { ...l, fields: f };
      });
    }
    rec.loadStored({ fields, sublists, subrecords: stored.subrecords });
    return rec;
  }

  transform(options: TransformOptions): NsRecord {
    const from = this.creatableType(required(options?.fromType, 'fromType', 'record.transform'));
    const to = this.creatableType(required(options?.toType, 'toType', 'record.transform'));
    builderFor(from, to);
    const id = Number(required(options.fromId, 'fromId', 'record.transform'));
    this.charge('transform', to);
    const source = Number.isInteger(id) && id > 0 ? this.store.get(from.id, id) : null;
    if (!source) throw invalidInitializeRef(to.id, options.fromId);
    const plan = planTransform(this.store, source, to, this.preferences);
    const rec = new NsRecord(to, options.isDynamic === true, this.env);
    applyCreateDefaults(rec, this.preferences, this.store.clock, options.defaultValues);
    if (to.id === 'itemfulfillment' && !('shipstatus' in (options.defaultValues ?? {}))) {
      rec.fields.shipstatus = defaultShipStatus(this.store);
    }
    rec.loadStored({ fields: { ...rec.fields, ...plan.fields }, sublists: { ...plan.otherSublists, item: plan.lines }, subrecords: plan.subrecords });
    rec.transformedFrom = { type: from.id, id };
    return rec;
  }

  delete(options: { type: string; id: number | string }): number {
    const info = this.creatableType(required(options?.type, 'type', 'record.delete'));
    const id = toId(options.id, 'record.delete');
    this.charge('delete', info);
    const stored = this.store.get(info.id, id);
    if (!stored) throw recordDoesNotExist();
    const hook = this.hookFor(info);
    const event: SubmitEvent | null = hook
      ? { type: 'delete', newRecord: this.readOnly(stored, 'context.newRecord'), oldRecord: this.readOnly(stored, 'context.oldRecord') }
      : null;
    if (hook && event) this.fire(hook, 'beforeSubmit', info, event);
    checkPostingPeriods(this.store, info, [stored.fields.trandate ?? null]);
    this.store.transaction(() => {
      if (info.id === 'salesorder') releaseSalesOrder(this.store, stored);
      if (info.id === 'itemfulfillment') this.reverseFulfillment(stored);
      if (info.id === 'itemreceipt') this.reverseReceipt(stored);
      if (info.id === 'inventoryadjustment') adjustInventory(this.store, stored, null);
      this.store.delete(info.id, id);
    });
    if (hook && event) this.fire(hook, 'afterSubmit', info, event);
    return id;
  }

  submitFields(options: SubmitFieldsOptions): number {
    const info = this.creatableType(required(options?.type, 'type', 'record.submitFields'));
    const id = toId(options.id, 'record.submitFields');
    const values = required(options.values, 'values', 'record.submitFields');
    this.charge('submitFields', info);
    const stored = this.store.get(info.id, id);
    if (!stored) throw recordDoesNotExist();
    let changed: Record<string, FieldValue> = {};
    for (const [fieldId, raw] of Object.entries(values)) {
      const f = info.fields[fieldId];
      if (!f) {
        // NetSuite ignores an unknown id here; the emulator refuses it (stricter on purpose).
        if (isCustomFieldId(fieldId)) throw unknownCustomField(fieldId, `${info.id} records`, absenceOf(info, fieldId));
        throw unknownField(info.id, fieldId, undefined, absenceOf(info, fieldId));
      }
      if (f.readOnly) continue;
      // submitFields takes field values as text too: dates as the account's date format, checkboxes as 'T'/'F'.
      const asText = (f.kind === 'date' || f.kind === 'checkbox') && typeof raw === 'string' && raw !== '';
      changed[fieldId] = asText ? fromText(f, raw, this.env.lookup) : toStored(f, raw);
    }
    const hook = this.hookFor(info);
    const oldRecord = hook ? this.readOnly(stored, 'context.oldRecord') : null;
    if (hook) {
      const newRecord = this.partialRecord(stored, changed);
      this.fire(hook, 'beforeSubmit', info, { type: 'xedit', newRecord, oldRecord });
      changed = { ...newRecord.fields };
    }
    for (const [fieldId, value] of Object.entries(changed)) {
      const f = info.fields[fieldId];
      if (f?.mandatory && (value === null || value === '')) {
        throw new SuiteScriptError(NS.USER_ERROR, `Please enter value(s) for: ${f.label}`);
      }
    }
    validateChangedFields(this.store, info, changed);
    checkPostingPeriods(this.store, info, [stored.fields.trandate ?? null, changed.trandate ?? null]);
    if (info.id === 'returnauthorization') checkClosedLines({ ...stored.fields, ...changed }, stored.sublists.item ?? []);
    this.store.transaction(() => {
      const next: StoredRecord = { ...stored, fields: { ...stored.fields, ...changed } };
      if ('externalid' in changed) next.externalId = changed.externalid === null ? null : String(changed.externalid);
      if (info.id === 'salesorder') this.settleSalesOrder(stored, next);
      if (info.id === 'itemfulfillment') settleFulfillmentStatus(this.store, next.fields, dateString(new Date(this.store.clock.now())));
      if (info.id === 'returnauthorization') next.fields.status = returnAuthorizationStatus(this.store, next.fields, next.sublists.item ?? []);
      this.store.update(next);
    });
    if (hook) {
      const newRecord = this.partialRecord(stored, changed).makeReadOnly('context.newRecord in afterSubmit');
      this.fire(hook, 'afterSubmit', info, { type: 'xedit', newRecord, oldRecord });
    }
    return id;
  }

  save(rec: NsRecord, options: SaveOptions): number {
    const info = rec.info;
    this.charge('save', info);
    const type: SubmitEventType = rec.id === null ? 'create' : 'edit';
    const before = rec.id === null ? null : this.store.get(info.id, rec.id);
    const hook = this.hookFor(info);
    const oldRecord = hook && before ? this.readOnly(before, 'context.oldRecord') : null;
    if (hook) this.fire(hook, 'beforeSubmit', info, { type, newRecord: rec, oldRecord });
    const id = this.write(rec, options, before);
    if (hook) {
      const saved = this.store.get(info.id, id);
      if (saved) {
        const newRecord = this.readOnly(saved, 'context.newRecord in afterSubmit');
        this.fire(hook, 'afterSubmit', info, { type, newRecord, oldRecord });
      }
    }
    return id;
  }

  /** Validates and writes a record being saved (after beforeSubmit). */
  private write(rec: NsRecord, options: SaveOptions, before: StoredRecord | null): number {
    const info = rec.info;
    sourceForSave(this.store, rec);
    if (info.id === 'itemfulfillment') {
      rec.sublists.item = (rec.sublists.item ?? []).filter((l) => l.fields.itemreceive === true);
      if (rec.sublists.item.length === 0) {
        throw new SuiteScriptError(NS.VALID_LINE_ITEM_REQD, 'You must enter at least one line item for this transaction.');
      }
      settleFulfillmentStatus(this.store, rec.fields, dateString(new Date(this.store.clock.now())));
      checkPackageSublists(this.store, rec.fields, rec.sublists);
    }
    if (info.id === 'itemreceipt') {
      rec.sublists.item = (rec.sublists.item ?? []).filter((l) => l.fields.itemreceive === true);
      if (rec.sublists.item.length === 0) {
        throw new SuiteScriptError(NS.VALID_LINE_ITEM_REQD, 'You must enter at least one line item for this transaction.');
      }
    }
    if (info.id === 'location') mirrorMainAddress(rec);
    if (info.id === 'returnauthorization') checkClosedLines(rec.fields, rec.sublists.item ?? []);
    applyCurrencyDefaults(this.store, rec);
    computeTotals(rec, this.store);
    validateForSave(this.store, this.preferences, rec, options);
    checkTransactionCurrency(this.store, rec, before);
    checkPostingPeriods(this.store, info, [before?.fields.trandate ?? null, rec.fields.trandate ?? null]);
    return this.store.transaction(() => {
      const data = { fields: { ...rec.fields }, sublists: rec.toStoredLines(), subrecords: rec.toStoredSubrecords() };
      assignNumbers(this.store, info, data.fields);
      numberLines(data.sublists.item);
      numberLines(data.sublists.inventory);
      const externalId = data.fields.externalid === null || data.fields.externalid === undefined ? null : String(data.fields.externalid);
      let saved: StoredRecord;
      if (rec.id === null) {
        if (info.id === 'salesorder') this.settleSalesOrder(null, data);
        if (info.id === 'itemfulfillment') this.applyFulfillment(data.fields, data.sublists.item ?? []);
        if (info.id === 'itemreceipt') this.applyReceipt(null, data.fields, data.sublists.item ?? []);
        if (info.id === 'returnauthorization') data.fields.status = returnAuthorizationStatus(this.store, data.fields, data.sublists.item ?? []);
        if (info.id === 'inventoryadjustment') adjustInventory(this.store, null, data);
        this.applyBilling(info.id, data);
        saved = this.store.insert({ type: info.id, externalId, ...data });
      } else {
        const previous = this.store.get(info.id, rec.id);
        if (!previous) throw recordDoesNotExist();
        if (info.optimisticLocking && previous.version !== rec.version) {
          throw new SuiteScriptError(NS.RCRD_HAS_BEEN_CHANGED, 'Record has been changed');
        }
        if (info.id === 'inventoryitem') data.sublists.locations = keepQuantities(previous, data.sublists.locations ?? []);
        if (info.id === 'salesorder') this.settleSalesOrder(previous, data);
        if (info.id === 'itemfulfillment') this.refulfil(previous, data.fields, data.sublists.item ?? []);
        if (info.id === 'itemreceipt') this.applyReceipt(previous, data.fields, data.sublists.item ?? []);
        if (info.id === 'returnauthorization') data.fields.status = returnAuthorizationStatus(this.store, data.fields, data.sublists.item ?? []);
        if (info.id === 'inventoryadjustment') adjustInventory(this.store, previous, data);
        saved = this.store.update({ ...previous, externalId, ...data, version: rec.version ?? previous.version });
      }
      rec.loadStored(saved);
      return saved.id;
    });
  }

  /** Commit inventory and set the status of a sales order about to be written. */
  private settleSalesOrder(
    previous: StoredRecord | null,
    next: { fields: Record<string, FieldValue>; sublists: Record<string, StoredLine[]> },
  ): void {
    commitSalesOrder(this.store, previous, next);
    next.fields.status = salesOrderStatus(this.store, next.fields, next.sublists.item ?? []);
  }

  /** A deleted fulfilment's quantities return to stock and to its order, which recommits them. */
  private reverseFulfillment(fulfillment: StoredRecord): void {
    const order = this.store.get('salesorder', Number(fulfillment.fields.createdfrom));
    if (!order) return;
    const before = structuredClone(order);
    unfulfil(this.store, order, fulfillment.sublists.item ?? [], fulfillment.fields);
    this.settleSalesOrder(before, order);
    this.store.update(order);
  }

  /**
   * An edited fulfilment: what it shipped before goes back (stock and the order's open quantities,
   * recommitted), then its lines now are fulfilled again, with the same checks as a new one
   * (quantity open on the order line, committed quantity under Limit to Committed). A line whose
   * itemreceive was cleared is no longer fulfilled.
   */
  private refulfil(previous: StoredRecord, fields: Record<string, FieldValue>, lines: StoredLine[]): void {
    const order = this.store.get('salesorder', Number(previous.fields.createdfrom));
    if (!order) throw invalidInitializeRef('itemfulfillment', String(previous.fields.createdfrom));
    const before = structuredClone(order);
    unfulfil(this.store, order, previous.sublists.item ?? [], previous.fields);
    commitSalesOrder(this.store, before, order);
    fulfil(this.store, order, lines, fields, this.preferences.fulfillBasedOnCommitment);
    order.fields.status = salesOrderStatus(this.store, order.fields, order.sublists.item ?? []);
    this.store.update(order);
  }

  private applyFulfillment(fields: Record<string, FieldValue>, lines: StoredLine[]): void {
    const order = this.store.get('salesorder', Number(fields.createdfrom));
    if (!order) {
      throw new SuiteScriptError(NS.INVALID_RCRD_TRANSFRM, 'An item fulfillment must be created from an existing sales order.');
    }
    fulfil(this.store, order, lines, fields, this.preferences.fulfillBasedOnCommitment);
    order.fields.status = salesOrderStatus(this.store, order.fields, order.sublists.item ?? []);
    this.store.update(order);
  }

  /**
   * A saved item receipt: what its previous version received goes back first (an edit), then its
   * lines are received on the return authorization it was transformed from (return-authorization.ts).
   */
  private applyReceipt(previous: StoredRecord | null, fields: Record<string, FieldValue>, lines: StoredLine[]): void {
    const rma = this.store.get('returnauthorization', Number(fields.createdfrom));
    if (!rma) {
      throw new SuiteScriptError(NS.INVALID_RCRD_TRANSFRM, 'An item receipt must be created from an existing return authorization.');
    }
    if (previous) unreceive(this.store, rma, previous.sublists.item ?? [], previous.fields);
    receive(this.store, rma, lines, fields);
    this.store.update(rma);
  }

  /** A deleted item receipt's quantities are no longer received, and leave stock again. */
  private reverseReceipt(receipt: StoredRecord): void {
    const rma = this.store.get('returnauthorization', Number(receipt.fields.createdfrom));
    if (!rma) return;
    unreceive(this.store, rma, receipt.sublists.item ?? [], receipt.fields);
    this.store.update(rma);
  }

  /**
   * A new invoice or cash sale bills its sales order's lines; a new invoice owes its total; a new credit
   * memo applies its ticked apply lines (billing.ts). Edits do not bill or apply again.
   */
  private applyBilling(type: string, data: { fields: Record<string, FieldValue>; sublists: Record<string, StoredLine[]> }): void {
    if (type === 'invoice' || type === 'cashsale') {
      const order = data.fields.createdfrom ? recordBilled(this.store, data) : null;
      if (order) {
        order.fields.status = salesOrderStatus(this.store, order.fields, order.sublists.item ?? []);
        this.store.update(order);
      }
      if (type === 'invoice') openInvoice(data.fields);
    }
    if (type === 'creditmemo') for (const invoice of applyCreditMemo(this.store, data)) this.store.update(invoice);
    if (type === 'customerpayment' || type === 'customerrefund') for (const doc of applyEntityPayment(this.store, type, data)) this.store.update(doc);
  }

  /** The user event hook when a save of this type triggers user events now. */
  private hookFor(info: RecordTypeInfo): UserEventHook | null {
    return this.userEvents?.active(info.id, this.executionContext) ?? null;
  }

  private fire(hook: UserEventHook, stage: 'beforeSubmit' | 'afterSubmit', info: RecordTypeInfo, event: SubmitEvent): void {
    hook.run(stage, info.id, event, this.executionContext);
  }

  /** A stored record as a read-only Record (a user event's old record, or new record after submit). */
  private readOnly(stored: StoredRecord, role: string): NsRecord {
    const rec = new NsRecord(this.store.typeInfo(stored.type), false, this.env);
    rec.loadStored(stored);
    return rec.makeReadOnly(role);
  }

  /** `xedit`'s new record: the record's id with only the submitted fields, as NetSuite gives it. */
  private partialRecord(stored: StoredRecord, changed: Record<string, FieldValue>): NsRecord {
    const rec = new NsRecord(this.store.typeInfo(stored.type), false, this.env);
    rec.loadStored({ id: stored.id, version: stored.version, fields: { ...changed }, sublists: {}, subrecords: {} });
    return rec;
  }

  private creatableType(type: string): RecordTypeInfo {
    const info = this.store.typeInfo(type);
    if (info.subrecordOnly) {
      throw new SuiteScriptError(NS.INVALID_RCRD_TYPE, `The record type [${info.id.toUpperCase()}] is invalid.`);
    }
    return info;
  }

  private textLookup(): TextLookup {
    const store = this.store;
    return {
      displayText: (target, id) => store.displayText(target, id),
      idForText: (target, text) => {
        const family = target === 'item' || target === 'transaction' || target === 'entity' ? target : null;
        const types = family
          ? store.types().filter((t) => (family === 'item' ? t.isItem : family === 'transaction' ? t.category === 'transaction' : t.family === 'entity'))
          : store.hasType(target)
            ? [store.typeInfo(target)]
            : [];
        for (const t of types) {
          const match = store.all(t.id).find((r) => store.recordText(r) === text || (t.displayField && r.fields[t.displayField] === text));
          if (match) return String(match.id);
        }
        return null;
      },
    };
  }
}

/** The location's address fields NetSuite shows from its main address (records.json location: city, state, zip, country, attention, addrphone, addrtext). */
const LOCATION_ADDRESS_FIELDS = ['attention', 'addrphone', 'city', 'state', 'zip', 'country'];

/**
 * A location's address lives in its `mainaddress` subrecord (Oracle help section_4675635629); the
 * flat address fields records.json lists on the location read it (assumption: NetSuite fills them
 * from the main address, and the formatted `addrtext` from its lines).
 */
function mirrorMainAddress(rec: NsRecord): void {
  const address = rec.subrecords.mainaddress;
  if (!address) return;
  for (const id of LOCATION_ADDRESS_FIELDS) if (rec.info.fields[id]) rec.fields[id] = address.fields[id] ?? null;
  if (rec.info.fields.addrtext) {
    const a = address.fields;
    const cityLine = [a.city, a.state, a.zip].filter((v) => v !== null && v !== undefined && v !== '').join(' ');
    const lines = [a.attention, a.addressee, a.addr1, a.addr2, a.addr3, cityLine, a.country].filter((v) => v !== null && v !== undefined && v !== '');
    rec.fields.addrtext = lines.length ? lines.map(String).join('\n') : null;
  }
}

/** Give new item lines a `line` id (max existing + 1), as NetSuite does on save. */
function numberLines(lines: StoredLine[] | undefined): void {
  if (!lines) return;
  let max = lines.reduce((m, l) => Math.max(m, typeof l.fields.line === 'number' ? l.fields.line : 0), 0);
  for (const l of lines) if (typeof l.fields.line !== 'number') l.fields.line = ++max;
}

/** Item saves keep the system-maintained quantities; scripts only change the per-location settings. */
function keepQuantities(previous: StoredRecord, lines: StoredLine[]): StoredLine[] {
  return (previous.sublists.locations ?? []).map((old) => {
    const edited = lines.find((l) => String(l.fields.location) === String(old.fields.location));
    const fields = { ...(edited?.fields ?? {}), ...old.fields };
    if (edited) {
      for (const [k, v] of Object.entries(edited.fields)) if (!ITEM_LOCATION_QUANTITIES.includes(k) && k !== 'location') fields[k] = v;
    }
    return { fields };
  });
}
