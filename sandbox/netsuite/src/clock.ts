/** The emulator's clock: the sandbox's shared one (schedules, trandate defaults, cache expiry). */
export type { Clock } from '../../src/clock';
export { systemClock, TestClock } from '../../src/clock';
