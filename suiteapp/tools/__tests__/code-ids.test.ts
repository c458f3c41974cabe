import { findCustomIdsInCode } from '../code-ids';

describe('findCustomIdsInCode', () => {
  test('finds ids in string literals, SuiteQL text and property names, with their lines', () => {
    const code = [
      "const type = 'customrecord_tts_order';",
      'const sql = `SELECT id FROM customrecord_tts_shop WHERE CUSTRECORD_TTS_SHOP_ID = ?`;',
      "rec.setValue({ fieldId: 'custbody_tts_order_id' });",
      'const values = { custbody_tts_shop: 1 };',
      'const v = result.values.custcol_tts_line_ids;',
      "task.create({ scriptId: 'customscript_tts_mr_import_orders', deploymentId: 'customdeploy_tts_mr_import_orders' });",
    ].join('\n');
    expect(findCustomIdsInCode(code, 'x.js')).toEqual([
      { id: 'customrecord_tts_order', line: 1 },
      { id: 'customrecord_tts_shop', line: 2 },
      { id: 'custrecord_tts_shop_id', line: 2 },
      { id: 'custbody_tts_order_id', line: 3 },
      { id: 'custbody_tts_shop', line: 4 },
      { id: 'custcol_tts_line_ids', line: 5 },
      { id: 'customscript_tts_mr_import_orders', line: 6 },
      { id: 'customdeploy_tts_mr_import_orders', line: 6 },
    ]);
  });

  test('skips ids cut by a template substitution, prefixes alone, and names that are not ids', () => {
    const code = [
      'const field = `custrecord_tts_shop_${name}`;',
      "const prefix = 'custbody_';",
      'const custbody_local = 1;',
      "const text = 'mycustbody_x';",
      'const ok = `${a}custitem_tts_sku`;',
    ].join('\n');
    expect(findCustomIdsInCode(code, 'x.js')).toEqual([{ id: 'custitem_tts_sku', line: 5 }]);
  });
});
