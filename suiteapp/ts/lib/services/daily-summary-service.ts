/**
 * The daily summary email (issue #21 item 5; `customscript_tts_ss_daily_summary`): runs the doctor
 * for every shop, as the connector home does (doctor-service.ts), and sends one email per shop with
 * a broken check to its Notification Recipients, from the first employee listed
 * (shared-types/src/doctor/daily-summary.ts composes it). Nothing is sent for a shop where nothing
 * is broken.
 *
 * Usage: 60 units for the account (the shop query and the account's facts), then per shop 11 for
 * the doctor and 20 for an email (measured in test/integration/doctor-summary.test.ts). A shop is
 * started only when its units fit beside the reserve (`canStartSummaryShop`); the shops left over are
 * named in the result (the script logs them: they wait for the next day's run).
 */
import * as url from 'N/url';
import { runDoctor } from '../../../../shared-types/src/doctor/doctor-checks';
import type { DoctorLink } from '../../../../shared-types/src/doctor/doctor-checks';
import { canStartSummaryShop, planDailySummary } from '../../../../shared-types/src/doctor/daily-summary';
import {
  HOME_SUITELET_DEPLOYMENT_ID,
  HOME_SUITELET_ID,
} from '../../../../shared-types/src/doctor/connector-home';
import { listDoctorShops } from '../dao/shop-dao';
import { sendEmail } from '../platform/email';
import { doctorInputOf, doctorLinkResolver, readDoctorAccount } from './doctor-service';

export interface ShopSummaryResult {
  shop: string;
  broken: number;
  /** `sent` to n recipients, or why nothing was sent. */
  outcome: 'sent' | 'not_sent' | 'failed';
  detail: string;
}

export interface DailySummaryRun {
  shops: ShopSummaryResult[];
  /** Shops not looked at: the run ran out of usage before them. */
  skipped: string[];
}

/** An absolute address on the account's NetSuite domain for a relative one. */
function absolute(domain: string, address: string | null): string | null {
  if (address === null) return null;
  return address.startsWith('/') ? `https://${domain}${address}` : address;
}

export function runDailySummary(options: { remaining: () => number; nowMs: number }): DailySummaryRun {
  const shops = listDoctorShops();
  const run: DailySummaryRun = { shops: [], skipped: [] };
  if (shops.length === 0) return run;
  const account = readDoctorAccount();
  const domain = url.resolveDomain({ hostType: url.HostType.APPLICATION });
  const homeUrl = absolute(
    domain,
    url.resolveScript({ scriptId: HOME_SUITELET_ID, deploymentId: HOME_SUITELET_DEPLOYMENT_ID }),
  );
  const date = new Date(options.nowMs).toISOString().slice(0, 10);
  for (const [index, shop] of shops.entries()) {
    if (!canStartSummaryShop(options.remaining())) {
      run.skipped = shops.slice(index).map((s) => s.name);
      break;
    }
    const bridgeUrl = account.statusByShop.get(shop.settings.recordId)?.bridgeUrl ?? null;
    const resolve = doctorLinkResolver(() => bridgeUrl);
    const linkShop = { recordId: shop.settings.recordId, shopId: shop.shopId };
    const findings = runDoctor(doctorInputOf(shop, account, options.nowMs));
    const plan = planDailySummary({
      shop: { shopId: shop.shopId, name: shop.name },
      findings,
      recipientsText: shop.notify,
      linkOf: (link: DoctorLink) => absolute(domain, resolve(link, linkShop)),
      homeUrl,
      date,
    });
    if (!plan.send) {
      run.shops.push({ shop: shop.name, broken: plan.broken, outcome: 'not_sent', detail: plan.reason });
      continue;
    }
    try {
      sendEmail(plan.mail);
      run.shops.push({
        shop: shop.name,
        broken: plan.broken,
        outcome: 'sent',
        detail: `sent to ${plan.mail.recipients.length} recipient(s)`,
      });
    } catch (e) {
      // One shop's refused email (an id that is not an employee, an entity without an address) stops only it.
      run.shops.push({
        shop: shop.name,
        broken: plan.broken,
        outcome: 'failed',
        detail: `NetSuite refused the email: ${e instanceof Error ? e.message : String(e)}; check Notification Recipients (the first employee id is the sender)`,
      });
    }
  }
  return run;
}
