import { parseRestletError } from '../restlet-error';

/** NetSuite's body for an uncaught `error.create` in a RESTlet: the SuiteScriptError as JSON text. */
function netsuiteBody(code: string, name: string, message: string): string {
  const inner = {
    type: 'error.SuiteScriptError',
    name,
    message,
    stack: ['createError(N/error)', 'post(/SuiteApps/com.opentts.connector/rl_connector.js:18)'],
    cause: { name, message },
    id: '',
    notifyOff: true,
    userFacing: true,
  };
  return JSON.stringify({ error: { code, message: JSON.stringify(inner) } });
}

describe('RESTlet error bodies, in both forms', () => {
  it("reads NetSuite's form: the code, and the message from the SuiteScriptError inside `message`", () => {
    const text = netsuiteBody(
      'TTS_USAGE_LIMIT',
      'TTS_USAGE_LIMIT',
      'order 576 and those after it were not stored',
    );
    expect(parseRestletError(text)).toEqual({
      code: 'TTS_USAGE_LIMIT',
      message: 'order 576 and those after it were not stored',
    });
  });

  it('reads the plain form', () => {
    const text = JSON.stringify({
      error: { code: 'TTS_SHOP_NOT_FOUND', message: 'shopId: no TikTok Shop record' },
    });
    expect(parseRestletError(text)).toEqual({
      code: 'TTS_SHOP_NOT_FOUND',
      message: 'shopId: no TikTok Shop record',
    });
  });

  it("takes the inner error's name when the outer code is a generic one and the inner name is a connector code", () => {
    const text = netsuiteBody(
      'USER_ERROR',
      'TTS_INVALID_REQUEST',
      'orders[0].payment.currency: set a currency',
    );
    expect(parseRestletError(text)).toEqual({
      code: 'TTS_INVALID_REQUEST',
      message: 'orders[0].payment.currency: set a currency',
    });
  });

  it("keeps NetSuite's own code and reads the inner message", () => {
    const text = netsuiteBody(
      'SSS_USAGE_LIMIT_EXCEEDED',
      'SSS_USAGE_LIMIT_EXCEEDED',
      'Script Execution Usage Limit Exceeded',
    );
    expect(parseRestletError(text)).toEqual({
      code: 'SSS_USAGE_LIMIT_EXCEEDED',
      message: 'Script Execution Usage Limit Exceeded',
    });
  });

  it('keeps a message that only looks like JSON, and answers undefined for a body without an error', () => {
    expect(parseRestletError(JSON.stringify({ error: { code: 'X', message: '{not json' } }))).toEqual({
      code: 'X',
      message: '{not json',
    });
    expect(parseRestletError(JSON.stringify({ error: { message: 'no code' } }))).toEqual({
      code: 'UNKNOWN',
      message: 'no code',
    });
    expect(parseRestletError('<html>502</html>')).toBeUndefined();
    expect(parseRestletError(JSON.stringify({ ok: true }))).toBeUndefined();
  });
});
