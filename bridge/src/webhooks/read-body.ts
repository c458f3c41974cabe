/**
 * The webhook route's body reader: the raw bytes (the signature is over them) as `req.body`, a
 * Buffer. A plain body (a Content-Length within the limit, no Content-Encoding, not chunked), which
 * is what TikTok sends, is read here in a few lines; anything else goes to `express.raw` (gzip and
 * deflate, chunked bodies, the 413 for a declared length over the limit). Under webhook load the
 * bridge's event loop is the limit (README, Benchmarks, webhook ingest), and `express.raw`'s
 * general path (type check, on-finished, raw-body's stream handling) cost about 5% of it.
 *
 * Errors are body-parser's, so the route maps them as before: a request that ends early is
 * `request.aborted` / `request.size.invalid` (400).
 */
import express, { type RequestHandler } from 'express';

/** An error shaped as body-parser's (status, type, expose), for `fromBodyParserError`. */
function bodyError(message: string, type: string): Error {
  return Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true, type });
}

export function webhookBodyReader(limit: number): RequestHandler {
  const general = express.raw({ type: () => true, limit });
  return (req, res, next) => {
    const headers = req.headers;
    const length = headers['content-length'];
    const declared = length === undefined ? NaN : Number(length);
    if (
      headers['content-encoding'] !== undefined ||
      headers['transfer-encoding'] !== undefined ||
      !Number.isSafeInteger(declared) ||
      declared <= 0 ||
      declared > limit
    ) {
      general(req, res, next);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    const finish = (error?: Error): void => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onError);
      req.removeListener('close', onClose);
      if (error) {
        next(error);
        return;
      }
      req.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received);
      next();
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      if (received !== declared)
        finish(bodyError('request size did not match content length', 'request.size.invalid'));
      else finish();
    };
    const onError = (error: Error): void => finish(bodyError(error.message, 'request.aborted'));
    const onClose = (): void => finish(bodyError('request aborted', 'request.aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  };
}
