/**
 * The `N/record` Record object: body fields, sublists (standard and dynamic mode), subrecords.
 *
 * Values live in their stored form (store-types.ts) and are converted on the way in and out
 * (values.ts). Sourcing and save are injected (RecordEnv) so this class only keeps state.
 *
 * Only the fields and sublists of the record type exist (NetSuite's records catalogue plus the SDF
 * project's custom fields): reading or setting any other id throws, where NetSuite would ignore it or
 * return nothing (errors.ts: unknownField, unknownSublist, unknownLineField). Stricter on purpose.
 */
import { nsError } from '../../errors';
import type { FieldInfo, FieldValue, RecordTypeInfo, StoredLine, StoredRecord, StoredSubrecord, SublistInfo } from '../store-types';
import {
  absenceOf,
  invalidApiUsage,
  invalidSublistOperation,
  isCustomFieldId,
  missingArgument,
  unknownCustomField,
  unknownField,
  unknownLineField,
  unknownSublist,
} from './errors';
import type { ApiValue, TextLookup } from './values';
import { fromText, toApi, toStored, toText } from './values';

export interface SaveOptions {
  enableSourcing?: boolean;
  ignoreMandatoryFields?: boolean;
}

export interface RecordEnv {
  lookup: TextLookup;
  typeInfo(type: string): RecordTypeInfo;
  /** Dynamic-mode sourcing after a body field changed. */
  sourceBody(rec: NsRecord, fieldId: string): void;
  /** Dynamic-mode sourcing after a line field changed. */
  sourceLine(rec: NsRecord, sublistId: string, line: WorkingLine, fieldId: string): void;
  save(rec: NsRecord, options: SaveOptions): number;
  /**
   * Why a sublist of the record type does not exist on this record (an item fulfillment's package
   * sublist of another carrier), or null. Such a sublist counts -1 lines and refuses line access.
   */
  sublistProblem?(rec: NsRecord, sublistId: string): string | null;
}

export interface WorkingLine {
  fields: Record<string, FieldValue>;
  subrecords: Record<string, NsRecord>;
  /** The script set `amount` after the last quantity/rate change: save keeps it instead of quantity × rate. */
  amountSet: boolean;
  /** The line's tax amount (`tax1amt`) is the script's or the stored one: save keeps it instead of amount × tax rate. */
  taxSet?: boolean;
  /** The script set `grossamt` after the last amount change: save derives amount and tax from it (record/tax.ts). */
  grossSet?: boolean;
}

interface CurrentLine {
  index: number;
  line: WorkingLine;
  isNew: boolean;
}

type FieldArg = string | { fieldId: string };
interface LineArgs {
  sublistId: string;
  fieldId: string;
  line: number;
}

function fieldIdOf(arg: FieldArg, method: string): string {
  const id = typeof arg === 'string' ? arg : arg?.fieldId;
  if (!id) throw missingArgument('fieldId', method);
  return id;
}

/** Line fields whose change makes NetSuite recompute the line's tax (and drop an entered gross amount). */
const TAX_INPUTS = new Set(['amount', 'rate', 'quantity', 'item', 'taxcode']);

function newLine(): WorkingLine {
  return { fields: {}, subrecords: {}, amountSet: false };
}

export class NsRecord {
  id: number | null = null;
  version: number | null = null;
  readonly type: string;
  fields: Record<string, FieldValue> = {};
  sublists: Record<string, WorkingLine[]> = {};
  subrecords: Record<string, NsRecord> = {};
  private current: Record<string, CurrentLine> = {};
  /** Set by `record.transform`: the source transaction. */
  transformedFrom: { type: string; id: number } | null = null;
  /** Why this record refuses changes (a user event's old record), or null when it is editable. */
  private readOnlyAs: string | null = null;

  constructor(
    readonly info: RecordTypeInfo,
    readonly isDynamic: boolean,
    private readonly env: RecordEnv,
    readonly isSubrecord = false,
  ) {
    this.type = info.id;
  }

  // ----- body fields -----

