/**
 * Logs what an item fulfillment user event sees: the event type, the ship status and tracking
 * numbers of the new and old record, and the order it fulfils.
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */
define(['require', 'exports', 'N/log'], function (require, exports, log) {
  'use strict';
  Object.defineProperty(exports, '__esModule', { value: true });
  function describe(rec) {
    if (!rec) return 'absent';
    var tracking = [];
    var count = rec.getLineCount({ sublistId: 'package' });
    for (var i = 0; i < count; i++) {
      tracking.push(rec.getSublistValue({ sublistId: 'package', fieldId: 'packagetrackingnumber', line: i }));
    }
    return {
      id: rec.id,
      shipstatus: rec.getValue({ fieldId: 'shipstatus' }),
      createdfrom: rec.getValue({ fieldId: 'createdfrom' }),
      tracking: tracking,
    };
  }
  function record(stage) {
    return function (context) {
      log.audit(
        stage,
        JSON.stringify({
          type: context.type,
          newRecord: describe(context.newRecord),
          oldRecord: describe(context.oldRecord),
        }),
      );
    };
  }
  exports.beforeSubmit = record('beforeSubmit');
  exports.afterSubmit = record('afterSubmit');
});
