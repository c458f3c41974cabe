/**
 * The Open API gateway of the simulator: each request checked in TikTok's order (path, method, app
 * key, signature, token, scope, shop cipher, rate limit) before its handler runs.
 */
import type { Request, Response } from 'express';
import type { TokenService } from '../auth/token-service';
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { SimulatorState } from '../domain/state';
import type { Shop } from '../domain/types';
import type { EnvelopeWriter } from '../envelope';
import type { Faults } from '../faults';
import { Gateway, TikTokApiError } from '../errors';
import type { Random } from '../random';
import type { Scheduler } from '../scheduler';
import { verifySign } from '../signing';
import { boundaryOf, parseMultipart, type MultipartPart } from '../domain/product-images';
import { matchRoute, type ApiContext, type RouteDef } from './route-table';
import type { RateLimiter } from './rate-limiter';

export interface GatewayDeps {
  state: SimulatorState;
  tokens: TokenService;
  clock: Clock;
  envelope: EnvelopeWriter;
  scheduler: Scheduler;
  faults: Faults;
  random: Random;
  limiter: RateLimiter;
  routes: readonly RouteDef[];
}

/** Decoded query; a repeated key keeps its first value (Go's `url.Values.Get`). */
export function parseQuery(originalUrl: string): { path: string; query: Record<string, string> } {
  const url = new URL(originalUrl, 'http://localhost');
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in query)) query[key] = value;
  return { path: url.pathname, query };
}

function rawBodyOf(req: Request): string {
  return Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
}

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function checkTimestamp(raw: string | undefined, nowSeconds: number): void {
  if (raw === undefined || !/^-?\d+$/.test(raw) || Number(raw) < 0) throw Gateway.timestampNegative();
  const ts = Number(raw);
  if (ts < nowSeconds - 300) throw Gateway.timestampTooOld();
  if (ts > nowSeconds + 30) throw Gateway.timestampTooNew();
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw.trim() === '') return {};
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== 'application/json') throw Gateway.invalidBodyFormat();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw Gateway.invalidParam('request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw Gateway.invalidParam('request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** A multipart/form-data body's parts (36009023 for another content type, 36009004 when malformed). */
function parseMultipartBody(req: Request, contentType: string | undefined): MultipartPart[] {
  const boundary = boundaryOf(contentType);
  if (boundary === null) throw Gateway.multipartRequired();
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const parts = parseMultipart(raw, boundary);
  if (parts === null) throw Gateway.invalidParam('request body is not valid multipart/form-data');
  return parts;
}

/**
 * Validates an Open API request in the order sandbox/tiktok/README.md gives (Gateway order and HTTP statuses) and runs the handler:
 * path (36009009/36009014) → method (36009010) → app_key → sign present → timestamp window →
 * sign (106001) → access token (36009004 / 105002) → scope (105005) → shop_cipher
 * (106013 / 36009004 / 101000) → rate limit and fault knobs (36009002 / 36009003) → body → handler.
 */
export function createGateway(deps: GatewayDeps) {
  const { state, clock, envelope, faults, random } = deps;

  function authorize(
    req: Request,
    path: string,
    query: Record<string, string>,
    rawBody: string,
  ): { ctx: ApiContext; route: RouteDef } {
    const match = matchRoute(deps.routes, req.method, path);
    if (match.kind === 'none') throw Gateway.invalidPath();
    if (match.kind === 'wrong-version') throw Gateway.invalidVersion();
    if (match.kind === 'wrong-method') throw Gateway.invalidMethod();
    const { route, params } = match;
    if (query.app_key !== state.app.appKey) throw Gateway.invalidAppKey();
    if (!query.sign) throw Gateway.missingSignature();
    checkTimestamp(query.timestamp, Math.floor(clock.now() / 1000));
    const contentType = headerValue(req, 'content-type');
    if (!verifySign({ path, query, body: rawBody, contentType }, state.app.appSecret, query.sign)) {
      throw Gateway.invalidSign();
    }
    const authorization = deps.tokens.authenticate(headerValue(req, 'x-tts-access-token'));
    if (!authorization.grantedScopes.includes(route.scope)) throw Gateway.scopeDenied();
    let shop: Shop | null = null;
    if (route.shopLevel) {
      if (!query.shop_cipher) throw Gateway.missingShopCipher();
      shop = state.shopByCipher(query.shop_cipher) ?? null;
      if (!shop || !authorization.shopIds.includes(shop.id)) throw Gateway.shopCipherNotAuthorized();
    } else if (query.shop_cipher !== undefined) {
      throw Gateway.unexpectedShopCipher();
    }
    const caller = `${state.app.appKey}:${shop ? shop.id : `seller:${authorization.sellerId}`}`;
    const api = `${route.method} ${route.pattern}`;
    if (!deps.limiter.take(caller, api) || random.chance(faults.rate429)) throw Gateway.tooManyRequests();
    if (random.chance(faults.rate5xx)) throw Gateway.internalError(random.chance(0.5) ? 503 : 500);
    if (route.multipart) {
      const parts = parseMultipartBody(req, contentType);
      const body: Record<string, unknown> = {};
      for (const part of parts) if (part.filename === null) body[part.name] = part.data.toString('utf8');
      return { ctx: { shop, authorization, query, params, body, parts }, route };
    }
    const body = parseBody(rawBody, contentType);
    return { ctx: { shop, authorization, query, params, body, parts: [] }, route };
  }

  return async function handle(req: Request, res: Response): Promise<void> {
    const { path, query } = parseQuery(req.originalUrl);
    state.countApiCall(req.method, path);
    deps.scheduler.runDue();
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    try {
      const { ctx, route } = authorize(req, path, query, rawBodyOf(req));
      const data = route.handler(ctx);
      envelope.ok(res, data ?? {});
    } catch (caught) {
      if (caught instanceof TikTokApiError) {
        state.countRejection(caught.code);
        envelope.fail(res, caught);
      } else {
        console.error('[tiktok-sim] handler error', caught);
        envelope.fail(res, Gateway.internalError(500));
      }
    }
  };
}
