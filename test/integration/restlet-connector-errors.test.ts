/**
 * The SuiteApp side of the connector error list (shared-types/src/contract/connector-errors.ts): each code is
 * what the SuiteApp really throws in its situation, in NetSuite's error body (the SuiteScriptError
 * as JSON text inside `error.message`, which the bridge's reader takes apart), and what the list
 * says was written is what was written. The bridge side: bridge/src/workers/__tests__/connector-errors.test.ts.
 */
import { parseRestletError } from '../../bridge/src/netsuite/restlet-error';
import type { ConnectorErrorCode } from '../../shared-types/src/contract/connector-errors';
import { CONNECTOR_ERRORS } from '../../shared-types/src/contract/connector-errors';
import type { TikTokOrder } from '../../shared-types/src/tiktok/tiktok-order';
import type { ConnectorAccount } from '../support/connector-account';
import { DEMO_SHOP, startConnectorAccount } from '../support/connector-account';
import { makeOrders } from '../support/tiktok-order-builder';
import { editShop } from '../support/order-fidelity-kit';
import { fulfilSalesOrder } from '../support/order-updates';
import type { RestletResponse } from '../support/signed-restlet';

let world: ConnectorAccount;

afterEach(async () => {
  await world?.ns.stop();
});

function orders(count: number, seed: number): TikTokOrder[] {
  return makeOrders({ count, seed, firstOrderId: 576461413038500000n + BigInt(seed) * 100n });
}

const inboxCount = (): number => world.ns.store.all('customrecord_tts_order').length;

/** Reads a RESTlet error answer as the bridge does, checking it is NetSuite's form. */
function connectorErrorOf(response: RestletResponse): { code: string; message: string } {
  expect(response.status).toBe(400);
  const body = response.body as { error: { code: string; message: string } };
  const inner = JSON.parse(body.error.message) as { type: string; name: string; message: string };
  expect(inner.type).toBe('error.SuiteScriptError');
  expect(inner.name).toBe(body.error.code);
  const parsed = parseRestletError(JSON.stringify(body));
  if (parsed === undefined) throw new Error('no error in the body');
  return parsed;
}

interface SeenError {
  code: string;
  message: string;
}

type UiService = ConnectorAccount['ns']['seed']['ui'];

/**
 * Saves a record edited as a user in the UI would, expecting its user event to refuse the save; returns
 * the error it threw.
 */
function refusedSave(service: UiService, rec: Parameters<UiService['save']>[0]): SeenError {
  try {
    service.save(rec, {});
  } catch (e) {
    return { code: (e as { name: string }).name, message: (e as { message: string }).message };
  }
  throw new Error(`the ${rec.type} was saved`);
}

function demoShopRecord() {
  const shop = world.ns.store.findByExternalId('customrecord_tts_shop', `tts_shop_${DEMO_SHOP.shopId}`);
  if (!shop) throw new Error('no shop record');
  return shop;
}

/** The order through the RESTlet and the import: its sales order. */
async function importedSalesOrder(order: TikTokOrder) {
  for (const r of await world.upsertOrders([order])) expect(r.status).toBe(200);
  await world.ns.runQueuedTasks();
  const so = world.ns.store.findByExternalId('salesorder', `tts_${DEMO_SHOP.shopId}_${order.id}`);
  if (!so) throw new Error('no sales order');
  return so;
}

const PM_MAP = 'custrecord_tts_shop_pm_map';

interface RuntimeModuleLike {
  getCurrentScript(): { getRemainingUsage(): number };
}

