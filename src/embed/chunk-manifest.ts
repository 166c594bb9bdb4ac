/**
 * The chunks of the script-tag build, by name, with the SRI hash of each (src/embed/chunks.ts
 * derives the file from both). Empty here; rollup.config.mjs fills it in from the chunks it has
 * just written.
 */
export const CHUNK_MANIFEST: Record<string, string> = {};
