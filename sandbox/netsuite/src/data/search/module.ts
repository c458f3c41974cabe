/**
 * The `N/search` module scripts see: create, load, lookupFields, the Type, Operator and Summary enums,
 * each call charged to the running script.
 */
import type { Clock } from '../../../../../shared-types/src/time/clock';
import { systemClock } from '../../../../../shared-types/src/time/clock';
import { currentInvocation } from '../../context';
import { NS, SuiteScriptError } from '../../errors';
import type { RecordReader } from '../store-types';
import type { CreateColumnOptions } from './column';
import { SearchColumn } from './column';
import { Operator, Sort, Summary } from './enums';
import { resolveSearchTypes } from './execute';
import type { CreateFilterOptions } from './filter';
import { SearchFilter } from './filter';
import type { LookupFieldsOptions, LookupValue } from './lookup-fields';
import { lookupFields } from './lookup-fields';
import type { SearchCreateOptions } from './search';
import { SearchObject } from './search';
import { SearchType } from './search-type-enum';

export interface SearchModuleOptions {
  /** Resolves relative date filters (`today`, `daysago7`). Defaults to the system clock. */
  clock?: Clock;
}

export interface SearchModule {
  Type: typeof SearchType;
  Operator: typeof Operator;
  Sort: typeof Sort;
  Summary: typeof Summary;
  create(options: SearchCreateOptions): SearchObject;
  load(options: { id: string; type?: string }): SearchObject;
  createColumn(options: CreateColumnOptions): SearchColumn;
  createFilter(options: CreateFilterOptions): SearchFilter;
  lookupFields(options: LookupFieldsOptions): Record<string, LookupValue>;
  /** Emulator hook: make `search.load({id})` find a saved search (e.g. one defined in the SDF project). */
  registerSavedSearch(definition: SearchCreateOptions & { id: string }): void;
}

/** The `N/search` module over the records `reader` holds. */
export function createSearchModule(reader: RecordReader, options: SearchModuleOptions = {}): SearchModule {
  const deps = { reader, clock: options.clock ?? systemClock };
  const saved = new Map<string, SearchCreateOptions & { id: string }>();

  const create = (opts: SearchCreateOptions): SearchObject => {
    if (!opts || !opts.type) {
      throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, 'search.create: Missing a required argument: type');
    }
    resolveSearchTypes(reader, opts.type);
    currentInvocation().meter.chargeApi('search.create');
    return new SearchObject(deps, opts);
  };

  return {
    Type: SearchType,
    Operator,
    Sort,
    Summary,
    create,
    load(opts) {
      const def = saved.get(String(opts?.id ?? '').toLowerCase());
      if (!def) {
        throw new SuiteScriptError(NS.INVALID_SEARCH, `That search or mass update does not exist: ${String(opts?.id)}.`);
      }
      currentInvocation().meter.chargeApi('search.load');
      return new SearchObject(deps, def);
    },
    createColumn: (opts) => new SearchColumn(opts),
    createFilter: (opts) => new SearchFilter(opts),
    lookupFields(opts) {
      currentInvocation().meter.chargeApi('search.lookupFields');
      return lookupFields(reader, opts);
    },
    registerSavedSearch(definition) {
      saved.set(definition.id.toLowerCase(), definition);
    },
  };
}
