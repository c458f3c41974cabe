import type { Sleep } from '../../core/sleep';
import type { Clock } from '../../../../shared-types/src/time/clock';
import type { HttpRequest, HttpResponse } from '../../net/http-transport';
import { TikTokApiCaller } from '../api-caller';
import { throttleDelay } from '../api-throttle';
import { RateLimiter } from '../rate-limiter';

/**
 * Throttling per shop and API (issue #11): a 429 on one API pauses that API for the shop and leaves
 * the others alone; per-API token buckets; TikTok's documented retry schedule when no hint is given.
 * Virtual time: sleeps are timers that fire in due order when the test advances.
 */
class VirtualTime implements Clock {
  private current = Date.parse('2026-01-15T12:00:00Z');
  readonly start = this.current;
  private timers: { at: number; seq: number; fire: () => void }[] = [];
  private seq = 0;

  now(): number {
    return this.current;
  }

  readonly sleep: Sleep = (ms) =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.current + Math.max(0, ms), seq: this.seq++, fire: resolve });
    });

  /** Lets every pending promise run, then fires timers in due order until nothing is left to do. */
  async runAll(): Promise<void> {
    for (;;) {
      for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (next === undefined) return;
      this.current = Math.max(this.current, next.at);
      next.fire();
    }
  }

  elapsed(): number {
    return this.current - this.start;
  }
}

const SHOP = '7494049642642441621';
const ok: HttpResponse = {
  status: 200,
  headers: {},
  text: JSON.stringify({ code: 0, message: 'Success', request_id: 'r', data: {} }),
};
const throttled = (headers: Record<string, string> = {}): HttpResponse => ({
  status: 429,
  headers,
  text: JSON.stringify({ code: 36009002, message: 'Too many requests', request_id: 'r', data: null }),
});

function setup(
  answer: (request: HttpRequest, path: string) => HttpResponse,
  limits = { rate: 1000, burst: 1000 },
) {
  const time = new VirtualTime();
  const sent: { path: string; at: number }[] = [];
  const caller = new TikTokApiCaller({
    appKey: 'k',
    appSecret: 's',
    baseUrl: 'https://open-api.example',
    clock: time,
    sleep: time.sleep,
    random: () => 0.5,
    maxRetries: 8,
    rateLimiter: new RateLimiter({
      ratePerSecond: limits.rate,
      burst: limits.burst,
      clock: time,
      sleep: time.sleep,
    }),
    send: async (request) => {
      const path = new URL(request.url).pathname;
      sent.push({ path, at: time.elapsed() });
      return answer(request, path);
    },
  });
  const call = (endpoint: string, path: string) =>
    caller.call({ endpoint, method: 'GET', path, accessToken: 't', shopCipher: 'c', rateLimitKey: SHOP });
  return { time, sent, call };
}

const DETAIL = '/order/202309/orders';
const WAREHOUSES = '/logistics/202309/warehouses';

describe('TikTok calls back off per API when throttled', () => {
  it("after a 429 with Retry-After on one API, that API's next call waits it out; another API's call goes at once", async () => {
    let detailCalls = 0;
    const { time, sent, call } = setup((_request, path) =>
      path === DETAIL && detailCalls++ === 0 ? throttled({ 'retry-after': '10' }) : ok,
    );
    const first = call('order.detail', DETAIL);
    // Let the first call meet the 429 before the others start.
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    const second = call('order.detail', DETAIL);
    const other = call('logistics.warehouses', WAREHOUSES);
    await time.runAll();
    await Promise.all([first, second, other]);
    expect(sent).toEqual([
      { path: DETAIL, at: 0 },
      { path: WAREHOUSES, at: 0 },
      // Nothing reaches the throttled API during the 10 s TikTok asked for.
      { path: DETAIL, at: 10_000 },
      { path: DETAIL, at: 10_000 },
    ]);
  });

  it("without a retry hint, waits follow TikTok's documented schedule min(1 s·2^n + jitter(0–0.5 s), 60 s)", async () => {
    let throttles = 8;
    const { time, sent, call } = setup((_request, path) =>
      path === DETAIL && throttles-- > 0 ? throttled() : ok,
    );
    const done = call('order.detail', DETAIL);
    await time.runAll();
    await done;
    const waits = sent.slice(1).map((s, i) => s.at - (sent[i]?.at ?? 0));
    // random() = 0.5 → jitter 250 ms.
    expect(waits).toEqual([1250, 2250, 4250, 8250, 16_250, 32_250, 60_000, 60_000]);
    expect(waits).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((n) => throttleDelay(n, () => 0.5)));
  });

  it('a success ends the streak: the next throttle waits from the start of the schedule again', async () => {
    const answers = [throttled(), throttled(), ok, throttled(), ok];
    const { time, sent, call } = setup(() => answers.shift() ?? ok);
    const first = call('order.detail', DETAIL);
    await time.runAll();
    await first;
    const second = call('order.detail', DETAIL);
    await time.runAll();
    await second;
    expect(sent.map((s) => s.at)).toEqual([0, 1250, 3500, 3500, 4750]);
  });

  it("each API has its own token bucket: a queue of calls to one API does not hold back another's", async () => {
    const { time, sent, call } = setup(() => ok, { rate: 2, burst: 2 });
    const calls = [0, 1, 2, 3, 4, 5].map(() => call('order.detail', DETAIL));
    calls.push(call('logistics.warehouses', WAREHOUSES));
    await time.runAll();
    await Promise.all(calls);
    expect(sent.filter((s) => s.path === WAREHOUSES)).toEqual([{ path: WAREHOUSES, at: 0 }]);
    expect(sent.filter((s) => s.path === DETAIL).map((s) => s.at)).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });
});
