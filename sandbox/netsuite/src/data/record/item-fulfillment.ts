/**
 * Item fulfillment rules beyond the stock bookkeeping (inventory.ts): the ship status under the Pick,
 * Pack and Ship feature, the status NetSuite derives from it, and the picked / packed / shipped dates.
 *
 * - With Pick, Pack and Ship (`PICKPACKSHIP`) a fulfillment is Picked (A), Packed (B) or Shipped (C)
 *   (records.json itemfulfillment `shipstatus` help: "Select Picked if you want to pick, pack and ship
 *   your orders as separate transactions ... Select Shipped if you want to combine the steps"). A new
 *   fulfillment starts Picked unless the script sets another status (assumption, the stricter choice:
 *   a script that wants a shipped fulfillment must say so).
 * - Without the feature every fulfillment is Shipped: any other status is refused (INVALID_FLD_VALUE,
 *   NetSuite's invalid-value message, saying why). NetSuite may simply hide the field; the emulator
 *   refuses instead (stricter).
 * - `status` (read-only) is the ship status letter; SuiteQL `transaction.status` reads it.
 * - Dates, as the records.json help of `pickeddate`, `packeddate` and `shippeddate` states: reaching
 *   Picked fills an empty Picked Date, Packed also an empty Packed Date, Shipped also an empty Shipped
 *   Date; filling the date of the status reached sets the transaction date to the current date too.
 * - Stock leaves on hand when the fulfillment is saved, whatever its status (inventory.ts). NetSuite
 *   posts a fulfillment to the general ledger only once Shipped; whether on hand moves at Picked was
 *   not found in public sources. Quantity available (on hand − committed), what an inventory export
 *   reads, is the same either way.
 */
import { NS, SuiteScriptError } from '../../errors';
import { FEATURE, hasFeature } from '../../profiles/features';
import type { IntegratedCarrier, RecordStore } from '../store';
import type { FieldValue } from '../store-types';

export const SHIP_STATUS = { PICKED: 'A', PACKED: 'B', SHIPPED: 'C' } as const;

/** Whether the account has Pick, Pack and Ship (false without an account profile: the default profile has not). */
export function pickPackShip(store: RecordStore): boolean {
  const profile = store.account?.profile;
  return profile ? hasFeature(profile.features, FEATURE.PICKPACKSHIP) : false;
}

/** The ship status a transformed fulfillment starts with. */
export function defaultShipStatus(store: RecordStore): string {
  return pickPackShip(store) ? SHIP_STATUS.PICKED : SHIP_STATUS.SHIPPED;
}

/** Why a status other than Shipped is refused in an account without Pick, Pack and Ship. */
export function noPickPackShipNote(store: RecordStore): string {
  const id = store.account?.profile.id;
  return `Pick, Pack and Ship (${FEATURE.PICKPACKSHIP}) is not enabled${id ? ` in account profile ${id}` : ''}: every item fulfillment is Shipped (C)`;
}

const DATES: ReadonlyArray<{ status: string; field: string }> = [
  { status: SHIP_STATUS.PICKED, field: 'pickeddate' },
  { status: SHIP_STATUS.PACKED, field: 'packeddate' },
  { status: SHIP_STATUS.SHIPPED, field: 'shippeddate' },
];

