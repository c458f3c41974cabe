/**
 * The emulator's data layer: one SQLite record store built from the SDF project's record types, and
 * the `N/*` modules that read and write it. The execution layer adds `N/runtime`, `N/task` and
 * `N/https` and runs scripts against these modules.
 */
import type { SdfProject } from '../../../../suiteapp/tools/sdf-model';
import { FileCabinet } from './misc/file';
import type { AccountProfile } from '../profiles/account-profile';
import { DEFAULT_PROFILE } from '../profiles/account-profile';
import type { LogEntry } from '../context';
import type { Clock } from '../../../../shared-types/src/time/clock';
import { createCatalogue } from './catalogue';
import type { AccountMatrixOption } from './catalogue/matrix-options';
import { createCacheModule, createCurrencyModule, createEncodeModule, createErrorModule, createFormatModule, createLogModule } from './misc';
import { createQueryModule } from './query';
import { UserEventSlot, createRecordModule, resolvePreferences } from './record';
import type { Preferences } from './record';
import { createSearchModule, DeploymentSlot, withScriptDeployments } from './search';
import { createSeed } from './seed';
import type { Seed } from './seed';
import { RecordStore } from './store';

export interface DataLayerOptions {
  project: Pick<SdfProject, 'customRecords' | 'standaloneFields' | 'customLists'>;
  /** `:memory:` (default) or a file path. */
  dbPath?: string;
  clock: Clock;
  preferences?: Partial<Preferences>;
  /** Receives every N/log entry (the emulator keeps a log; `npm start` may print them). */
  logSink?: (entry: LogEntry) => void;
  /** The kind of account (features, currencies, tax, time zone); default profiles/account-profile.ts DEFAULT_PROFILE. */
  profile?: AccountProfile;
  /** The account's own matrix options (catalogue/matrix-options.ts). */
  matrixOptions?: readonly AccountMatrixOption[];
}

export interface DataLayer {
  profile: AccountProfile;
  store: RecordStore;
  preferences: Preferences;
  modules: Record<string, unknown>;
  seed: Seed;
  /** Where the execution layer installs the user event scripts that record saves trigger. */
  userEvents: UserEventSlot;
  /** The File Cabinet `N/file` writes to (misc/file.ts). */
  files: FileCabinet;
  /** Where the execution layer installs the script deployments the `scriptdeployment` search reads. */
  deployments: DeploymentSlot;
  close(): void;
}

export function createDataLayer(options: DataLayerOptions): DataLayer {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const preferences = resolvePreferences(options.preferences);
  const store = new RecordStore({
    dbPath: options.dbPath ?? ':memory:',
    catalogue: createCatalogue(options.project, { account: profile, matrixOptions: options.matrixOptions }),
    clock: options.clock,
  });
  const userEvents = new UserEventSlot();
  const files = new FileCabinet();
  const deployments = new DeploymentSlot();
  const modules: Record<string, unknown> = {
    'N/record': createRecordModule({ store, preferences, userEvents }),
    'N/search': createSearchModule(withScriptDeployments(store, deployments), { clock: options.clock }),
    'N/query': createQueryModule(store.db, store, { clock: options.clock }),
    'N/format': createFormatModule({ timeZone: profile.timeZone }),
    'N/encode': createEncodeModule(),
    'N/cache': createCacheModule(options.clock),
    'N/log': createLogModule(options.logSink),
    'N/error': createErrorModule(),
    'N/currency': createCurrencyModule(store),
    'N/file': files.module(),
  };
  return {
    profile,
    store,
    preferences,
    modules,
    seed: createSeed(store, preferences, userEvents),
    userEvents,
    files,
    deployments,
    close: () => store.close(),
  };
}
