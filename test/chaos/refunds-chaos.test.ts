/**
 * The refunds chaos run at jest size (issue #18; `npm run chaos:refunds` runs 1,000 orders): 56 TikTok
 * orders, each refunded one of seven ways (refund-only of the order or of one line, shipping only, a
 * return whose buyer keeps the item, a replacement turned into a refund, a partial refund, a seller's
 * cancellation after payment) across the billing states (invoice open, invoice paid, cash sale, not
 * billed), with webhooks duplicated, reordered and lost, TikTok 429/5xx, two bridge SIGKILLs and import
 * map/reduce restarts. Every completed refund is exactly one document tying out to the cent; a paid
 * invoice's credit is paid out once; none lost.
 */
import { formatRefundsChaos, runRefundsChaos, type RefundsChaosReport } from './refunds-chaos-run';

let report: RefundsChaosReport;

beforeAll(async () => {
  report = await runRefundsChaos({
    orders: 56,
    seed: 1818,
    waves: 3,
    waveGapMs: 1500,
    settleTimeoutMs: 120_000,
    webhookWaitMs: 15_000,
  });
  console.log(formatRefundsChaos(report));
  // A hang guard, not a speed target.
}, 300_000);

describe('refunds chaos: TikTok refunds → NetSuite documents through a SIGKILLed bridge', () => {
  it('ran the faults and refund kinds it claims', () => {
    expect(report.ordersImported).toBe(56);
    expect(report.bridgeKills).toBe(2);
    expect(report.importRestarts).toBeGreaterThan(0);
    expect(Object.keys(report.byKind).sort()).toEqual(
      [
        'partial-refund',
        'refund-one-line',
        'refund-only',
        'replacement-refund',
        'return-keep-item',
        'seller-cancel',
        'shipping-only',
      ].sort(),
    );
    expect(Object.keys(report.byBilling).sort()).toEqual([
      'cash-sale',
      'invoice',
      'invoice-paid',
      'not-billed',
    ]);
    expect(report.customerRefunds).toBeGreaterThan(0);
  });

  it('books every completed refund exactly once, tying out to the cent, none lost', () => {
    expect(report.settled).toBe(true);
    expect(report.refundsCompleted).toBe(56);
    expect(report.lost).toEqual([]);
    expect(report.duplicated).toEqual([]);
    expect(report.notTyingOut).toEqual([]);
    expect(report.unpaidCredits).toEqual([]);
    expect(report.deadLetters).toBe(0);
  });
});
