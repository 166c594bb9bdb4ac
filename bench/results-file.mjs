/**
 * bench/receiver-results.md holds one `## ` part per benchmark run (SQLite throughput, PostgreSQL
 * throughput, export and retention); each script replaces only its own part.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('./receiver-results.md', import.meta.url);
const TITLE = '# Receiver benchmarks\n\n';

/** Writes `section` (starting with `heading`) in place of that heading's part, keeping the others. */
export function writeResultsSection(heading, section) {
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
  const body = text.startsWith(TITLE) ? text.slice(TITLE.length) : '';
  const parts = body.split(/(?=^## )/m).filter((part) => part.trim() !== '' && !part.startsWith(heading));
  writeFileSync(FILE, `${TITLE}${[`${section.trimEnd()}\n\n`, ...parts].sort().join('').trimEnd()}\n`);
}
