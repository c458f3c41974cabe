/**
 * The TikTok Category Map (`customrecord_tts_cat_map`, issue #20): per row a NetSuite item class
 * (`custrecord_tts_cm_class`), the TikTok leaf category its items go to (`custrecord_tts_cm_category`)
 * and the product attributes of that category as JSON (`custrecord_tts_cm_attrs`,
 * shared-types/src/catalog/push-plan.ts parseAttributeMap). Read whole by the product push (one SuiteQL).
 */
import type { CategoryMapRow } from '../../../../shared-types/src/catalog/push-plan';
import type { RecordReader, Row } from './record-declaration';
import { declareRecord } from './record-declaration';
import type { Sql } from './sql';
import { sql } from './sql';
import { idOf, textOf } from './values';

export const CATEGORY_MAP = declareRecord({
  recordType: 'customrecord_tts_cat_map',
  body: {
    name: 'name',
    class: 'custrecord_tts_cm_class',
    category: 'custrecord_tts_cm_category',
    attributes: 'custrecord_tts_cm_attrs',
  },
  suiteql: {
    table: 'customrecord_tts_cat_map',
    columns: {
      id: 'id',
      isInactive: 'isinactive',
      class: 'custrecord_tts_cm_class',
      category: 'custrecord_tts_cm_category',
      attributes: 'custrecord_tts_cm_attrs',
    },
  },
});

const c = CATEGORY_MAP.suiteql.columns;

/** Every active row, oldest first (the first row of a class or category wins). */
export const CATEGORY_MAP_QUERY: Sql = sql`SELECT ${c.id} AS id, ${c.class} AS class_id, ${c.category} AS category, ${c.attributes} AS attrs FROM ${CATEGORY_MAP.suiteql.table} WHERE ${c.isInactive} = 'F' ORDER BY ${c.id} ASC`;

export function categoryMapFromRow(row: Row): CategoryMapRow | null {
  const id = idOf(row.id);
  const categoryId = textOf(row.category);
  if (id === null || categoryId === null) return null;
  return { id, classId: idOf(row.class_id), categoryId: categoryId.trim(), attributes: textOf(row.attrs) };
}

/** The TikTok Category ID and Product Attributes of a row being saved (null: not on the record, an inline edit). */
export function categoryMapBeingSaved(rec: RecordReader): {
  category: string | null;
  attributes: string | null;
} {
  return {
    category: textOf(rec.value(CATEGORY_MAP.body.category)),
    attributes: textOf(rec.value(CATEGORY_MAP.body.attributes)),
  };
}
