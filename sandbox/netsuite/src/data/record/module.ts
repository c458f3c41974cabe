/**
 * The `N/record` module as scripts see it. Every call charges the running invocation's usage meter
 * by the record type's category (transaction / custom / other: governance.ts RECORD_COSTS) before it
 * does anything; subrecords are free. Outside an invocation the calls throw (context.ts).
 */
import { currentInvocation } from '../../context';
import type { RecordStore } from '../store';
import type { Preferences } from './preferences';
import type { NsRecord } from './record';
import type { CreateOptions, LoadOptions, SubmitFieldsOptions, TransformOptions } from './service';
import { RecordService } from './service';
import { RECORD_TYPE } from './type-enum';
import type { UserEventSlot } from './user-events';

export interface RecordModuleDeps {
  store: RecordStore;
  /** The account's preferences, shared by reference. */
  preferences?: Preferences;
  /** User event scripts that saves trigger (installed by the execution layer). */
  userEvents?: UserEventSlot;
}

export interface RecordModule {
  Type: typeof RECORD_TYPE;
  create(options: CreateOptions): NsRecord;
  load(options: LoadOptions): NsRecord;
  copy(options: LoadOptions): NsRecord;
  transform(options: TransformOptions): NsRecord;
  delete(options: { type: string; id: number | string }): number;
  submitFields(options: SubmitFieldsOptions): number;
}

export function createRecordService(deps: RecordModuleDeps): RecordService {
  return new RecordService({
    store: deps.store,
    preferences: deps.preferences,
    userEvents: deps.userEvents,
    charge: (op, info) => currentInvocation().meter.chargeRecord(op, info.category, info.id),
  });
}

export function createRecordModule(deps: RecordModuleDeps): RecordModule {
  const service = createRecordService(deps);
  return {
    Type: RECORD_TYPE,
    create: (options) => service.create(options),
    load: (options) => service.load(options),
    copy: (options) => service.copy(options),
    transform: (options) => service.transform(options),
    delete: (options) => service.delete(options),
    submitFields: (options) => service.submitFields(options),
  };
}
