/** Types for browser-pool.mjs (a web-test-runner launcher made of several instances of one browser). */
export interface PoolableLauncher {
  name: string;
  type: string;
  concurrency?: number;
  initialize?(config: unknown, testFiles: string[]): void | Promise<void>;
  stop?(): Promise<void>;
  getOrStartBrowser?(): Promise<unknown>;
  startSession(sessionId: string, url: string): Promise<void>;
  isActive(sessionId: string): boolean;
  getBrowserUrl(sessionId: string): string | undefined | Promise<string | undefined>;
  getPage?(sessionId: string): unknown;
  stopSession(sessionId: string): Promise<object>;
  startDebugSession(sessionId: string, url: string): Promise<void>;
}

export function browserPool(
  createLauncher: () => PoolableLauncher,
  size: number,
): PoolableLauncher & { concurrency: number; getPage(sessionId: string): unknown };