const scenarios: Record<ConnectorErrorCode, () => Promise<SeenError>> = {
  async TTS_INVALID_REQUEST() {
    const [good, bad] = orders(2, 1);
    const response = await world.restlet('POST', {
      action: 'orders.upsert',
      shopId: DEMO_SHOP.shopId,
      orders: [good, { ...bad, payment: { ...bad.payment, currency: undefined } }],
    });
    const error = connectorErrorOf(response);
    expect(error.message).toContain('orders[1].payment.currency');
    expect(inboxCount()).toBe(0); // written: nothing
    return error;
  },

  async TTS_SHOP_NOT_FOUND() {
    const response = await world.restlet('POST', {
      action: 'orders.upsert',
      shopId: '7494049642642440000',
      orders: orders(1, 2),
    });
    const error = connectorErrorOf(response);
    expect(error.message).toContain('tts_shop_7494049642642440000');
    expect(error.message).toContain('shop.upsert');
    expect(inboxCount()).toBe(0);
    return error;
  },

  async TTS_UNKNOWN_ACTION() {
    const error = connectorErrorOf(
      await world.restlet('POST', { action: 'orders.delete', shopId: DEMO_SHOP.shopId }),
    );
    expect(error.message).toContain('orders.delete');
    return error;
  },

  async TTS_USAGE_LIMIT() {
    // The call's budget runs low after three orders (as a slow account with heavy user events would).
    const runtime = world.ns.modules['N/runtime'] as RuntimeModuleLike;
    const original = runtime.getCurrentScript.bind(runtime);
    let asked = 0;
    runtime.getCurrentScript = () => {
      const script = original();
      return { ...script, getRemainingUsage: () => (++asked > 3 ? 50 : script.getRemainingUsage()) };
    };
    const list = orders(8, 3);
    const response = await world.restlet('POST', {
      action: 'orders.upsert',
      shopId: DEMO_SHOP.shopId,
      orders: list,
    });
    runtime.getCurrentScript = original;
    const error = connectorErrorOf(response);
    expect(error.message).toContain(`after storing 3 of 8 orders; order ${list[3].id}`);
    // written: the orders before the one named, none after it
    expect(inboxCount()).toBe(3);
    const again = await world.restlet('POST', {
      action: 'orders.upsert',
      shopId: DEMO_SHOP.shopId,
      orders: list,
    });
    expect(again.status).toBe(200);
    const outcomes = (again.body as { results: { outcome: string }[] }).results.map((r) => r.outcome);
    expect(outcomes).toEqual([...Array(3).fill('unchanged'), ...Array(5).fill('created')]);
    return error;
  },

  async TTS_INVALID_PAYMENT_METHOD_MAP() {
    // Thrown by the shop record's user event (beforeSubmit) on a save that carries the map.
    const shop = demoShopRecord();
    const service = world.ns.seed.ui;
    const rec = service.load({ type: 'customrecord_tts_shop', id: shop.id });
    rec.setValue({ fieldId: PM_MAP, value: '{"CCDC": "9999"}' });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain('"CCDC": "9999"');
    // written: nothing
    expect(world.ns.store.get('customrecord_tts_shop', shop.id)?.fields[PM_MAP]).toBe(shop.fields[PM_MAP]);
    return seen;
  },

  async TTS_INVALID_CARRIER_MAP() {
    // Thrown by the shop record's user event (beforeSubmit) on a save that carries the Carrier Map.
    const shop = demoShopRecord();
    const service = world.ns.seed.ui;
    const rec = service.load({ type: 'customrecord_tts_shop', id: shop.id });
    rec.setValue({ fieldId: 'custrecord_tts_shop_carrier_map', value: '{"UPS Ground": "ups"}' });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain('the value "ups" for "UPS Ground" is not a TikTok shipping provider id');
    // written: nothing
    expect(world.ns.store.get('customrecord_tts_shop', shop.id)?.fields.custrecord_tts_shop_carrier_map).toBe(
      shop.fields.custrecord_tts_shop_carrier_map,
    );
    return seen;
  },

  async TTS_INVALID_LABEL_SETTINGS() {
    // Thrown by the shop record's user event (beforeSubmit): a handover TikTok does not offer.
    const shop = demoShopRecord();
    const service = world.ns.seed.ui;
    const rec = service.load({ type: 'customrecord_tts_shop', id: shop.id });
    rec.setValue({ fieldId: 'custrecord_tts_shop_handover', value: 'Courier' });
    rec.setValue({ fieldId: 'custrecord_tts_shop_label_size', value: '4x6' });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain('Handover Method is "Courier"; use Pickup or Drop-off');
    expect(seen.message).toContain('Label Size is "4x6"; TikTok offers A6 and A5');
    // written: nothing
    expect(world.ns.store.get('customrecord_tts_shop', shop.id)?.fields.custrecord_tts_shop_handover).toBe(
      shop.fields.custrecord_tts_shop_handover,
    );
    return seen;
  },

  async TTS_INVALID_NOTIFY_RECIPIENTS() {
    // Thrown by the shop record's user event (beforeSubmit): a recipient that is neither an id nor an address.
    const shop = demoShopRecord();
    const service = world.ns.seed.ui;
    const rec = service.load({ type: 'customrecord_tts_shop', id: shop.id });
    rec.setValue({ fieldId: 'custrecord_tts_shop_notify', value: '12, Jane Doe' });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain('"Jane Doe" is neither an employee internal id');
    // written: nothing
    expect(
      world.ns.store.get('customrecord_tts_shop', shop.id)?.fields.custrecord_tts_shop_notify ?? null,
    ).toBe(shop.fields.custrecord_tts_shop_notify ?? null);
    return seen;
  },

  async TTS_CATALOG_SWITCH_UNCONFIRMED() {
    // Thrown by the shop record's user event (beforeSubmit): the catalog source switched while items are linked.
    const shop = demoShopRecord();
    const service = world.ns.seed.ui;
    const TTS_SIDE = 'custrecord_tts_shop_catalog_tts';
    const pull = service.load({ type: 'customrecord_tts_shop', id: shop.id });
    pull.setText({ fieldId: TTS_SIDE, text: 'Pull products from TikTok' });
    service.save(pull, {});
    const linked = await world.restlet('POST', {
      action: 'products.upsert',
      shopId: DEMO_SHOP.shopId,
      products: [
        {
          id: '1729500000000000100',
          title: 'Mug',
          status: 'ACTIVATE',
          skus: [{ id: '1729500000000000111', seller_sku: 'MUG-X' }],
        },
      ],
    });
    expect(linked.status).toBe(200);
    const rec = service.load({ type: 'customrecord_tts_shop', id: shop.id });
    rec.setText({ fieldId: TTS_SIDE, text: 'Do not sync products' });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain('1 NetSuite item(s) are linked to TikTok products');
    // written: nothing
    expect(service.load({ type: 'customrecord_tts_shop', id: shop.id }).getText({ fieldId: TTS_SIDE })).toBe(
      'Pull products from TikTok',
    );
    return seen;
  },

  async TTS_INVALID_CATEGORY_MAP() {
    // Thrown by the TikTok Category Map's user event (beforeSubmit): attributes that are not JSON.
    const service = world.ns.seed.ui;
    const rec = service.create({ type: 'customrecord_tts_cat_map' });
    rec.setValue({ fieldId: 'name', value: 'T-shirts' });
    rec.setValue({ fieldId: 'custrecord_tts_cm_category', value: '601226' });
    rec.setValue({ fieldId: 'custrecord_tts_cm_attrs', value: '{Material: Cotton}' });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain('Product Attributes (JSON) is not JSON');
    // written: nothing
    expect(world.ns.store.all('customrecord_tts_cat_map')).toHaveLength(0);
    return seen;
  },

  async TTS_INVALID_CANCEL_REASON() {
    // Thrown by the sales order user event (beforeSubmit): a UK reason on a US shop's order.
    const [order] = orders(1, 9);
    const so = await importedSalesOrder(order);
    const service = world.ns.seed.ui;
    const rec = service.load({ type: 'salesorder', id: so.id });
    rec.setText({
      fieldId: 'custbody_tts_cancel_reason',
      text: 'Out of stock (seller_cancel_reason_out_of_stock_uk)',
    });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain('Out of stock (seller_cancel_reason_out_of_stock)');
    // written: nothing
    expect(world.ns.store.get('salesorder', so.id)?.fields.custbody_tts_cancel_reason ?? null).toBeNull();
    return seen;
  },

  async TTS_INVALID_CANCEL_ANSWER() {
    // Thrown by the sales order user event (beforeSubmit): a reject without a reject reason.
    const [base] = orders(1, 10);
    const order: TikTokOrder = {
      ...base,
      is_buyer_request_cancel: true,
      pending_buyer_cancellation: {
        cancel_id: '4035318504086098241',
        cancel_reason: 'ecom_order_to_ship_canceled_reason_not_needed',
        cancel_reason_text: 'No longer needed',
        create_time: base.update_time - 60,
        deadline: 4102444800,
      },
    };
    const so = await importedSalesOrder(order);
    const service = world.ns.seed.ui;
    const rec = service.load({ type: 'salesorder', id: so.id });
    rec.setText({ fieldId: 'custbody_tts_cancel_req_answer', text: 'Reject (keep the order)' });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain(
      'Product delivery is on schedule (order_manage_list_action_respond_popup_reject_reason_delivered)',
    );
    // written: nothing
    expect(world.ns.store.get('salesorder', so.id)?.fields.custbody_tts_cancel_req_answer ?? null).toBeNull();
    expect(
      world.ns.store.all('customrecord_tts_outbox').map((r) => r.fields.custrecord_tts_out_kind),
    ).not.toContain('order.cancel_answer');
    return seen;
  },

  async TTS_INVALID_RETURN_ANSWER() {
    // Thrown by the return authorization user event (beforeSubmit): a reject reason TikTok retired in the US.
    const [order] = orders(1, 11);
    const so = await importedSalesOrder(order);
    fulfilSalesOrder(world, so.id);
    editShop(world, { custrecord_tts_shop_push_returns: true, custrecord_tts_shop_answer_returns: true });
    const service = world.ns.seed.ui;
    const sent = await world.restlet('POST', {
      action: 'returns.upsert',
      shopId: DEMO_SHOP.shopId,
      returns: [
        {
          return_id: '4035318504086604111',
          order_id: order.id,
          return_type: 'RETURN_AND_REFUND',
          return_status: 'RETURN_OR_REFUND_REQUEST_PENDING',
          create_time: order.update_time + 60,
          update_time: order.update_time + 60,
          seller_next_action_response: [{ action: 'SELLER_RESPOND_RETURN', deadline: 4102444800 }],
          return_line_items: [
            { return_line_item_id: '4035318504086604112', order_line_item_id: order.line_items[0]?.id },
          ],
        },
      ],
    });
    expect(sent.body).toMatchObject({ results: [{ outcome: 'created' }] });
    const [rma] = world.ns.store.all('returnauthorization');
    if (!rma) throw new Error('no RMA');
    const rec = service.load({ type: 'returnauthorization', id: rma.id });
    rec.setText({
      fieldId: 'custbody_tts_return_reject',
      text: 'Buyer return reason is not valid (reverse_reject_request_reason_1)',
    });
    const seen = refusedSave(service, rec);
    expect(seen.message).toContain('Item is correct (seller_reject_apply_item_is_correct)');
    // written: nothing
    expect(
      world.ns.store.get('returnauthorization', rma.id)?.fields.custbody_tts_return_reject ?? null,
    ).toBeNull();
    expect(
      world.ns.store.all('customrecord_tts_outbox').map((r) => r.fields.custrecord_tts_out_kind),
    ).not.toContain('return.answer');
    return seen;
  },
};

describe('the SuiteApp throws each connector error code in its situation', () => {
  it.each(Object.keys(CONNECTOR_ERRORS) as ConnectorErrorCode[])('%s', async (code) => {
    world = await startConnectorAccount();
    const seen = await scenarios[code]();
    expect(seen.code).toBe(code);
  });
});