  getValue(arg: FieldArg): ApiValue {
    const fieldId = fieldIdOf(arg, 'getValue');
    const info = this.bodyInfo(fieldId);
    if (info.refOfStatus) return this.statusRef();
    // A transaction status reads as its text (`Pending Fulfillment`); the letter stays internal.
    if (info.statusRefs) return toText(info, this.fields[fieldId], this.env.lookup) || null;
    return toApi(info, this.fields[fieldId]);
  }

  /** `statusRef`: the id of the record's status letter (`pendingFulfillment`), or null before it has one. */
  private statusRef(): string | null {
    const status = Object.values(this.info.fields).find((f) => f.statusRefs);
    const letter = status ? this.fields[status.id] : null;
    if (!status || letter === null || letter === undefined || letter === '') return null;
    return status.statusRefs?.[String(letter)] ?? null;
  }

  setValue(arg: FieldArg | { fieldId: string; value: unknown }, value?: unknown): this {
    this.checkWritable('setValue');
    const fieldId = fieldIdOf(arg, 'setValue');
    const v = typeof arg === 'string' ? value : (arg as { value: unknown }).value;
    return this.assignBody(fieldId, (f) => toStored(f, v));
  }

  getText(arg: FieldArg): string | string[] {
    const fieldId = fieldIdOf(arg, 'getText');
    const info = this.bodyInfo(fieldId);
    if (info.refOfStatus) return this.statusRef() ?? '';
    return toText(info, this.fields[fieldId], this.env.lookup);
  }

  setText(arg: FieldArg | { fieldId: string; text: unknown }, text?: unknown): this {
    this.checkWritable('setText');
    const fieldId = fieldIdOf(arg, 'setText');
    const t = typeof arg === 'string' ? text : (arg as { text: unknown }).text;
    return this.assignBody(fieldId, (f) => fromText(f, t, this.env.lookup));
  }

  getFields(): string[] {
    return [...new Set([...Object.keys(this.info.fields), ...Object.keys(this.fields)])];
  }

  getSublists(): string[] {
    return Object.keys(this.info.sublists).filter((id) => !this.env.sublistProblem?.(this, id));
  }

  getSublistFields(options: { sublistId: string }): string[] {
    return Object.keys(this.sublistInfo(options.sublistId).fields);
  }

  /** The body field `fieldId` of this record type, or the emulator's refusal. */
  private bodyInfo(fieldId: string): FieldInfo {
    const info = this.info.fields[fieldId];
    if (info) return info;
    const absent = absenceOf(this.info, fieldId);
    if (isCustomFieldId(fieldId)) throw unknownCustomField(fieldId, `${this.type} records`, absent);
    throw unknownField(this.type, fieldId, undefined, absent);
  }

  private assignBody(fieldId: string, convert: (f: FieldInfo) => FieldValue): this {
    const info = this.bodyInfo(fieldId);
    // NetSuite computes read-only fields (totals, status, fulfilled quantities) and ignores script values.
    if (info.readOnly) return this;
    this.fields[fieldId] = convert(info);
    if (this.isDynamic) this.env.sourceBody(this, fieldId);
    return this;
  }

  // ----- subrecords -----

  getSubrecord(arg: FieldArg): NsRecord {
    const fieldId = fieldIdOf(arg, 'getSubrecord');
    const type = this.info.subrecords[fieldId];
    if (!type) throw nsError('FIELD_1_IS_NOT_A_SUBRECORD_FIELD', `Field ${fieldId} is not a subrecord field.`);
    this.subrecords[fieldId] ??= this.childRecord(type);
    return this.subrecords[fieldId];
  }

  hasSubrecord(arg: FieldArg): boolean {
    return this.subrecords[fieldIdOf(arg, 'hasSubrecord')] !== undefined;
  }

  removeSubrecord(arg: FieldArg): this {
    this.checkWritable('removeSubrecord');
    delete this.subrecords[fieldIdOf(arg, 'removeSubrecord')];
    return this;
  }

  getSublistSubrecord(options: LineArgs): NsRecord {
    return this.lineSubrecord(options.sublistId, this.lineAt(options.sublistId, options.line), options.fieldId);
  }

