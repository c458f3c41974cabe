/**
 * The seam between record saves (data layer) and user event scripts (execution layer).
 *
 * `N/record` saves announce themselves to a UserEventHook: `beforeSubmit` before anything is
 * written (a throw aborts the save and reaches the caller), `afterSubmit` after the write. The
 * execution layer installs the hook into the data layer's UserEventSlot once the account's scripts
 * are registered (emulator.ts); until then, and for saves made without a slot (the seed's default
 * service), no user event runs.
 */
import type { NsRecord } from './record';

/** `context.UserEventType` (N/record user events), as NetSuite spells the values. */
export const USER_EVENT_TYPE = {
  APPROVE: 'approve',
  CANCEL: 'cancel',
  CHANGEPASSWORD: 'changepassword',
  COPY: 'copy',
  CREATE: 'create',
  DELETE: 'delete',
  DROPSHIP: 'dropship',
  EDIT: 'edit',
  EDITFORECAST: 'editforecast',
  EMAIL: 'email',
  MARKCOMPLETE: 'markcomplete',
  ORDERITEMS: 'orderitems',
  PACK: 'pack',
  PAYBILLS: 'paybills',
  PRINT: 'print',
  QUICKVIEW: 'quickview',
  REASSIGN: 'reassign',
  REJECT: 'reject',
  SHIP: 'ship',
  SPECIALORDER: 'specialorder',
  TRANSFORM: 'transform',
  VIEW: 'view',
  XEDIT: 'xedit',
} as const;

/** The event types a save produces: `record.save()` create/edit, `submitFields` xedit, `record.delete`. */
export type SubmitEventType = 'create' | 'edit' | 'xedit' | 'delete';
export type SubmitStage = 'beforeSubmit' | 'afterSubmit';

export interface SubmitEvent {
  type: SubmitEventType;
  /**
   * The record as it will be (beforeSubmit: editable, changes are saved) or was saved (afterSubmit:
   * read-only). For `xedit` it holds only the submitted fields, as in NetSuite.
   */
  newRecord: NsRecord;
  /** The stored record before the change (read-only); null on create (scripts then get no `oldRecord`). */
  oldRecord: NsRecord | null;
}

export interface UserEventHook {
  /**
   * Whether a save of `recordType` triggers user events now. `executionContext` is the context the
   * save comes from (`USERINTERFACE` for the seed's UI saves), or null to take it from the running
   * script invocation. False inside a user event script: NetSuite does not trigger user events from
   * saves a user event script makes.
   */
  applies(recordType: string, executionContext: string | null): boolean;
  /** Runs the stage's entry point of every user event deployed on `recordType`; rethrows their errors. */
  run(stage: SubmitStage, recordType: string, event: SubmitEvent, executionContext: string | null): void;
}

/** Holds the hook the execution layer installs (late: the data layer is created first). */
export class UserEventSlot {
  private hook: UserEventHook | null = null;

  install(hook: UserEventHook | null): void {
    this.hook = hook;
  }

  /** The hook when it applies to a save of `recordType` now, else null. */
  active(recordType: string, executionContext: string | null): UserEventHook | null {
    const hook = this.hook;
    return hook !== null && hook.applies(recordType, executionContext) ? hook : null;
  }
}
