/**
 * The SRI hash of each built-in language chunk, by language. Empty here; rollup.config.mjs fills
 * it in for the banner and interface chunks, which load languages: the main file, which every
 * page view downloads, carries none of these hashes.
 */
export const LANGUAGE_PINS: Record<string, string> = {};
