/**
 * Push inventory now / Force inventory resync (issue #14 item 3): when a save of the TikTok Shop
 * record ticks either, the inventory export is submitted at once (20 units) instead of waiting for
 * its 15-minute run; the export clears both when it has run (inventory-export-service.ts).
 */
import { readerOf } from '../dao/netsuite-record';
import type { NetSuiteRecord } from '../dao/netsuite-record';
import { inventoryTriggersOf } from '../mappers/shop-mapper';
import { submitInventoryExport } from '../platform/inventory-task';

type Readable = Parameters<typeof readerOf>[0];

/** True when the export was submitted. */
export function inventoryTriggerSet(
  type: string,
  newRecord: Readable | NetSuiteRecord,
  oldRecord: Readable | null,
): boolean {
  if (type !== 'create' && type !== 'edit' && type !== 'xedit') return false;
  const now = inventoryTriggersOf(readerOf(newRecord));
  const before =
    oldRecord === null ? { force: false, pushNow: false } : inventoryTriggersOf(readerOf(oldRecord));
  const ticked = (now.force && !before.force) || (now.pushNow && !before.pushNow);
  return ticked ? submitInventoryExport() : false;
}