  hasSublistSubrecord(options: LineArgs): boolean {
    return this.lineAt(options.sublistId, options.line).subrecords[options.fieldId] !== undefined;
  }

  getCurrentSublistSubrecord(options: { sublistId: string; fieldId: string }): NsRecord {
    return this.lineSubrecord(options.sublistId, this.currentLine(options.sublistId).line, options.fieldId);
  }

  private lineSubrecord(sublistId: string, line: WorkingLine, fieldId: string): NsRecord {
    const type = this.sublistInfo(sublistId).subrecords?.[fieldId];
    if (!type) throw nsError('FIELD_1_IS_NOT_A_SUBRECORD_FIELD', `Field ${fieldId} is not a subrecord field.`);
    line.subrecords[fieldId] ??= this.childRecord(type);
    return line.subrecords[fieldId];
  }

  // ----- sublists, standard mode -----

  /**
   * Lines of a sublist. NetSuite answers -1 for a sublist the record does not have; the emulator throws
   * SSS_INVALID_SUBLIST_OPERATION instead (stricter on purpose: a misspelt sublist would otherwise read
   * as "no lines").
   */
  getLineCount(options: { sublistId: string }): number {
    this.sublistInfo(options.sublistId);
    // A sublist the type has but this record does not (another carrier's packages): -1, as NetSuite.
    if (this.env.sublistProblem?.(this, options.sublistId)) return -1;
    return this.lines(options.sublistId).length;
  }

  getSublistValue(options: LineArgs): ApiValue {
    const line = this.lineAt(options.sublistId, options.line);
    return this.readLine(options.sublistId, line, options.fieldId);
  }

  getSublistText(options: LineArgs): string | string[] {
    const line = this.lineAt(options.sublistId, options.line);
    const info = this.lineInfo(options.sublistId, options.fieldId);
    return toText(info, line.fields[options.fieldId], this.env.lookup);
  }

  setSublistValue(options: LineArgs & { value: unknown }): this {
    this.checkWritable('setSublistValue');
    this.requireMode(false, 'setSublistValue');
    const line = this.lineForWrite(options.sublistId, options.line);
    this.assignLine(options.sublistId, line, options.fieldId, (f) => toStored(f, options.value));
    return this;
  }

  setSublistText(options: LineArgs & { text: unknown }): this {
    this.checkWritable('setSublistText');
    this.requireMode(false, 'setSublistText');
    const line = this.lineForWrite(options.sublistId, options.line);
    this.assignLine(options.sublistId, line, options.fieldId, (f) => fromText(f, options.text, this.env.lookup));
    return this;
  }

  insertLine(options: { sublistId: string; line: number }): this {
    this.checkWritable('insertLine');
    this.checkLinesCanChange(options.sublistId, 'insertLine');
    const lines = this.lines(options.sublistId);
    if (!Number.isInteger(options.line) || options.line < 0 || options.line > lines.length) {
      throw invalidSublistOperation(`insertLine ${options.sublistId} line ${options.line}`);
    }
    // Dynamic mode: the inserted line becomes the current line and lands in the sublist on commitLine.
    if (this.isDynamic) this.current[options.sublistId] = { index: options.line, line: newLine(), isNew: true };
    else lines.splice(options.line, 0, newLine());
    return this;
  }

  removeLine(options: { sublistId: string; line: number }): this {
    this.checkWritable('removeLine');
    this.checkLinesCanChange(options.sublistId, 'removeLine');
    const lines = this.lines(options.sublistId);
    this.lineAt(options.sublistId, options.line);
    lines.splice(options.line, 1);
    delete this.current[options.sublistId];
    return this;
  }

  findSublistLineWithValue(options: { sublistId: string; fieldId: string; value: unknown }): number {
    const wanted = String(options.value);
    this.lineInfo(options.sublistId, options.fieldId);
    return this.lines(options.sublistId).findIndex((l) => {
      const v = l.fields[options.fieldId];
      return v !== null && v !== undefined && String(v) === wanted;
    });
  }

  // ----- sublists, dynamic mode -----

