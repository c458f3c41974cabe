/**
 * Commission on sales orders, written for the emulator tests in the spirit of Oracle's sample
 * "calculate-commission-on-salesorders" (oracle-samples/netsuite-suitecloud-samples,
 * ue_calculateCommission.js): after a create or edit, it adds up the MSRP of the lines whose
 * `itemtype` is not Discount, Subtotal or Markup, compares the order's subtotal with it, and stores
 * the commission on the order by loading and saving it again. Not a copy: the same reliance on
 * `itemtype`, `subtotal` and a save from afterSubmit, with its own, simpler rule.
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */
define(['N/record', 'N/log'], (record, log) => {
  const NOT_GOODS = ['Discount', 'Subtotal', 'Markup'];

  const afterSubmit = (context) => {
    if (context.type !== context.UserEventType.CREATE && context.type !== context.UserEventType.EDIT) return;
    const order = context.newRecord;
    const subtotal = Number(order.getValue({ fieldId: 'subtotal' }));
    let msrpTotal = 0;
    for (let line = 0; line < order.getLineCount({ sublistId: 'item' }); line += 1) {
      const read = (fieldId) => order.getSublistValue({ sublistId: 'item', fieldId, line });
      if (NOT_GOODS.includes(read('itemtype'))) continue;
      msrpTotal += Number(read('custcol_pub_msrp') || 0) * Number(read('quantity') || 0);
    }
    // 10% of the subtotal up to half the MSRP, 50% of what is sold above it.
    const floor = msrpTotal / 2;
    const commission = subtotal <= floor ? subtotal * 0.1 : floor * 0.1 + (subtotal - floor) * 0.5;
    const saved = record.load({ type: record.Type.SALES_ORDER, id: order.id });
    saved.setValue({ fieldId: 'custbody_pub_commission', value: Math.round(commission * 100) / 100 });
    saved.save();
    log.audit({ title: 'commission', details: `${order.id}: ${commission}` });
  };

  return { afterSubmit };
});
