import type { CategoryStates, ConsentMethod, ResolvedConfig } from '../types.js';
import { doNotTrack } from './dnt.js';
import { globalPrivacyControl } from './gpc.js';

/** The category a privacy signal refuses: sale, sharing and targeted advertising. */
export const SIGNALLED_CATEGORY = 'promotional';

export interface PrivacySignals {
  /** GPC is on and the site honours it (`config.gpc`). */
  gpc: boolean;
  /** DNT is on and the site honours it (`config.dnt`). */
  dnt: boolean;
}

export function readPrivacySignals(win: Window | undefined, config: ResolvedConfig): PrivacySignals {
  return { gpc: config.gpc && globalPrivacyControl(win), dnt: config.dnt && doNotTrack(win) };
}

/**
 * "Accept all" under a privacy signal keeps promotional refused: the signal is the visitor's
 * standing opt-out (docs/compliance.md, C15) and DNT may only make things more private (C16). Only a
 * choice of promotional itself (`set({ promotional: true })`) overrides it. The method says why:
 * `gpc` under GPC; `custom` under DNT alone, since the result is not "all".
 * Refuses promotional in `all` (the accept-all choice being built) and returns the method.
 */
export function acceptAllUnderSignals(all: Partial<CategoryStates>, signals: PrivacySignals): ConsentMethod {
  if (!(SIGNALLED_CATEGORY in all) || (!signals.gpc && !signals.dnt)) return 'accept-all';
  all[SIGNALLED_CATEGORY] = false;
  return signals.gpc ? 'gpc' : 'custom';
}
