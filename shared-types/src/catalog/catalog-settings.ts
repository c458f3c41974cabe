/**
 * The catalog source settings of the shop record (issue #19; the seed's Step 3 "Choose your catalog
 * source"): Process product catalog (NetSuite side) (`custrecord_tts_shop_catalog_ns`), Process product
 * catalog updates (TikTok side) (`custrecord_tts_shop_catalog_tts`) and Item Type For Pulled Products
 * (`custrecord_tts_shop_catalog_item`), read by their list texts (customlist_tts_catalog_ns.xml,
 * customlist_tts_catalog_tts.xml, customlist_tts_item_type.xml). Switching the source once TikTok
 * products are linked to NetSuite items is disruptive (the seed), so the shop user event refuses the
 * save until Confirm catalog source change is ticked, and its message says what the switch will do.
 */

export type CatalogNetSuiteSide = 'netsuite_source' | 'none';
export type CatalogTikTokSide = 'push' | 'pull' | 'none';
export type PulledItemType = 'inventoryitem';

/** The list texts, as the seed words them (customlist_tts_catalog_*.xml). */
export const CATALOG_NETSUITE_CHOICES: Readonly<Record<CatalogNetSuiteSide, string>> = {
  netsuite_source: 'Pull updates from NetSuite product catalog',
  none: 'Do not sync products',
};
export const CATALOG_TIKTOK_CHOICES: Readonly<Record<CatalogTikTokSide, string>> = {
  push: 'Push products to TikTok',
  pull: 'Pull products from TikTok',
  none: 'Do not sync products',
};
export const PULLED_ITEM_TYPE_CHOICES: Readonly<Record<PulledItemType, string>> = {
  inventoryitem: 'Inventory Item',
};

export interface CatalogSettings {
  netsuiteSide: CatalogNetSuiteSide;
  tiktokSide: CatalogTikTokSide;
  itemType: PulledItemType;
}

/** The default of each list when the field is empty (NetSuite as the catalog source, the seed's most common setup). */
export const DEFAULT_CATALOG_SETTINGS: CatalogSettings = {
  netsuiteSide: 'netsuite_source',
  tiktokSide: 'push',
  itemType: 'inventoryitem',
};

function choiceOf<K extends string>(
  choices: Readonly<Record<K, string>>,
  text: string | null,
  fallback: K,
): K {
  if (text === null || text.trim() === '') return fallback;
  const found = (Object.keys(choices) as K[]).find((key) => choices[key] === text.trim());
  return found ?? fallback;
}

/** The settings from the three list fields' texts (empty: the default of each). */
export function catalogSettingsOf(raw: {
  netsuiteSide: string | null;
  tiktokSide: string | null;
  itemType: string | null;
}): CatalogSettings {
  return {
    netsuiteSide: choiceOf(CATALOG_NETSUITE_CHOICES, raw.netsuiteSide, DEFAULT_CATALOG_SETTINGS.netsuiteSide),
    tiktokSide: choiceOf(CATALOG_TIKTOK_CHOICES, raw.tiktokSide, DEFAULT_CATALOG_SETTINGS.tiktokSide),
    itemType: choiceOf(PULLED_ITEM_TYPE_CHOICES, raw.itemType, DEFAULT_CATALOG_SETTINGS.itemType),
  };
}

const TIKTOK_SIDE_EFFECTS: Readonly<Record<CatalogTikTokSide, string>> = {
  pull: "TikTok becomes the catalog source: the connector pulls every TikTok product SKU into NetSuite; a SKU equal (case and spaces included) to an item's Item Name/Number or TikTok SKU links to that item, any other becomes a new item, and linked items take TikTok's product title. NetSuite items are no longer pushed to TikTok.",
  push: "NetSuite becomes the catalog source: items marked for TikTok are pushed to TikTok and overwrite the linked TikTok products' titles, descriptions and prices; the pull from TikTok stops. Items already pulled stay, with their TikTok ids.",
  none: 'Both catalogs stay as they are: nothing is pulled or pushed any more; orders and inventory keep matching by SKU, and linked items keep their TikTok ids.',
};

const NETSUITE_SIDE_EFFECTS: Readonly<Record<CatalogNetSuiteSide, string>> = {
  netsuite_source: 'NetSuite items marked for TikTok are read again for the push to TikTok.',
  none: 'NetSuite items are no longer read for TikTok: changes to them stop reaching TikTok.',
};

export const CATALOG_SWITCH_UNCONFIRMED = 'TTS_CATALOG_SWITCH_UNCONFIRMED';

export type CatalogSwitchCheck = { ok: true; clearConfirm: boolean } | { ok: false; message: string };

/**
 * A save of the shop record: a change of either catalog source list while `linkedItems` NetSuite
 * items carry TikTok ids needs Confirm catalog source change ticked; the refusal says what will happen.
 * The confirmation is cleared on every save that carries it (it confirms one change only). Item Type
 * For Pulled Products only affects items created later, so it needs no confirmation.
 */
export function checkCatalogSwitch(input: {
  shopName: string;
  before: CatalogSettings | null;
  after: CatalogSettings;
  linkedItems: number;
  confirmed: boolean;
}): CatalogSwitchCheck {
  const { before, after } = input;
  const effects: string[] = [];
  if (before !== null && before.tiktokSide !== after.tiktokSide) {
    effects.push(
      `Process product catalog updates (TikTok side) "${CATALOG_TIKTOK_CHOICES[before.tiktokSide]}" → "${CATALOG_TIKTOK_CHOICES[after.tiktokSide]}": ${TIKTOK_SIDE_EFFECTS[after.tiktokSide]}`,
    );
  }
  if (before !== null && before.netsuiteSide !== after.netsuiteSide) {
    effects.push(
      `Process product catalog (NetSuite side) "${CATALOG_NETSUITE_CHOICES[before.netsuiteSide]}" → "${CATALOG_NETSUITE_CHOICES[after.netsuiteSide]}": ${NETSUITE_SIDE_EFFECTS[after.netsuiteSide]}`,
    );
  }
  if (effects.length === 0 || input.linkedItems === 0 || input.confirmed) {
    return { ok: true, clearConfirm: input.confirmed };
  }
  return {
    ok: false,
    message: `Shop ${input.shopName}: ${input.linkedItems} NetSuite item(s) are linked to TikTok products, so changing the catalog source is disruptive. ${effects.join(' ')} To go ahead, tick Confirm catalog source change and save again; to keep things as they are, put the setting back.`,
  };
}
