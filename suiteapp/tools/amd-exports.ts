/**
 * Evaluates a compiled SuiteScript AMD file the way NetSuite's loader would, with every `N/*`
 * module replaced by an inert proxy, to learn which entry points it really exports. Relative and
 * `/SuiteApps/...` dependencies are evaluated too (they run at load time in NetSuite as well).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface AmdLoadResult {
  /** Names of the functions the module exports. */
  exportedFunctions: string[];
  /** Every file evaluated (the module and its own dependencies), absolute paths. */
  files: string[];
}

export class AmdLoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'AmdLoadError';
  }
}

interface Definition {
  dependencies: string[];
  factory: unknown;
}

const COMMONJS_DEPENDENCIES = ['require', 'exports', 'module'];
const EVALUATION_TIMEOUT_MS = 2000;

/** A stand-in for an N module: every property, call and construction yields the same inert proxy. */
export function inertModule(name: string): unknown {
  const target = function inert(): void {};
  const proxy: unknown = new Proxy(target, {
    get: (_target, property) => {
      if (property === Symbol.toPrimitive) return () => `[${name}]`;
      if (property === 'then') return undefined;
      return proxy;
    },
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

function captureDefinition(args: unknown[]): Definition {
  const rest = typeof args[0] === 'string' ? args.slice(1) : args;
  if (Array.isArray(rest[0])) return { dependencies: rest[0].map(String), factory: rest[1] };
  return { dependencies: COMMONJS_DEPENDENCIES, factory: rest[0] };
}

/**
 * `resolveAbsolute` maps an absolute module id (`/SuiteApps/<appid>/x`) to a file on disk.
 */
export function loadAmdExports(file: string, resolveAbsolute: (id: string) => string): AmdLoadResult {
  const cache = new Map<string, unknown>();
  const files: string[] = [];

  const moduleFile = (id: string, from: string): string => {
    const withExtension = id.endsWith('.js') ? id : `${id}.js`;
    if (id.startsWith('./') || id.startsWith('../')) return path.resolve(path.dirname(from), withExtension);
    if (id.startsWith('/')) return resolveAbsolute(withExtension);
    throw new AmdLoadError(from, `dependency "${id}" is neither an N/ module nor a file of the SuiteApp`);
  };

  const load = (target: string): unknown => {
    if (cache.has(target)) return cache.get(target);
    if (!fs.existsSync(target)) throw new AmdLoadError(target, `module file ${target} does not exist`);
    files.push(target);
    const definitions: Definition[] = [];
    const context = vm.createContext({
      define: (...args: unknown[]) => {
        definitions.push(captureDefinition(args));
      },
    });
    try {
      vm.runInContext(fs.readFileSync(target, 'utf8'), context, {
        filename: target,
        timeout: EVALUATION_TIMEOUT_MS,
      });
    } catch (error) {
      throw new AmdLoadError(target, `evaluating the file threw: ${String(error)}`);
    }
    const definition = definitions[0];
    if (definitions.length !== 1 || definition === undefined) {
      throw new AmdLoadError(target, `the file calls define() ${definitions.length} times instead of once`);
    }
    const exportsObject: Record<string, unknown> = {};
    const moduleObject = { exports: exportsObject };
    cache.set(target, exportsObject);
    const resolveDependency = (id: string): unknown => {
      if (id === 'exports') return exportsObject;
      if (id === 'module') return moduleObject;
      if (id === 'require') {
        return (requested: string) =>
          requested === 'N' || requested.startsWith('N/')
            ? inertModule(requested)
            : load(moduleFile(requested, target));
      }
      if (id === 'N' || id.startsWith('N/')) return inertModule(id);
      return load(moduleFile(id, target));
    };
    const values = definition.dependencies.map(resolveDependency);
    if (typeof definition.factory !== 'function') {
      const value = definition.factory;
      cache.set(target, value);
      return value;
    }
    const invocation: Record<string, unknown> = { factory: definition.factory, values, returned: undefined };
    context['__amdInvocation'] = invocation;
    try {
      vm.runInContext(
        '__amdInvocation.returned = __amdInvocation.factory(...__amdInvocation.values);',
        context,
        {
          timeout: EVALUATION_TIMEOUT_MS,
        },
      );
    } catch (error) {
      throw new AmdLoadError(target, `the define() factory threw: ${String(error)}`);
    }
    const value = invocation['returned'] === undefined ? moduleObject.exports : invocation['returned'];
    cache.set(target, value);
    return value;
  };

  const value = load(path.resolve(file));
  const exportedFunctions =
    typeof value === 'object' && value !== null
      ? Object.entries(value)
          .filter(([, member]) => typeof member === 'function')
          .map(([name]) => name)
      : [];
  return { exportedFunctions, files };
}
