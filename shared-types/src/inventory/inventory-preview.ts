/**
 * The inventory preview (issue #16 item 3): what the next export would send per seller SKU and
 * TikTok warehouse, and why — which locations were added up, which rule made the quantity and which
 * buffer was kept back — as rows the Suitelet (`suiteapp/ts/lib/services/inventory-preview-page.ts`)
 * lists. It is the export's own explanation (`inventory-export.ts`, `explained`), so the preview never
 * disagrees with the export.
 */
import type { AvailabilityOptions } from './availability-options';
import type { ExplainedPair } from './inventory-export';

export interface PreviewRow {
  sellerSku: string;
  itemId: string;
  warehouseId: string;
  /** The quantity as text: the number, or "not sent". */
  quantity: string;
  /** "sent at the next run", "unchanged (not sent again)" or why the SKU is never sent. */
  next: string;
  rule: string;
  locations: string;
  buffer: string;
}

export interface PreviewFilter {
  /** Only SKUs containing this text (case-insensitive); empty: all. */
  sku?: string;
  /** Only the pairs the next run sends. */
  changedOnly?: boolean;
  /** Most rows listed. */
  limit: number;
}

/** How a rule made the quantity, in an admin's words. */
export function describeRule(
  rule: ExplainedPair['rule'],
  options: Pick<AvailabilityOptions, 'includeOnOrder' | 'includeInTransit'>,
): string {
  const extras = [
    ...(options.includeOnOrder ? ['+ on order'] : []),
    ...(options.includeInTransit ? ['+ in transit'] : []),
  ];
  const available = `available (on hand − committed${extras.length > 0 ? ` ${extras.join(' ')} − back-ordered` : ''})`;
  switch (rule) {
    case 'stock':
      return `Sum of ${available} at the linked locations`;
    case 'single_quantity':
      return `The item's single ${available} (no Multi-Location Inventory)`;
    case 'not_the_single_quantity_warehouse':
      return '0: without Multi-Location Inventory only one warehouse (the TikTok default) shows the quantity';
    case 'kit_members':
      return `Kit / item group: lowest over its members of ${available} ÷ quantity per kit`;
    case 'assembly_stock_and_buildable':
      return `Assembly: built stock + what its components can build (Count Buildable Assemblies)`;
    case 'inactive_zero':
      return '0: the item is inactive (Push Inactive Items as Out of Stock)';
    case 'discontinued_zero':
      return '0: the item is ticked Discontinued on TikTok';
    case 'do_not_sync':
      return 'Not sent: the item is ticked Do Not Sync Inventory to TikTok';
    case 'matrix_parent':
      return 'Not sent: a matrix parent (its child items are the SKUs)';
    case 'inactive_left_alone':
      return 'Not sent: the item is inactive or discontinued and Push Inactive Items as Out of Stock is off';
  }
}

/** The preview's rows, SKU then warehouse order, filtered and capped; `total` counts before the cap. */
export function previewRows(
  explained: readonly ExplainedPair[],
  options: Pick<AvailabilityOptions, 'includeOnOrder' | 'includeInTransit'>,
  locationNames: Readonly<Record<string, string>>,
  filter: PreviewFilter,
): { rows: PreviewRow[]; total: number } {
  const needle = (filter.sku ?? '').trim().toLowerCase();
  const picked = explained
    .filter((e) => needle === '' || e.sellerSku.toLowerCase().includes(needle))
    .filter((e) => !filter.changedOnly || e.changed)
    .sort((a, b) =>
      a.sellerSku < b.sellerSku
        ? -1
        : a.sellerSku > b.sellerSku
          ? 1
          : (a.warehouseId ?? '') < (b.warehouseId ?? '')
            ? -1
            : 1,
    );
  const rows = picked.slice(0, filter.limit).map((e): PreviewRow => {
    const sent = e.quantity !== null;
    return {
      sellerSku: e.sellerSku,
      itemId: e.itemId,
      warehouseId: e.warehouseId ?? '—',
      quantity: sent ? String(e.quantity) : 'not sent',
      next: !sent ? 'never sent' : e.changed ? 'sent at the next run' : 'unchanged (not sent again)',
      rule: describeRule(e.rule, options),
      locations: e.locationIds.map((id) => `${locationNames[id] ?? 'location'} (${id})`).join(', '),
      buffer: !sent
        ? ''
        : `${e.buffer} of ${e.available} available (${e.bufferSource === 'item' ? "item's TikTok Inventory Buffer" : "shop's Inventory Safety Buffer"})`,
    };
  });
  return { rows, total: picked.length };
}
