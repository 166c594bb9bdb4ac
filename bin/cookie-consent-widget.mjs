#!/usr/bin/env node
/**
 * `npx cookie-consent-widget <command>`: the package's command-line tools. Each command lives in
 * its own module under dist/ and is loaded only when asked for, so `scan` never loads the
 * receiver's database drivers and `receiver` never loads a browser driver.
 */
const COMMANDS = {
  receiver: { module: '../dist/receiver/cli.js', summary: 'run the consent-log receiver (records, visitor access and erasure, admin)' },
  scan: { module: '../dist/scanner/cli.js', summary: 'crawl a site and list every cookie, storage key and tracker, before and after consent' },
};

function usage() {
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`);
  return `Usage: cookie-consent-widget <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun a command with --help for its options.`;
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  console.log(usage());
  process.exit(name ? 0 : 2);
}
const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (!command) {
  console.error(`cookie-consent-widget: unknown command "${name}".\n\n${usage()}`);
  process.exit(2);
}
const { main } = await import(new URL(command.module, import.meta.url).href);
process.exitCode = await main(args);
