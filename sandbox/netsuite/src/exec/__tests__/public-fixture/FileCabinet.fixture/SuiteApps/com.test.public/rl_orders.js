/**
 * Sales orders over REST, written for the emulator tests in the spirit of a public RESTlet (Jobin &
 * Jismi's "fetch open sales orders" API, OTP-8977, found with the search tool): GET lists open orders
 * with a status search or reads one order's lines; POST fulfils an order with record.transform and
 * answers NetSuite's refusals (INVALID_INITIALIZE_REF, VALID_LINE_ITEM_REQD) as messages; PUT sets a
 * fulfilment's memo; DELETE removes a fulfilment. Not a copy: the behaviour it relies on, rewritten.
 *
 * @NApiVersion 2.1
 * @NScriptType Restlet
 */
define(['N/record', 'N/search', 'N/log'], (record, search, log) => {
  const OPEN = ['SalesOrd:B', 'SalesOrd:D', 'SalesOrd:E', 'SalesOrd:F'];

  const openOrders = () =>
    search
      .create({
        type: search.Type.SALES_ORDER,
        filters: [['mainline', 'is', 'T'], 'AND', ['status', 'anyof', ...OPEN]],
        columns: ['tranid', 'status', 'total'],
      })
      .run()
      .getRange({ start: 0, end: 100 })
      .map((row) => ({
        id: row.id,
        number: row.getValue({ name: 'tranid' }),
        status: row.getValue({ name: 'status' }),
        statusText: row.getText({ name: 'status' }),
        total: row.getValue({ name: 'total' }),
      }));

  const orderLines = (id) => {
    const order = record.load({ type: record.Type.SALES_ORDER, id });
    const lines = [];
    for (let line = 0; line < order.getLineCount({ sublistId: 'item' }); line += 1) {
      const read = (fieldId) => order.getSublistValue({ sublistId: 'item', fieldId, line });
      lines.push({
        item: order.getSublistText({ sublistId: 'item', fieldId: 'item', line }),
        type: read('itemtype'),
        quantity: read('quantity'),
        fulfilled: read('quantityfulfilled'),
        amount: read('amount'),
      });
    }
    return {
      status: order.getValue({ fieldId: 'status' }),
      statusRef: order.getValue({ fieldId: 'statusRef' }),
      lines,
    };
  };

  const get = (params) => (params.orderId ? orderLines(params.orderId) : { orders: openOrders() });

  const post = (body) => {
    try {
      const fulfilment = record.transform({
        fromType: record.Type.SALES_ORDER,
        fromId: body.orderId,
        toType: record.Type.ITEM_FULFILLMENT,
        isDynamic: true,
      });
      fulfilment.setValue({ fieldId: 'shipstatus', value: 'C' });
      return { fulfilmentId: fulfilment.save() };
    } catch (e) {
      if (e.name === 'INVALID_INITIALIZE_REF')
        return { notFound: `Sales order ${body.orderId} has nothing to fulfil` };
      if (e.name === 'VALID_LINE_ITEM_REQD')
        return { unavailable: 'Item quantity is not sufficient for fulfilling' };
      log.error({ title: 'fulfil', details: e });
      throw e;
    }
  };

  const put = (body) => ({
    fulfilmentId: record.submitFields({
      type: record.Type.ITEM_FULFILLMENT,
      id: body.fulfilmentId,
      values: { memo: body.memo },
    }),
  });

  const doDelete = (params) => ({
    deleted: record.delete({ type: record.Type.ITEM_FULFILLMENT, id: params.fulfilmentId }),
  });

  return { get, post, put, delete: doDelete };
});
