import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';

/**
 * The TikTok Shop record's Payment Method Map is checked when the record is saved: the user event
 * `customscript_tts_ue_shop` (our compiled file, run by the emulator's user-event dispatcher)
 * refuses invalid JSON, a non-object and ids of missing or inactive payment methods, naming the entry.
 */
let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

const PM_MAP = 'custrecord_tts_shop_pm_map';

function shopRecordId(): number {
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`);
  if (!shop) throw new Error('no shop record');
  return shop.id;
}

/** Saves the shop record with a new map as a user in the UI would; returns the thrown error, if any. */
function saveMap(text: string): { name: string; message: string } | null {
  const service = world.ns.seed.ui;
  const rec = service.load({ type: 'customrecord_tts_shop', id: shopRecordId() });
  rec.setValue({ fieldId: PM_MAP, value: text });
  try {
    service.save(rec, {});
    return null;
  } catch (e) {
    const err = e as { name: string; message: string };
    return { name: err.name, message: err.message };
  }
}

const storedMap = (): unknown => world.ns.store.get('customrecord_tts_shop', shopRecordId())?.fields[PM_MAP];

describe('Payment Method Map check on the TikTok Shop record (user event)', () => {
  it('saves a map of active payment methods', async () => {
    world = await startConnectorAccount();
    const ids = world.account.paymentMethodIds;
    const map = JSON.stringify({ CCDC: String(ids['Credit Card']), '*': ids.PayPal });
    expect(saveMap(map)).toBeNull();
    expect(storedMap()).toBe(map);
    expect(saveMap('')).toBeNull();
  });

  it('refuses an id that is no payment method, naming the entry and the fix; nothing is saved', async () => {
    world = await startConnectorAccount();
    const before = storedMap();
    const error = saveMap(
      JSON.stringify({ CCDC: String(world.account.paymentMethodIds['Credit Card']), Klarna: '9999' }),
    );
    expect(error?.name).toBe('TTS_INVALID_PAYMENT_METHOD_MAP');
    expect(error?.message).toContain('"Klarna": "9999"');
    expect(error?.message).toContain('does not exist');
    expect(error?.message).toContain(`${world.account.paymentMethodIds['Credit Card']} = Credit Card`);
    expect(error?.message).not.toContain('"CCDC"');
    expect(storedMap()).toBe(before);
  });

  it('refuses an inactive payment method', async () => {
    world = await startConnectorAccount();
    const retired = world.ns.seed.record('paymentmethod', { name: 'Old Terminal', isinactive: true });
    const error = saveMap(JSON.stringify({ CCDC: String(retired) }));
    expect(error?.name).toBe('TTS_INVALID_PAYMENT_METHOD_MAP');
    expect(error?.message).toContain(`"CCDC": "${retired}"`);
    expect(error?.message).toContain('inactive');
  });

  it.each([
    ['invalid JSON', '{"CCDC": 1', 'not valid JSON'],
    ['an array', '["1"]', 'is an array, not a JSON object'],
    ['a value that is no internal id', '{"CCDC": "card"}', '"card" for "CCDC"'],
  ])('refuses %s', async (_what, text, expected) => {
    world = await startConnectorAccount();
    const before = storedMap();
    const error = saveMap(text);
    expect(error?.name).toBe('TTS_INVALID_PAYMENT_METHOD_MAP');
    expect(error?.message).toContain(expected);
    expect(storedMap()).toBe(before);
  });

  it('lets the bridge update the shop without touching the map', async () => {
    world = await startConnectorAccount();
    const res = await world.restlet('POST', {
      action: 'shop.upsert',
      shop: { ...DEMO_SHOP, name: 'Honeycomb US 2' },
    });
    expect(res.status).toBe(200);
    expect(world.ns.store.get('customrecord_tts_shop', shopRecordId())?.fields.custrecord_tts_shop_name).toBe(
      'Honeycomb US 2',
    );
  });
});
