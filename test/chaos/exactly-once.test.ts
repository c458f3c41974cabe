import { CHAOS_PLAN } from './chaos-plan';
import { describeChaos } from './chaos-suite';

/**
 * Exactly-once under chaos (README.md, Benchmarks: "Exactly-once under faults"): 2,000 paid TikTok orders plus orders that must
 * never become sales orders, every webhook delivered three times and out of order, 10% TikTok 5xx
 * and 10% 429, NetSuite's concurrency limit, the bridge process SIGKILLed four times (twice right
 * after NetSuite committed an upsert the bridge never heard back about), app-server restarts in
 * the import map stage, the every-15-minutes import running interleaved with the on-demand ones
 * (issue #9), and a transient failure between the sales order's save and the inbox write for one
 * order in 40 (issue #23). The orders (issue #11) include buyer-paid fees (a quarter of them),
 * virtual bundles (imported as their components) and buyer cancellation requests made once the order
 * is a sales order: accepted or rejected on the sales order and sent by `sync outbox`, left to time
 * out (TikTok approves them at the deadline), or rejected by the package shipping. At the end every
 * paid order is exactly one sales order — counted by externalid and by PO # — saved once, whose money
 * matches TikTok's payment block (an order TikTok cancelled: every line closed) and whose inbox
 * record is imported; no request is left pending or shown; every other order is a visible exception.
 */
describeChaos(CHAOS_PLAN);
