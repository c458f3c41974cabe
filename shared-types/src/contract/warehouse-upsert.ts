/**
 * RESTlet action `warehouses.upsert` (docs/contracts.md): the bridge sends a shop's TikTok
 * warehouses (`GET /logistics/202309/warehouses`); each becomes a `customrecord_tts_warehouse`
 * (externalid `tts_wh_<shopId>_<warehouseId>`) that an admin links to a NetSuite location. A
 * re-upsert updates name, type and default flag only: the admin's location link is never touched.
 */
import { checkLength, FREE_FORM_TEXT_MAX_LENGTH } from '../netsuite/netsuite-text-limits';
import { describeValue, isPlainObject, Problems } from './validation-problems';
import { isTikTokId } from '../ids/tiktok-id';

export const WAREHOUSES_UPSERT_ACTION = 'warehouses.upsert';
export const MAX_WAREHOUSES_PER_UPSERT = 100;

export interface TikTokWarehouseInfo {
  id: string;
  name: string;
  /** `SALES_WAREHOUSE`, `RETURN_WAREHOUSE`, ... */
  type: string;
  isDefault: boolean;
  /** TikTok's `effect_status` (ENABLED, DISABLED, RESTRICTED); absent: ENABLED. */
  status?: string;
  /** TikTok's warehouse address, for suggested location links (`shared-types/src/inventory/link-suggestions.ts`). */
  address?: { postalCode?: string; city?: string; addressLine1?: string };
}

/** TikTok's warehouse statuses (TikTok's Get Warehouse List), and ours for a warehouse gone from the list. */
export const WAREHOUSE_STATUSES = ['ENABLED', 'DISABLED', 'RESTRICTED'] as const;
export const WAREHOUSE_DELETED = 'DELETED';

export interface WarehousesUpsertRequest {
  action: typeof WAREHOUSES_UPSERT_ACTION;
  shopId: string;
  warehouses: TikTokWarehouseInfo[];
  /**
   * True when `warehouses` is the shop's whole Get Warehouse List: the shop's warehouse records not
   * in it get status DELETED (their links stay for the admin to move).
   */
  complete?: boolean;
}

export type WarehouseUpsertOutcome = 'created' | 'updated' | 'unchanged';

export interface WarehousesUpsertResponse {
  ok: true;
  results: { warehouseId: string; recordId: string; outcome: WarehouseUpsertOutcome; linked: boolean }[];
  /** With `complete`: the warehouses of the shop marked DELETED by this call. */
  deleted?: string[];
}

export type WarehousesValidation =
  { ok: true; value: WarehousesUpsertRequest } | { ok: false; problems: string[] };

function checkWarehouse(problems: Problems, path: string, value: unknown, seen: Set<string>): void {
  if (!isPlainObject(value)) {
    problems.add(path, `${describeValue(value)} is not an object; send {"id", "name", "type", "isDefault"}`);
    return;
  }
  if (!isTikTokId(value.id)) {
    problems.add(
      `${path}.id`,
      `${describeValue(value.id)} is not a TikTok warehouse id; send its digits as a string`,
    );
  } else if (seen.has(value.id)) {
    problems.add(`${path}.id`, `warehouse ${value.id} is sent twice; send each warehouse once`);
  } else {
    seen.add(value.id);
  }
  if (typeof value.name !== 'string' || value.name.trim() === '') {
    problems.add(`${path}.name`, `${describeValue(value.name)} is not a name; send the warehouse name`);
  } else {
    checkLength(problems, `${path}.name`, value.name.trim(), {
      field: "TikTok Warehouse Name (custrecord_tts_wh_name) and the TikTok Warehouse record's Name",
      limit: FREE_FORM_TEXT_MAX_LENGTH,
    });
  }
  if (typeof value.type !== 'string' || value.type.trim() === '') {
    problems.add(`${path}.type`, `${describeValue(value.type)} is not a type; send e.g. "SALES_WAREHOUSE"`);
  } else {
    checkLength(problems, `${path}.type`, value.type.trim(), {
      field: 'Warehouse Type (custrecord_tts_wh_type)',
      limit: FREE_FORM_TEXT_MAX_LENGTH,
    });
  }
  if (typeof value.isDefault !== 'boolean') {
    problems.add(`${path}.isDefault`, `${describeValue(value.isDefault)} is not true or false`);
  }
  if (value.address !== undefined) {
    if (!isPlainObject(value.address)) {
      problems.add(
        `${path}.address`,
        `${describeValue(value.address)} is not an object; send {"postalCode", "city", "addressLine1"} or leave it out`,
      );
    } else {
      for (const key of ['postalCode', 'city', 'addressLine1'] as const) {
        const part = value.address[key];
        if (part !== undefined && (typeof part !== 'string' || part.length > FREE_FORM_TEXT_MAX_LENGTH)) {
          problems.add(
            `${path}.address.${key}`,
            `${describeValue(part)} is not valid; send text of at most ${FREE_FORM_TEXT_MAX_LENGTH} characters or leave it out`,
          );
        }
      }
    }
  }
  if (value.status !== undefined && !(WAREHOUSE_STATUSES as readonly unknown[]).includes(value.status)) {
    problems.add(
      `${path}.status`,
      `${describeValue(value.status)} is not a TikTok warehouse status; send ${WAREHOUSE_STATUSES.join(', ')} (TikTok's effect_status) or leave it out`,
    );
  }
}

