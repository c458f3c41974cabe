/**
 * The emulator's standard record types, generated from NetSuite's records catalogue
 * (suiteapp/reference/netsuite-records/, loaded by suiteapp/tools/netsuite-catalogue.ts) for one set
 * of account profiles (default: US legacy tax with Multi-Location Inventory): every body field, sublist
 * and sublist field the catalogue lists, with NetSuite's labels, kinds and required flags, plus the
 * emulator overlay (overlay.ts) for what the data does not carry. A field the catalogue lacks does not
 * exist in the emulator, so scripts that use it fail loudly.
 */
import type { AccountProfile, CatalogueField, NetSuiteCatalogue } from '../../../../../suiteapp/tools/netsuite-catalogue';
import { DEFAULT_PROFILES, loadNetSuiteCatalogue } from '../../../../../suiteapp/tools/netsuite-catalogue';
import type { FieldInfo, RecordTypeInfo, SublistInfo } from '../store-types';
import { kindOf } from './field-kinds';
import { field } from './fields';
import type { FieldFacts, SubrecordFact, TypeOverlay } from './overlay';
import { EMULATED_TYPES } from './overlay';

function toFieldInfo(f: CatalogueField, facts: FieldFacts | undefined, where: string): FieldInfo | null {
  const mapped = kindOf(f.type, `${where}.${f.id}`);
  if (!mapped) return null;
  const kind = facts?.kind ?? mapped.kind;
  const options: Parameters<typeof field>[3] = { mandatory: facts?.mandatory ?? f.required };
  if (facts?.maxLength !== undefined) options.maxLength = facts.maxLength;
  if (facts?.readOnly) options.readOnly = true;
  // Unchecked unless the overlay says otherwise, as the emulator's checkbox builder always did.
  if (facts?.defaultValue !== undefined) options.defaultValue = facts.defaultValue;
  else if (kind === 'checkbox') options.defaultValue = false;
  // Field ids keep NetSuite's spelling (`statusRef`): SuiteScript field ids are matched exactly here.
  const info = field(f.id, kind, f.label || f.id, options);
  if (mapped.tfRadio && kind === 'checkbox') info.tfRadio = true;
  if (facts?.statusRefs) info.statusRefs = facts.statusRefs;
  if (facts?.refOfStatus) info.refOfStatus = true;
  if (facts?.listLabels) {
    info.listLabels = facts.listLabels;
    info.selectTarget = facts.selectTarget ?? `list:${Object.keys(facts.listLabels).join(',')}`;
  } else if (facts?.selectTarget && (kind === 'select' || kind === 'multiselect')) {
    info.selectTarget = facts.selectTarget;
  }
  return info;
}

function fieldsOf(
  source: ReadonlyMap<string, CatalogueField>,
  facts: Readonly<Record<string, FieldFacts>> | undefined,
  where: string,
): Record<string, FieldInfo> {
  const out: Record<string, FieldInfo> = {};
  for (const f of source.values()) {
    const info = toFieldInfo(f, facts?.[f.id.toLowerCase()], where);
    if (info) out[info.id] = info;
  }
  return out;
}

/** Summary fields the overlay models as subrecords; each must be a summary field in the catalogue. */
function subrecordsOf(
  source: ReadonlyMap<string, CatalogueField>,
  facts: Readonly<Record<string, SubrecordFact>> | undefined,
  where: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [fieldId, fact] of Object.entries(facts ?? {})) {
    const f = source.get(fieldId);
    if (!f || f.type !== 'summary') {
      throw new Error(`Emulator overlay: ${where}.${fieldId} is not a subrecord (summary) field in the NetSuite catalogue.`);
    }
    out[fieldId] = fact.type;
  }
  return out;
}

function generateType(catalogue: NetSuiteCatalogue, id: string, overlay: TypeOverlay): RecordTypeInfo {
  const t = catalogue.recordType(id);
  if (!t) throw new Error(`Emulator overlay names ${id}, which the NetSuite catalogue does not describe.`);
  const sublists: Record<string, SublistInfo> = {};
  for (const s of t.sublists.values()) {
    const sid = s.id.toLowerCase();
    const info: SublistInfo = { id: sid, fields: fieldsOf(s.fields, overlay.lines?.[sid], `${id}.${sid}`) };
    if (overlay.staticSublists?.[sid]) info.staticLines = true;
    const subs = subrecordsOf(s.fields, overlay.lineSubrecords?.[sid], `${id}.${sid}`);
    if (Object.keys(subs).length) info.subrecords = subs;
    sublists[sid] = info;
  }
  const info: RecordTypeInfo = {
    id,
    label: t.label,
    category: overlay.category,
    family: overlay.family,
    externalIdGroup: overlay.externalIdGroup,
    optimisticLocking: overlay.optimisticLocking,
    custom: false,
    displayField: overlay.displayField,
    fields: fieldsOf(t.fields, overlay.fields, id),
    sublists,
    subrecords: subrecordsOf(t.fields, overlay.subrecords, id),
    transformTargets: catalogue.transformTargets(id),
    searchType: catalogue.searchTypeOf(id),
  };
  if (overlay.transactionType) info.transactionType = overlay.transactionType.code;
  if (overlay.isItem) info.isItem = true;
  if (overlay.createOnlyByTransform) info.createOnlyByTransform = true;
  if (overlay.subrecordOnly) info.subrecordOnly = true;
  return info;
}

/** The standard record types for `profiles`, fresh objects each call (callers add custom fields to them). */
export function generateStandardTypes(
  profiles: readonly AccountProfile[] = DEFAULT_PROFILES,
  catalogue: NetSuiteCatalogue = loadNetSuiteCatalogue({ profiles }),
): RecordTypeInfo[] {
  return Object.entries(EMULATED_TYPES)
    .filter(([id, overlay]) => !overlay.onlyWithProfile || catalogue.hasRecordType(id))
    .map(([id, overlay]) => generateType(catalogue, id, overlay));
}
