/**
 * Checks a shop's payment method map before it is saved and audits every save afterwards.
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */
define(['require', 'exports', 'N/record', 'N/runtime', 'N/error'], function (
  require,
  exports,
  record,
  runtime,
  error,
) {
  'use strict';
  Object.defineProperty(exports, '__esModule', { value: true });
  exports.afterSubmit = exports.beforeSubmit = void 0;
  var beforeSubmit = function (context) {
    if (context.type === context.UserEventType.DELETE) {
      return;
    }
    var rec = context.newRecord;
    if (rec.getValue({ fieldId: 'custrecord_test_shop_name' }) === 'poke old record') {
      context.oldRecord.setValue({ fieldId: 'custrecord_test_shop_state', value: 'changed' });
    }
    var map = rec.getValue({ fieldId: 'custrecord_test_shop_pm_map' });
    if (map) {
      try {
        JSON.parse(map);
      } catch (e) {
        throw error.create({
          name: 'TEST_INVALID_PM_MAP',
          message: 'Payment Method Map must be JSON such as {"*": "1"}; it is ' + map,
        });
      }
    }
    if (context.type === context.UserEventType.CREATE) {
      rec.setValue({ fieldId: 'custrecord_test_shop_state', value: 'checked' });
    }
  };
  exports.beforeSubmit = beforeSubmit;
  var afterSubmit = function (context) {
    var rec = context.newRecord;
    var script = runtime.getCurrentScript();
    var audit = record.create({ type: 'customrecord_test_audit' });
    audit.setValue({ fieldId: 'custrecord_test_audit_event', value: context.type });
    audit.setValue({ fieldId: 'custrecord_test_audit_context', value: runtime.executionContext });
    audit.setValue({ fieldId: 'custrecord_test_audit_record', value: String(rec.id) });
    audit.setValue({
      fieldId: 'custrecord_test_audit_detail',
      value: JSON.stringify({
        name: rec.getValue({ fieldId: 'custrecord_test_shop_name' }),
        oldName: context.oldRecord
          ? context.oldRecord.getValue({ fieldId: 'custrecord_test_shop_name' })
          : null,
        scriptType: script.scriptType,
        remaining: script.getRemainingUsage(),
        oldRecord: !('oldRecord' in context)
          ? 'absent'
          : context.oldRecord === null
            ? 'null'
            : typeof context.oldRecord,
      }),
    });
    audit.save();
    if (context.type !== context.UserEventType.DELETE) {
      var saves = context.oldRecord
        ? Number(context.oldRecord.getValue({ fieldId: 'custrecord_test_shop_saves' }) || 0)
        : 0;
      record.submitFields({
        type: 'customrecord_test_shop',
        id: rec.id,
        values: { custrecord_test_shop_saves: saves + 1 },
      });
    }
  };
  exports.afterSubmit = afterSubmit;
});
