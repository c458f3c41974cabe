/**
 * Scripts run in their own `vm` realm (exec/amd-loader.ts), so a `Date` a script creates is not
 * `instanceof Date` here. Every check of a value that may come from a script goes through these.
 */
import { types } from 'node:util';

export function isDate(value: unknown): value is Date {
  return types.isDate(value);
}
