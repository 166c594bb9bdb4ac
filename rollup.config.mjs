import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/**
 * Only the script-tag file is bundled; npm users get tsc's unbundled modules. Rollup starts from
 * tsc's output (the build runs tsc first), so the code is type-checked and compiled once.
 */
export default {
  input: 'dist/embed.js',
  output: {
    file: 'dist/cookie-consent.js',
    format: 'iife',
    // An IIFE cannot load chunks: the translations are bundled in until the script-tag build
    // gets a loader of its own.
    inlineDynamicImports: true,
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    terser({ ecma: 2020, module: false, format: { comments: false }, compress: { passes: 2 } }),
  ],
};