function isEmpty(v: FieldValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * Settle a fulfillment about to be written: check its ship status against the account, set `status`,
 * fill the dates of the statuses it reached (`today` as `YYYY-MM-DD`, Pacific).
 */
export function settleFulfillmentStatus(store: RecordStore, fields: Record<string, FieldValue>, today: string): void {
  if (isEmpty(fields.shipstatus)) fields.shipstatus = defaultShipStatus(store);
  const status = String(fields.shipstatus);
  if (!pickPackShip(store) && status !== SHIP_STATUS.SHIPPED) {
    throw new SuiteScriptError(
      NS.INVALID_FLD_VALUE,
      `You have entered an Invalid Field Value ${status} for the following field: shipstatus (${noPickPackShipNote(store)})`,
    );
  }
  fields.status = status;
  const reached = DATES.findIndex((d) => d.status === status);
  DATES.forEach((d, i) => {
    if (i > reached || !isEmpty(fields[d.field])) return;
    fields[d.field] = today;
    if (i === reached) fields.trandate = today;
  });
}

/**
 * Package sublists. A fulfillment keeps its packages on one sublist: `package`, or with Shipping
 * Label Integration (`SHIPPINGLABELS`) and a shipping method integrated with a carrier, that
 * carrier's `packageups` / `packagefedex` / `packageusps` (supplement.json itemfulfillment-package*
 * entries; SuiteTalk's ItemFulfillment has packageList, packageUpsList, packageFedExList,
 * packageUspsList). The other package sublists do not exist on that fulfillment: `getLineCount`
 * answers -1, as public fulfillment scripts expect ("if (fedExSublistLines == -1) ... this fulfillment
 * does not have a FedEx shipping method set"), and reading or writing their lines is refused.
 * Which carrier a shipping item is integrated with is account set-up (RecordStore.carrierIntegration).
 */
export const PACKAGE_SUBLISTS = ['package', 'packageups', 'packagefedex', 'packageusps'] as const;

const CARRIER_SUBLIST: Readonly<Record<IntegratedCarrier, string>> = {
  ups: 'packageups',
  fedex: 'packagefedex',
  usps: 'packageusps',
};
const CARRIER_NAME: Readonly<Record<IntegratedCarrier, string>> = { ups: 'UPS', fedex: 'FedEx', usps: 'USPS' };

function shippingLabels(store: RecordStore): boolean {
  const profile = store.account?.profile;
  return profile ? hasFeature(profile.features, FEATURE.SHIPPINGLABELS) : false;
}

/** The package sublist a fulfillment with these body fields has, and why. */
export function packageSublistOf(store: RecordStore, fields: Record<string, FieldValue>): { sublist: string; why: string } {
  if (!shippingLabels(store)) {
    return { sublist: 'package', why: `Shipping Label Integration (${FEATURE.SHIPPINGLABELS}) is not enabled` };
  }
  const method = fields.shipmethod;
  if (isEmpty(method)) return { sublist: 'package', why: 'it has no shipping method' };
  const name = store.displayText('shipitem', String(method)) || String(method);
  const carrier = store.carrierIntegration(Number(method));
  if (!carrier) return { sublist: 'package', why: `its shipping method ${name} is not integrated with a carrier` };
  return { sublist: CARRIER_SUBLIST[carrier], why: `its shipping method ${name} is integrated with ${CARRIER_NAME[carrier]}` };
}

/** Why `sublistId` does not exist on a fulfillment with these fields, or null when it does. */
export function packageSublistProblem(store: RecordStore, fields: Record<string, FieldValue>, sublistId: string): string | null {
  if (!(PACKAGE_SUBLISTS as readonly string[]).includes(sublistId)) return null;
  const active = packageSublistOf(store, fields);
  if (active.sublist === sublistId) return null;
  return `this item fulfillment has no ${sublistId} sublist: its packages are on the ${active.sublist} sublist because ${active.why}`;
}

/** Refuse a save whose packages sit on a sublist the fulfillment does not have (its shipping method changed). */
export function checkPackageSublists(
  store: RecordStore,
  fields: Record<string, FieldValue>,
  sublists: Record<string, readonly unknown[]>,
): void {
  for (const sublistId of PACKAGE_SUBLISTS) {
    const problem = (sublists[sublistId]?.length ?? 0) > 0 ? packageSublistProblem(store, fields, sublistId) : null;
    if (problem) {
      throw new SuiteScriptError(
        NS.USER_ERROR,
        `The item fulfillment has ${sublists[sublistId]?.length} line(s) on the ${sublistId} sublist, but ${problem}. Move the packages there (or change the shipping method back).`,
      );
    }
  }
}
