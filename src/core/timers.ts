/**
 * The timers a part of the core waits on: the window's, or in Node tests a fake clock's
 * (test/delivery/fakes.ts). The parts that take them read no time themselves, so a clock needs no `now()`.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number | undefined): void;
}
