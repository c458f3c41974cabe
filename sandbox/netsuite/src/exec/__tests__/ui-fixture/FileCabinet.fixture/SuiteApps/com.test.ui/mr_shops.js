/**
 * Creates the shops passed in the custscript_test_payload parameter; names carry the batch number.
 *
 * @NApiVersion 2.1
 * @NScriptType MapReduceScript
 */
define(['require', 'exports', 'N/record', 'N/runtime', 'N/log'], function (
  require,
  exports,
  record,
  runtime,
  log,
) {
  'use strict';
  Object.defineProperty(exports, '__esModule', { value: true });
  exports.summarize = exports.map = exports.getInputData = void 0;
  var getInputData = function () {
    var payload = runtime.getCurrentScript().getParameter({ name: 'custscript_test_payload' });
    return JSON.parse(payload || '[]');
  };
  exports.getInputData = getInputData;
  var map = function (context) {
    var shop = JSON.parse(context.value);
    var batch = runtime.getCurrentScript().getParameter({ name: 'custscript_test_batch' });
    var rec = record.create({ type: 'customrecord_test_shop' });
    rec.setValue({
      fieldId: 'custrecord_test_shop_name',
      value: shop.name + ' #' + batch + ' (' + typeof batch + ')',
    });
    if (shop.pmMap) rec.setValue({ fieldId: 'custrecord_test_shop_pm_map', value: shop.pmMap });
    context.write(context.key, String(rec.save()));
  };
  exports.map = map;
  var summarize = function (summary) {
    summary.mapSummary.errors.iterator().each(function (key, value) {
      log.error({ title: 'shop ' + key + ' failed', details: JSON.parse(value).name });
      return true;
    });
  };
  exports.summarize = summarize;
});
