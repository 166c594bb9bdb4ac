/** The CPU profile's totals as markdown tables, our functions named through the source maps. */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSourceResolver } from './source-maps.mjs';
import { nameInSource } from './source-names.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const distDir = resolve(repoRoot, 'dist');
const resolvePosition = createSourceResolver();

const ms = (micros, visits) => (micros / visits / 1000).toFixed(2);
const percent = (part, whole) => (whole > 0 ? `${((part / whole) * 100).toFixed(0)}%` : '—');
const isOurs = (module) => !module.startsWith('(');

const widgetTotal = (modules) => [...modules].filter(([module]) => isOurs(module)).reduce((sum, [, micros]) => sum + micros, 0);

/** Our built files first (largest first-visit cost on top), then V8's own entries and other scripts. */
export function moduleTable(totals, visits) {
  const names = [...new Set([...totals.first.modules.keys(), ...totals.returning.modules.keys()])];
  const at = (visit, name) => totals[visit].modules.get(name) ?? 0;
  const byFirstVisit = (a, b) => at('first', b) - at('first', a);
  const ours = names.filter(isOurs).sort(byFirstVisit);
  const others = names.filter((name) => !isOurs(name)).sort(byFirstVisit);
  const firstTotal = widgetTotal(totals.first.modules);
  const returningTotal = widgetTotal(totals.returning.modules);
  const row = (label, first, returning, share = true) =>
    `| ${label} | ${ms(first, visits)} | ${share ? percent(first, firstTotal) : ''} | ${ms(returning, visits)} | ${share ? percent(returning, returningTotal) : ''} |`;
  return [
    '| module | first visit: self ms | share of ours | returning visit: self ms | share of ours |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...ours.map((name) => row(`dist/${name}`, at('first', name), at('returning', name))),
    row("**all of the widget's files**", firstTotal, returningTotal),
    ...others.map((name) => row(name, at('first', name), at('returning', name), false)),
  ].join('\n');
}

function describeFunction({ module, callFrame }) {
  const built = `dist/${module}:${callFrame.lineNumber + 1}:${callFrame.columnNumber + 1}`;
  const source = resolvePosition(resolve(distDir, module), callFrame.lineNumber, callFrame.columnNumber);
  // Rollup wraps the whole script-tag file in one `!function(){…}()`: its top-level code.
  const wrapper = callFrame.lineNumber === 0 && callFrame.columnNumber <= 10 ? "(the file's top-level code)" : null;
  if (!source) return { name: wrapper ?? (callFrame.functionName || '(anonymous)'), source: '(no source map)', built };
  return {
    name:
      source.name ?? nameInSource(source.file, source.line, source.column) ?? (callFrame.functionName ? `${callFrame.functionName} (minified)` : '(anonymous)'),
    source: `${relative(repoRoot, source.file)}:${source.line + 1}:${source.column + 1}`,
    built,
  };
}

export function functionTable(totals, visits, limit) {
  const ours = widgetTotal(totals.modules);
  const top = [...totals.functions.values()].sort((a, b) => b.micros - a.micros).slice(0, limit);
  return [
    '| # | function | source | built file | self ms per visit | share of ours |',
    '| ---: | --- | --- | --- | ---: | ---: |',
    ...top.map((entry, index) => {
      const { name, source, built } = describeFunction(entry);
      return `| ${index + 1} | \`${name}\` | ${source} | ${built} | ${ms(entry.micros, visits)} | ${percent(entry.micros, ours)} |`;
    }),
  ].join('\n');
}
