/**
 * What the inventory export reads and keeps (issue #14): every inventory item's and assembly's
 * balances in one paged item search (5 + 5 units per 1,000 rows: per item and location with
 * Multi-Location Inventory, the item's single quantity without it; fields: mappers/item-mapper.ts),
 * every kit's, item group's and assembly's members in a second one (issue #16), the shops'
 * inventory settings (one SuiteQL, 10), and the export's state per shop as two JSON files in the
 * File Cabinet's SuiteScripts folder (`file.load` 10, `File.save` 20; NetSuite help, N/file
 * governance): `tts_inventory_<shopId>.json`, written only by the export, and
 * `tts_inventory_<shopId>_acks.json`, written only by `inventory.ack`, so neither overwrites the other.
 */
import * as file from 'N/file';
import type { InventoryBalance } from '../../../../shared-types/src/inventory/availability';
import type { ItemMember } from '../../../../shared-types/src/inventory/availability-options';
import type { InventoryItemRow } from '../../../../shared-types/src/inventory/inventory-export';
import {
  ASSEMBLY_ITEM_TYPE,
  GROUP_ITEM_TYPE,
  INVENTORY_ITEM_TYPE,
  inventoryBalanceColumns,
  inventoryBalanceFromResult,
  inventoryItemFromResult,
  ITEM,
  ITEM_MEMBER_COLUMNS,
  itemMemberFromResult,
  KIT_ITEM_TYPE,
} from '../mappers/item-mapper';
import type { ShopInventorySettings } from '../mappers/shop-mapper';
import {
  clearInventoryTriggersWrites,
  INVENTORY_SETTINGS_QUERY,
  inventorySettingsFromRow,
  SHOP,
} from '../mappers/shop-mapper';
import { OPEN_ORDERS_OF_SHOP } from '../mappers/order-inbox-mapper';
import { textOf } from '../mappers/values';
import { errorName } from '../platform/errors';
import type { SearchFilterSpec } from './netsuite-record';
import { searchPaged, submitBodyFields } from './netsuite-record';
import { runQuery } from './suiteql';

/** The File Cabinet's SuiteScripts folder (internal id -15 in every account). */
const SUITESCRIPTS_FOLDER = -15;
const FOLDER_PATH = 'SuiteScripts';

export function inventoryStateFileName(shopId: string): string {
  return `tts_inventory_${shopId}.json`;
}

export function inventoryAckFileName(shopId: string): string {
  return `tts_inventory_${shopId}_acks.json`;
}

/** A state file's contents, or null when it does not exist yet (10 units). */
export function readStateFile(name: string): string | null {
  try {
    return file.load({ id: `${FOLDER_PATH}/${name}` }).getContents();
  } catch (e) {
    if (errorName(e) === 'RCRD_DSNT_EXIST') return null;
    throw e;
  }
}

/** Writes (or replaces) a state file (20 units). */
export function writeStateFile(name: string, contents: string): void {
  file.create({ name, fileType: file.Type.JSON, contents, folder: SUITESCRIPTS_FOLDER }).save();
}

/** Every shop record's inventory settings (10 units). */
export function listInventorySettings(): ShopInventorySettings[] {
  return runQuery(INVENTORY_SETTINGS_QUERY).flatMap((row) => inventorySettingsFromRow(row) ?? []);
}

/**
 * TikTok order ids of the shop received but not imported (10 units; SuiteQL answers up to 5,000
 * rows, far above one export interval's orders).
 */
export function readOpenOrderIds(shopRecordId: string): string[] {
  return runQuery(OPEN_ORDERS_OF_SHOP, [shopRecordId]).flatMap((row) => textOf(row.order_id) ?? []);
}

/** Clears Force inventory resync / Push inventory now once a run honoured them (2 units). */
export function clearInventoryTriggers(recordId: string, force: boolean, pushNow: boolean): void {
  const writes = clearInventoryTriggersWrites(force, pushNow);
  if (writes.length > 0) submitBodyFields(SHOP.recordType, recordId, writes);
}

/**
 * Inventory items and assemblies and their balances at `locationIds` (MLI) or their single
 * quantity; inactive ones too when `withInactive` (Push Inactive Items as Out of Stock). Null when
 * `canFetch` said stop before the last page (governance): the run must not compare a partial snapshot.
 */
export function readInventoryBalances(
  multiLocation: boolean,
  locationIds: readonly string[],
  canFetch: () => boolean,
  withInactive = false,
): { items: InventoryItemRow[]; balances: InventoryBalance[] } | null {
  const f = ITEM.search.filters;
  const filters: SearchFilterSpec[] = [
    [f.type, 'anyof', [INVENTORY_ITEM_TYPE, ASSEMBLY_ITEM_TYPE]],
    ...(withInactive ? [] : [[f.isInactive, 'is', 'F'] as const]),
    ...(multiLocation ? [[f.location, 'anyof', [...locationIds]] as const] : []),
  ];
  const items = new Map<string, InventoryItemRow>();
  const balances: InventoryBalance[] = [];
  const complete = searchPaged(
    ITEM.recordType,
    filters,
    inventoryBalanceColumns(multiLocation),
    (id, value) => {
      const row = inventoryBalanceFromResult(id, value, multiLocation);
      items.set(id, row.item);
      balances.push(row.balance);
    },
    canFetch,
  );
  return complete ? { items: [...items.values()], balances } : null;
}

/**
 * Kits, item groups and assemblies with their members (one row per member), the same way; null when
 * stopped for governance. Assemblies are listed in `assemblies` (their own stock comes from the
 * balance search).
 */
export function readItemMembers(
  canFetch: () => boolean,
  withInactive = false,
): { items: InventoryItemRow[]; members: Map<string, ItemMember[]>; assemblies: Set<string> } | null {
  const f = ITEM.search.filters;
  const filters: SearchFilterSpec[] = [
    [f.type, 'anyof', [KIT_ITEM_TYPE, GROUP_ITEM_TYPE, ASSEMBLY_ITEM_TYPE]],
    ...(withInactive ? [] : [[f.isInactive, 'is', 'F'] as const]),
  ];
  const items = new Map<string, InventoryItemRow>();
  const members = new Map<string, ItemMember[]>();
  const assemblies = new Set<string>();
  const complete = searchPaged(
    ITEM.recordType,
    filters,
    [...ITEM_MEMBER_COLUMNS, ITEM.search.columns.type],
    (id, value) => {
      items.set(id, inventoryItemFromResult(id, value));
      if (value(ITEM.search.columns.type) === ASSEMBLY_ITEM_TYPE) assemblies.add(id);
      const member = itemMemberFromResult(value);
      const list = members.get(id) ?? [];
      if (member !== null) list.push(member);
      members.set(id, list);
    },
    canFetch,
  );
  return complete ? { items: [...items.values()], members, assemblies } : null;
}
