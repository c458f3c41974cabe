/**
 * `N/encode`: `encode.convert` between UTF-8, ISO-8859-1, hex and base64 (URL-safe too).
 */
import { NS, SuiteScriptError } from '../../errors';

export const Encoding = {
  UTF_8: 'UTF_8',
  BASE_16: 'BASE_16',
  BASE_64: 'BASE_64',
  BASE_64_URL_SAFE: 'BASE_64_URL_SAFE',
  HEX: 'HEX',
  ISO_8859_1: 'ISO_8859_1',
} as const;

export interface EncodeModule {
  Encoding: typeof Encoding;
  convert(options: { string: string; inputEncoding: string; outputEncoding: string }): string;
}

function decode(text: string, encoding: string): Buffer {
  switch (encoding) {
    case Encoding.UTF_8:
      return Buffer.from(text, 'utf8');
    case Encoding.ISO_8859_1:
      return Buffer.from(text, 'latin1');
    case Encoding.BASE_64:
    case Encoding.BASE_64_URL_SAFE:
      if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(text)) throw bad(`"${text.slice(0, 40)}" is not ${encoding}`);
      return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    case Encoding.HEX:
    case Encoding.BASE_16:
      if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) throw bad(`"${text.slice(0, 40)}" is not hexadecimal`);
      return Buffer.from(text, 'hex');
    default:
      throw bad(`unknown encoding ${encoding}`);
  }
}

function encode(bytes: Buffer, encoding: string): string {
  switch (encoding) {
    case Encoding.UTF_8:
      return bytes.toString('utf8');
    case Encoding.ISO_8859_1:
      return bytes.toString('latin1');
    case Encoding.BASE_64:
      return bytes.toString('base64');
    case Encoding.BASE_64_URL_SAFE:
      return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    case Encoding.HEX:
      return bytes.toString('hex');
    case Encoding.BASE_16:
      return bytes.toString('hex').toUpperCase();
    default:
      throw bad(`unknown encoding ${encoding}`);
  }
}

function bad(detail: string): SuiteScriptError {
  return new SuiteScriptError(NS.SSS_INVALID_API_USAGE, `encode.convert: ${detail}.`);
}

/** `N/encode`: UTF-8, ISO-8859-1, Base64 (standard and URL-safe, padded) and hex. */
export function createEncodeModule(): EncodeModule {
  return {
    Encoding,
    convert(options) {
      if (!options || typeof options.string !== 'string') {
        throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, 'encode.convert: Missing a required argument: string');
      }
      return encode(decode(options.string, options.inputEncoding), options.outputEncoding);
    },
  };
}
