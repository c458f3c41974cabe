/** The record-module rejections that recur, with NetSuite's names and wording. */
import { CATALOGUE_PATH } from '../../../../../suiteapp/tools/netsuite-catalogue';
import { NS, SuiteScriptError } from '../../errors';

export function invalidSublistOperation(detail: string): SuiteScriptError {
  return new SuiteScriptError(
    NS.SSS_INVALID_SUBLIST_OPERATION,
    `You have attempted an invalid sublist or line item operation. You are either trying to access a field on a non-existent line or you are trying to add or remove lines from a static sublist. (${detail})`,
  );
}

export function invalidApiUsage(message: string): SuiteScriptError {
  return new SuiteScriptError(NS.SSS_INVALID_API_USAGE, message);
}

export function missingArgument(argument: string, method: string): SuiteScriptError {
  return new SuiteScriptError(
    NS.SSS_MISSING_REQD_ARGUMENT,
    `${method}: Missing a required argument: ${argument}`,
  );
}

export function recordDoesNotExist(): SuiteScriptError {
  return new SuiteScriptError(NS.RCRD_DSNT_EXIST, 'That record does not exist.');
}

/**
 * A custom field id (`custbody_`, `custcol_`, `custrecord_`, `custentity_`, `custitem_`) that the
 * record type does not have. NetSuite silently drops values set on unknown field ids; the emulator
 * rejects unknown *custom* ids instead, because for our SuiteApp that always means the SDF project
 * does not define (or does not apply) the field, and real NetSuite would lose the value without a
 * trace. Unknown standard ids are refused too (unknownField below).
 */
export function unknownCustomField(fieldId: string, where: string, absentBecause?: string): SuiteScriptError {
  if (absentBecause) {
    return new SuiteScriptError(
      NS.INVALID_FLD_VALUE,
      `The field ${fieldId} does not exist on ${where} in this account: NetSuite did not install it, because ${absentBecause}.`,
    );
  }
  return new SuiteScriptError(
    NS.INVALID_FLD_VALUE,
    `The field ${fieldId} does not exist on ${where}: it is not defined by the SDF project or does not apply to this record type.`,
  );
}

/** Why the account does not have `fieldId` of `info` (a line field with `sublistId`), if it is a known absence. */
export function absenceOf(info: { absent?: Record<string, string> }, fieldId: string, sublistId?: string): string | undefined {
  if (!info.absent) return undefined;
  return sublistId ? (info.absent[`${sublistId}.${fieldId}`] ?? info.absent[`${sublistId}.*`]) : info.absent[fieldId];
}

/**
 * A standard field id that NetSuite's records catalogue does not list for this record type (or its
 * sublist). NetSuite silently ignores values set on unknown ids and returns nothing for them; the
 * emulator refuses both, on purpose (stricter than NetSuite), so a misspelt or wrong-edition field
 * (a US order's `tax1amt`) fails the test instead of losing data.
 */
export function unknownField(recordType: string, fieldId: string, sublistId?: string, absentBecause?: string): SuiteScriptError {
  const where = sublistId ? `the ${sublistId} sublist of ${recordType}` : recordType;
  if (absentBecause) {
    return new SuiteScriptError(
      NS.EMULATOR_UNKNOWN_FIELD,
      `${fieldId} is not a field of ${where} in this account: ${absentBecause}. NetSuite would ignore it and the value would be lost; check runtime.isFeatureInEffect (or the account's tax set-up) before using it.`,
    );
  }
  return new SuiteScriptError(
    NS.EMULATOR_UNKNOWN_FIELD,
    `${fieldId} is not a field of ${where} in NetSuite's records catalogue (${CATALOGUE_PATH}); NetSuite would ignore it and the value would be lost. Use a field the catalogue lists, or add a sourced supplement entry if the field exists for your account profile.`,
  );
}

/** A sublist id the record type does not have: NetSuite's SSS_INVALID_SUBLIST_OPERATION. */
export function unknownSublist(recordType: string, sublistId: string, absentBecause?: string): SuiteScriptError {
  if (absentBecause) return invalidSublistOperation(`${recordType} has no sublist ${sublistId} in this account: ${absentBecause}`);
  return invalidSublistOperation(`${recordType} has no sublist ${sublistId} (${CATALOGUE_PATH})`);
}

/** A line field the sublist does not have: NetSuite documents SSS_INVALID_SUBLIST_OPERATION for an invalid field id. */
export function unknownLineField(recordType: string, sublistId: string, fieldId: string, absentBecause?: string): SuiteScriptError {
  if (absentBecause) {
    return invalidSublistOperation(`the ${sublistId} sublist of ${recordType} has no field ${fieldId} in this account: ${absentBecause}`);
  }
  return invalidSublistOperation(`the ${sublistId} sublist of ${recordType} has no field ${fieldId} (${CATALOGUE_PATH})`);
}

export function isCustomFieldId(fieldId: string): boolean {
  return /^cust(body|col|record|entity|item|event|script)_/.test(fieldId);
}
