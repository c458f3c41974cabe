/**
 * Which record types scripts may use, and the refusal for one the emulator does not run
 * (INVALID_RCRD_TYPE or EMULATOR_UNSUPPORTED).
 */
import type { NetSuiteCatalogue } from '../../../../suiteapp/tools/netsuite-catalogue';
import { NS, SuiteScriptError } from '../errors';
import { RECORD_TYPE } from './record/type-enum';

const SCRIPTABLE_TYPES: ReadonlySet<string> = new Set(Object.values(RECORD_TYPE));

/**
 * The refusal for a record type the emulator does not run: NetSuite's INVALID_RCRD_TYPE when neither
 * NetSuite's records catalogue nor N/record's `record.Type` enum knows the type, EMULATOR_UNSUPPORTED
 * when NetSuite has it (an employee, a service item) but the emulator does not model it (never a claim
 * that NetSuite refuses it).
 */
export function unknownRecordType(netsuite: NetSuiteCatalogue, type: unknown): SuiteScriptError {
  const id = String(type ?? '');
  if (id !== '' && (netsuite.hasRecordType(id) || SCRIPTABLE_TYPES.has(id.toLowerCase()))) {
    return new SuiteScriptError(
      NS.EMULATOR_UNSUPPORTED,
      `NetSuite has ${id} records, but the emulator does not model them (sandbox/netsuite/src/data/catalogue/overlay.ts lists the record types it runs).`,
    );
  }
  return new SuiteScriptError(NS.INVALID_RCRD_TYPE, `The record type [${id.toUpperCase()}] is invalid.`);
}
