/**
 * The doctor as NetSuite runs it (issue #21), shared by the connector home
 * (`customscript_tts_sl_home`) and the daily summary email (`customscript_tts_ss_daily_summary`):
 * the account's facts read once (bridge heartbeats, orders in error and imported, payment methods,
 * locations, the items' SKUs, the sync log's governance entries of the last day, the SuiteApp's
 * script deployments), each shop's doctor input from its record, its TikTok warehouses, its catalog
 * choices and Product Push Blocked, and the addresses of the checks' links.
 *
 * Usage: 75 units for the account (five queries 50, the governance count 5, the deployments 10, the
 * items' SKUs 10 per 5,000 active items), then 12 per shop (more with a Push Price Level or Push Saved
 * Search: doctorInputOf).
 */
import * as url from 'N/url';
import type { DoctorInput, DoctorLink } from '../../../../shared-types/src/doctor/doctor-checks';
import {
  EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
  EXCEPTIONS_SUITELET_ID,
} from '../../../../shared-types/src/netsuite/netsuite-ids';
import { MAX_RETRY_IDS } from '../../../../shared-types/src/contract/restlet-contract';
import { matchSkuOf } from '../../../../shared-types/src/catalog/catalog-plan';
import { unreleasedDeployments } from '../../../../shared-types/src/doctor/script-deployments';
import { listBridgeStatus } from '../dao/bridge-status-dao';
import { listAuditItems, lookupCatalogChoices } from '../dao/catalog-dao';
import { listInboxForReview } from '../dao/inbox-review-dao';
import { listLocationsForSuggestions } from '../dao/location-dao';
import { countRecentGovernanceEntries } from '../dao/log-dao';
import { listPaymentMethods } from '../dao/payment-method-dao';
import { listConnectorDeployments } from '../dao/script-deployment-dao';
import { findWarehousesOfShop } from '../dao/warehouse-dao';
import type { BridgeStatusRow } from '../mappers/bridge-status-mapper';
import type { DoctorShopRow } from '../mappers/shop-mapper';
import { pushSetupProblem } from './product-push-service';
import { RETRYABLE_STATES } from './retry-service';

const IMPORTED_COUNTED = 200;

function countBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** What the doctor reads once for the whole account. */
export interface AccountFacts {
  statusByShop: Map<string, BridgeStatusRow>;
  inboxErrors: Map<string, number>;
  imported: Map<string, number>;
  paymentMethods: ReturnType<typeof listPaymentMethods>;
  locations: ReturnType<typeof listLocationsForSuggestions>;
  /** Every active item's SKU as the order import matches it (its Channel SKU, else its own). */
  channelSkus: { itemId: string; sku: string }[];
  /** Sync log entries of the last day saying a script ran low on usage units. */
  governanceWarnings: number;
  /** The SuiteApp's deployments that will not run, each with why. */
  unreleasedScripts: string[];
}

/**
 * The account's facts every shop's doctor shares (five queries 50, the governance count 5, the
 * deployments search 10, the items' SKUs 10 per 5,000 active items).
 */
export function readDoctorAccount(): AccountFacts {
  const statusByShop = new Map<string, BridgeStatusRow>();
  for (const row of listBridgeStatus())
    if (row.shopRecordId !== null) statusByShop.set(row.shopRecordId, row);
  return {
    statusByShop,
    inboxErrors: countBy(listInboxForReview(RETRYABLE_STATES, MAX_RETRY_IDS), (r) => r.shopName),
    imported: countBy(listInboxForReview(['imported'], IMPORTED_COUNTED), (r) => r.shopName),
    paymentMethods: listPaymentMethods(),
    locations: listLocationsForSuggestions(),
    channelSkus: listAuditItems().map((item) => ({ itemId: item.id, sku: matchSkuOf(item) })),
    governanceWarnings: countRecentGovernanceEntries(),
    unreleasedScripts: unreleasedDeployments(listConnectorDeployments()),
  };
}

/**
 * One shop's doctor input: its settings, what NetSuite holds and its last heartbeat (one query and two
 * lookups, 12 units; 20 more with a Push Price Level, 5 more with a Push Saved Search).
 */
export function doctorInputOf(shop: DoctorShopRow, account: AccountFacts, nowMs: number): DoctorInput {
  const status = account.statusByShop.get(shop.settings.recordId);
  const warehouses = findWarehousesOfShop(shop.settings.recordId);
  const catalog = lookupCatalogChoices(shop.settings.recordId);
  const filter = new Set(shop.settings.locationFilter);
  const filteredLocations = account.locations.filter(
    (l) => !l.inactive && (filter.size === 0 || filter.has(l.locationId)),
  ).length;
  return {
    nowMs,
    shop: { shopId: shop.shopId, name: shop.name, region: shop.region },
    settings: {
      ...shop.settings,
      catalogSourceNetSuite: catalog.netsuiteSide,
      catalogSourceTikTok: catalog.tiktokSide,
      pushBlock: catalog.pushBlock,
      pushSetup: pushSetupProblem(shop.settings.recordId, shop.name),
    },
    netsuite: {
      paymentMethods: account.paymentMethods,
      filteredLocations,
      warehouses: {
        total: warehouses.length,
        linked: warehouses.filter((w) => w.locationId !== null || w.locationIds.length > 0).length,
      },
      inboxErrors: account.inboxErrors.get(shop.name) ?? 0,
      importedOrders: account.imported.get(shop.name) ?? 0,
      channelSkus: account.channelSkus,
      governanceWarnings: account.governanceWarnings,
      unreleasedScripts: account.unreleasedScripts,
    },
    bridge:
      status?.facts === null || status?.facts === undefined || status.receivedAtMs === null
        ? null
        : { facts: status.facts, receivedAtMs: status.receivedAtMs },
  };
}

/** The shop a link is resolved for. */
export interface LinkShop {
  recordId: string | null;
  shopId: string;
}

/**
 * Addresses of the doctor's links: the shop record in edit mode, a NetSuite page, the exceptions
 * page or the bridge (its URL from the shop's heartbeat); null when there is none. NetSuite
 * addresses are relative to the account's domain.
 */
export function doctorLinkResolver(bridgeUrl: (shop: LinkShop) => string | null) {
  return (link: DoctorLink, shop: LinkShop): string | null => {
    switch (link.kind) {
      case 'shop-field':
        return shop.recordId === null
          ? null
          : url.resolveRecord({
              recordType: 'customrecord_tts_shop',
              recordId: shop.recordId,
              isEditMode: true,
            });
      case 'netsuite':
        return link.path;
      case 'exceptions':
        return url.resolveScript({
          scriptId: EXCEPTIONS_SUITELET_ID,
          deploymentId: EXCEPTIONS_SUITELET_DEPLOYMENT_ID,
        });
      case 'bridge': {
        const base = bridgeUrl(shop);
        return base === null ? null : `${base.replace(/\/+$/, '')}${link.path}`;
      }
    }
  };
}
