import type { ConsentManager } from '../manager.js';
import { safely } from './safely.js';

type UetWindow = Window & { uetq?: { push(...args: unknown[]): unknown } };

function push(win: UetWindow, mode: 'default' | 'update', granted: boolean): void {
  // Before bat.js loads, uetq is the page's plain array; bat.js replays it and then replaces it.
  win.uetq ??= [];
  win.uetq.push('consent', mode, { ad_storage: granted ? 'granted' : 'denied' });
}

/** Microsoft UET consent (docs/compliance.md, C14): denied by default before the tag, then follows `promotional`. */
export function startUet(manager: ConsentManager, win: Window): void {
  const page = win as UetWindow;
  push(page, 'default', false);
  if (manager.decision) push(page, 'update', manager.granted('promotional'));
  manager.addEventListener(
    'consent-change',
    safely('Microsoft UET', () => push(page, 'update', manager.granted('promotional'))),
  );
}
