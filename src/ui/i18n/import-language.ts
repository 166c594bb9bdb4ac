import type { LanguageLoader } from './languages.js';

// Dynamic imports, which a bundler splits: an English page never downloads the other six.
const modules: Record<string, () => ReturnType<LanguageLoader>> = {
  lv: () => import('./lv.js'),
  ru: () => import('./ru.js'),
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  ar: () => import('./ar.js'),
};

/** The built-in languages as npm users load them. */
export const importLanguage: LanguageLoader = (base) => (Object.hasOwn(modules, base) ? modules[base]!() : undefined);
