/**
 * The objects `N/ui/serverWidget` builds: a Form with fields, field groups, buttons and sublists.
 * They only hold what the script set; render-form.ts turns a Form into HTML.
 */
import { SuiteScriptError } from '../../errors';
import type { FieldDisplayTypeName, FieldTypeName, SublistTypeName } from './widget-enums';
import { FieldDisplayType, FieldType, SublistType, enumValue } from './widget-enums';

export interface SelectOption {
  value: string;
  text: string;
  isSelected: boolean;
}

export interface UiButton {
  id: string;
  label: string;
  kind: 'submit' | 'reset' | 'button' | 'markall';
  functionName: string | null;
  isDisabled: boolean;
  isHidden: boolean;
}

export interface UiFieldGroup {
  id: string;
  label: string;
  isSingleColumn: boolean;
  isCollapsible: boolean;
  isCollapsed: boolean;
  isBorderHidden: boolean;
}

export interface UiMessage {
  type: string;
  title: string;
  message: string;
}

interface FieldOptions {
  id: string;
  label?: string;
  type: string;
  source?: string;
  container?: string;
}

function required(value: unknown, argument: string, method: string): string {
  if (value === undefined || value === null || value === '') {
    throw new SuiteScriptError(
      'SSS_MISSING_REQD_ARGUMENT',
      `${method}: Missing a required argument: ${argument}`,
    );
  }
  return String(value);
}

const SELECT_TYPES: readonly FieldTypeName[] = [FieldType.SELECT, FieldType.MULTISELECT, FieldType.RADIO];

export class UiField {
  readonly id: string;
  readonly type: FieldTypeName;
  label: string;
  readonly source: string | null;
  readonly container: string | null;
  defaultValue: unknown = '';
  isMandatory = false;
  maxLength = 0;
  helpText = '';
  linkText = '';
  alias = '';
  padding = 0;
  displayType: FieldDisplayTypeName = FieldDisplayType.NORMAL;
  layoutType = 'NORMAL';
  breakType = 'NONE';
  displaySize: { width: number; height: number } | null = null;
  readonly options: SelectOption[] = [];

  constructor(options: FieldOptions, method: string) {
    this.id = required(options?.id, 'id', method).toLowerCase();
    this.type = enumValue(FieldType, required(options.type, 'type', method), 'type', method);
    this.label = options.label === undefined ? '' : String(options.label);
    this.source = options.source === undefined || options.source === null ? null : String(options.source);
    this.container = options.container ? String(options.container) : null;
  }

  addSelectOption(options: { value: unknown; text: unknown; isSelected?: boolean }): void {
    if (!SELECT_TYPES.includes(this.type)) {
      throw new SuiteScriptError(
        'SSS_INVALID_FIELD_TYPE',
        `Field.addSelectOption: field ${this.id} is a ${this.type} field; only SELECT, MULTISELECT and RADIO fields take options.`,
      );
    }
    const value = options?.value === undefined || options.value === null ? '' : String(options.value);
    const text = required(options?.text, 'text', 'Field.addSelectOption');
    this.options.push({ value, text, isSelected: options.isSelected === true });
  }

  getSelectOptions(): { value: string; text: string }[] {
    return this.options.map((o) => ({ value: o.value, text: o.text }));
  }

  setHelpText(options: { help: unknown }): this {
    this.helpText = String(options?.help ?? '');
    return this;
  }

  updateDisplayType(options: { displayType: unknown }): this {
    this.displayType = enumValue(
      FieldDisplayType,
      options?.displayType,
      'displayType',
      'Field.updateDisplayType',
    );
    return this;
  }

  updateLayoutType(options: { layoutType: unknown }): this {
    this.layoutType = String(options?.layoutType ?? 'NORMAL').toUpperCase();
    return this;
  }

  updateBreakType(options: { breakType: unknown }): this {
    this.breakType = String(options?.breakType ?? 'NONE').toUpperCase();
    return this;
  }

  updateDisplaySize(options: { width: number; height: number }): this {
    this.displaySize = { width: Number(options?.width), height: Number(options?.height) };
    return this;
  }
}

function button(
  id: string,
  label: string,
  kind: UiButton['kind'],
  functionName: string | null = null,
): UiButton {
  return { id, label, kind, functionName, isDisabled: false, isHidden: false };
}

export class UiSublist {
  readonly id: string;
  readonly type: SublistTypeName;
  label: string;
  readonly tab: string | null;
  helpText = '';
  displayType = 'NORMAL';
  readonly fields: UiField[] = [];
  readonly buttons: UiButton[] = [];
  private readonly lines: Record<string, string>[] = [];

  constructor(options: { id: string; label?: string; type: string; tab?: string }) {
    const method = 'Form.addSublist';
    this.id = required(options?.id, 'id', method).toLowerCase();
    this.type = enumValue(SublistType, required(options.type, 'type', method), 'type', method);
    this.label = options.label === undefined ? '' : String(options.label);
    this.tab = options.tab ? String(options.tab) : null;
  }

  /** Lines set with setSublistValue (the highest line index + 1). */
  get lineCount(): number {
    return this.lines.length;
  }

  addField(options: FieldOptions): UiField {
    const field = new UiField(options, 'Sublist.addField');
    this.fields.push(field);
    return field;
  }

  getField(options: { id: string }): UiField | null {
    return this.fields.find((f) => f.id === String(options?.id ?? '').toLowerCase()) ?? null;
  }

