import type { Translation } from '../../core/types.js';
import { en, type UiStrings } from './en.js';

/** Languages shipped with the widget; others can be added whole through `translations`. */
export const BUILT_IN_LANGUAGES = ['en', 'lv', 'ru', 'de', 'fr', 'es', 'ar'] as const;
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb']);

// Loaded on demand: an English page never downloads the other six.
const loaders: Record<string, () => Promise<UiStrings>> = {
  lv: () => import('./lv.js').then((module) => module.lv),
  ru: () => import('./ru.js').then((module) => module.ru),
  de: () => import('./de.js').then((module) => module.de),
  fr: () => import('./fr.js').then((module) => module.fr),
  es: () => import('./es.js').then((module) => module.es),
  ar: () => import('./ar.js').then((module) => module.ar),
};

function base(tag: string): string {
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
    return available.has(base(lower)) ? base(lower) : undefined;
  };
  return speakable(configured) ?? speakable(pageLanguage) ?? browserLanguages.map(speakable).find(Boolean) ?? 'en';
}

export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT.has(base(language));
}

function overridesFor(language: string, translations: Record<string, Translation>): Translation {
  const exact = Object.entries(translations).find(([tag]) => tag.toLowerCase() === language)?.[1];
  const byBase = Object.entries(translations).find(([tag]) => tag.toLowerCase() === base(language))?.[1];
  return { ...byBase, ...exact };
}

/**
 * Every string of the interface in the language: the built-in translation, the site's overrides
 * on top, English for any key still missing. Extra keys (such as `category.<id>.label`) are kept.
 */
export async function loadStrings(language: string, translations: Record<string, Translation>): Promise<UiStrings & Translation> {
  let builtIn: UiStrings = en;
  const loader = loaders[base(language)];
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
