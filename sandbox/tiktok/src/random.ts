/** A small seeded PRNG (mulberry32) so generated ids, orders and fault injection are reproducible. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** True with probability p (0..1). */
  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  /** A string of n decimal digits whose first digit is not 0. */
  digits(n: number): string {
    let out = String(this.int(1, 9));
    for (let i = 1; i < n; i += 1) out += String(this.int(0, 9));
    return out;
  }

  /** n hex characters (lower case). */
  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i += 1) out += this.int(0, 15).toString(16);
    return out;
  }

  /** n characters from [A-Za-z0-9_-]. */
  token(n: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
    let out = '';
    for (let i = 0; i < n; i += 1) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }
}
