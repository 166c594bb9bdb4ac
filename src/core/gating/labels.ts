import type { ResolvedConfig } from '../types.js';

/** English texts of the embed placeholder; `config.translations[lang]` may override each key. */
export const PLACEHOLDER_TEXTS = {
  placeholderText: '{name} needs your consent to {categories} cookies to load.',
  placeholderAllow: 'Allow {categories}',
} as const;

type PlaceholderKey = keyof typeof PLACEHOLDER_TEXTS;

function translations(config: ResolvedConfig | undefined, language: string): Record<string, string> {
  const all = config?.translations ?? {};
  return { ...all['en'], ...all[language.split('-')[0]!], ...all[language] };
}

/** The name a visitor knows a category by: its configured label, a translated label, or its id. */
export function categoryLabel(config: ResolvedConfig | undefined, language: string, id: string): string {
  const configured = config?.categories.find((category) => category.id === id)?.label;
  return configured ?? translations(config, language)[`${id}Label`] ?? id;
}

export function placeholderText(
  config: ResolvedConfig | undefined,
  language: string,
  key: PlaceholderKey,
  values: Record<string, string>,
): string {
  const template = translations(config, language)[key] ?? PLACEHOLDER_TEXTS[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
