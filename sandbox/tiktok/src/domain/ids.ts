/**
 * Id shapes of TikTok's samples (TikTok's API samples): all JSON strings of digits, order ids 18 digits,
 * product/SKU/shop/warehouse/package/cancel ids 19 digits; ciphers and tokens carry a `ROW_` prefix.
 */
import type { Random } from '../random';

export class IdFactory {
  private readonly issued = new Set<string>();

  constructor(private readonly random: Random) {}

  private unique(make: () => string): string {
    for (;;) {
      const id = make();
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  private numeric(prefix: string, length: number): string {
    return this.unique(() => prefix + this.random.digits(length - prefix.length + 1).slice(1));
  }

  orderId(): string {
    return this.numeric('576', 18);
  }
  lineItemId(): string {
    return this.numeric('577', 18);
  }
  productId(): string {
    return this.numeric('1729', 19);
  }
  skuId(): string {
    return this.numeric('1730', 19);
  }
  shopId(): string {
    return this.numeric('7494', 19);
  }
  warehouseId(): string {
    return this.numeric('7000', 19);
  }
  packageId(): string {
    return this.numeric('1152', 19);
  }
  cancelId(): string {
    return this.numeric('4035', 19);
  }
  returnId(): string {
    return this.numeric('4036', 19);
  }
  userId(): string {
    return this.numeric('7021', 19);
  }
  notificationId(): string {
    return this.numeric('7327', 19);
  }
  openId(): string {
    return this.numeric('7010', 19);
  }
  genericId(): string {
    return this.numeric('6617', 19);
  }
  cipher(): string {
    return this.unique(() => `ROW_${this.random.token(28)}`);
  }
  shopCode(region: string): string {
    return this.unique(
      () =>
        `${region}LC${this.random
          .token(8)
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, 'X')}`,
    );
  }
  accessToken(): string {
    return this.unique(() => `ROW_${this.random.token(96)}`);
  }
  authCode(): string {
    return this.unique(() => `ROW_${this.random.token(64)}`);
  }
  /** Anonymised buyer relay address (e.g. `v2b2V5@chat.seller.tiktok.com`). */
  buyerEmail(): string {
    return this.unique(() => `${this.random.token(6).replace(/[_-]/g, 'x')}@chat.seller.tiktok.com`);
  }
  /** `YYYYMMDDhhmmss` + 20 upper-case hex characters. */
  requestId(at: Date): string {
    const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return `${stamp}${this.random.hex(20).toUpperCase()}`;
  }
}
