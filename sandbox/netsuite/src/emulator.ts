/**
 * The NetSuite emulator: one account with the SuiteApp deployed. It loads the SDF project, creates
 * the record store and the `N/*` data modules, registers the scripts and deployments, and serves
 * the RESTlets over HTTP with token-based authentication and the Suitelets to the UI session. Record
 * saves made through `N/record` run the deployed user event scripts. Tests, benchmarks and
 * `npm start` use it.
 *
 * ```ts
 * const ns = await NetSuiteEmulator.start({ projectRoot: 'suiteapp/src' });
 * // sign requests to ns.restletUrl('customscript_tts_rl_connector', 'customdeploy_tts_rl_connector')
 * // with ns.credentials; run submitted tasks with await ns.runQueuedTasks(); ns.tick() for schedules
 * // Suitelets: fetch(ns.suiteletUrl(script, deploy), { headers: { Authorization: `Bearer ${ns.uiToken}` } })
 * await ns.stop();
 * ```
 */
import { loadSdfProject } from '../../../suiteapp/tools/sdf-project';
import type { SdfProject } from '../../../suiteapp/tools/sdf-model';
import type { Clock } from '../../../shared-types/src/time/clock';
import type { LogEntry } from './context';
import { systemClock } from '../../../shared-types/src/time/clock';
import { createDataLayer } from './data';
import type { SearchModule } from './data/search/module';
import type { AccountOptions } from './exec/account';
import { EmulatedAccount } from './exec/account';
import type { AccountProfile } from './profiles/account-profile';
import { resolveProfile } from './profiles/account-profile';
import { InstallationError, missingRequiredFeatures } from './profiles/account-types';

type DataLayerOptions = Parameters<typeof createDataLayer>[0];
type DataLayer = ReturnType<typeof createDataLayer>;

export interface EmulatorStartOptions {
  /** The SDF project folder (`suiteapp/src`), with the compiled File Cabinet. */
  projectRoot: string;
  /** Default `TSTDRV1234567`. */
  accountId?: string;
  /** SQLite file for the record store (default: in memory, as the data layer decides). */
  dbPath?: DataLayerOptions['dbPath'];
  clock?: Clock;
  /** Clock for OAuth timestamp checks (default: the system clock callers sign with). */
  authClock?: Clock;
  preferences?: DataLayerOptions['preferences'];
  /**
   * The kind of account (profiles/account-profile.ts): a ready profile's id (`us-oneworld`, `uk-vat`,
   * `us-suitetax`) or a profile object. Default `us-oneworld`, what the emulator always modelled.
   */
  profile?: AccountProfile | string;
  /** Features in effect beyond the profile's (`runtime.isFeatureInEffect` only; fields follow the profile). */
  features?: string[];
  /** Account-wide concurrent RESTlet requests (default 5). */
  concurrencyLimit?: number;
  /** Simulated duration of each RESTlet request in ms (default 0). */
  restletLatencyMs?: number;
  /** Run submitted tasks automatically on a short timer (default false). */
  autoRunTasks?: boolean;
  /** RESTlet host port (default 0: any free port) and interface (default 127.0.0.1). */
  port?: number;
  host?: string;
  https?: AccountOptions['https'];
  /**
   * The account's own matrix options (custom lists and item fields marked as matrix options,
   * data/catalogue/matrix-options.ts), e.g. Color and Size for matrix items.
   */
  matrixOptions?: DataLayerOptions['matrixOptions'];
}

/** serverWidget SELECT options of a `source` record type: its active records, by display text. */
function selectOptionsOf(
  store: DataLayer['store'],
  source: string,
): { value: string; text: string; isSelected: boolean }[] {
  if (!store.hasType(source)) return [];
  return store
    .all(source.toLowerCase())
    .filter((r) => r.fields.isinactive !== true)
    .map((r) => ({ value: String(r.id), text: store.recordText(r), isSelected: false }));
}

export class NetSuiteEmulator extends EmulatedAccount {
  readonly project: SdfProject;
  /** The kind of account this is: features, currencies, tax set-up, time zone, country. */
  readonly profile: AccountProfile;
  readonly store: DataLayer['store'];
  readonly seed: DataLayer['seed'];
  /** The File Cabinet (N/file). */
  readonly files: DataLayer['files'];
  /** The account's preferences (read-only view; change them with setPreferences). */
  readonly preferences: Readonly<DataLayer['preferences']>;
  /** Every N/log entry written by scripts, in order. */
  readonly logs: LogEntry[];
  private readonly data: DataLayer;

