/**
 * React ships CommonJS only, with its build chosen at run time from process.env.NODE_ENV; the
 * test runner serves ES modules. This plugin serves `react`, `react-dom/client` and
 * `react-dom/server` to browser tests as ES modules with real named exports, bundled together
 * by esbuild so that every import shares one copy of React.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const PREFIX = '/__react-esm__/';
const modules = { react: 'React', 'react-dom/client': 'ReactDOMClient' };
// Export names are read from the development builds' text (the build served), without running them: running React
// in the test runner's own process would patch its console.
const servedBuilds = {
  react: join(dirname(require.resolve('react/package.json')), 'cjs/react.development.js'),
  'react-dom/client': join(dirname(require.resolve('react-dom/package.json')), 'cjs/react-dom-client.development.js'),
};
let bundle;

async function sharedBundle() {
  bundle ??= build({
    stdin: {
      contents: `module.exports = { ${Object.entries(modules)
        .map(([id, name]) => `${name}: require(${JSON.stringify(id)})`)
        .join(', ')} };`,
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

function facade(id, name) {
  const text = readFileSync(servedBuilds[id], 'utf8');
  const names = [...new Set([...text.matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g)].map((match) => match[1]))];
  return `import shared from '${PREFIX}shared.js';\nconst module = shared.${name};\nexport default module;\nexport const { ${names.join(', ')} } = module;\n`;
}

export function reactAsEsModules() {
  return {
    name: 'react-as-es-modules',
    resolveImport({ source }) {
      if (source in modules) return `${PREFIX}${source.replace('/', '__')}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = context.path.slice(PREFIX.length);
      if (file === 'shared.js') return { body: await sharedBundle(), type: 'js' };
      const id = file.replace(/\.js$/, '').replace('__', '/');
      if (!(id in modules)) return undefined;
      return { body: facade(id, modules[id]), type: 'js' };
    },
  };
}
