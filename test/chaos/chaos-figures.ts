/** Figures the chaos run prints: webhook traffic on TikTok's side and the bridge's durable state. */
import type { WebhookDelivery } from '../../sandbox/tiktok/src';
import { openStore } from '../../bridge/src/store/open-store';

export interface DeliveryFigures {
  notifications: number;
  /** Delivery log entries (one per notification and address; the duplicate knob adds more). */
  deliveries: number;
  attempts: number;
  failedAttempts: number;
  dropped: number;
  /** Orders of which TikTok never sent a single webhook (every notification dropped). */
  ordersNeverSent: string[];
}

export function deliveryFigures(
  log: readonly WebhookDelivery[],
  orderIds: Iterable<string>,
): DeliveryFigures {
  const sent = new Set<string>();
  for (const d of log) {
    if (d.state === 'dropped') continue;
    try {
      const orderId = (JSON.parse(d.body) as { data?: { order_id?: unknown } }).data?.order_id;
      if (typeof orderId === 'string') sent.add(orderId);
    } catch {
      // not an order event
    }
  }
  const attempts = log.flatMap((d) => d.attempts);
  return {
    notifications: new Set(log.map((d) => d.notificationId)).size,
    deliveries: log.length,
    attempts: attempts.length,
    failedAttempts: attempts.filter((a) => a.statusCode !== 200).length,
    dropped: log.filter((d) => d.state === 'dropped').length,
    ordersNeverSent: [...orderIds].filter((id) => !sent.has(id)),
  };
}

export interface BridgeStoreFigures {
  webhookInboxRows: number;
  jobs: number;
  jobsDone: number;
  /** Σ (attempts − 1) over jobs: job-level retries. */
  jobRetries: number;
  deadLetters: { kind: string; reason: string }[];
  /** Jobs still leased by a killed process (their lease has not expired yet). */
  strandedLeases: number;
  pending: number;
}

export async function bridgeStoreFigures(dbPath: string): Promise<BridgeStoreFigures> {
  const store = openStore(`sqlite:${dbPath}`);
  try {
    const jobs = await store.listJobs({ limit: 1_000_000 });
    return {
      webhookInboxRows: await store.countWebhooks(),
      jobs: jobs.length,
      jobsDone: jobs.filter((j) => j.state === 'done').length,
      jobRetries: jobs.reduce((n, j) => n + Math.max(0, j.attempts - 1), 0),
      deadLetters: jobs
        .filter((j) => j.state === 'dead')
        .map((j) => ({ kind: j.kind, reason: j.deadReason ?? '' })),
      strandedLeases: jobs.filter((j) => j.state === 'running').length,
      pending: jobs.filter((j) => j.state === 'pending').length,
    };
  } finally {
    await store.close();
  }
}
