/**
 * The record types of one account: the catalogue's types (standard records plus the SDF project's
 * custom records and fields) with what the account profile does not have taken out, as NetSuite
 * installs the SuiteApp and shows records in that account.
 *
 * Features (Oracle help, SDF "generic_customfield_selectrecordtype", SDFxml_654195790: -101 depends on
 * CLASSES, -102 on DEPARTMENTS, -103 on LOCATIONS, -117 on SUBSIDIARIES, -122 on MULTICURRENCY):
 * - a record type that needs an absent feature does not exist (subsidiary, location, department,
 *   classification);
 * - a field that selects such a record does not exist, standard or custom: NetSuite removes a custom
 *   record's Subsidiary field when it installs a SuiteApp into an account without OneWorld, and the
 *   installation fails if that field is mandatory (Oracle help section_162462756196, "Enhanced Feature
 *   Dependencies for SDF Custom Objects Containing OneWorld Components"); other feature-restricted
 *   custom objects "are created in the target account, but they'll remain hidden until the feature is
 *   enabled" (subsect_160823364293) — the emulator treats hidden as absent (stricter: a script that
 *   reads one fails here);
 * - standard fields named after the feature are absent: `subsidiary`, `location`, `department`,
 *   `class` on every record and line; without Multiple Currencies the transaction's `currency`,
 *   `exchangerate` and their display fields and the customer's `currency` field and sublist ("If the
 *   Multiple Currencies feature is not enabled, the Currency field value for a sales order is not
 *   editable", section_4698168642 — absent here, stricter); without Multi-Location Inventory the
 *   item-line `location` and the item's `locations` sublist.
 * Tax (the tax model of the profile): fields of the other tax models are absent — US legacy tax has
 * body `taxitem`/`taxrate` and line `istaxable`; non-US legacy tax has line `taxcode`, `taxrate1`,
 * `tax1amt`, `grossamt`; SuiteTax has the `taxdetails` sublist, `taxdetailsoverride` and the line's
 * `taxdetailsreference`. Where the records data does not say which edition has a field, the emulator
 * removes it from the editions it is not documented for (stricter).
 */
import type { FieldInfo, RecordTypeInfo } from '../data/store-types';
import type { AccountProfile, TaxModel } from './account-profile';
import { FEATURE, hasFeature } from './features';

/** Why a record type or field is absent in this account, for messages. */
export interface Absence {
  reason: string;
}

/** Record types, fields and sublists the profile removed, with why (looked up by the error messages). */
export class AccountAbsences {
  private readonly types = new Map<string, string>();
  private readonly fields = new Map<string, string>();

  addType(type: string, reason: string): void {
    this.types.set(type, reason);
  }

  addField(type: string, fieldId: string, reason: string, sublistId?: string): void {
    this.fields.set(key(type, fieldId, sublistId), reason);
  }

  addSublist(type: string, sublistId: string, reason: string): void {
    this.fields.set(`${type}|${sublistId}|*`, reason);
  }

  typeReason(type: string): string | undefined {
    return this.types.get(type.toLowerCase());
  }

  fieldReason(type: string, fieldId: string, sublistId?: string): string | undefined {
    return this.fields.get(key(type.toLowerCase(), fieldId.toLowerCase(), sublistId?.toLowerCase()));
  }

  sublistReason(type: string, sublistId: string): string | undefined {
    return this.fields.get(`${type.toLowerCase()}|${sublistId.toLowerCase()}|*`);
  }
}

function key(type: string, fieldId: string, sublistId?: string): string {
  return `${type}|${sublistId ?? ''}|${fieldId}`;
}

interface FeatureRule {
  feature: string;
  what: string;
  /** Record types that exist only with the feature. */
  recordTypes: readonly string[];
  /** Field ids absent from every record's body and lines without the feature. */
  fieldsEverywhere: readonly string[];
  /** Body fields absent from transactions (and `entityBody` from customers). */
  transactionBody?: readonly string[];
  entityBody?: readonly string[];
  /** Line fields absent from transaction item lines. */
  transactionLines?: readonly string[];
  /** Sublists absent (`type.sublist`; `*` = every type that has it). */
  sublists?: readonly string[];
  /** Line fields absent from other sublists (`type.sublist.field`). */
  sublistFields?: readonly string[];
}

