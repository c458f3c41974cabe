/**
 * Shop maintenance over REST: create, edit, inline edit, delete, queue the import, create an order.
 *
 * @NApiVersion 2.1
 * @NScriptType Restlet
 */
define(['require', 'exports', 'N/record', 'N/task', 'N/url'], function (require, exports, record, task, url) {
  'use strict';
  Object.defineProperty(exports, '__esModule', { value: true });
  exports.post = void 0;
  var SHOP = 'customrecord_test_shop';
  var setShop = function (rec, body) {
    if (body.name !== undefined) rec.setValue({ fieldId: 'custrecord_test_shop_name', value: body.name });
    if (body.pmMap !== undefined) rec.setValue({ fieldId: 'custrecord_test_shop_pm_map', value: body.pmMap });
  };
  var post = function (body) {
    switch (body.action) {
      case 'create': {
        var created = record.create({ type: SHOP });
        setShop(created, body);
        return { id: created.save() };
      }
      case 'edit': {
        var loaded = record.load({ type: SHOP, id: body.id });
        setShop(loaded, body);
        return { id: loaded.save() };
      }
      case 'xedit':
        return { id: record.submitFields({ type: SHOP, id: body.id, values: body.values }) };
      case 'delete':
        return { id: record.delete({ type: SHOP, id: body.id }) };
      case 'queue': {
        var taskId = task
          .create({
            taskType: task.TaskType.MAP_REDUCE,
            scriptId: 'customscript_test_mr_shops',
            params: body.params,
          })
          .submit();
        return { taskId: taskId, deploymentId: task.checkStatus({ taskId: taskId }).deploymentId };
      }
      case 'order': {
        var so = record.create({ type: record.Type.SALES_ORDER });
        Object.keys(body.fields).forEach(function (fieldId) {
          so.setValue({ fieldId: fieldId, value: body.fields[fieldId] });
        });
        body.lines.forEach(function (line, i) {
          Object.keys(line).forEach(function (fieldId) {
            so.setSublistValue({ sublistId: 'item', fieldId: fieldId, line: i, value: line[fieldId] });
          });
        });
        return { id: so.save() };
      }
      case 'urls':
        return {
          suitelet: url.resolveScript({
            scriptId: 'customscript_test_sl_shops',
            deploymentId: 'customdeploy_test_sl_shops',
            params: { a: 'b c' },
          }),
          external: url.resolveScript({
            scriptId: 'customscript_test_sl_shops',
            deploymentId: 'customdeploy_test_sl_shops',
            returnExternalUrl: true,
          }),
          record: url.resolveRecord({ recordType: SHOP, recordId: 7, isEditMode: true }),
          order: url.resolveRecord({ recordType: 'salesorder', recordId: 8 }),
        };
      default:
        throw new Error('unknown action ' + body.action);
    }
  };
  exports.post = post;
});
