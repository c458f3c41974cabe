import { NS, SuiteScriptError } from '../../errors';

/** The record-module rejections that recur, with NetSuite's names and wording. */

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
 * trace. Unknown standard ids are kept in memory and dropped on save, as NetSuite does.
 */
export function unknownCustomField(fieldId: string, where: string): SuiteScriptError {
  return new SuiteScriptError(
    NS.INVALID_FLD_VALUE,
    `The field ${fieldId} does not exist on ${where}: it is not defined by the SDF project or does not apply to this record type.`,
  );
}

export function isCustomFieldId(fieldId: string): boolean {
  return /^cust(body|col|record|entity|item|event|script)_/.test(fieldId);
}
