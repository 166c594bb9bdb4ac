/**
 * The manager's resolveConfig in the script-tag build's main file (rollup.config.mjs puts this
 * in place of core/config.js): defaults only. The check itself, with its messages, is
 * in the banner and interface chunks, which src/embed/lazy-ui.ts runs before anything is shown.
 */
export { withDefaults as resolveConfig } from '../core/config-defaults.js';
