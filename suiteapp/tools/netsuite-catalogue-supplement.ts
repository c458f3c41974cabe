/**
 * The supplement to NetSuite's records data (`suiteapp/reference/netsuite-records/supplement.json`):
 * its shape, and the checks every entry must pass before the catalogue loader uses it.
 *
 * Each entry fills one gap of Oracle's `records.json` (a record type, body fields, a sublist, sublist
 * fields, search columns, filters or joins, transform targets, a search type), cites its sources (an
 * Oracle help page, a SuiteAnswers id, public code with repository, commit and path, or the vendored
 * records.json itself as supporting evidence) and names the account profile it holds for.
 */
import type { RecordsJsonField, RecordsJsonRecord, RecordsJsonSublist } from './netsuite-catalogue-files';

/** Account profiles an entry can hold for (`all` = every account). */
export const ACCOUNT_PROFILES = [
  'all',
  'us-legacy-tax',
  'non-us-legacy-tax',
  'suitetax',
  'multi-location',
] as const;
export type AccountProfile = (typeof ACCOUNT_PROFILES)[number];

/** What the emulator runs by default: a US account with legacy tax and Multi-Location Inventory. */
export const DEFAULT_PROFILES: readonly AccountProfile[] = ['us-legacy-tax', 'multi-location'];

export type SupplementSource =
  | { url: string; title?: string; says: string }
  | { suiteAnswers: string; title?: string; says: string }
  | { repo: string; commit?: string; path: string; says: string }
  | { vendored: 'records.json'; says: string };

export interface SupplementSearchJoin {
  joinId: string;
  /** The record (or search) type the join leads to. */
  recordType: string;
  label?: string;
}

interface EntryBase {
  id: string;
  recordType: string;
  profile: AccountProfile;
  sources: SupplementSource[];
  note?: string;
}

export type SupplementEntry = EntryBase &
  (
    | { adds: 'recordType'; record: RecordsJsonRecord & { recordName: string } }
    | { adds: 'bodyFields'; fields: RecordsJsonField[] }
    | { adds: 'sublist'; sublist: RecordsJsonSublist }
    | { adds: 'sublistFields'; sublist: string; fields: RecordsJsonField[] }
    | { adds: 'searchColumns'; columns: RecordsJsonField[] }
    | { adds: 'searchFilters'; filters: RecordsJsonField[] }
    | { adds: 'searchJoins'; joins: SupplementSearchJoin[] }
    | { adds: 'transforms'; targets: string[] }
    | { adds: 'searchType'; searchType: string }
  );

export interface Supplement {
  about: string;
  profiles: Record<AccountProfile, string>;
  entries: SupplementEntry[];
}