  private constructor(
    options: EmulatorStartOptions,
    project: SdfProject,
    data: DataLayer,
    clock: Clock,
    logs: LogEntry[],
  ) {
    super({
      project,
      modules: data.modules,
      accountId: options.accountId,
      clock,
      authClock: options.authClock,
      featuresInEffect: [...data.profile.features, ...(options.features ?? [])],
      userPreferences: { TIMEZONE: data.profile.timeZone, DATEFORMAT: 'M/D/YYYY', TIMEFORMAT: 'h:mm a' },
      country: data.profile.country,
      concurrencyLimit: options.concurrencyLimit,
      restletLatencyMs: options.restletLatencyMs,
      autoRunTasks: options.autoRunTasks,
      port: options.port,
      host: options.host,
      https: options.https,
      selectOptions: (source) => selectOptionsOf(data.store, source),
      recordPages: { store: data.store, ui: data.seed.ui },
      emailEntities: (id) => {
        const customer = data.store.get('customer', id);
        if (customer === null) return null;
        const email = customer.fields.email;
        return { id, kind: 'customer', email: typeof email === 'string' && email !== '' ? email : null };
      },
    });
    data.userEvents.install(this.userEvents);
    data.deployments.install(() => this.registry.deploymentFacts());
    this.project = project;
    this.profile = data.profile;
    this.store = data.store;
    this.seed = data.seed;
    this.files = data.files;
    this.preferences = data.preferences;
    this.data = data;
    this.logs = logs;
  }

  /**
   * Saves a search as an administrator would (Lists > Search > Saved Searches): `search.load({id})` in
   * scripts then finds it.
   */
  registerSavedSearch(definition: Parameters<SearchModule['registerSavedSearch']>[0]): void {
    (this.data.modules['N/search'] as SearchModule).registerSavedSearch(definition);
  }

  /**
   * Changes account preferences as an administrator would (Setup > Accounting > Accounting
   * Preferences): record operations from then on follow the new values.
   */
  setPreferences(changes: Partial<DataLayer['preferences']>): void {
    Object.assign(this.data.preferences, changes);
  }

  /**
   * Sets the account's exchange rate of `symbol` (base currency units per unit, as on Lists >
   * Accounting > Currencies): transactions saved from then on in that currency default to it, and
   * `N/currency` answers it. The base currency's rate stays 1.
   */
  setExchangeRate(symbol: string, rate: number): void {
    const currency = this.store.all('currency').find((c) => c.fields.symbol === symbol);
    if (!currency)
      throw new Error(
        `Account profile ${this.profile.id} has no currency ${symbol} (it has ${this.profile.currencies.map((c) => c.symbol).join(', ')}).`,
      );
    if (currency.fields.isbasecurrency === true)
      throw new Error(`${symbol} is the base currency: its exchange rate is always 1.`);
    if (!(rate > 0) || !Number.isFinite(rate))
      throw new Error(`An exchange rate must be a positive number, not ${rate}.`);
    this.store.writeSystem({ ...currency, fields: { ...currency.fields, exchangerate: rate } });
  }

  /** Stops the RESTlet host and the task timer, and closes the record store. */
  override async stop(): Promise<void> {
    await super.stop();
    this.data.close();
  }

  static async start(options: EmulatorStartOptions): Promise<NetSuiteEmulator> {
    const project = loadSdfProject(options.projectRoot);
    const profile = resolveProfile(options.profile);
    const lacking = missingRequiredFeatures(project.manifest, profile);
    if (lacking.length) {
      throw new InstallationError(
        `The SuiteApp cannot be installed in this account (account profile ${profile.id}): its manifest requires ${lacking.join(', ')}, which the account does not have enabled.`,
      );
    }
    const clock = options.clock ?? systemClock;
    const logs: LogEntry[] = [];
    const data = createDataLayer({
      project,
      dbPath: options.dbPath,
      clock,
      preferences: options.preferences,
      profile,
      logSink: (entry) => logs.push(entry),
      matrixOptions: options.matrixOptions,
    });
    const emulator = new NetSuiteEmulator(options, project, data, clock, logs);
    await emulator.startServices();
    return emulator;
  }
}
