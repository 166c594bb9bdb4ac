/**
 * The manager's resolveConfig in the script-tag build's main file (rollup.config.mjs puts this
 * in place of core/config.js): defaults only. The check itself, with its messages, is
 * dist/cookie-consent.config.js, which src/embed/lazy-ui.ts runs before anything is shown.
 */
export { withDefaults as resolveConfig } from '../core/config-defaults.js';