  selectNewLine(options: { sublistId: string }): this {
    this.checkWritable('selectNewLine');
    this.requireMode(true, 'selectNewLine');
    this.checkLinesCanChange(options.sublistId, 'selectNewLine');
    const lines = this.lines(options.sublistId);
    this.current[options.sublistId] = { index: lines.length, line: newLine(), isNew: true };
    return this;
  }

  selectLine(options: { sublistId: string; line: number }): this {
    this.checkWritable('selectLine');
    this.requireMode(true, 'selectLine');
    const existing = this.lineAt(options.sublistId, options.line);
    this.current[options.sublistId] = { index: options.line, line: cloneLine(existing), isNew: false };
    return this;
  }

  getCurrentSublistIndex(options: { sublistId: string }): number {
    return this.current[options.sublistId]?.index ?? this.lines(options.sublistId).length;
  }

  getCurrentSublistValue(options: { sublistId: string; fieldId: string }): ApiValue {
    return this.readLine(options.sublistId, this.currentLine(options.sublistId).line, options.fieldId);
  }

  getCurrentSublistText(options: { sublistId: string; fieldId: string }): string | string[] {
    const info = this.lineInfo(options.sublistId, options.fieldId);
    return toText(info, this.currentLine(options.sublistId).line.fields[options.fieldId], this.env.lookup);
  }

  setCurrentSublistValue(options: { sublistId: string; fieldId: string; value: unknown }): this {
    this.checkWritable('setCurrentSublistValue');
    this.requireMode(true, 'setCurrentSublistValue');
    const line = this.currentLine(options.sublistId).line;
    this.assignLine(options.sublistId, line, options.fieldId, (f) => toStored(f, options.value));
    return this;
  }

  setCurrentSublistText(options: { sublistId: string; fieldId: string; text: unknown }): this {
    this.checkWritable('setCurrentSublistText');
    this.requireMode(true, 'setCurrentSublistText');
    const line = this.currentLine(options.sublistId).line;
    this.assignLine(options.sublistId, line, options.fieldId, (f) => fromText(f, options.text, this.env.lookup));
    return this;
  }

  commitLine(options: { sublistId: string }): this {
    this.checkWritable('commitLine');
    this.requireMode(true, 'commitLine');
    const current = this.currentLine(options.sublistId);
    const info = this.sublistInfo(options.sublistId);
    if (current.isNew) this.checkLinesCanChange(options.sublistId, 'commitLine of a new line');
    const missing = Object.values(info.fields)
      .filter((f) => f.mandatory && (current.line.fields[f.id] === null || current.line.fields[f.id] === undefined))
      .map((f) => f.label);
    if (missing.length) throw nsError('USER_ERROR', `Please enter value(s) for: ${missing.join(', ')}`);
    const lines = this.lines(options.sublistId);
    if (current.isNew) lines.splice(current.index, 0, current.line);
    else lines[current.index] = current.line;
    delete this.current[options.sublistId];
    return this;
  }

  cancelLine(options: { sublistId: string }): this {
    this.requireMode(true, 'cancelLine');
    delete this.current[options.sublistId];
    return this;
  }

  // ----- save -----

  save(options: SaveOptions = {}): number {
    this.checkWritable('save');
    if (this.isSubrecord) throw invalidApiUsage('A subrecord is saved with its parent record; call save() on the parent.');
    return this.env.save(this, options ?? {});
  }

  toJSON(): Record<string, unknown> {
    return { id: this.id === null ? undefined : String(this.id), type: this.type, isDynamic: this.isDynamic, fields: this.fields, sublists: this.toStoredLines() };
  }

  toString(): string {
    return this.isDynamic ? 'dynamic record' : 'standard record';
  }

  // ----- read-only records (user event contexts) -----

  /** Refuse every change from now on; `role` names the record in the error (`context.oldRecord`). */
  makeReadOnly(role: string): this {
    this.readOnlyAs = role;
    for (const sub of Object.values(this.subrecords)) sub.makeReadOnly(role);
    for (const lines of Object.values(this.sublists)) {
      for (const line of lines) for (const sub of Object.values(line.subrecords)) sub.makeReadOnly(role);
    }
    return this;
  }

