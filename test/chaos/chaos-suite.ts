/**
 * The chaos run's assertions, for a plan (chaos-plan.ts): each account profile's test file runs them
 * against its own account and shop (issue #10), in its own Jest worker.
 */
import type { ChaosPlan } from './chaos-plan';
import { IMPORTABLE_KINDS, REQUEST_KINDS } from './chaos-plan';
import { formatChaosReport } from './chaos-report';
import { runChaos, type ChaosOutcome } from './chaos-run';
import { startChaosWorld, type ChaosWorld } from './chaos-world';

export function describeChaos(plan: ChaosPlan): void {
  let world: ChaosWorld;
  let outcome: ChaosOutcome;

  beforeAll(async () => {
    world = await startChaosWorld(plan);
    outcome = await runChaos(world, plan);
    console.log(formatChaosReport(outcome));
    // A hang guard, not a speed target: a run takes 2–4 minutes, longer on a busy machine.
  }, 600_000);

  afterAll(async () => {
    await world?.stop();
  });

  describe(`chaos in a ${plan.account.profile} account (${plan.account.shopRegion} shop): TikTok simulator → bridge child process (SIGKILLed) → NetSuite emulator`, () => {
    it('ran the faults it claims: kills, restarts, triplicated webhooks, TikTok and NetSuite rejections', () => {
      expect(outcome.kills.now + outcome.kills.afterRestletCommit).toBe(plan.kills.length);
      expect(outcome.kills.afterRestletCommit).toBeGreaterThan(0);
      expect(outcome.bridgeStarts).toBe(plan.kills.length + 1);
      expect(outcome.restartsInjected).toBe(plan.restarts.length);
      // A transient failure between the sales order's save and the inbox write, once or twice in a row.
      const armed = Math.floor(outcome.salesOrderSaves.saved / plan.inboxWriteFailures.every);
      expect(outcome.inboxWriteFailures.salesOrders).toBe(armed);
      expect(outcome.inboxWriteFailures.failedWrites).toBe(armed + Math.ceil(armed / 2));
      expect(outcome.inboxWriteFailures.retriesBroughtForward).toBeGreaterThan(0);
      expect(outcome.fanout.copiesSent).toBeGreaterThanOrEqual(
        outcome.fanout.received * plan.copiesPerWebhook,
      );
      expect(outcome.log.tiktokRetries).toBeGreaterThan(0);
      expect(outcome.netsuiteRejections).toBeGreaterThan(0);
      expect(outcome.peakRestletConcurrency).toBeLessThanOrEqual(plan.netsuite.concurrencyLimit);
    });

    it('settles: every order reaches an outcome before the deadline', () => {
      expect(outcome.settled).toBe(true);
    });

    it('creates exactly one sales order per paid order: none lost, none duplicated, none for other orders', () => {
      const importable = importableOf(plan);
      expect(outcome.tieOut.missing).toEqual([]);
      expect(outcome.tieOut.duplicates).toEqual([]);
      expect(outcome.tieOut.duplicatesByExternalId).toBe(0);
      expect(outcome.tieOut.duplicatesByPoNumber).toBe(0);
      expect(outcome.tieOut.unexpected).toEqual([]);
      expect(outcome.tieOut.importedOnce).toBe(importable);
      expect(outcome.tieOut.salesOrders).toBe(importable);
    });

    it('marks the inbox record of every order that got a sales order imported, linked to that sales order', () => {
      expect(outcome.tieOut.notMarkedImported).toEqual([]);
    });

    it('processes each order once while the scheduled and on-demand import runs overlap: one save per sales order, none refused as a duplicate', () => {
      const importable = importableOf(plan);
      expect(outcome.overlappingScheduledRuns).toBeGreaterThan(0);
      // The overlapping runs met the same orders: their maps found them claimed or done.
      expect(
        (outcome.importResults['not claimed: done'] ?? 0) + (outcome.importResults['not claimed: held'] ?? 0),
      ).toBeGreaterThan(0);
      expect(outcome.salesOrderSaves.duplicates).toBe(0);
      expect(outcome.salesOrderSaves.saved).toBe(importable);
    });

    it('leaves every other order a visible exception with a reason, including orders TikTok never sent', () => {
      const others = outcome.created.byId.size - importableOf(plan);
      expect(outcome.tieOut.invisible).toEqual([]);
      expect(outcome.deliveries.ordersNeverSent.length).toBeGreaterThan(0);
      const unresolved = new Set(
        [...outcome.tieOut.missing, ...outcome.tieOut.invisible].map((i) => i.orderId),
      );
      expect(outcome.deliveries.ordersNeverSent.filter((id) => unresolved.has(id))).toEqual([]);
      expect(Object.values(outcome.tieOut.exceptionsByState).reduce((a, b) => a + b, 0)).toBe(others);
    });

    it("ties every sales order out to TikTok's payment block in cents: merchandise, shipping, tax, total, units", () => {
      const t = outcome.tieOut;
      expect(t.examples).toEqual([]);
      expect(Object.values(t.gaps).every((g) => g.orders === 0)).toBe(true);
      expect(t.tiedOut).toBe(t.importedOnce);
    });

    // Only plans with fees, bundles and requests (the US account's; chaosPlanIn leaves them out).
    if (plan.feeRate > 0 && plan.bundleRate > 0) {
      it('includes orders with buyer-paid fees and virtual bundles, which tie out too (issue #11)', () => {
        expect(outcome.tieOut.tiedOutWithFees).toBeGreaterThan(0);
        expect(outcome.tieOut.tiedOutWithBundles).toBeGreaterThan(0);
      });
    }

    if (REQUEST_KINDS.every((kind) => plan.counts[kind] > 0))
      it('brings every buyer cancellation request to the same end in TikTok and NetSuite: answered, timed out, rejected by shipping (issue #11)', () => {
        const r = outcome.requests;
        expect(r.errors).toEqual([]);
        expect(r.unsettled).toEqual([]);
        expect(r.answered.accept).toBeGreaterThan(0);
        expect(r.answered.reject).toBeGreaterThan(0);
        expect(r.byKind['request-accepted']?.outcomes.SELLER_APPROVED ?? 0).toBeGreaterThan(0);
        expect(r.byKind['request-rejected']?.outcomes.SELLER_REJECTED ?? 0).toBeGreaterThan(0);
        expect(r.byKind['request-timeout']?.outcomes).toEqual({
          AUTO_APPROVED: plan.counts['request-timeout'],
        });
        expect(r.byKind['request-shipped']?.outcomes).toEqual({
          REJECTED_BY_SHIPMENT: plan.counts['request-shipped'],
        });
        // Every answer given in NetSuite reached TikTok as given (none failed): a request shown too
        // close to its deadline is left to TikTok, and an answer after it is refused at save.
        expect(r.answerRows.failed ?? 0).toBe(0);
        expect(r.answerRows.sent).toBe(r.answered.accept + r.answered.reject);
        expect(outcome.tieOut.tiedOutCancelled).toBeGreaterThan(0);
      });
  });
}

function importableOf(plan: ChaosPlan): number {
  return IMPORTABLE_KINDS.reduce((n, kind) => n + plan.counts[kind], 0);
}
