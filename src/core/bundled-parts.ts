import { resolveConfig } from './config.js';
import { startDebug } from './debug.js';
import { startDelivery } from './delivery/delivery.js';
import { FrameGate } from './gating/embeds.js';
import { eraseMatching } from './gating/erase.js';
import type { ConsentParts } from './parts.js';
import { appendReceipt, readReceipts } from './storage/history.js';

/** Every part of the core, as npm users get it: the modules themselves, checked at start. */
export const bundledParts = {
  resolveConfig,
  appendReceipt,
  readReceipts,
  eraseMatching,
  startDelivery,
  FrameGate,
  startDebug,
} satisfies ConsentParts;