  setSublistValue(options: { id: string; line: number; value: unknown }): void {
    const method = 'Sublist.setSublistValue';
    const id = required(options?.id, 'id', method).toLowerCase();
    const line = options.line;
    if (!Number.isInteger(line) || line < 0) {
      throw new SuiteScriptError(
        'SSS_INVALID_SUBLIST_OPERATION',
        `${method}: line ${String(line)} is not a line index (0, 1, 2...).`,
      );
    }
    if (!this.getField({ id })) {
      throw new SuiteScriptError(
        'SSS_INVALID_SUBLIST_OPERATION',
        `${method}: sublist ${this.id} has no field ${id}; add it with sublist.addField first.`,
      );
    }
    if (options.value === undefined || options.value === null) {
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        `${method}: Missing a required argument: value`,
      );
    }
    while (this.lines.length <= line) this.lines.push({});
    const target = this.lines[line];
    if (target) target[id] = String(options.value);
  }

  getSublistValue(options: { id: string; line: number }): string | null {
    return this.lines[options?.line]?.[String(options?.id ?? '').toLowerCase()] ?? null;
  }

  addButton(options: { id: string; label: string; functionName?: string }): UiButton {
    const b = button(
      required(options?.id, 'id', 'Sublist.addButton'),
      String(options.label ?? ''),
      'button',
      options.functionName ?? null,
    );
    this.buttons.push(b);
    return b;
  }

  addMarkAllButtons(): UiButton {
    const b = button(`${this.id}_markall`, 'Mark All', 'markall');
    this.buttons.push(b, button(`${this.id}_unmarkall`, 'Unmark All', 'markall'));
    return b;
  }

  addRefreshButton(): UiButton {
    const b = button(`${this.id}_refresh`, 'Refresh', 'submit');
    this.buttons.push(b);
    return b;
  }

  updateTotallingFieldId(): this {
    return this;
  }

  updateUniqueFieldId(): this {
    return this;
  }
}

export class UiForm {
  title: string;
  readonly hideNavBar: boolean;
  clientScriptModulePath = '';
  clientScriptFileId = 0;
  readonly fields: UiField[] = [];
  readonly sublists: UiSublist[] = [];
  readonly buttons: UiButton[] = [];
  readonly fieldGroups: UiFieldGroup[] = [];
  readonly messages: UiMessage[] = [];

  constructor(options: { title?: string; hideNavBar?: boolean }) {
    this.title = required(options?.title, 'title', 'serverWidget.createForm');
    this.hideNavBar = options.hideNavBar === true;
  }

  addField(options: FieldOptions): UiField {
    const field = new UiField(options, 'Form.addField');
    this.fields.push(field);
    return field;
  }

  getField(options: { id: string }): UiField | null {
    return this.fields.find((f) => f.id === String(options?.id ?? '').toLowerCase()) ?? null;
  }

  addFieldGroup(options: { id: string; label: string }): UiFieldGroup {
    const group: UiFieldGroup = {
      id: required(options?.id, 'id', 'Form.addFieldGroup'),
      label: String(options.label ?? ''),
      isSingleColumn: false,
      isCollapsible: false,
      isCollapsed: false,
      isBorderHidden: false,
    };
    this.fieldGroups.push(group);
    return group;
  }

  addSublist(options: { id: string; label?: string; type: string; tab?: string }): UiSublist {
    const sublist = new UiSublist(options);
    this.sublists.push(sublist);
    return sublist;
  }

  getSublist(options: { id: string }): UiSublist | null {
    return this.sublists.find((s) => s.id === String(options?.id ?? '').toLowerCase()) ?? null;
  }

  addSubmitButton(options: { label?: string } = {}): UiButton {
    const b = button('submitter', options?.label ? String(options.label) : 'Save', 'submit');
    this.buttons.push(b);
    return b;
  }

  addResetButton(options: { label?: string } = {}): UiButton {
    const b = button('resetter', options?.label ? String(options.label) : 'Reset', 'reset');
    this.buttons.push(b);
    return b;
  }

  addButton(options: { id: string; label: string; functionName?: string }): UiButton {
    const b = button(
      required(options?.id, 'id', 'Form.addButton'),
      String(options.label ?? ''),
      'button',
      options.functionName ?? null,
    );
    this.buttons.push(b);
    return b;
  }

  getButton(options: { id: string }): UiButton | null {
    return this.buttons.find((b) => b.id === String(options?.id ?? '')) ?? null;
  }

  removeButton(options: { id: string }): void {
    const index = this.buttons.findIndex((b) => b.id === String(options?.id ?? ''));
    if (index >= 0) this.buttons.splice(index, 1);
  }

  /** `form.updateDefaultValues({ custpage_x: 'v' })`. */
  updateDefaultValues(values: Record<string, unknown>): void {
    for (const [id, value] of Object.entries(values ?? {})) {
      const field = this.getField({ id });
      if (field) field.defaultValue = value;
    }
  }

  /** A banner shown at the top of the page (`N/ui/message` options or `{ message }`). */
  addPageInitMessage(options: { type?: unknown; title?: unknown; message?: unknown }): void {
    this.messages.push({
      type: String(options?.type ?? 'INFORMATION'),
      title: String(options?.title ?? ''),
      message: String(options?.message ?? ''),
    });
  }
}

export function isUiForm(value: unknown): value is UiForm {
  return value instanceof UiForm;
}
