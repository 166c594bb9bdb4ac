import type { Translation } from '../../core/types.js';
import { baseLanguage, overridesFor } from '../../core/language.js';
import { en, type UiStrings } from './en.js';

export { BUILT_IN_LANGUAGES, isRightToLeft, pickLanguage } from '../../core/language.js';

/**
 * Loads a built-in language other than English by its base tag, resolving with its module's
 * exports (`{ lv: … }` for lv); undefined for a language that is not built in. npm users get
 * importLanguage (src/ui/i18n/import-language.ts), the script tag its pinned chunks.
 */
export type LanguageLoader = (base: string) => Promise<Record<string, UiStrings>> | undefined;

/**
 * Every string of the interface in the language: the built-in translation, the site's overrides
 * on top, English for any key still missing. Extra keys (such as `category.<id>.label`) are kept.
 */
export async function loadStrings(language: string, translations: Record<string, Translation>, loadLanguage: LanguageLoader): Promise<UiStrings & Translation> {
  let builtIn: UiStrings | undefined;
  const base = baseLanguage(language);
  const loading = base === 'en' ? undefined : loadLanguage(base);
  if (loading) {
    try {
      builtIn = (await loading)[base];
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
