/**
 * beforeSubmit of the TikTok Category Map (`customrecord_tts_cat_map`, issue #20): a row whose TikTok
 * Category ID is not a category id, or whose Product Attributes are not a JSON object of TikTok attribute
 * id → value(s), is refused with `TTS_INVALID_CATEGORY_MAP` naming the problem and an example
 * (shared-types/src/catalog/push-plan.ts categoryMapProblems). 0 units.
 */
import type * as record from 'N/record';
import { categoryMapProblems, INVALID_CATEGORY_MAP } from '../../../../shared-types/src/catalog/push-plan';
import { readerOf } from '../dao/netsuite-record';
import { categoryMapBeingSaved } from '../mappers/category-map-mapper';
import { connectorError } from '../platform/errors';

export function checkCategoryMapBeforeSubmit(type: string, newRecord: record.Record): void {
  if (type === 'delete') return;
  const problem = categoryMapProblems(categoryMapBeingSaved(readerOf(newRecord)));
  if (problem !== null) throw connectorError(INVALID_CATEGORY_MAP, problem);
}
