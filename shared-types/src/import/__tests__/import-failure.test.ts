/// <reference types="jest" />
import { describeImportFailure, finalFailures, parseSerializedError } from '../import-failure';

describe('parseSerializedError', () => {
  it('reads name and message of a serialised SuiteScriptError', () => {
    const serialized = JSON.stringify({
      type: 'error.SuiteScriptError',
      name: 'INVALID_FLD_VALUE',
      message: 'Invalid location',
    });
    expect(parseSerializedError(serialized)).toEqual({
      name: 'INVALID_FLD_VALUE',
      message: 'Invalid location',
    });
  });

  it('copes with plain text, JSON strings and objects without a name', () => {
    expect(parseSerializedError('boom')).toEqual({ name: 'UNEXPECTED_ERROR', message: 'boom' });
    expect(parseSerializedError('"boom"')).toEqual({ name: 'UNEXPECTED_ERROR', message: 'boom' });
    expect(parseSerializedError('{"message":"m"}')).toEqual({ name: 'UNEXPECTED_ERROR', message: 'm' });
    expect(parseSerializedError('{}')).toEqual({ name: 'UNEXPECTED_ERROR', message: '{}' });
    expect(parseSerializedError('[1]')).toEqual({ name: 'UNEXPECTED_ERROR', message: '[1]' });
  });
});

describe('describeImportFailure', () => {
  it('says what NetSuite rejected and what to do', () => {
    expect(
      describeImportFailure(
        { name: 'INVALID_FLD_VALUE', message: 'Invalid location reference key 3.' },
        '5764',
      ),
    ).toBe(
      'The sales order for TikTok order 5764 was rejected by NetSuite: INVALID_FLD_VALUE: Invalid location reference key 3.. Fix: correct what the message names (the TikTok Shop record settings, the item, or the customer), then retry the order (set the inbox record State to pending).',
    );
  });

  it('tells the admin that a governance failure needs only a retry', () => {
    expect(
      describeImportFailure(
        { name: 'SSS_USAGE_LIMIT_EXCEEDED', message: 'Script Execution Usage Limit Exceeded' },
        null,
      ),
    ).toBe(
      'The sales order was rejected by NetSuite: SSS_USAGE_LIMIT_EXCEEDED: Script Execution Usage Limit Exceeded. Fix: nothing to change; retry the order (set the inbox record State to pending) and it is imported in a fresh run.',
    );
  });

  it('keeps within the field size', () => {
    expect(describeImportFailure({ name: 'X', message: 'y'.repeat(5000) }, '1')).toHaveLength(3900);
  });
});

describe('finalFailures', () => {
  it('keeps the last error of keys that failed, not of keys that completed on a retry', () => {
    const errors = [
      { key: '1', error: 'first' },
      { key: '2', error: 'restart' },
      { key: '1', error: 'second' },
      { key: '3', error: 'only' },
    ];
    const keys = [
      { key: '1', completionState: 'FAILED' },
      { key: '2', completionState: 'COMPLETE' },
      { key: '3', completionState: 'FAILED' },
      { key: '4', completionState: 'COMPLETE' },
    ];
    expect([...finalFailures(errors, keys)]).toEqual([
      ['1', 'second'],
      ['3', 'only'],
    ]);
  });

  it('reports errors of keys with no completion record', () => {
    expect([...finalFailures([{ key: '9', error: 'e' }], [])]).toEqual([['9', 'e']]);
  });
});
