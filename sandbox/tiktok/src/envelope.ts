/** The Open API envelope (TikTok's response envelope): `code`, `data`, `message`, `request_id`. */
import type { Response } from 'express';
import type { Clock } from '../../../shared-types/src/time/clock';
import type { IdFactory } from './domain/ids';
import type { TikTokApiError } from './errors';

export interface Envelope<T> {
  code: number;
  data: T | null;
  message: string;
  request_id: string;
}

export class EnvelopeWriter {
  constructor(
    private readonly ids: IdFactory,
    private readonly clock: Clock,
  ) {}

  ok<T>(res: Response, data: T, message = 'Success'): void {
    const body: Envelope<T> = {
      code: 0,
      data,
      message,
      request_id: this.ids.requestId(new Date(this.clock.now())),
    };
    res.status(200).json(body);
  }

  fail(res: Response, error: TikTokApiError): void {
    const body: Envelope<null> = {
      code: error.code,
      data: null,
      message: error.message,
      request_id: this.ids.requestId(new Date(this.clock.now())),
    };
    res.status(error.httpStatus).json(body);
  }
}
