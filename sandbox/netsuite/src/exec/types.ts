/**
 * Names shared by the execution layer's modules.
 */
import type { GovernedInvocation } from '../governance';

/** The `N/*` modules a script can `define()` against, by module id (`'N/record'` → module object). */
export type ModuleMap = Readonly<Record<string, unknown>>;

/** What a script file's factory returned (or put on `exports`): entry points by name. */
export type EntryPoints = Readonly<Record<string, unknown>>;

/** One finished script invocation, as the emulator's history keeps it. */
export interface InvocationRecord {
  kind: GovernedInvocation;
  scriptId: string;
  deploymentId: string;
  /** Usage units charged by the invocation. */
  units: number;
  startedAt: Date;
  /** Error name (`SSS_USAGE_LIMIT_EXCEEDED`, `TypeError`...) when the entry point threw, else null. */
  error: string | null;
  /** What the call asked for, for tests and benchmarks: a RESTlet's `action` (of its JSON body or GET parameters; absent otherwise). */
  label?: string;
}
