/** The one place where bridge errors become HTTP responses (JSON, or a small page for browsers). */
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import { BridgeError, BRIDGE_ERROR_CODES, type BridgeErrorCode } from '../core/errors';
import { redactSecretsInText } from '../core/redact';
import { escapeHtml, renderPage } from './html';

export const HTTP_STATUS_BY_CODE: Record<BridgeErrorCode, number> = {
  CONFIG_INVALID: 500,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  CSRF_INVALID: 403,
  TOO_MANY_ATTEMPTS: 429,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  WEBHOOK_SIGNATURE_INVALID: 401,
  OAUTH_STATE_INVALID: 400,
  OAUTH_DENIED: 403,
  SHOP_NOT_FOUND: 404,
  SHOP_NEEDS_REAUTH: 409,
  TOKEN_DECRYPT_FAILED: 500,
  TIKTOK_API_ERROR: 502,
  TIKTOK_TOKEN_ERROR: 502,
  TIKTOK_NETWORK_ERROR: 502,
  TIKTOK_RESPONSE_INVALID: 502,
  NETSUITE_ERROR: 502,
  NETSUITE_NETWORK_ERROR: 502,
  NETSUITE_RESPONSE_INVALID: 502,
  STORE_ERROR: 503,
  INTERNAL: 500,
};

interface BodyParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
}

/** Body-parser failures (size limit, malformed form) expressed as bridge errors. */
export function fromBodyParserError(error: unknown): BridgeError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as BodyParserError;
  if (e.type === 'entity.too.large') {
    return new BridgeError(
      BRIDGE_ERROR_CODES.PAYLOAD_TOO_LARGE,
      'The request body is larger than this endpoint accepts.',
    );
  }
  if (typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return undefined;
  if (typeof e.type === 'string') {
    return new BridgeError(BRIDGE_ERROR_CODES.BAD_REQUEST, `The request body could not be read (${e.type}).`);
  }
  // A stream error wrapped by body-parser without a type, e.g. zlib's Z_DATA_ERROR for a body that
  // is not the gzip/deflate/br its Content-Encoding claims: still the client's fault, never a 500.
  if (e.expose === true) {
    return new BridgeError(
      BRIDGE_ERROR_CODES.BAD_REQUEST,
      'The request body could not be read (it does not match its Content-Encoding).',
    );
  }
  return undefined;
}

export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  return (
    fromBodyParserError(error) ??
    new BridgeError(BRIDGE_ERROR_CODES.INTERNAL, 'Internal error; see the bridge logs for details.', {
      cause: error,
    })
  );
}

function wantsHtml(req: Request): boolean {
  return req.accepts(['json', 'html']) === 'html';
}

export function sendError(req: Request, res: Response, error: BridgeError): void {
  const status = HTTP_STATUS_BY_CODE[error.code];
  if (res.headersSent) return;
  // Error text often quotes TikTok or NetSuite, and a public page (the OAuth callback) shows it.
  const message = redactSecretsInText(error.message);
  if (wantsHtml(req)) {
    res
      .status(status)
      .type('html')
      .send(
        renderPage(
          'Something went wrong',
          `<p class="error">${escapeHtml(message)}</p><p><a href="/">Back to the status page</a></p>`,
        ),
      );
    return;
  }
  res.status(status).json({ error: { code: error.code, message } });
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const bridgeError = toBridgeError(error);
    const status = HTTP_STATUS_BY_CODE[bridgeError.code];
    if (status >= 500) {
      logger.error({ err: error, path: req.path, code: bridgeError.code }, 'request failed');
    } else {
      logger.info({ path: req.path, code: bridgeError.code, status }, 'request refused');
    }
    sendError(req, res, bridgeError);
  };
}
