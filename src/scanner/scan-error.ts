/** A scan that could not run (no browser, an unreachable start page, bad options): exit code 2. */
export class ScanError extends Error {
  override name = 'ScanError';
}
