/**
 * `POST /webhooks/tiktok`: raw body with a size limit (larger → 413 before any hashing), signature
 * verified on those bytes (bad → 401, nothing stored, nothing called), then the event and its jobs
 * committed to the store before the empty 200: concurrent webhooks share one transaction
 * (`group-commit.ts`), and each is answered only once the transaction holding it has committed. Duplicates answer 200 and add nothing. A verified
 * body that fails the envelope schema (`events.ts`) is stored, starts no job, is dead-lettered with
 * the fields it lacks (recent errors), and answers 200: TikTok would resend the same signed bytes.
 *
 * Payload `timestamp` (read after the signature, with the injected clock):
 * - ahead of this server (stamped in the future) → processed at once like any event, 200. The
 *   signature proves TikTok sent it, so the cause is this server's clock being behind TikTok's;
 *   TikTok treats anything but 200 as a failed delivery (401 as a final authentication failure), so
 *   refusing it would drop the event until reconciliation. The skew goes to the
 *   `tts_bridge_webhook_future_skew_seconds` histogram, and one beyond `clockSkewWarnMs` (default
 *   30 s) is logged as a warning naming the fix (sync the clock: NTP).
 * - older than `staleAfterMs` (default 7 days) → stored with `ignored_reason`, no job started, a
 *   recent error noted, 200. Acting on a week-old deauthorization or status could undo newer state;
 *   the order is brought up to date by reconciliation, which reads TikTok's current data.
 *
 * During an app secret change the previous secret also verifies, until its deadline on the injected
 * clock (`verify.ts`); each webhook it verifies is logged, so the operator sees when it stops.
 *
 * Fast path (`webhookRoutes(...).serve`, the HTTP server's listener, or `.fastPath`, mounted first in
 * an app): a `POST` to exactly `/webhooks/tiktok` (what TikTok sends) runs the same steps without
 * Express (`serve`) or without its router (`fastPath`), and its 200 (empty body, as
 * before) is written at once with prebuilt headers: the bridge's security headers (`answerHeaders`)
 * and `Content-Length: 0`. Errors set those headers and go on to the error handler as before. Any
 * other spelling (a trailing slash, a query string, other case) goes through the router as before.
 */
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../../../shared-types/src/time/clock';
import { BridgeError, BRIDGE_ERROR_CODES } from '../core/errors';
import { describeProblems } from '../core/validate';
import { fromBodyParserError } from '../http/error-handler';
import type { BridgeMetrics } from '../metrics';
import type { BridgeStore } from '../store/types';
import { jobsForWebhook, parseWebhook, webhookNotificationOf } from './events';
import { WebhookGroupCommit } from './group-commit';
import { webhookBodyReader } from './read-body';
import { verifyTikTokWebhook, type HmacSha256 } from './verify';

export const WEBHOOK_PATH = '/webhooks/tiktok';
export const DEFAULT_WEBHOOK_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_WEBHOOK_CLOCK_SKEW_WARN_MS = 30 * 1000;
export const DEFAULT_WEBHOOK_STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

export interface WebhookRouteDeps {
  appKey: string;
  appSecret: string;
  /** TIKTOK_APP_SECRET_PREVIOUS and until when it is accepted (ms). */
  previousAppSecret?: { appSecret: string; acceptUntil: number } | undefined;
  store: BridgeStore;
  clock: Clock;
  metrics: BridgeMetrics;
  logger: Logger;
  hmac?: HmacSha256;
  maxBodyBytes?: number;
  clockSkewWarnMs?: number;
  staleAfterMs?: number;
  /** Shared group commit (default: one of its own over `store`). */
  groupCommit?: WebhookGroupCommit;
  /** Most webhooks one group commit transaction holds (default 256). */
  groupCommitMaxBatch?: number;
  /**
   * Group commit transactions in flight at once (default: 2 on PostgreSQL, whose store inserts a
   * group's rows in key order so concurrent groups cannot deadlock; 1 on SQLite, one writer).
   */
  groupCommitMaxInFlight?: number;
  /** Told of each webhook stored for a shop (the doctor's last arrival, issue #21). */
  onAccepted?: (shopId: string, atMs: number) => void;
  /**
   * Headers every answer of the fast path carries (the bridge's security headers, which its
   * middleware sets for everything else; the fast path is mounted before that middleware).
   */
  answerHeaders?: ReadonlyArray<readonly [string, string]>;
}