/** One line of a citation, for messages: `https://docs.oracle.com/...` or `repo@commit:path`. */
export function citeSource(source: SupplementSource): string {
  if ('url' in source) return source.url;
  if ('suiteAnswers' in source) return `SuiteAnswers ${source.suiteAnswers}`;
  if ('repo' in source)
    return `${source.repo}${source.commit ? `@${source.commit.slice(0, 7)}` : ''}:${source.path}`;
  return `suiteapp/reference/netsuite-records/${source.vendored}`;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Why `source` is not a usable citation, or null. */
function sourceProblem(source: SupplementSource): string | null {
  if (!source || typeof source !== 'object') return 'a source must be an object';
  if (!nonEmpty((source as { says?: unknown }).says)) return 'a source must say what it shows ("says")';
  if ('url' in source) {
    return /^https:\/\/\S+$/.test(source.url)
      ? null
      : `source url "${String(source.url)}" is not an https URL`;
  }
  if ('suiteAnswers' in source) {
    return /^\d+$/.test(source.suiteAnswers)
      ? null
      : `SuiteAnswers id "${source.suiteAnswers}" is not a number`;
  }
  if ('repo' in source) {
    if (!/^[\w.-]+\/[\w.-]+$/.test(source.repo)) return `repo "${source.repo}" is not owner/name`;
    if (!nonEmpty(source.path)) return `source in ${source.repo} has no path`;
    if (source.commit !== undefined && !/^[0-9a-f]{40}$/.test(source.commit))
      return `commit "${source.commit}" is not 40 hex digits`;
    return null;
  }
  if ('vendored' in source)
    return source.vendored === 'records.json' ? null : 'vendored sources name records.json';
  return 'a source needs url, suiteAnswers, repo+path, or vendored';
}

/** Sources that may stand alone: the vendored records.json only supports other evidence. */
function isPrimary(source: SupplementSource): boolean {
  return !('vendored' in source);
}

function fieldProblems(fields: unknown, where: string): string[] {
  if (!Array.isArray(fields) || fields.length === 0) return [`${where}: lists no fields`];
  return (fields as RecordsJsonField[]).flatMap((f, i) =>
    nonEmpty(f?.internalId) && nonEmpty(f?.type) && typeof f?.label === 'string'
      ? []
      : [`${where}: field ${i + 1} needs internalId, type and label`],
  );
}

function payloadProblems(entry: SupplementEntry): string[] {
  const where = `entry ${entry.id}`;
  switch (entry.adds) {
    case 'recordType':
      if (!entry.record || entry.record.internalId !== entry.recordType)
        return [`${where}: record.internalId must be ${entry.recordType}`];
      return [
        ...fieldProblems(entry.record.fields, where),
        ...(entry.record.sublists ?? []).flatMap((s) =>
          fieldProblems(s.fields, `${where}, sublist ${s.internalId}`),
        ),
      ];
    case 'bodyFields':
      return fieldProblems(entry.fields, where);
    case 'sublist':
      return nonEmpty(entry.sublist?.internalId)
        ? fieldProblems(entry.sublist.fields, where)
        : [`${where}: sublist has no internalId`];
    case 'sublistFields':
      return nonEmpty(entry.sublist) ? fieldProblems(entry.fields, where) : [`${where}: names no sublist`];
    case 'searchColumns':
      return fieldProblems(entry.columns, where);
    case 'searchFilters':
      return fieldProblems(entry.filters, where);
    case 'searchJoins':
      return Array.isArray(entry.joins) &&
        entry.joins.length > 0 &&
        entry.joins.every((j) => nonEmpty(j.joinId) && nonEmpty(j.recordType))
        ? []
        : [`${where}: every join needs joinId and recordType`];
    case 'transforms':
      return Array.isArray(entry.targets) && entry.targets.length > 0 && entry.targets.every(nonEmpty)
        ? []
        : [`${where}: lists no targets`];
    case 'searchType':
      return nonEmpty(entry.searchType) ? [] : [`${where}: names no searchType`];
    default:
      return [
        `${where}: unknown kind "${String((entry as { adds?: unknown }).adds)}" (use recordType, bodyFields, sublist, sublistFields, searchColumns, searchFilters, searchJoins, transforms or searchType)`,
      ];
  }
}

/**
 * Every problem of the supplement's entries: a missing or unknown profile, no sources, a source that
 * cites nothing usable, only the vendored data as evidence, a duplicate id, or a malformed payload.
 * The file lives at suiteapp/reference/netsuite-records/supplement.json.
 */
export function supplementProblems(supplement: Supplement): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  if (!supplement || !Array.isArray(supplement.entries)) return ['supplement.json has no "entries" array'];
  supplement.entries.forEach((entry, i) => {
    const where = `entry ${nonEmpty(entry?.id) ? entry.id : `#${i + 1}`}`;
    if (!nonEmpty(entry?.id)) problems.push(`${where}: has no id`);
    else if (seen.has(entry.id)) problems.push(`${where}: id is used twice`);
    else seen.add(entry.id);
    if (!nonEmpty(entry?.recordType)) problems.push(`${where}: names no recordType`);
    if (!nonEmpty(entry?.profile))
      problems.push(`${where}: names no profile (one of ${ACCOUNT_PROFILES.join(', ')})`);
    else if (!(ACCOUNT_PROFILES as readonly string[]).includes(entry.profile)) {
      problems.push(
        `${where}: unknown profile "${entry.profile}" (use one of ${ACCOUNT_PROFILES.join(', ')})`,
      );
    }
    if (!Array.isArray(entry?.sources) || entry.sources.length === 0) {
      problems.push(
        `${where}: cites no sources (an Oracle help page, a SuiteAnswers id, or public code: repo + path)`,
      );
    } else {
      for (const s of entry.sources) {
        const p = sourceProblem(s);
        if (p) problems.push(`${where}: ${p}`);
      }
      if (!entry.sources.some(isPrimary))
        problems.push(`${where}: the vendored records.json alone is not a source for a gap in it`);
    }
    if (entry && nonEmpty(entry.id)) problems.push(...payloadProblems(entry));
  });
  return problems;
}
