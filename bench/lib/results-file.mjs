/**
 * bench/results.md holds sections written by different commands (the comparison, the profile);
 * each command replaces only its own section, between markers, and keeps the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const RESULTS_FILE = new URL('../results.md', import.meta.url);

const HEADER = `# Benchmark: cookie-consent-widget beside vanilla-cookieconsent and Orejime

Written by \`npm run bench\` (bench/widgets.mjs); every number is what the run named measured.
`;

const ORDER = ['comparison', 'profile'];
const markers = (name) => [`<!-- bench:${name} -->`, `<!-- /bench:${name} -->`];

function sectionsOf(text) {
  const sections = {};
  for (const name of ORDER) {
    const [open, close] = markers(name);
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start >= 0 && end > start) sections[name] = text.slice(start + open.length, end).trim();
  }
  return sections;
}

export function writeResultsSection(name, markdown) {
  if (!ORDER.includes(name)) throw new Error(`unknown results section "${name}"`);
  const sections = existsSync(RESULTS_FILE) ? sectionsOf(readFileSync(RESULTS_FILE, 'utf8')) : {};
  sections[name] = markdown.trim();
  const body = ORDER.filter((key) => sections[key]).map((key) => {
    const [open, close] = markers(key);
    return `${open}\n${sections[key]}\n${close}`;
  });
  writeFileSync(RESULTS_FILE, `${HEADER}\n${body.join('\n\n')}\n`);
}
