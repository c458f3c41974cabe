/**
 * Fulfils sales orders in bulk, written for the emulator tests in the spirit of Oracle's sample
 * "mr-transform-record" (oracle-samples/netsuite-suitecloud-samples, map-reduce-scripts/
 * mr-transform-record/…/transform.js): the input is a query of orders with their status shown as
 * text, map() transforms each order not yet pending billing into a shipped item fulfillment whose
 * lines ship their remaining quantity, and summarize() reports what failed. The sample reads a
 * workbook and then bills each order; this one reads SuiteQL (BUILTIN.DF / BUILTIN.CF of the status)
 * and does not bill (the emulator does not model sales order → invoice). Not a copy.
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
define(['N/record', 'N/log'], (record, log) => {
  const getInputData = () => ({
    type: 'suiteql',
    query:
      "SELECT t.id, BUILTIN.DF(t.status) AS status FROM transaction t WHERE BUILTIN.CF(t.status) IN ('SalesOrd:B', 'SalesOrd:E') ORDER BY t.id",
    params: [],
  });

  const map = (context) => {
    const [orderId, status] = JSON.parse(context.value).values;
    if (status === 'Sales Order : Pending Billing') return;
    const fulfilment = record.transform({
      fromType: record.Type.SALES_ORDER,
      fromId: orderId,
      toType: record.Type.ITEM_FULFILLMENT,
    });
    fulfilment.setValue({ fieldId: 'shipstatus', value: 'C' });
    for (let line = 0; line < fulfilment.getLineCount({ sublistId: 'item' }); line += 1) {
      const remaining = fulfilment.getSublistValue({ sublistId: 'item', fieldId: 'quantityremaining', line });
      fulfilment.setSublistValue({ sublistId: 'item', fieldId: 'quantity', line, value: remaining });
    }
    context.write({ key: String(orderId), value: String(fulfilment.save()) });
  };

  const summarize = (summary) => {
    summary.mapSummary.errors.iterator().each((key, error) => {
      log.error({ title: `map error for order ${key}`, details: error });
      return true;
    });
    summary.output.iterator().each((key, value) => {
      log.audit({ title: `order ${key}`, details: `fulfilment ${value}` });
      return true;
    });
  };

  return { getInputData, map, summarize };
});
