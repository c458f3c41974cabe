import path from 'node:path';
import type {
  SdfScript,
  SdfScriptDeployment,
  SdfScriptObjectType,
} from '../../../../../suiteapp/tools/sdf-model';
import { currentInvocation } from '../../context';
import { createErrorModule } from '../../data/misc/error';
import { materializeFixture } from '../../../../../test/support/fixture-project';

/** Test doubles shared by the execution-layer tests: fixture File Cabinet, script records, N/testkit. */

/** The fixture project, copied to a temp folder with its `FileCabinet.fixture` named `FileCabinet`. */
export const FIXTURE_ROOT = materializeFixture(path.join(__dirname, 'fixtures'));
export const APP = '/SuiteApps/com.test.app';

export function resolveFixturePath(fileCabinetPath: string): string {
  return path.join(FIXTURE_ROOT, 'FileCabinet', fileCabinetPath);
}

export function deployment(
  scriptid: string,
  overrides: Partial<SdfScriptDeployment> = {},
): SdfScriptDeployment {
  return {
    scriptid,
    title: scriptid,
    status: 'RELEASED',
    isdeployed: true,
    loglevel: 'DEBUG',
    parameters: {},
    ...overrides,
  };
}

export function script(
  objectType: SdfScriptObjectType,
  scriptid: string,
  file: string,
  deployments: SdfScriptDeployment[],
  extra: Partial<SdfScript> = {},
): SdfScript {
  return {
    objectType,
    scriptid,
    name: scriptid,
    scriptfile: `${APP}/${file}`,
    parameters: [],
    deployments,
    file: `${scriptid}.xml`,
    ...extra,
  };
}

export type Hook = (context: unknown) => void;

export interface SavedRecord {
  type: string;
  data: Record<string, unknown>;
  kind: string;
}

/** `N/testkit`: lets a fixture script charge units, save "records" and call back into the test. */
export interface TestKit {
  input: unknown;
  inputKind: string;
  config: unknown;
  spendPerMap: number;
  seen: Record<string, unknown>[];
  summaries: Record<string, unknown>[];
  saved: SavedRecord[];
  hooks: Partial<Record<string, Hook>>;
  hook(stage: string, context: unknown): void;
  save(type: string, data: Record<string, unknown>): void;
  spend(units: number): void;
}

export function createTestKit(): TestKit {
  const kit: TestKit = {
    input: [],
    inputKind: 'value',
    config: undefined,
    spendPerMap: 0,
    seen: [],
    summaries: [],
    saved: [],
    hooks: {},
    hook(stage, context) {
      kit.hooks[stage]?.(context);
    },
    save(type, data) {
      const inv = currentInvocation();
      inv.meter.charge(`record.save(${type})`, 4);
      kit.saved.push({ type, data, kind: inv.kind });
    },
    spend(units) {
      currentInvocation().meter.charge('testkit.spend', units);
    },
  };
  return kit;
}

/** `N/error` as the data layer provides it (errors made by scripts serialise as NetSuite's do). */
export const errorModule = createErrorModule();

/** A stand-in for N/search: `create()` returns a search whose results are `rows`; getRange charges 10 units. */
export function createSearchStub(rows: { id: string; name: string }[]): Record<string, unknown> {
  const makeSearch = (type: string) => ({
    searchType: type,
    run: () => ({
      getRange(options: { start: number; end: number }) {
        currentInvocation().meter.charge('ResultSet.getRange', 10);
        return rows.slice(options.start, options.end).map((r) => ({
          id: r.id,
          recordType: type,
          toJSON: () => ({ recordType: type, id: r.id, values: { name: r.name } }),
        }));
      },
    }),
  });
  return {
    create: (options: { type: string }) => makeSearch(options.type),
    load: (options: { id: string }) => makeSearch(`loaded:${options.id}`),
  };
}

/** A stand-in for N/query's paged SuiteQL: pages of `pageSize` rows, each fetch charging 10 units. */
export function createQueryStub(
  rows: unknown[][],
  types: string[],
): Record<string, unknown> & { lastParams: unknown[] } {
  const stub = {
    lastParams: [] as unknown[],
    runSuiteQLPaged(options: { query: string; params: unknown[]; pageSize: number }) {
      currentInvocation().meter.charge('query.runSuiteQLPaged', 10);
      stub.lastParams = options.params;
      const pages = Math.ceil(rows.length / options.pageSize);
      return {
        count: rows.length,
        pageRanges: Array.from({ length: pages }, (_, index) => ({ index })),
        fetch({ index }: { index: number }) {
          currentInvocation().meter.charge('PagedData.fetch', 10);
          return {
            data: {
              types,
              results: rows
                .slice(index * options.pageSize, (index + 1) * options.pageSize)
                .map((values) => ({ values })),
            },
          };
        },
      };
    },
  };
  return stub;
}
