import { baseLanguage, overridesFor } from '../language.js';
import type { ResolvedConfig } from '../types.js';

type PlaceholderTexts = { placeholderText: string; placeholderAllow: string };

/**
 * The embed placeholder's texts in the widget's seven languages; `config.translations[lang]`
 * overrides each key. Kept here, not in the UI's strings, because placeholders are drawn by the
 * core before (and without) the Lit interface.
 */
const PLACEHOLDER_TEXTS: Record<string, PlaceholderTexts> = {
  en: { placeholderText: '{name} needs your consent to {categories} cookies to load.', placeholderAllow: 'Allow {categories}' },
  lv: { placeholderText: 'Lai ielādētu “{name}”, vajadzīga jūsu piekrišana sīkdatnēm: {categories}.', placeholderAllow: 'Atļaut: {categories}' },
  ru: { placeholderText: 'Чтобы загрузить «{name}», нужно ваше согласие на файлы cookie: {categories}.', placeholderAllow: 'Разрешить: {categories}' },
  de: { placeholderText: '„{name}“ wird erst mit Ihrer Einwilligung in Cookies dieser Art geladen: {categories}.', placeholderAllow: 'Erlauben: {categories}' },
  fr: { placeholderText: '« {name} » ne se charge qu’avec votre accord pour ces cookies : {categories}.', placeholderAllow: 'Autoriser : {categories}' },
  es: { placeholderText: '«{name}» solo se carga si aceptas estas cookies: {categories}.', placeholderAllow: 'Permitir: {categories}' },
  ar: { placeholderText: 'يتطلب تحميل «{name}» موافقتك على ملفات تعريف الارتباط: {categories}.', placeholderAllow: 'السماح: {categories}' },
};

/** The default categories' names, as the interface shows them, for placeholders. */
const CATEGORY_LABELS: Record<string, Record<string, string>> = {
  en: { session: 'Strictly necessary', preferences: 'Preferences', analytics: 'Analytics', promotional: 'Promotional' },
  lv: { session: 'Obligāti nepieciešamās', preferences: 'Izvēles', analytics: 'Analītika', promotional: 'Reklāmas' },
  ru: { session: 'Строго необходимые', preferences: 'Предпочтения', analytics: 'Аналитика', promotional: 'Реклама' },
  de: { session: 'Unbedingt erforderlich', preferences: 'Präferenzen', analytics: 'Statistik', promotional: 'Werbung' },
  fr: { session: 'Strictement nécessaires', preferences: 'Préférences', analytics: 'Mesure d’audience', promotional: 'Promotion' },
  es: { session: 'Estrictamente necesarias', preferences: 'Preferencias', analytics: 'Analítica', promotional: 'Promocionales' },
  ar: { session: 'ضرورية', preferences: 'التفضيلات', analytics: 'التحليلات', promotional: 'الترويج' },
};

type PlaceholderKey = keyof PlaceholderTexts;

function translations(config: ResolvedConfig | undefined, language: string): Record<string, string> {
  const all = config?.translations ?? {};
  return { ...overridesFor('en', all), ...overridesFor(language, all) };
}

/** The name a visitor knows a category or service by: its configured label, a translated label, or its id. */
export function categoryLabel(config: ResolvedConfig | undefined, language: string, id: string): string {
  const configured = config?.categories.flatMap((category) => [category, ...category.services]).find((purpose) => purpose.id === id)?.label;
  return configured ?? translations(config, language)[`${id}Label`] ?? CATEGORY_LABELS[baseLanguage(language)]?.[id] ?? CATEGORY_LABELS['en']![id] ?? id;
}

export function placeholderText(config: ResolvedConfig | undefined, language: string, key: PlaceholderKey, values: Record<string, string>): string {
  const template = translations(config, language)[key] ?? (PLACEHOLDER_TEXTS[baseLanguage(language)] ?? PLACEHOLDER_TEXTS['en']!)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