  get isReadOnly(): boolean {
    return this.readOnlyAs !== null;
  }

  private checkWritable(method: string): void {
    if (this.readOnlyAs !== null) {
      throw invalidApiUsage(`${method}: ${this.readOnlyAs} is read-only; it cannot be changed or saved.`);
    }
  }

  private childRecord(type: string): NsRecord {
    const child = new NsRecord(this.env.typeInfo(type), this.isDynamic, this.env, true);
    return this.readOnlyAs === null ? child : child.makeReadOnly(this.readOnlyAs);
  }

  // ----- conversion to and from the store -----

  /** Replace the working copy with a stored record (after load or save). */
  loadStored(stored: Pick<StoredRecord, 'fields' | 'sublists' | 'subrecords'> & { id?: number; version?: number }): void {
    if (stored.id !== undefined) this.id = stored.id;
    if (stored.version !== undefined) this.version = stored.version;
    this.fields = { ...stored.fields };
    this.current = {};
    this.subrecords = {};
    for (const [fieldId, sub] of Object.entries(stored.subrecords)) this.subrecords[fieldId] = this.subrecordFrom(sub);
    this.sublists = {};
    for (const [sublistId, lines] of Object.entries(stored.sublists)) {
      this.sublists[sublistId] = lines.map((l) => ({
        fields: { ...l.fields },
        amountSet: true,
        taxSet: l.fields.tax1amt !== undefined && l.fields.tax1amt !== null,
        subrecords: Object.fromEntries(Object.entries(l.subrecords ?? {}).map(([k, s]) => [k, this.subrecordFrom(s)])),
      }));
    }
  }

  toStoredLines(): Record<string, StoredLine[]> {
    const out: Record<string, StoredLine[]> = {};
    for (const [sublistId, lines] of Object.entries(this.sublists)) {
      out[sublistId] = lines.map((l) => {
        const stored: StoredLine = { fields: { ...l.fields } };
        const subs = Object.entries(l.subrecords);
        if (subs.length) stored.subrecords = Object.fromEntries(subs.map(([k, s]) => [k, s.toStoredSubrecord()]));
        return stored;
      });
    }
    return out;
  }

  toStoredSubrecords(): Record<string, StoredSubrecord> {
    return Object.fromEntries(Object.entries(this.subrecords).map(([k, s]) => [k, s.toStoredSubrecord()]));
  }

  toStoredSubrecord(): StoredSubrecord {
    return { type: this.type, fields: { ...this.fields } };
  }

  /** Working lines of a sublist (created empty on first use). */
  lines(sublistId: string): WorkingLine[] {
    this.sublistInfo(sublistId);
    const problem = this.env.sublistProblem?.(this, sublistId);
    if (problem) throw invalidSublistOperation(problem);
    this.sublists[sublistId] ??= [];
    return this.sublists[sublistId];
  }

  sublistInfo(sublistId: string): SublistInfo {
    const info = this.info.sublists[sublistId];
    if (!info) throw unknownSublist(this.type, sublistId, absenceOf(this.info, '*', sublistId));
    return info;
  }

  /** The line field `fieldId` of a sublist, or the emulator's refusal. */
  private lineInfo(sublistId: string, fieldId: string): FieldInfo {
    const info = this.sublistInfo(sublistId).fields[fieldId];
    if (info) return info;
    const absent = absenceOf(this.info, fieldId, sublistId);
    if (isCustomFieldId(fieldId)) throw unknownCustomField(fieldId, `the ${sublistId} sublist of ${this.type} records`, absent);
    throw unknownLineField(this.type, sublistId, fieldId, absent);
  }

  private subrecordFrom(sub: StoredSubrecord): NsRecord {
    const rec = new NsRecord(this.env.typeInfo(sub.type), this.isDynamic, this.env, true);
    rec.fields = { ...sub.fields };
    return rec;
  }

  private readLine(sublistId: string, line: WorkingLine, fieldId: string): ApiValue {
    return toApi(this.lineInfo(sublistId, fieldId), line.fields[fieldId]);
  }

