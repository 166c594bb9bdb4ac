/**
 * A function's name read from its source line, for positions the source map gives no name:
 * `function name(` / `export function name(` at the position, or `name = (…) =>` / `name: …`
 * just before it; a callback is named after the call it is passed to; otherwise null.
 */
import { existsSync, readFileSync } from 'node:fs';

const lines = new Map();
const linesOf = (file) => {
  if (!lines.has(file)) lines.set(file, existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);
  return lines.get(file);
};

const DECLARED_AT = /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/;
/** A callback passed to `callee(…, () => …)`: named after the call, for want of a name. */
const ARGUMENT_OF = /([A-Za-z_$][\w$.]*)\((?:[^()]*,\s*)?$/;
const ASSIGNED_BEFORE = /([A-Za-z_$][\w$]*)\s*(?::\s*[^=]*?)?[:=]\s*(?:async\s*)?(?:function\s*)?$/;

export function nameInSource(file, line, column) {
  const text = linesOf(file)[line];
  if (text === undefined) return null;
  const before = text.slice(0, column);
  const callee = ARGUMENT_OF.exec(before)?.[1];
  return DECLARED_AT.exec(text.slice(column))?.[1] ?? ASSIGNED_BEFORE.exec(before)?.[1] ?? (callee === undefined ? null : `(callback of ${callee})`);
}
