import type { ResolvedConfig } from '../core/types.js';
import { drawBanner, type BannerActions } from '../ui/banner/draw-banner.js';
import { loadStrings, type LanguageLoader } from '../ui/i18n/languages.js';
import { shownStrings } from '../ui/i18n/shown-strings.js';
import { BANNER_CSS } from './banner-css.js';

export interface LiteBanner {
  node: HTMLElement;
  css: string;
  /** What the consent record hashes: the same list the interface reports. */
  shown: string[];
}

/**
 * The first layer for the script-tag build's first paint (dist/cookie-consent.banner.js): the
 * element's own banner and styles, in the visitor's language, without Lit. The main file
 * mounts it; "Customize" is what loads the interface.
 */
export async function liteBanner(
  doc: Document,
  config: ResolvedConfig,
  language: string,
  actions: BannerActions,
  loadLanguage: LanguageLoader,
): Promise<LiteBanner> {
  const strings = await loadStrings(language, config.translations, loadLanguage);
  const node = drawBanner(doc, { ...config, strings }, actions);
  return { node, css: BANNER_CSS, shown: shownStrings(config, strings) };
}
