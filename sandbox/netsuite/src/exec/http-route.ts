/**
 * The shape of a page the emulated account's HTTP server serves besides RESTlets (Suitelets, the UI
 * login): request in, response out.
 */
import type http from 'node:http';

/** A page the account's HTTP server serves besides RESTlets (Suitelets, the UI login). */
export interface RouteRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
  remoteAddress: string;
}

export interface RouteResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type HttpRoute = (request: RouteRequest) => RouteResponse;
