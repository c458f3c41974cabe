/**
 * `N/record` of the emulator: the module, its record service and Record object, preferences, user
 * events and posting periods, one import for the runtime.
 */
export { createRecordModule, createRecordService } from './module';
export type { RecordModule, RecordModuleDeps } from './module';
export { DEFAULT_PREFERENCES, resolvePreferences } from './preferences';
export type { Preferences } from './preferences';
export { NsRecord } from './record';
export type { SaveOptions } from './record';
export { RecordService } from './service';
export type { ChargeFn, CreateOptions, LoadOptions, RecordOp, SubmitFieldsOptions, TransformOptions } from './service';
export { RECORD_TYPE } from './type-enum';
export { USER_EVENT_TYPE, UserEventSlot } from './user-events';
export type { SubmitEvent, SubmitEventType, SubmitStage, UserEventHook } from './user-events';
export { basePeriodOf, checkPostingPeriods, postsToLedger } from './periods';
export type { RecordTypeId } from './type-enum';
