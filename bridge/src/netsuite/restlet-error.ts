/**
 * Reads the error body of a RESTlet answer, in both forms it comes in:
 *
 * - NetSuite's own, for an error the script did not catch (Oracle help, "SuiteScript 2.x RESTlet
 *   Error Handling", section_4634920277): `{"error":{"code":"TTS_USAGE_LIMIT","message":"{\"type\":
 *   \"error.SuiteScriptError\",\"name\":\"TTS_USAGE_LIMIT\",\"message\":\"The RESTlet usage ...\",
 *   \"stack\":[...]}"}}` — the SuiteScriptError serialized as JSON text inside `message`;
 * - the plain `{"error":{"code","message"}}` (older emulator versions, proxies, our own tests).
 *
 * The code is the outer `code`, unless that is not a connector code and the inner error's `name`
 * is (NetSuite wraps some errors under a generic code); the message is the inner `message` when
 * there is one.
 */
import { isConnectorErrorCode } from '../../../shared-types/src/contract/connector-errors';

export interface RestletErrorBody {
  code: string;
  message: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The SuiteScriptError serialized inside `message`, when it is one. */
function innerError(message: string): { name: string | null; message: string | null } | null {
  const trimmed = message.trim();
  if (!trimmed.startsWith('{')) return null;
  const inner = parseJson(trimmed);
  if (!isObject(inner)) return null;
  const name = typeof inner.name === 'string' && inner.name !== '' ? inner.name : null;
  const text = typeof inner.message === 'string' ? inner.message : null;
  return name === null && text === null ? null : { name, message: text };
}

/** The error of a RESTlet answer body, or undefined when the body carries none. */
export function parseRestletError(text: string): RestletErrorBody | undefined {
  const value = parseJson(text);
  if (!isObject(value) || !isObject(value.error)) return undefined;
  const outerCode = typeof value.error.code === 'string' && value.error.code !== '' ? value.error.code : null;
  const outerMessage = typeof value.error.message === 'string' ? value.error.message : '';
  const inner = innerError(outerMessage);
  const innerName = inner?.name ?? null;
  const code =
    outerCode !== null &&
    (isConnectorErrorCode(outerCode) || innerName === null || !isConnectorErrorCode(innerName))
      ? outerCode
      : (innerName ?? 'UNKNOWN');
  return { code, message: inner?.message ?? outerMessage };
}
