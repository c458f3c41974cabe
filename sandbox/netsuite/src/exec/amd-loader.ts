/**
 * The AMD `define()` loader NetSuite runs compiled SuiteScript with.
 *
 * Files are read from the File Cabinet (`/SuiteApps/...` paths resolved through the SDF project)
 * and evaluated in one `vm` context per loader, so scripts see a plain JavaScript global scope (no
 * `process`, `Buffer` or timers, as on NetSuite's servers). Module values are cached per loader, so
 * one emulator evaluates each file once.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { SdfScriptObjectType } from '../../../../suiteapp/tools/sdf-model';
import { SuiteScriptError } from '../errors';
import { ServerDate, zonedIntl } from '../time/zoned-date';
import { checkScriptHeader } from './script-header';
import type { EntryPoints, ModuleMap } from './types';

type Factory = (...args: unknown[]) => unknown;

interface Definition {
  deps: string[];
  factory: Factory | null;
  value: unknown;
}

interface ModuleRecord {
  id: string;
  exports: unknown;
}

export interface AmdLoaderOptions {
  /** Absolute file path of a File Cabinet path (`SdfProject.resolveFileCabinetPath`). */
  resolveFileCabinetPath(fileCabinetPath: string): string;
  /** `N/*` modules by id. */
  modules: ModuleMap;
  /** Extra globals for the script realm (NetSuite exposes `log` globally). */
  globals?: Record<string, unknown>;
}

export interface EntryScript {
  scriptid: string;
  scriptfile: string;
  objectType: SdfScriptObjectType;
}

function moduleMissing(id: string, from: string): SuiteScriptError {
  return new SuiteScriptError('MODULE_DOES_NOT_EXIST', `Module does not exist: ${id} (required by ${from}).`);
}

export class AmdLoader {
  private readonly cache = new Map<string, unknown>();
  private readonly loading = new Map<string, ModuleRecord>();
  private readonly context: vm.Context;
  private pending: Definition[] | null = null;

  constructor(private readonly options: AmdLoaderOptions) {
    const define = (...args: unknown[]): void => this.captureDefine(args);
    (define as unknown as { amd: object }).amd = {};
    const log = options.globals?.log ?? options.modules['N/log'];
    this.context = vm.createContext({
      Date: ServerDate,
      Intl: zonedIntl(),
      ...(options.globals ?? {}),
      ...(log === undefined ? {} : { log }),
      define,
    });
  }

  /** The module value of a File Cabinet file (`/SuiteApps/.../x.js`), evaluating it on first use. */
  require(fileCabinetPath: string): unknown {
    return this.load(normaliseFileId(fileCabinetPath), fileCabinetPath);
  }

  /** Loads a script record's file after checking its header, and returns its entry points. */
  loadEntryPoints(script: EntryScript): EntryPoints {
    const id = normaliseFileId(script.scriptfile);
    const source = this.readSource(id, `script record ${script.scriptid}`);
    checkScriptHeader(source, id, script.objectType, script.scriptid);
    const value = this.load(id, `script record ${script.scriptid}`);
    if (typeof value !== 'object' || value === null) {
      throw new SuiteScriptError(
        'SSS_MISSING_ENTRY_POINT',
        `${id} (script ${script.scriptid}) defines no entry points: its define() factory must return them or set them on exports.`,
      );
    }
    return value as EntryPoints;
  }

  private readSource(id: string, from: string): string {
    let file: string;
    try {
      file = this.options.resolveFileCabinetPath(id);
    } catch {
      throw moduleMissing(id, from);
    }
    if (!fs.existsSync(file)) throw moduleMissing(id, from);
    return fs.readFileSync(file, 'utf8');
  }

  private load(id: string, from: string): unknown {
    if (this.cache.has(id)) return this.cache.get(id);
    const inProgress = this.loading.get(id);
    if (inProgress) return inProgress.exports;
    const source = this.readSource(id, from);
    const definition = this.evaluate(id, source);
    const record: ModuleRecord = { id, exports: {} };
    this.loading.set(id, record);
    try {
      const value = this.instantiate(id, definition, record);
      this.cache.set(id, value);
      return value;
    } finally {
      this.loading.delete(id);
    }
  }

  private evaluate(id: string, source: string): Definition {
    const outer = this.pending;
    this.pending = [];
    let captured: Definition[];
    try {
      new vm.Script(source, { filename: id }).runInContext(this.context);
      captured = this.pending;
    } finally {
      this.pending = outer;
    }
    const first = captured[0];
    if (!first || captured.length > 1) {
      throw new SuiteScriptError(
        'SSS_INVALID_MODULE',
        `${id} must call define() exactly once; it called it ${captured.length} times.`,
      );
    }
    return first;
  }

  private captureDefine(args: unknown[]): void {
    if (!this.pending) throw new Error('define() may only be called while a module file is being evaluated.');
    const rest = typeof args[0] === 'string' ? args.slice(1) : args;
    const [a, b] = rest;
    if (Array.isArray(a) && typeof b === 'function') {
      this.pending.push({ deps: a.map(String), factory: b as Factory, value: undefined });
    } else if (typeof a === 'function') {
      this.pending.push({ deps: ['require', 'exports', 'module'], factory: a as Factory, value: undefined });
    } else {
      this.pending.push({ deps: [], factory: null, value: a });
    }
  }

  private instantiate(id: string, definition: Definition, record: ModuleRecord): unknown {
    if (!definition.factory) return definition.value;
    const moduleObject = {
      id,
      uri: id,
      get exports(): unknown {
        return record.exports;
      },
      set exports(value: unknown) {
        record.exports = value;
      },
    };
    const args = definition.deps.map((dep) => {
      if (dep === 'require') return this.localRequire(id);
      if (dep === 'exports') return record.exports;
      if (dep === 'module') return moduleObject;
      return this.resolveDependency(dep, id);
    });
    const returned = definition.factory(...args);
    return returned === undefined ? record.exports : returned;
  }

  private resolveDependency(dep: string, from: string): unknown {
    if (dep.startsWith('N/')) {
      if (!Object.prototype.hasOwnProperty.call(this.options.modules, dep)) throw moduleMissing(dep, from);
      return this.options.modules[dep];
    }
    if (dep.startsWith('./') || dep.startsWith('../')) {
      return this.load(normaliseFileId(path.posix.join(path.posix.dirname(from), dep)), from);
    }
    if (dep.startsWith('/')) return this.load(normaliseFileId(dep), from);
    throw moduleMissing(dep, from);
  }

  private localRequire(from: string): unknown {
    return (ids: unknown, callback?: unknown): unknown => {
      if (typeof ids === 'string') return this.resolveDependency(ids, from);
      if (Array.isArray(ids)) {
        const values = ids.map((d) => this.resolveDependency(String(d), from));
        if (typeof callback === 'function') (callback as Factory)(...values);
        return undefined;
      }
      throw new SuiteScriptError(
        'SSS_MISSING_REQD_ARGUMENT',
        `require() needs a module id or a list of ids (in ${from}).`,
      );
    };
  }
}

/** `/SuiteApps/a/../b/x` → `/SuiteApps/b/x.js`. */
export function normaliseFileId(id: string): string {
  const normal = path.posix.normalize(id.startsWith('/') ? id : `/${id}`);
  return normal.endsWith('.js') ? normal : `${normal}.js`;
}