  private assignLine(
    sublistId: string,
    line: WorkingLine,
    fieldId: string,
    convert: (f: FieldInfo) => FieldValue,
  ): void {
    const info = this.lineInfo(sublistId, fieldId);
    if (info.readOnly) return;
    line.fields[fieldId] = convert(info);
    if (fieldId === 'amount') line.amountSet = true;
    if (fieldId === 'quantity' || fieldId === 'rate' || fieldId === 'item') line.amountSet = false;
    if (fieldId === 'tax1amt') line.taxSet = true;
    if (fieldId === 'grossamt') line.grossSet = true;
    if (TAX_INPUTS.has(fieldId)) {
      line.taxSet = false;
      line.grossSet = false;
    }
    if (sublistId === 'item' && fieldId === 'item') this.giveTaxDetailsReference(line);
    if (this.isDynamic) this.env.sourceLine(this, sublistId, line, fieldId);
  }

  /**
   * SuiteTax: an item line gets its `taxdetailsreference` as soon as it has an item, so a script can
   * write tax details lines that point to it before the first save (assumption: NetSuite's own
   * reference values are opaque; the emulator's are `TDR1`, `TDR2`, ... per record).
   */
  private giveTaxDetailsReference(line: WorkingLine): void {
    if (!this.info.sublists.item?.fields.taxdetailsreference) return;
    const current = line.fields.taxdetailsreference;
    if (current !== undefined && current !== null && current !== '') return;
    const lines = [...(this.sublists.item ?? []), ...Object.values(this.current).map((c) => c.line)];
    const used = lines.map((l) => /^TDR(\d+)$/.exec(String(l.fields.taxdetailsreference ?? ''))?.[1]).map(Number);
    line.fields.taxdetailsreference = `TDR${Math.max(0, ...used.filter((n) => Number.isInteger(n))) + 1}`;
  }

  private lineAt(sublistId: string, index: number): WorkingLine {
    const line = Number.isInteger(index) ? this.lines(sublistId)[index] : undefined;
    if (!line) throw invalidSublistOperation(`${sublistId} line ${index}`);
    return line;
  }

  /** Standard mode: setting a field on line `getLineCount()` appends a line, as NetSuite does. */
  private lineForWrite(sublistId: string, index: number): WorkingLine {
    const lines = this.lines(sublistId);
    if (index === lines.length) {
      this.checkLinesCanChange(sublistId, `a new line ${index}`);
      lines.push(newLine());
    }
    return this.lineAt(sublistId, index);
  }

  /**
   * A static sublist (an item fulfillment's items, made from its order) takes no new lines and loses
   * none: NetSuite answers "Adding new line to sublist item is not allowed." (catalogue/overlay.ts).
   */
  private checkLinesCanChange(sublistId: string, what: string): void {
    if (!this.sublistInfo(sublistId).staticLines) return;
    throw invalidSublistOperation(
      `${what} on the ${sublistId} sublist of ${this.type}: ${what.startsWith('removeLine') ? `lines cannot be removed from sublist ${sublistId}` : `Adding new line to sublist ${sublistId} is not allowed.`} Its lines come from the order it fulfils; leave a line out by setting itemreceive to false.`,
    );
  }

  private currentLine(sublistId: string): CurrentLine {
    this.requireMode(true, 'current line access');
    this.sublistInfo(sublistId);
    this.current[sublistId] ??= { index: this.lines(sublistId).length, line: newLine(), isNew: true };
    return this.current[sublistId];
  }

  private requireMode(dynamic: boolean, method: string): void {
    if (this.isDynamic !== dynamic) {
      throw invalidApiUsage(
        dynamic
          ? `${method} is only available in dynamic mode; this ${this.type} record was created or loaded in standard mode.`
          : `${method} is only available in standard mode; in dynamic mode use selectLine/selectNewLine, setCurrentSublistValue and commitLine.`,
      );
    }
  }
}

function cloneLine(line: WorkingLine): WorkingLine {
  return { ...line, fields: { ...line.fields }, subrecords: { ...line.subrecords } };
}