export function validateWarehousesUpsert(body: Record<string, unknown>): WarehousesValidation {
  const problems = new Problems();
  if (!isTikTokId(body.shopId)) {
    problems.add(
      'shopId',
      `${describeValue(body.shopId)} is not a TikTok shop id; send its digits as a string`,
    );
  }
  if (body.complete !== undefined && typeof body.complete !== 'boolean') {
    problems.add(
      'complete',
      `${describeValue(body.complete)} is not true or false; send true when warehouses is the shop's whole warehouse list`,
    );
  }
  const list = body.warehouses;
  if (!Array.isArray(list) || list.length === 0) {
    problems.add(
      'warehouses',
      `${describeValue(list)} is not a non-empty array; send 1 to ${MAX_WAREHOUSES_PER_UPSERT} warehouses`,
    );
  } else if (list.length > MAX_WAREHOUSES_PER_UPSERT) {
    problems.add(
      'warehouses',
      `${list.length} warehouses sent; send at most ${MAX_WAREHOUSES_PER_UPSERT} per call`,
    );
  } else {
    const seen = new Set<string>();
    list.forEach((w: unknown, i) => checkWarehouse(problems, `warehouses[${i}]`, w, seen));
  }
  return problems.count === 0
    ? { ok: true, value: body as unknown as WarehousesUpsertRequest }
    : { ok: false, problems: problems.toList() };
}

/** A stored warehouse record, as far as the upsert needs it. */
export interface StoredWarehouse {
  id: string;
  name: string | null;
  type: string | null;
  isDefault: boolean;
  locationId: string | null;
  /** TikTok Warehouse Status as stored (null: never sent). */
  status: string | null;
}

/** The bridge-owned values of a warehouse record (never the location link). */
export interface WarehouseFields {
  shopRecordId: string;
  warehouseId: string;
  name: string;
  type: string;
  isDefault: boolean;
  status: string;
}

export function warehouseFields(shopRecordId: string, warehouse: TikTokWarehouseInfo): WarehouseFields {
  return {
    shopRecordId,
    warehouseId: warehouse.id,
    name: warehouse.name.trim(),
    type: warehouse.type.trim(),
    isDefault: warehouse.isDefault,
    status: warehouse.status ?? 'ENABLED',
  };
}

export function warehouseChanged(stored: StoredWarehouse, warehouse: TikTokWarehouseInfo): boolean {
  return (
    stored.name !== warehouse.name.trim() ||
    stored.type !== warehouse.type.trim() ||
    stored.isDefault !== warehouse.isDefault ||
    stored.status !== (warehouse.status ?? 'ENABLED')
  );
}

/** With a complete list: the stored warehouses (TikTok id → status) that are gone and not yet marked. */
export function warehousesGone(
  stored: readonly { warehouseId: string; status: string | null }[],
  sent: readonly TikTokWarehouseInfo[],
): string[] {
  const present = new Set(sent.map((w) => w.id));
  return stored
    .filter((w) => !present.has(w.warehouseId) && w.status !== WAREHOUSE_DELETED)
    .map((w) => w.warehouseId);
}
