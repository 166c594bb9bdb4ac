/**
 * Positions in built files traced back to the source through the source maps next to them,
 * hop by hop (dist/cookie-consent.js.map leads to dist/core/….js, whose map leads to src/….ts),
 * with Node's own source-map reader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_HOPS = 4;

function loadMap(jsFile) {
  const mapFile = `${jsFile}.map`;
  if (!existsSync(mapFile)) return null;
  const payload = JSON.parse(readFileSync(mapFile, 'utf8'));
  return { map: new SourceMap(payload), base: resolve(dirname(mapFile), payload.sourceRoot ?? '') };
}

const sourcePath = (base, source) => (source.startsWith('file:') ? fileURLToPath(source) : resolve(base, source));

/** `resolve(file, line, column)` (0-based) → { file, line, column, name } at the last hop, or null. */
export function createSourceResolver() {
  const maps = new Map();
  const mapOf = (file) => {
    if (!maps.has(file)) maps.set(file, loadMap(file));
    return maps.get(file);
  };
  return function resolvePosition(file, line, column) {
    let position = null;
    let current = { file, line, column, name: undefined };
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const loaded = mapOf(current.file);
      if (!loaded) break;
      const entry = loaded.map.findEntry(current.line, current.column);
      if (!entry?.originalSource) break;
      current = {
        file: sourcePath(loaded.base, entry.originalSource),
        line: entry.originalLine,
        column: entry.originalColumn,
        // The first map (the bundle's) knows the names; the compiler's maps record none.
        name: current.name ?? entry.name,
      };
      position = current;
    }
    return position;
  };
}
