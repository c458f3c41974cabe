/**
 * Delivers the simulator's webhooks to the subscribed address, signed, and retries failures on
 * TikTok's schedule; each delivery and its attempts are kept for the admin API.
 */
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { IdFactory } from '../domain/ids';
import type { SimulatorState } from '../domain/state';
import type { Faults } from '../faults';
import type { Random } from '../random';
import type { Scheduler } from '../scheduler';
import { EVENT_TYPE_IDS, type WebhookEvent } from './event-types';
import { signWebhook } from './webhook-signature';

/** TikTok's retry schedule (TikTok's webhooks overview, partner.tiktokshop.com/docv2/page/tts-webhooks-overview): after each failure, +2 min, +30 min, +3 h, +12 h. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [
  2 * 60_000,
  30 * 60_000,
  3 * 3_600_000,
  12 * 3_600_000,
];

export interface WebhookAttempt {
  number: number;
  /** Clock time of the attempt (ISO). */
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type DeliveryState =
  'queued' | 'sending' | 'retry_scheduled' | 'delivered' | 'failed' | 'dropped' | 'rejected';

export interface WebhookDelivery {
  id: string;
  notificationId: string;
  type: number;
  eventType: string;
  shopId: string;
  address: string;
  body: string;
  signature: string;
  /** Id of the delivery this one duplicates (duplicate fault), else null. */
  duplicateOf: string | null;
  state: DeliveryState;
  attempts: WebhookAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
}

export interface WebhookSenderOptions {
  state: SimulatorState;
  clock: Clock;
  scheduler: Scheduler;
  random: Random;
  ids: IdFactory;
  faults: Faults;
  retryScheduleMs: readonly number[];
  /** Simulated delays are divided by this factor (retries, hold window). */
  timeScale: number;
  /** Real milliseconds a receiver has to answer (TikTok: 3 s). */
  timeoutMs: number;
}

/**
 * Sends webhook notifications the way TikTok does: POST JSON, `Authorization` = hex HMAC-SHA256
 * (app_secret, app_key + body), success only on HTTP 200 within the timeout, retries on the
 * documented schedule (on the simulator clock), no retry after a 401 (the receiver rejected the
 * signature), and the drop / duplicate / reorder fault knobs. Every delivery is logged.
 */
export class WebhookSender {
  private readonly log: WebhookDelivery[] = [];
  private readonly outbox: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly chains = new Map<string, Promise<void>>();
  private flushScheduled = false;
  private nextDeliveryId = 1;
  private stopped = false;

  constructor(private readonly opts: WebhookSenderOptions) {}

  /** Queues a notification for every address subscribed to it (none if the shop is not authorized). */
  emit(event: WebhookEvent): WebhookDelivery[] {
    const { state, clock, ids, faults, random } = this.opts;
    if (!state.activeAuthorizationFor(event.shopId)) return [];
    const addresses = this.addressesFor(event.shopId, event.eventType);
    if (addresses.length === 0) return [];
    const payload = {
      type: EVENT_TYPE_IDS[event.eventType],
      tts_notification_id: ids.notificationId(),
      shop_id: event.shopId,
      timestamp: Math.floor(clock.now() / 1000),
      data: event.data,
    };
    const body = JSON.stringify(payload);
    const created: WebhookDelivery[] = [];
    for (const address of addresses) {
      const delivery = this.newDelivery(event, payload.tts_notification_id, address, body, null);
      created.push(delivery);
      if (random.chance(faults.dropWebhookRate)) {
        delivery.state = 'dropped';
        continue;
      }
      this.outbox.push(delivery);
      if (random.chance(faults.duplicateWebhookRate)) {
        const copy = this.newDelivery(event, payload.tts_notification_id, address, body, delivery.id);
        created.push(copy);
        this.outbox.push(copy);
      }
    }
    this.scheduleFlush();
    return created;
  }

