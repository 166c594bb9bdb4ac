import type { Translation } from '../../core/types.js';
import { baseLanguage } from '../../core/language.js';
import { en, type UiStrings } from './en.js';

export { BUILT_IN_LANGUAGES, isRightToLeft, pickLanguage } from '../../core/language.js';

// Loaded on demand: an English page never downloads the other six.
const loaders: Record<string, () => Promise<UiStrings>> = {
  lv: () => import('./lv.js').then((module) => module.lv),
  ru: () => import('./ru.js').then((module) => module.ru),
  de: () => import('./de.js').then((module) => module.de),
  fr: () => import('./fr.js').then((module) => module.fr),
  es: () => import('./es.js').then((module) => module.es),
  ar: () => import('./ar.js').then((module) => module.ar),
};

function overridesFor(language: string, translations: Record<string, Translation>): Translation {
  const exact = Object.entries(translations).find(([tag]) => tag.toLowerCase() === language)?.[1];
  const byBase = Object.entries(translations).find(([tag]) => tag.toLowerCase() === baseLanguage(language))?.[1];
  return { ...byBase, ...exact };
}

/**
 * Every string of the interface in the language: the built-in translation, the site's overrides
 * on top, English for any key still missing. Extra keys (such as `category.<id>.label`) are kept.
 */
export async function loadStrings(language: string, translations: Record<string, Translation>): Promise<UiStrings & Translation> {
  let builtIn: UiStrings = en;
  const loader = loaders[baseLanguage(language)];
  if (loader) {
    try {
      builtIn = await loader();
    } catch {
      // A chunk that fails to load (offline, blocked) leaves the visitor with English, not nothing.
    }
  }
  return { ...en, ...builtIn, ...overridesFor(language, translations) };
}

/** Replaces `{name}` placeholders; the result is plain text, rendered as text. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
