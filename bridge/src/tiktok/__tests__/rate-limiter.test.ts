import { TestClock } from '../../../../test/support/test-clock';
import { RateLimiter } from '../rate-limiter';
import { MemoryCoordination } from '../../store/sqlite/coordination';

describe('RateLimiter (token bucket per shop)', () => {
  it('lets a burst through, then spaces calls at the rate, per key', async () => {
    const clock = new TestClock();
    const limiter = new RateLimiter({ ratePerSecond: 2, burst: 3, clock, sleep: clock.sleep });
    const start = clock.now();
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await limiter.acquire('shop-a');
      times.push(clock.now() - start);
    }
    expect(times).toEqual([0, 0, 0, 500, 1000]);
    await limiter.acquire('shop-b');
    expect(clock.now() - start).toBe(1000);
  });

  it('serves concurrent waiters in order without over-admitting', async () => {
    const clock = new TestClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, burst: 1, clock, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => limiter.acquire('s').then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(300);
  });

  it("with the store's buckets, limiters of two instances share one bucket per key (issue #22)", async () => {
    const clock = new TestClock();
    const shared = new MemoryCoordination();
    const options = { ratePerSecond: 2, burst: 3, clock, sleep: clock.sleep, shared };
    const [a, b] = [new RateLimiter(options), new RateLimiter(options)];
    const start = clock.now();
    const times: number[] = [];
    for (const limiter of [a, b, a, b, a]) {
      await limiter.acquire('shop-a');
      times.push(clock.now() - start);
    }
    // The same spacing as one limiter: the two together never pass more than the burst and rate.
    expect(times).toEqual([0, 0, 0, 500, 1000]);
  });
});
