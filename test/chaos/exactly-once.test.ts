import { CHAOS_PLAN } from './chaos-plan';
import { describeChaos } from './chaos-suite';

/**
 * Exactly-once under chaos (reference B8 24–27): 2,000 paid TikTok orders plus orders that must
 * never become sales orders, every webhook delivered three times and out of order, 10% TikTok 5xx
 * and 10% 429, NetSuite's concurrency limit, the bridge process SIGKILLed four times (twice right
 * after NetSuite committed an upsert the bridge never heard back about), app-server restarts in
 * the import map stage, the every-15-minutes import running interleaved with the on-demand ones
 * (issue #9), and a transient failure between the sales order's save and the inbox write for one
 * order in 40 (issue #23). At the end every paid order is exactly one sales order — counted by
 * externalid and by PO # — saved once, whose money matches TikTok's payment block and whose inbox
 * record is imported; every other order is a visible exception.
 */
describeChaos(CHAOS_PLAN);
