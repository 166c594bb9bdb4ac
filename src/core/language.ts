import type { Translation } from './types.js';

/** Languages shipped with the widget; others can be added whole through `translations`. */
export const BUILT_IN_LANGUAGES = ['en', 'lv', 'ru', 'de', 'fr', 'es', 'ar'] as const;
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb']);

/** `lv` for `lv-LV`: the language without its region or script. */
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split('-')[0]!;
}

/**
 * The language to speak: the configured one, else the page's `<html lang>`, else the first of the
 * visitor's browser languages we can speak, else English. A language counts when it is built in
 * or the site translated it (`translations`), exactly or by its base (`lv-LV` → `lv`).
 */
export function pickLanguage(
  configured: string | undefined,
  pageLanguage: string | undefined,
  browserLanguages: readonly string[],
  translations: Record<string, Translation>,
): string {
  const available = new Set<string>([...BUILT_IN_LANGUAGES, ...Object.keys(translations).map((tag) => tag.toLowerCase())]);
  const speakable = (tag: string | undefined): string | undefined => {
    if (!tag) return undefined;
    const lower = tag.toLowerCase();
    if (available.has(lower)) return lower;
    return available.has(baseLanguage(lower)) ? baseLanguage(lower) : undefined;
  };
  return speakable(configured) ?? speakable(pageLanguage) ?? browserLanguages.map(speakable).find(Boolean) ?? 'en';
}

/**
 * The site's overrides (`translations`) for a picked language, its base language's under its own:
 * the one lookup of every face of the widget, so a string never differs between them.
 */
export function overridesFor(language: string, translations: Record<string, Translation>): Translation {
  // Site tags are matched case-insensitively; the picked language is already lower case.
  const forTag = (wanted: string): Translation | undefined => Object.entries(translations).find(([tag]) => tag.toLowerCase() === wanted)?.[1];
  return { ...forTag(baseLanguage(language)), ...forTag(language) };
}

export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT.has(baseLanguage(language));
}
