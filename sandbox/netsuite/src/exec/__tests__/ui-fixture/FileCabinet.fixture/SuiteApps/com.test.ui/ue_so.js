/**
 * Marks sales orders saved in the deployment's execution contexts.
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 */
define(['require', 'exports', 'N/runtime'], function (require, exports, runtime) {
  'use strict';
  Object.defineProperty(exports, '__esModule', { value: true });
  exports.beforeSubmit = void 0;
  var beforeSubmit = function (context) {
    context.newRecord.setValue({ fieldId: 'memo', value: 'checked in ' + runtime.executionContext });
  };
  exports.beforeSubmit = beforeSubmit;
});
