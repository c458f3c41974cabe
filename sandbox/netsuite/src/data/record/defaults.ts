/**
 * Values a new record starts with: field default values (custom-field defaults from SDF, checkbox
 * defaults), `trandate` = today (the exchange rate comes with the currency at save: currency.ts), sales-order `orderstatus` from the approval
 * preference, return authorizations Pending Receipt (item fulfillments: their ship status follows Pick,
 * Pack and Ship, item-fulfillment.ts), and the script's
 * `defaultValues` from `record.create` (an id the type does not have is refused).
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import type { RecordTypeInfo } from '../store-types';
import { absenceOf, isCustomFieldId, unknownCustomField, unknownField } from './errors';
import type { Preferences } from './preferences';
import type { NsRecord } from './record';
import { dateString, toStored } from './values';

export function applyCreateDefaults(
  rec: NsRecord,
  prefs: Preferences,
  clock: Clock,
  defaultValues: Record<string, unknown> = {},
): void {
  const info: RecordTypeInfo = rec.info;
  for (const f of Object.values(info.fields)) {
    if (f.defaultValue !== undefined) rec.fields[f.id] = f.defaultValue;
  }
  if (info.category === 'transaction') {
    rec.fields.trandate = dateString(new Date(clock.now()));
  }
  if (info.id === 'salesorder') rec.fields.orderstatus = prefs.defaultOrderStatus;
  if (info.id === 'returnauthorization') rec.fields.orderstatus = 'B';
  for (const [fieldId, value] of Object.entries(defaultValues)) {
    const f = info.fields[fieldId];
    // An id the record type does not have is refused, not dropped (stricter than NetSuite on purpose).
    if (!f) {
      const absent = absenceOf(info, fieldId);
      throw isCustomFieldId(fieldId) ? unknownCustomField(fieldId, `${info.id} records`, absent) : unknownField(info.id, fieldId, undefined, absent);
    }
    rec.fields[fieldId] = toStored(f, value);
  }
}
