import { bannerStyles } from '../ui/banner/banner.styles.js';
import { baseStyles } from '../ui/cookie-consent/cookie-consent.styles.js';

/**
 * The element's own theme tokens, button and banner styles as text, for the banner the
 * script-tag build paints before Lit loads. rollup.config.mjs writes the text in at build time,
 * so the banner chunk carries the styles and not Lit.
 */
export const BANNER_CSS = baseStyles.cssText + bannerStyles.cssText;
