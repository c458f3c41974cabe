/**
 * The simulator's route table: a route per method and path pattern, and how a request path finds it
 * (or TikTok's 36009009 / 36009010 / 36009014).
 */
import type { MultipartPart } from '../domain/product-images';
import type { Authorization, Shop } from '../domain/types';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a handler sees once the gateway has validated the request. */
export interface ApiContext {
  /** The shop named by `shop_cipher` (shop-level routes), else null. */
  shop: Shop | null;
  authorization: Authorization;
  /** Decoded query values (first value of a repeated key, as TikTok's gateway reads them). */
  query: Readonly<Record<string, string>>;
  /** Path parameters, e.g. `{ product_id }`. */
  params: Readonly<Record<string, string>>;
  /** Parsed JSON body ({} when the request has no body, or the text fields of a multipart body). */
  body: Record<string, unknown>;
  /** The parts of a multipart/form-data body (routes with `multipart`), else []. */
  parts: MultipartPart[];
}

export interface RouteDef {
  method: HttpMethod;
  /** Path with `{name}` placeholders, e.g. `/product/202309/products/{product_id}`. */
  pattern: string;
  /** Required access scope (105005 when the token lacks it). */
  scope: string;
  /** Shop-level ("Shop" entity tag): `shop_cipher` required; otherwise it must be absent. */
  shopLevel: boolean;
  /** Takes multipart/form-data (Upload Image); 36009023 for any other content type. */
  multipart?: boolean;
  handler: (ctx: ApiContext) => unknown;
}

export type PathMatch =
  | { kind: 'match'; route: RouteDef; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'wrong-version' }
  | { kind: 'none' };

function matchPattern(pattern: string, path: string, ignoreVersion: boolean): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return null;
      params[w.slice(1, -1)] = decodeURIComponent(g);
    } else if (ignoreVersion && i === 2 && /^\d{6}$/.test(w)) {
      if (!/^\d+$/.test(g)) return null;
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/**
 * Finds the route for a request: exact path + method; the path with another method
 * (36009010); the same endpoint family with an unknown version segment (36009014); else none
 * (36009009).
 */
export function matchRoute(routes: readonly RouteDef[], method: string, path: string): PathMatch {
  let pathExists = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, path, false);
    if (!params) continue;
    if (route.method === method) return { kind: 'match', route, params };
    pathExists = true;
  }
  if (pathExists) return { kind: 'wrong-method' };
  if (routes.some((route) => matchPattern(route.pattern, path, true))) return { kind: 'wrong-version' };
  return { kind: 'none' };
}