const FEATURE_RULES: readonly FeatureRule[] = [
  {
    feature: FEATURE.SUBSIDIARIES,
    what: 'OneWorld (SUBSIDIARIES)',
    recordTypes: ['subsidiary'],
    fieldsEverywhere: ['subsidiary'],
  },
  {
    feature: FEATURE.LOCATIONS,
    what: 'Locations (LOCATIONS)',
    recordTypes: ['location'],
    fieldsEverywhere: ['location'],
  },
  {
    feature: FEATURE.DEPARTMENTS,
    what: 'Departments (DEPARTMENTS)',
    recordTypes: ['department'],
    fieldsEverywhere: ['department'],
  },
  {
    feature: FEATURE.CLASSES,
    what: 'Classes (CLASSES)',
    recordTypes: ['classification'],
    fieldsEverywhere: ['class'],
  },
  {
    feature: FEATURE.MULTICURRENCY,
    what: 'Multiple Currencies (MULTICURRENCY)',
    recordTypes: [],
    fieldsEverywhere: [],
    transactionBody: ['currency', 'exchangerate', 'currencyname', 'currencysymbol', 'isbasecurrency'],
    entityBody: ['currency'],
    sublists: ['customer.currency'],
  },
  {
    feature: FEATURE.MULTILOCINVT,
    what: 'Multi-Location Inventory (MULTILOCINVT)',
    recordTypes: [],
    fieldsEverywhere: [],
    transactionLines: ['location', 'inventorylocation'],
    sublists: ['inventoryitem.locations'],
    sublistFields: ['inventoryadjustment.inventory.location'],
  },
];

interface TaxRule {
  body: readonly string[];
  lines: readonly string[];
  sublists: readonly string[];
  customerBody: readonly string[];
}

const SUITETAX_ONLY = {
  body: ['taxdetailsoverride'],
  lines: ['taxdetailsreference'],
  sublists: ['taxdetails'],
};
const TAX_RULES: Readonly<Record<TaxModel, TaxRule>> = {
  'us-legacy': {
    body: SUITETAX_ONLY.body,
    lines: ['taxcode', 'taxrate1', 'taxrate2', 'tax1amt', 'grossamt', ...SUITETAX_ONLY.lines],
    sublists: SUITETAX_ONLY.sublists,
    customerBody: [],
  },
  'non-us-legacy': {
    body: ['taxitem', 'taxrate', 'istaxable', ...SUITETAX_ONLY.body],
    lines: ['istaxable', ...SUITETAX_ONLY.lines],
    sublists: SUITETAX_ONLY.sublists,
    customerBody: ['taxitem'],
  },
  suitetax: {
    body: ['taxitem', 'taxrate', 'istaxable'],
    lines: ['istaxable', 'taxcode', 'taxrate1', 'taxrate2', 'tax1amt'],
    sublists: [],
    customerBody: ['taxitem'],
  },
};

const TAX_LABEL: Readonly<Record<TaxModel, string>> = {
  'us-legacy': 'US legacy sales tax',
  'non-us-legacy': 'non-US legacy tax (VAT/GST)',
  suitetax: 'SuiteTax',
};

function reasonOf(rule: FeatureRule, where: string): string {
  return `NetSuite has it only with ${rule.what}, which is not enabled (${where})`;
}

function removeField(fields: Record<string, FieldInfo>, id: string): boolean {
  if (!(id in fields)) return false;
  delete fields[id];
  return true;
}

/** Refused when a mandatory custom field depends on a feature the account does not have. */
export class InstallationError extends Error {}

/**
 * Take out of `types` (mutated) what `profile` does not have; returns why each thing is absent.
 * Throws InstallationError when a mandatory custom field selects a record of an absent feature.
 */
