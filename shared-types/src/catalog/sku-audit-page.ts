/**
 * The SKU audit page's content (suiteapp/ts/lib/services/sku-audit-page.ts shows it): the TikTok side
 * read back from its snapshot parts (all parts of one pass, or none), and the findings as an HTML table,
 * every text cell escaped (SKUs and titles come from TikTok and from users).
 */
import type { CatalogSnapshotRequest } from './products-upsert';
import { AUDIT_CATEGORY_LABELS, type AuditFinding, type TikTokSkuRow } from './sku-audit';

export interface TikTokSide {
  takenAt: number;
  skus: TikTokSkuRow[];
}

/**
 * The TikTok side from the stored parts (part 0 first): null when part 0 is missing or a part of the
 * same pass is missing or from another pass (a pass still being written).
 */
export function tiktokSideOf(
  parts: readonly (Omit<CatalogSnapshotRequest, 'action'> | null)[],
): TikTokSide | null {
  const first = parts[0];
  if (first === null || first === undefined) return null;
  if (parts.length < first.parts) return null;
  const wanted = parts.slice(0, first.parts);
  if (wanted.some((p, i) => p === null || p.takenAt !== first.takenAt || p.part !== i)) return null;
  return { takenAt: first.takenAt, skus: wanted.flatMap((p) => (p === null ? [] : p.skus)) };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function auditHtml(input: {
  shopName: string;
  findings: readonly AuditFinding[];
  itemCount: number;
  tiktok: TikTokSide | null;
}): string {
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const warnings = input.findings.length - errors;
  const side =
    input.tiktok === null
      ? '<p><b>TikTok side not read yet.</b> The connector stores TikTok&#39;s SKUs after a full catalog pass (the first Pull products from TikTok pass, or one run by ticking Force product catalog resync on the shop); until then only NetSuite&#39;s own findings are shown.</p>'
      : `<p>TikTok side: ${input.tiktok.skus.length} SKUs as read on ${escapeHtml(new Date(input.tiktok.takenAt * 1000).toISOString())} (tick Force product catalog resync to read it again).</p>`;
  const rows = input.findings
    .map(
      (f) =>
        `<tr><td>${f.severity === 'error' ? 'Error' : 'Warning'}</td><td>${escapeHtml(AUDIT_CATEGORY_LABELS[f.category])}</td><td>${f.skus
          .map((s) => `<code>${escapeHtml(JSON.stringify(s))}</code>`)
          .join(
            ' ',
          )}</td><td>${escapeHtml(f.itemIds.join(', '))}</td><td>${escapeHtml(f.tiktokSkuIds.join(', '))}</td><td>${escapeHtml(f.problem)}</td><td>${escapeHtml(f.fix)}</td></tr>`,
    )
    .join('');
  const table =
    input.findings.length === 0
      ? '<p>No findings: every SKU is unique on each side and matches exactly.</p>'
      : `<table border="1" cellpadding="4"><tr><th>Severity</th><th>Finding</th><th>SKU</th><th>NetSuite items</th><th>TikTok SKU ids</th><th>Problem</th><th>Fix</th></tr>${rows}</table>`;
  return `<p>Shop ${escapeHtml(input.shopName)}: ${input.itemCount} active items read; ${errors} error(s), ${warnings} warning(s). Matching is exact (case and spaces included); an item&#39;s SKU is its TikTok SKU field when set, else its Item Name/Number.</p>${side}${table}`;
}
