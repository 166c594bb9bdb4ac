/**
 * The preferences dialog with its switches and receipts: what the element needs only once a
 * visitor opens the settings. The npm element imports it on demand, so a bundler splits it off
 * the app's first chunk; the script tag's interface chunk carries it.
 */
import { switchStyles } from '../switch/switch.styles.js';
import { preferencesStyles } from './preferences.styles.js';

export { preferencesTemplate } from './preferences.template.js';
export const styles = [switchStyles, preferencesStyles];
