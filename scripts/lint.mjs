/**
 * `npm run lint`: ESLint and Prettier's check, side by side (each keeps one core busy), each with
 * its output printed in one piece when it ends. Both keep a cache in node_modules/.cache/, keyed by
 * file contents, so a second run checks only what changed; a fresh clone (or `npm ci`) has none.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cache = 'node_modules/.cache';
const checks = [
  ['eslint/bin/eslint.js', ['.', '--cache', '--cache-strategy', 'content', '--cache-location', `${cache}/eslint/`]],
  [
    'prettier/bin/prettier.cjs',
    ['--check', '--log-level', 'warn', '--cache', '--cache-strategy', 'content', '--cache-location', `${cache}/prettier/.prettier-cache`, '.'],
  ],
];

const results = await Promise.all(
  checks.map(
    ([bin, args]) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [fileURLToPath(new URL(`../node_modules/${bin}`, import.meta.url)), ...args], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (status) => {
          process.stdout.write(output);
          resolve(status ?? 1);
        });
      }),
  ),
);
process.exit(results.find((status) => status !== 0) ?? 0);
