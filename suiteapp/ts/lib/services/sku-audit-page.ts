/**
 * The SKU audit page (`customscript_tts_sl_sku_audit`, issue #19): for one shop (`?shop=<TikTok shop
 * id>`, default the first), every active item's SKU against the TikTok SKUs of the shop's last full
 * catalog pass (the `catalog.snapshot` files), as shared-types/src/catalog/sku-audit.ts judges them,
 * each finding with its fix. Read only: a GET changes nothing.
 *
 * Usage: shops 10 + items 10 per 5,000 + snapshot 10 per part of 5,000 SKUs; 2,000 items and SKUs: 30.
 */
import type * as http from 'N/http';
import * as serverWidget from 'N/ui/serverWidget';
import * as url from 'N/url';
import type { CatalogSnapshotRequest } from '../../../../shared-types/src/catalog/products-upsert';
import { snapshotFileName } from '../../../../shared-types/src/catalog/products-upsert';
import { auditSkus } from '../../../../shared-types/src/catalog/sku-audit';
import { auditHtml, escapeHtml, tiktokSideOf } from '../../../../shared-types/src/catalog/sku-audit-page';
import {
  SKU_AUDIT_SUITELET_DEPLOYMENT_ID,
  SKU_AUDIT_SUITELET_ID,
} from '../../../../shared-types/src/netsuite/netsuite-ids';
import { listAuditItems, listAuditShops } from '../dao/catalog-dao';
import { loadSuiteScriptsFile } from '../dao/file-dao';

type SnapshotPart = Omit<CatalogSnapshotRequest, 'action'>;

function readPart(shopId: string, part: number): SnapshotPart | null {
  const text = loadSuiteScriptsFile(snapshotFileName(shopId, part));
  if (text === null) return null;
  try {
    return JSON.parse(text) as SnapshotPart;
  } catch {
    return null;
  }
}

/** Part 0, then as many more as it says the pass wrote. */
function readTikTokSide(shopId: string): ReturnType<typeof tiktokSideOf> {
  const first = readPart(shopId, 0);
  const parts: (SnapshotPart | null)[] = [first];
  for (let i = 1; first !== null && i < first.parts; i += 1) parts.push(readPart(shopId, i));
  return tiktokSideOf(parts);
}

function shopLink(shopId: string): string {
  return url.resolveScript({
    scriptId: SKU_AUDIT_SUITELET_ID,
    deploymentId: SKU_AUDIT_SUITELET_DEPLOYMENT_ID,
    params: { shop: shopId },
  });
}

export function handleSkuAuditRequest(request: http.ServerRequest, response: http.ServerResponse): void {
  const form = serverWidget.createForm({ title: 'TikTok Shop SKU Audit' });
  const field = form.addField({
    id: 'custpage_audit',
    type: serverWidget.FieldType.INLINEHTML,
    label: 'Audit',
  });
  const shops = listAuditShops();
  const wanted = (request.parameters as Record<string, string | undefined>).shop;
  const shop = shops.find((s) => s.shopId === wanted) ?? shops[0];
  if (shop === undefined) {
    field.defaultValue =
      '<p>No TikTok shop is connected yet: connect one from the bridge, then open this page again.</p>';
    response.writePage({ pageObject: form });
    return;
  }
  const others = shops
    .filter((s) => s.shopId !== shop.shopId)
    .map((s) => `<a href="${escapeHtml(shopLink(s.shopId))}">${escapeHtml(s.name)}</a>`);
  const items = listAuditItems();
  const tiktok = readTikTokSide(shop.shopId);
  field.defaultValue = `${others.length > 0 ? `<p>Other shops: ${others.join(' · ')}</p>` : ''}${auditHtml({
    shopName: shop.name,
    findings: auditSkus(items, tiktok?.skus ?? null),
    itemCount: items.length,
    tiktok,
  })}`;
  response.writePage({ pageObject: form });
}
