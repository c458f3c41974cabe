/**
 * The doctor's alert hook (issue #21): when `ALERT_WEBHOOK_URL` is set, the bridge POSTs one JSON
 * alert there each time a shop's authorization is expiring or lost, jobs are given up (dead
 * letters) or TikTok orders pass their ship-by deadline — the doctor's checks
 * (shared-types/src/doctor/doctor-checks.ts) `tiktok-authorization`, `authorization-expiry`,
 * `dead-letters` and `late-dispatch` — and again only when what it says changes, so a chat channel
 * or pager gets one message per problem, not one per pass. A failed POST is logged and retried on
 * the next pass.
 */
import type { Logger } from 'pino';
import type { DoctorFinding } from '../../../shared-types/src/doctor/doctor-checks';
import type { HttpSend } from '../net/http-transport';
import type { DoctorReport } from './bridge-doctor';

/** The checks that alert. */
export const ALERTING_CHECKS: readonly string[] = [
  'tiktok-authorization',
  'authorization-expiry',
  'dead-letters',
  'late-dispatch',
];

export interface Alert {
  shopId: string;
  shop: string;
  check: string;
  title: string;
  result: DoctorFinding['result'];
  detail: string;
  fix: string;
  /** ISO time of the pass that found it. */
  at: string;
}

export class AlertHook {
  /** What was last said per shop and check (result + detail); absent: all well. */
  private readonly said = new Map<string, string>();

  constructor(
    private readonly url: string,
    private readonly send: HttpSend,
    private readonly logger: Logger,
  ) {}

  /** The alerts a report raises that were not sent yet; marks nothing. */
  pending(report: DoctorReport, nowMs: number): Alert[] {
    const alerts: Alert[] = [];
    for (const shop of report.shops) {
      for (const f of shop.findings) {
        if (!ALERTING_CHECKS.includes(f.id)) continue;
        const key = `${shop.shopId}:${f.id}`;
        if (f.result !== 'broken' && f.result !== 'warn') {
          this.said.delete(key);
          continue;
        }
        if (this.said.get(key) === `${f.result}:${f.detail}`) continue;
        alerts.push({
          shopId: shop.shopId,
          shop: shop.name,
          check: f.id,
          title: f.title,
          result: f.result,
          detail: f.detail,
          fix: f.fix,
          at: new Date(nowMs).toISOString(),
        });
      }
    }
    return alerts;
  }

  /** Sends the new alerts of a report; the number sent. */
  async notify(report: DoctorReport, nowMs: number): Promise<number> {
    let sent = 0;
    for (const alert of this.pending(report, nowMs)) {
      try {
        const response = await this.send({
          method: 'POST',
          url: this.url,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            text: `${alert.shop}: ${alert.title} — ${alert.detail}. Fix: ${alert.fix}`,
            ...alert,
          }),
          timeoutMs: 10_000,
        });
        if (response.status < 200 || response.status >= 300) {
          this.logger.warn(
            { status: response.status, check: alert.check },
            'alert webhook refused the alert; retried next pass',
          );
          continue;
        }
        this.said.set(`${alert.shopId}:${alert.check}`, `${alert.result}:${alert.detail}`);
        sent += 1;
      } catch (error) {
        this.logger.warn(
          { err: error instanceof Error ? error.message : String(error), check: alert.check },
          'alert webhook unreachable; retried next pass',
        );
      }
    }
    return sent;
  }
}
