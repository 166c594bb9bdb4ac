import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const SCRIPT_TAG_FILES = /^\/dist\/(cookie-consent(\.[a-z]+)?\.js(\.map)?)$/;

/**
 * Serves the script-tag build byte for byte. The dev server would otherwise run it through
 * esbuild (the test target), and the main file's SRI hashes of its chunks would no longer match.
 */
export async function verbatimScriptTagBuild(context, next) {
  const match = SCRIPT_TAG_FILES.exec(context.path);
  if (!match || context.method !== 'GET') return next();
  try {
    context.body = await readFile(dist + match[1]);
    context.type = match[1].endsWith('.map') ? 'application/json' : 'text/javascript';
    context.set('cache-control', 'no-cache');
  } catch {
    return next();
  }
}
