import {
  catalogSettingsOf,
  checkCatalogSwitch,
  DEFAULT_CATALOG_SETTINGS,
  type CatalogSettings,
} from '../catalog-settings';

const pull: CatalogSettings = { ...DEFAULT_CATALOG_SETTINGS, tiktokSide: 'pull' };

describe('catalog source settings', () => {
  it('reads the seed labels and falls back to the defaults when empty or unknown', () => {
    expect(catalogSettingsOf({ netsuiteSide: null, tiktokSide: '', itemType: null })).toEqual(
      DEFAULT_CATALOG_SETTINGS,
    );
    expect(
      catalogSettingsOf({
        netsuiteSide: 'Do not sync products',
        tiktokSide: 'Pull products from TikTok',
        itemType: 'Inventory Item',
      }),
    ).toEqual({ netsuiteSide: 'none', tiktokSide: 'pull', itemType: 'inventoryitem' });
  });

  it('refuses a switch while items are linked, saying what the switch will do', () => {
    const check = checkCatalogSwitch({
      shopName: 'Maker Mugs',
      before: pull,
      after: DEFAULT_CATALOG_SETTINGS,
      linkedItems: 3,
      confirmed: false,
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('Shop Maker Mugs: 3 NetSuite item(s) are linked');
    expect(check.message).toContain('"Pull products from TikTok" → "Push products to TikTok"');
    expect(check.message).toContain('the pull from TikTok stops');
    expect(check.message).toContain('tick Confirm catalog source change');
  });

  it('lets a confirmed switch through and clears the confirmation', () => {
    expect(
      checkCatalogSwitch({
        shopName: 'S',
        before: pull,
        after: DEFAULT_CATALOG_SETTINGS,
        linkedItems: 3,
        confirmed: true,
      }),
    ).toEqual({ ok: true, clearConfirm: true });
  });

  it('needs no confirmation before products are linked, or when the source does not change', () => {
    expect(
      checkCatalogSwitch({
        shopName: 'S',
        before: DEFAULT_CATALOG_SETTINGS,
        after: pull,
        linkedItems: 0,
        confirmed: false,
      }),
    ).toEqual({ ok: true, clearConfirm: false });
    expect(
      checkCatalogSwitch({ shopName: 'S', before: pull, after: pull, linkedItems: 9, confirmed: false }),
    ).toEqual({ ok: true, clearConfirm: false });
  });

  it('explains a NetSuite-side switch too', () => {
    const check = checkCatalogSwitch({
      shopName: 'S',
      before: DEFAULT_CATALOG_SETTINGS,
      after: { ...DEFAULT_CATALOG_SETTINGS, netsuiteSide: 'none' },
      linkedItems: 1,
      confirmed: false,
    });
    expect(check).toEqual({
      ok: false,
      message: expect.stringContaining('NetSuite items are no longer read for TikTok') as unknown as string,
    });
  });
});
