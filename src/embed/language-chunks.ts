import type { LanguageLoader } from '../ui/i18n/languages.js';
import { LANGUAGE_PINS } from './language-pins.js';
import { pageRuntime } from './runtime.js';

/** The built-in languages as the script tag loads them: chunks beside the main file, each pinned by its hash. */
export const loadLanguageChunk: LanguageLoader = (base) =>
  Object.hasOwn(LANGUAGE_PINS, base) ? (pageRuntime().load(base, LANGUAGE_PINS[base]) as ReturnType<LanguageLoader>) : undefined;
