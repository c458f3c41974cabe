/**
 * The emulator's small `N/*` modules (format, encode, cache, log, error, currency), one import for the
 * runtime.
 */
export { createFormatModule } from './format';
export type { FormatModule, FormatPreferences } from './format';
export { createEncodeModule } from './encode';
export type { EncodeModule } from './encode';
export { createCacheModule } from './cache';
export type { Cache, CacheModule } from './cache';
export { createLogModule } from './log';
export type { LogModule } from './log';
export { createErrorModule } from './error';
export type { ErrorModule } from './error';
export { createCurrencyModule } from './currency';
export type { CurrencyModule } from './currency';
