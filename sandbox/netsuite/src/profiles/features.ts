/**
 * NetSuite feature ids, as `runtime.isFeatureInEffect({ feature })` takes them and the SDF manifest's
 * `<feature>` element names them.
 *
 * Sources: Oracle help "runtime.isFeatureInEffect(options)" (section_4296530135: "The internal ID of
 * the feature to check", see "Feature Names and IDs"); the feature list of the SuiteScript type
 * definitions the project builds with (`@hitc/netsuite-types` N/runtime.d.ts, public repository
 * headintheclouddev/typings-suitescript-2.0), which lists every id below; SuiteTax is
 * `TAX_OVERHAULING` in Oracle's own International Tax Report SuiteApp (`getFeature('TAX_OVERHAULING')`
 * refuses installation with SuiteTax) and in public SuiteScript that branches on SuiteTax;
 * `ADVTAXENGINE` is Advanced Taxes (legacy tax), not SuiteTax.
 */
export const FEATURE = {
  /** OneWorld: subsidiaries. */
  SUBSIDIARIES: 'SUBSIDIARIES',
  /** Multiple Currencies. */
  MULTICURRENCY: 'MULTICURRENCY',
  LOCATIONS: 'LOCATIONS',
  /** Multi-Location Inventory: inventory per location, item-line locations. */
  MULTILOCINVT: 'MULTILOCINVT',
  DEPARTMENTS: 'DEPARTMENTS',
  CLASSES: 'CLASSES',
  /** Advanced Taxes (legacy tax engine: nexuses, tax codes on lines in non-US editions). */
  ADVTAXENGINE: 'ADVTAXENGINE',
  /** SuiteTax. */
  TAX_OVERHAULING: 'TAX_OVERHAULING',
  SERVERSIDESCRIPTING: 'SERVERSIDESCRIPTING',
  CUSTOMRECORDS: 'CUSTOMRECORDS',
  ACCOUNTING: 'ACCOUNTING',
  INVENTORY: 'INVENTORY',
  /**
   * Pick, Pack and Ship: item fulfillments go through Picked (A), Packed (B) and Shipped (C); without
   * it every fulfillment is Shipped (records.json itemfulfillment `shipstatus` help: "Select Picked if
   * you want to pick, pack and ship your orders as separate transactions").
   */
  PICKPACKSHIP: 'PICKPACKSHIP',
  /**
   * Shipping Label Integration: fulfillments whose shipping method is integrated with UPS, FedEx or
   * USPS keep their packages on the carrier's package sublist (`packageups`, `packagefedex`,
   * `packageusps`) instead of `package` (record/item-fulfillment.ts).
   */
  SHIPPINGLABELS: 'SHIPPINGLABELS',
} as const;

export type FeatureId = (typeof FEATURE)[keyof typeof FEATURE];

/** Features every profile has: what the SuiteApp's manifest requires, and a NetSuite with inventory. */
export const BASE_FEATURES: readonly FeatureId[] = [
  FEATURE.SERVERSIDESCRIPTING,
  FEATURE.CUSTOMRECORDS,
  FEATURE.ACCOUNTING,
  FEATURE.INVENTORY,
];

/** Feature ids compare case-insensitively (`runtime.isFeatureInEffect({ feature: 'subsidiaries' })`). */
export function hasFeature(features: readonly string[], feature: string): boolean {
  const wanted = feature.toUpperCase();
  return features.some((f) => f.toUpperCase() === wanted);
}
