/**
 * The one outbound HTTP primitive: sends exactly the given body string and returns the raw status,
 * headers and body text, never throwing for an HTTP status. Transport failures (refused, reset,
 * timeout) throw `TransportError`, whose message carries no URL (URLs may hold secrets).
 */
import axios from 'axios';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** A binary body sent instead of `body` (TikTok's Upload Image: multipart/form-data). */
  bytes?: Buffer;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

export class TransportError extends Error {
  readonly transportCode: string;

  constructor(transportCode: string, message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'TransportError';
    this.transportCode = transportCode;
  }
}

/** Largest response body read (TikTok order pages and RESTlet answers are far below this). */
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export const axiosSend: HttpSend = async (request) => {
  try {
    const response = await axios.request<string>({
      method: request.method,
      url: request.url,
      headers: request.headers,
      data: request.bytes ?? request.body,
      // `timeout` is a socket-idle timer (a trickling server resets it); the signal is the overall deadline.
      timeout: request.timeoutMs,
      signal: AbortSignal.timeout(request.timeoutMs),
      maxContentLength: MAX_RESPONSE_BYTES,
      responseType: 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      proxy: false,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    return { status: response.status, headers, text: typeof response.data === 'string' ? response.data : '' };
  } catch (error) {
    const code = axios.isAxiosError(error) ? (error.code ?? 'ERR_NETWORK') : 'ERR_NETWORK';
    throw new TransportError(code, `network error ${code} calling ${new URL(request.url).host}`);
  }
};
