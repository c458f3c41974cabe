/**
 * @NApiVersion 2.1
 * @NScriptType ScheduledScript
 * @NModuleScope SameAccount
 */
/**
 * Daily summary email (`customscript_tts_ss_daily_summary`, once a day on
 * `customdeploy_tts_ss_daily_summary`; issue #21 item 5): runs the doctor for every TikTok shop and
 * emails the shop's Notification Recipients when a check is broken
 * (lib/services/daily-summary-service.ts). Logs each shop's outcome; shops it had no usage left for
 * are logged as an error naming them (they wait for the next run).
 */
import * as log from 'N/log';
import type { EntryPoints } from 'N/types';
import { remainingUsage } from './lib/platform/governance';
import { summaryStoppedMessage } from '../../shared-types/src/doctor/daily-summary';
import { runDailySummary } from './lib/services/daily-summary-service';

export function execute(_context: EntryPoints.Scheduled.executeContext): void {
  const run = runDailySummary({ remaining: remainingUsage, nowMs: Date.now() });
  log.audit({ title: 'Daily summary', details: JSON.stringify(run.shops) });
  for (const shop of run.shops.filter((s) => s.outcome === 'failed')) {
    log.error({ title: `Daily summary not sent: ${shop.shop}`, details: shop.detail });
  }
  if (run.skipped.length > 0) {
    log.error({
      title: 'Daily summary stopped: usage',
      details: summaryStoppedMessage(run.shops.length, run.skipped),
    });
  }
}