export function applyAccountProfile(types: RecordTypeInfo[], profile: AccountProfile): AccountAbsences {
  const absences = new AccountAbsences();
  const where = `account profile ${profile.id}`;
  const missing = FEATURE_RULES.filter((r) => !hasFeature(profile.features, r.feature));
  const goneTypes = new Map<string, FeatureRule>();
  for (const rule of missing) {
    for (const t of rule.recordTypes) {
      goneTypes.set(t, rule);
      absences.addType(t, `it needs ${rule.what}, which is not enabled (${where})`);
    }
  }
  for (let i = types.length - 1; i >= 0; i--) if (goneTypes.has(types[i]!.id)) types.splice(i, 1);

  const removeSublist = (t: RecordTypeInfo, sublistId: string, reason: string): void => {
    delete t.sublists[sublistId];
    absences.addSublist(t.id, sublistId, reason);
    (t.absent ??= {})[`${sublistId}.*`] = reason;
  };
  const drop = (
    t: RecordTypeInfo,
    fields: Record<string, FieldInfo>,
    id: string,
    reason: string,
    sublistId?: string,
  ): void => {
    const info = fields[id];
    if (!info) return;
    if (t.custom || /^cust/.test(id)) {
      const rule = goneTypes.get(info.selectTarget ?? '');
      if (info.mandatory && rule?.feature === FEATURE.SUBSIDIARIES) {
        throw new InstallationError(
          `The SuiteApp cannot be installed in this account (${where}): ${t.id}.${id} is a mandatory field that selects subsidiaries, and NetSuite installs a custom record's Subsidiary field without OneWorld only when it is not mandatory (Oracle help section_162462756196).`,
        );
      }
    }
    removeField(fields, id);
    absences.addField(t.id, id, reason, sublistId);
    (t.absent ??= {})[sublistId ? `${sublistId}.${id}` : id] = reason;
  };

  for (const t of types) {
    const isTransaction = t.category === 'transaction';
    const isEntity = t.family === 'entity';
    const scopes: Array<{ fields: Record<string, FieldInfo>; sublistId?: string }> = [
      { fields: t.fields },
      ...Object.values(t.sublists).map((s) => ({ fields: s.fields, sublistId: s.id })),
    ];
    // Any field (custom ones included) that selects a record type the account does not have.
    for (const scope of scopes) {
      for (const f of Object.values(scope.fields)) {
        const rule = f.selectTarget ? goneTypes.get(f.selectTarget) : undefined;
        if (rule) drop(t, scope.fields, f.id, reasonOf(rule, where), scope.sublistId);
      }
    }
    for (const rule of missing) {
      const reason = reasonOf(rule, where);
      for (const scope of scopes) {
        for (const id of rule.fieldsEverywhere) drop(t, scope.fields, id, reason, scope.sublistId);
      }
      if (isTransaction) for (const id of rule.transactionBody ?? []) drop(t, t.fields, id, reason);
      if (isEntity) for (const id of rule.entityBody ?? []) drop(t, t.fields, id, reason);
      const itemLines = t.sublists.item;
      if (isTransaction && itemLines) {
        for (const id of rule.transactionLines ?? []) {
          drop(t, itemLines.fields, id, reason, 'item');
          // The catalogue of an account without the feature may not list the field at all: say why anyway.
          (t.absent ??= {})[`item.${id}`] = reason;
        }
      }
      for (const path of rule.sublistFields ?? []) {
        const [type, sublistId, fieldId] = path.split('.') as [string, string, string];
        const sublist = type === t.id ? t.sublists[sublistId] : undefined;
        if (sublist) drop(t, sublist.fields, fieldId, reason, sublistId);
      }
      for (const path of rule.sublists ?? []) {
        const [type, sublistId] = path.split('.') as [string, string];
        if (type === t.id && t.sublists[sublistId]) removeSublist(t, sublistId, reason);
      }
    }
    const tax = TAX_RULES[profile.tax];
    const taxReason = `the account computes tax with ${TAX_LABEL[profile.tax]} (${where}), whose records do not have it`;
    if (isTransaction) {
      for (const id of tax.body) drop(t, t.fields, id, taxReason);
      const itemLines = t.sublists.item;
      if (itemLines) for (const id of tax.lines) drop(t, itemLines.fields, id, taxReason, 'item');
      for (const sublistId of tax.sublists) {
        if (t.sublists[sublistId]) removeSublist(t, sublistId, taxReason);
      }
    }
    if (t.id === 'customer') for (const id of tax.customerBody) drop(t, t.fields, id, taxReason);
  }
  narrowShipStatus(types, profile);
  return absences;
}

/**
 * Without Pick, Pack and Ship every item fulfillment is Shipped: its `shipstatus` takes only C
 * (record/item-fulfillment.ts; the stricter reading of a field NetSuite hides then).
 */
function narrowShipStatus(types: RecordTypeInfo[], profile: AccountProfile): void {
  if (hasFeature(profile.features, FEATURE.PICKPACKSHIP)) return;
  const shipStatus = types.find((t) => t.id === 'itemfulfillment')?.fields.shipstatus;
  if (!shipStatus) return;
  shipStatus.selectTarget = 'list:C';
  shipStatus.listLabels = { C: shipStatus.listLabels?.C ?? 'Shipped' };
  shipStatus.listNote = `Pick, Pack and Ship (${FEATURE.PICKPACKSHIP}) is not enabled in account profile ${profile.id}: every item fulfillment is Shipped (C)`;
}

/**
 * The SDF manifest's required features the account lacks: NetSuite refuses the installation ("If the
 * target account doesn't have the feature enabled, the installation ... will fail with an error",
 * Oracle help section_1523379149).
 */
export function missingRequiredFeatures(
  manifest: { features: readonly { name: string; required: boolean }[] } | undefined,
  profile: AccountProfile,
): string[] {
  return (manifest?.features ?? [])
    .filter((f) => f.required && !hasFeature(profile.features, f.name))
    .map((f) => f.name);
}