  /** A copy of the delivery log, oldest first. */
  deliveries(filter?: { shopId?: string; eventType?: string; state?: DeliveryState }): WebhookDelivery[] {
    return this.log
      .filter(
        (d) =>
          (!filter?.shopId || d.shopId === filter.shopId) &&
          (!filter?.eventType || d.eventType === filter.eventType) &&
          (!filter?.state || d.state === filter.state),
      )
      .map((d) => ({ ...d, attempts: d.attempts.map((a) => ({ ...a })) }));
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Sends everything queued and waits until no delivery is in flight. */
  async idle(): Promise<void> {
    this.flush();
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      this.flush();
    }
  }

  stop(): void {
    this.stopped = true;
    this.outbox.length = 0;
  }

  private addressesFor(shopId: string, eventType: string): string[] {
    const subscription = this.opts.state.subscriptions.find(
      (s) => s.shopId === shopId && s.eventType === eventType,
    );
    if (subscription) return [subscription.address];
    return this.opts.state.app.webhookUrl ? [this.opts.state.app.webhookUrl] : [];
  }

  private newDelivery(
    event: WebhookEvent,
    notificationId: string,
    address: string,
    body: string,
    duplicateOf: string | null,
  ): WebhookDelivery {
    const { appKey, appSecret } = this.opts.state.app;
    const delivery: WebhookDelivery = {
      id: `whd_${this.nextDeliveryId}`,
      notificationId,
      type: EVENT_TYPE_IDS[event.eventType],
      eventType: event.eventType,
      shopId: event.shopId,
      address,
      body,
      signature: signWebhook(appKey, appSecret, body),
      duplicateOf,
      state: 'queued',
      attempts: [],
      nextAttemptAt: null,
      createdAt: new Date(this.opts.clock.now()).toISOString(),
    };
    this.nextDeliveryId += 1;
    this.log.push(delivery);
    return delivery;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Starts the first attempt of everything queued (in reverse order when the reorder knob is on). */
  private flush(): void {
    this.flushScheduled = false;
    if (this.stopped) return;
    const batch = this.outbox.splice(0, this.outbox.length);
    if (this.opts.faults.reorderWebhooks) batch.reverse();
    for (const delivery of batch) this.attempt(delivery);
  }

  private attempt(delivery: WebhookDelivery): void {
    if (this.stopped) return;
    delivery.state = 'sending';
    delivery.nextAttemptAt = null;
    const previous = this.chains.get(delivery.address) ?? Promise.resolve();
    const run = previous.then(() => this.post(delivery));
    const tracked = run.finally(() => {
      this.inFlight.delete(tracked);
      if (this.chains.get(delivery.address) === run) this.chains.delete(delivery.address);
    });
    this.chains.set(delivery.address, run);
    this.inFlight.add(tracked);
  }

  private async post(delivery: WebhookDelivery): Promise<void> {
    const { clock, timeoutMs } = this.opts;
    const at = new Date(clock.now()).toISOString();
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.address, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: delivery.signature },
        body: delivery.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = response.status;
      await response.arrayBuffer();
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    const durationMs = Date.now() - started;
    delivery.attempts.push({ number: delivery.attempts.length + 1, at, statusCode, error, durationMs });
    if (statusCode === 200) {
      delivery.state = 'delivered';
    } else if (statusCode === 401) {
      delivery.state = 'rejected';
    } else {
      this.scheduleRetry(delivery);
    }
  }

  private scheduleRetry(delivery: WebhookDelivery): void {
    const { retryScheduleMs, timeScale, scheduler, clock } = this.opts;
    const delay = retryScheduleMs[delivery.attempts.length - 1];
    if (delay === undefined || this.stopped) {
      delivery.state = 'failed';
      return;
    }
    const dueAt = clock.now() + delay / timeScale;
    delivery.state = 'retry_scheduled';
    delivery.nextAttemptAt = new Date(dueAt).toISOString();
    scheduler.at(dueAt, () => this.attempt(delivery));
  }
}
