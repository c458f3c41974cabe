/** Command-line numbers of the bench scripts: `--items 2000` and the like. */

/**
 * The number after `name` in `args`, or `fallback` when it is absent, not a number, negative, or 0
 * while `allowZero` is false.
 */
export function numberArg(args: readonly string[], name: string, fallback: number, allowZero = true): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) ? value : fallback;
}