export interface WebhookRoutes {
  /** `POST /webhooks/tiktok` exactly; anything else → `next()`. Mount before other middleware. */
  fastPath: RequestHandler;
  /** The route through Express's router (every other spelling Express matches). */
  router: Router;
  /**
   * The HTTP server's request listener: the exact path without Express at all (its
   * `app.handle`, prototypes and router were about 6% of the bridge's CPU per webhook); anything
   * else, and an error from it (with `rethrow` mounted first), to `app`.
   */
  serve: (
    req: IncomingMessage,
    res: ServerResponse,
    app: (req: IncomingMessage, res: ServerResponse) => void,
  ) => void;
  /** Mount first in `app`: hands an error from `serve` to the app's error handlers. */
  rethrow: RequestHandler;
}

const WEBHOOK_ERROR = Symbol('webhook route error');

function authorizationValues(req: Request): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if ((req.rawHeaders[i] ?? '').toLowerCase() === 'authorization') values.push(req.rawHeaders[i + 1] ?? '');
  }
  return values;
}

export function webhookRouter(deps: WebhookRouteDeps): Router {
  return webhookRoutes(deps).router;
}

export function webhookRoutes(deps: WebhookRouteDeps): WebhookRoutes {
  const router = express.Router();
  const answerHeaders = deps.answerHeaders ?? [];
  const okHeaders: string[] = [];
  for (const [name, value] of answerHeaders) okHeaders.push(name, value);
  okHeaders.push('Content-Length', '0');
  /** The empty 200 TikTok expects, headers prebuilt (no setHeader per header). */
  const answerOk = (res: Response): void => {
    // Headers set before (on the router path, the security middleware's) are kept, these merged in.
    res.writeHead(200, okHeaders);
    res.end();
  };
  const debugEnabled = (): boolean => deps.logger.isLevelEnabled('debug');
  const ingest =
    deps.groupCommit ??
    new WebhookGroupCommit(deps.store, {
      maxBatch: deps.groupCommitMaxBatch,
      maxInFlight: deps.groupCommitMaxInFlight ?? (deps.store.kind === 'postgres' ? 2 : 1),
      observer: deps.metrics,
    });

  const bodyErrors: ErrorRequestHandler = (error: unknown, _req, _res, next) => {
    const bridgeError = fromBodyParserError(error);
    if (bridgeError?.code === BRIDGE_ERROR_CODES.PAYLOAD_TOO_LARGE)
      deps.metrics.webhooksRejected.inc({ reason: 'too_large' });
    else if (bridgeError) deps.metrics.webhooksRejected.inc({ reason: 'unreadable_body' });
    next(bridgeError ?? error);
  };

  const countReceived: RequestHandler = (_req, _res, next) => {
    deps.metrics.webhooksReceived.inc();
    next();
  };

  const receive: RequestHandler = async (req, res) => {
    const rawBody: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verification = verifyTikTokWebhook({
      appKey: deps.appKey,
      appSecret: deps.appSecret,
      rawBody,
      signatureHeaders: authorizationValues(req),
      hmac: deps.hmac,
      ...(deps.previousAppSecret === undefined
        ? {}
        : { previous: deps.previousAppSecret, now: deps.clock.now() }),
    });
    if (!verification.valid) {
      deps.metrics.webhooksRejected.inc({ reason: verification.reason });
      deps.logger.warn({ reason: verification.reason, bytes: rawBody.length }, 'webhook rejected');
      throw new BridgeError(
        BRIDGE_ERROR_CODES.WEBHOOK_SIGNATURE_INVALID,
        `Webhook signature invalid (${verification.reason}). TikTok signs with the app secret of TIKTOK_APP_KEY; check both match the app that sends the webhooks.`,
      );
    }
    deps.metrics.webhooksVerified.inc();
    const now = deps.clock.now();
    if (verification.secret === 'previous') {
      deps.logger.info(
        { acceptUntil: new Date(deps.previousAppSecret?.acceptUntil ?? 0).toISOString() },
        'webhook verified with the previous app secret (TIKTOK_APP_SECRET_PREVIOUS); accepted until TIKTOK_APP_SECRET_PREVIOUS_UNTIL',
      );
    }
    const parsed = parseWebhook(rawBody);
    const entry = webhookNotificationOf(parsed.event, rawBody, now);
    if (!parsed.valid) {
      // Signed by TikTok, so a retry would carry the very same bytes and fail the same way: answer
      // 200 (TikTok only knows 200 and 401), keep the body as a webhook notification, start nothing, and
      // dead-letter it with the reason on the status page. Reconciliation still picks up the order.
      const reason = `Webhook signed by TikTok but malformed, not processed: ${describeProblems(parsed.problems)}.`;
      const result = await deps.store.insertWebhook(entry, []);
      deps.metrics.webhooksRejected.inc({ reason: 'malformed_body' });
      deps.logger.warn(
        {
          notificationId: result.id,
          fields: parsed.problems.map((p) => p.field),
          duplicate: !result.inserted,
        },
        'webhook malformed; stored and dead-lettered',
      );
      if (result.inserted) {
        await deps.store.recordError({
          at: now,
          source: 'webhook',
          shopId: parsed.event.shopId,
          message: `${reason} Webhook notification #${result.id}.`,
        });
      }
      answerOk(res);
      return;
    }
    const eventMs = (parsed.event.timestamp ?? 0) * 1000;
    const skewMs = eventMs - now;
    if (skewMs > 0) {
      deps.metrics.webhookFutureSkew.observe(skewMs / 1000);
      const warnMs = deps.clockSkewWarnMs ?? DEFAULT_WEBHOOK_CLOCK_SKEW_WARN_MS;
      const log = skewMs > warnMs ? deps.logger.warn.bind(deps.logger) : deps.logger.debug.bind(deps.logger);
      log(
        { shopId: parsed.event.shopId, type: parsed.event.type, skewMs },
        `webhook stamped ${Math.round(skewMs / 1000)} s ahead of this server's clock; processed. This server's clock is behind TikTok's: sync it (NTP), TikTok refuses API calls stamped more than 5 minutes in the past`,
      );
    }
    const staleAfterMs = deps.staleAfterMs ?? DEFAULT_WEBHOOK_STALE_AFTER_MS;
    if (now - eventMs > staleAfterMs) {
      const ageHours = Math.floor((now - eventMs) / 3_600_000);
      const ignoredReason = `stale: sent ${ageHours} h ago, over the ${Math.round(staleAfterMs / 3_600_000)} h window; not acted on (reconciliation brings the order up to date)`;
      const result = await deps.store.insertWebhook({ ...entry, ignoredReason }, []);
      deps.metrics.webhooksRejected.inc({ reason: 'stale' });
      deps.logger.warn(
        { notificationId: result.id, type: parsed.event.type, shopId: parsed.event.shopId, ageHours },
        'webhook stale; stored, not acted on',
      );
      if (result.inserted) {
        await deps.store.recordError({
          at: now,
          source: 'webhook',
          shopId: parsed.event.shopId,
          message: `Webhook type ${parsed.event.type} ${ignoredReason}. Webhook notification #${result.id}.`,
        });
      }
      answerOk(res);
      return;
    }
    const result = await ingest.submit(entry, jobsForWebhook(parsed.event, entry.dedupeKey, now));
    if (result.inserted) deps.metrics.webhooksStored.inc();
    else deps.metrics.webhooksDuplicate.inc();
    if (parsed.event.shopId) deps.onAccepted?.(parsed.event.shopId, now);
    // Debug, not info: one line per webhook cost about a seventh of ingest throughput (formatting,
    // secret scrubbing, a synchronous write); the stored/duplicate counters keep the numbers.
    if (debugEnabled()) {
      deps.logger.debug(
        {
          notificationId: result.id,
          type: parsed.event.type,
          shopId: parsed.event.shopId,
          duplicate: !result.inserted,
        },
        'webhook accepted',
      );
    }
    answerOk(res);
  };

  const readBody = webhookBodyReader(deps.maxBodyBytes ?? DEFAULT_WEBHOOK_BODY_LIMIT);
  router.post(WEBHOOK_PATH, countReceived, readBody, bodyErrors, receive);

  /** The whole route for the exact path; `fail` gets any error, with the security headers set. */
  const run = (req: Request, res: Response, next: (error: unknown) => void): void => {
    const fail = (error: unknown): void => {
      for (const [name, value] of answerHeaders) if (!res.headersSent) res.setHeader(name, value);
      next(error);
    };
    deps.metrics.webhooksReceived.inc();
    readBody(req, res, (bodyError?: unknown) => {
      if (bodyError !== undefined && bodyError !== null) {
        bodyErrors(bodyError, req, res, fail);
        return;
      }
      (receive(req, res, fail) as unknown as Promise<void>).catch(fail);
    });
  };
  const isExact = (req: IncomingMessage): boolean => req.url === WEBHOOK_PATH && req.method === 'POST';
  const fastPath: RequestHandler = (req, res, next) => {
    if (isExact(req)) run(req, res, next);
    else next();
  };
  const serve: WebhookRoutes['serve'] = (req, res, app) => {
    if (!isExact(req)) {
      app(req, res);
      return;
    }
    // Not through Express: `run` uses only Node's request and response (and sets `req.body`).
    run(req as Request, res as Response, (error) => {
      (req as IncomingMessage & { [WEBHOOK_ERROR]?: unknown })[WEBHOOK_ERROR] = error;
      app(req, res);
    });
  };
  /** First middleware of the app: an error from `serve` goes to the app's error handler. */
  const rethrow: RequestHandler = (req, _res, next) => {
    const error = (req as Request & { [WEBHOOK_ERROR]?: unknown })[WEBHOOK_ERROR];
    if (error === undefined) next();
    else next(error);
  };
  return { fastPath, router, serve, rethrow };
}
