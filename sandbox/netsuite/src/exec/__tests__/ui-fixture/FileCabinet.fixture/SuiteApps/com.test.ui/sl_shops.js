/**
 * A shops page: a form to add a shop and a list of shops to mark; posts back to itself.
 *
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 */
define([
  'require',
  'exports',
  'N/ui/serverWidget',
  'N/record',
  'N/search',
  'N/redirect',
  'N/runtime',
], function (require, exports, serverWidget, record, search, redirect, runtime) {
  'use strict';
  Object.defineProperty(exports, '__esModule', { value: true });
  exports.onRequest = void 0;
  var SHOP = 'customrecord_test_shop';
  var FT = serverWidget.FieldType;
  var showForm = function (context) {
    var params = context.request.parameters;
    var form = serverWidget.createForm({ title: 'Test Shops' });
    if (params.saved) {
      form.addPageInitMessage({
        type: 'CONFIRMATION',
        title: 'Saved',
        message: 'Shop ' + params.saved + ' saved.',
      });
    }
    form.addField({ id: 'custpage_name', type: FT.TEXT, label: 'Shop name' }).isMandatory = true;
    form.addField({ id: 'custpage_pm_map', type: FT.TEXTAREA, label: 'Payment Method Map' }).defaultValue =
      '{"*": "1"}';
    form.addField({ id: 'custpage_active', type: FT.CHECKBOX, label: 'Active' }).defaultValue = 'T';
    var kind = form.addField({ id: 'custpage_kind', type: FT.SELECT, label: 'Kind' });
    kind.addSelectOption({ value: 'local', text: 'Local' });
    kind.addSelectOption({ value: 'cross', text: 'Cross-border', isSelected: true });
    form.addField({ id: 'custpage_customer', type: FT.SELECT, label: 'Customer', source: 'customer' });
    form.addField({ id: 'custpage_count', type: 'integer', label: 'Count' }).defaultValue = 3;
    form.addField({ id: 'custpage_fee', type: FT.CURRENCY, label: 'Fee' });
    form.addField({ id: 'custpage_help', type: FT.INLINEHTML, label: 'Help' }).defaultValue =
      '<p class="help">Enter <b>JSON</b></p>';
    form.addField({
      id: 'custpage_note',
      type: FT.LABEL,
      label: 'Saved shops are listed below & can be marked',
    });
    form
      .addField({ id: 'custpage_format', type: FT.TEXT, label: 'Format' })
      .updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN }).defaultValue =
      params.format || 'page';
    var list = form.addSublist({ id: 'custpage_shops', type: serverWidget.SublistType.LIST, label: 'Shops' });
    list.addMarkAllButtons();
    list.addField({ id: 'custpage_pick', type: FT.CHECKBOX, label: 'Pick' });
    list.addField({ id: 'custpage_id', type: FT.TEXT, label: 'ID' });
    list.addField({ id: 'custpage_shop_name', type: FT.TEXT, label: 'Name' });
    var rows = search
      .create({ type: SHOP, columns: ['custrecord_test_shop_name'] })
      .run()
      .getRange({ start: 0, end: 100 });
    rows.forEach(function (row, line) {
      list.setSublistValue({ id: 'custpage_id', line: line, value: String(row.id) });
      list.setSublistValue({
        id: 'custpage_shop_name',
        line: line,
        value: row.getValue('custrecord_test_shop_name'),
      });
    });
    form.addSubmitButton({ label: 'Save shop' });
    form.addButton({ id: 'custpage_refresh', label: 'Refresh', functionName: 'refresh' });
    context.response.setHeader({ name: 'X-Test-Page', value: 'shops' });
    context.response.writePage(form);
  };
  var save = function (context) {
    var request = context.request;
    var params = request.parameters;
    var shop = record.create({ type: SHOP });
    shop.setValue({ fieldId: 'custrecord_test_shop_name', value: params.custpage_name });
    shop.setValue({ fieldId: 'custrecord_test_shop_pm_map', value: params.custpage_pm_map });
    var id = shop.save();
    var picked = [];
    for (var line = 0; line < request.getLineCount({ group: 'custpage_shops' }); line += 1) {
      if (request.getSublistValue({ group: 'custpage_shops', name: 'custpage_pick', line: line }) === 'T') {
        var shopId = request.getSublistValue({ group: 'custpage_shops', name: 'custpage_id', line: line });
        record.submitFields({ type: SHOP, id: shopId, values: { custrecord_test_shop_state: 'picked' } });
        picked.push(shopId);
      }
    }
    if (params.custpage_format === 'json') {
      context.response.setHeader({ name: 'Content-Type', value: 'application/json' });
      context.response.write(
        JSON.stringify({
          id: id,
          picked: picked,
          active: params.custpage_active,
          kind: params.custpage_kind,
          count: params.custpage_count,
        }),
      );
      return;
    }
    var script = runtime.getCurrentScript();
    redirect.toSuitelet({
      scriptId: script.id,
      deploymentId: script.deploymentId,
      parameters: { saved: id },
    });
  };
  var onRequest = function (context) {
    var mode = context.request.parameters.mode;
    if (mode === 'fail') {
      throw new TypeError('the page broke');
    }
    if (mode === 'text') {
      context.response.write({
        output: runtime.executionContext + ' ' + runtime.getCurrentScript().getRemainingUsage(),
      });
      return;
    }
    if (context.request.method === 'POST') {
      save(context);
    } else {
      showForm(context);
    }
  };
  exports.onRequest = onRequest;
});
