/**
 * The chunks of the script-tag build: file name (relative to the script-tag file, with a
 * content-hash query so a cached old chunk is never paired with a new main file) and its SRI
 * hash. Empty here; rollup.config.mjs fills it in from the chunks it has just written.
 */
export const CHUNK_MANIFEST: Record<string, { file: string; integrity: string }> = {};
