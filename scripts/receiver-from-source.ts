/**
 * `node --import tsx scripts/receiver-from-source.ts [receiver options]`: the receiver command
 * straight from src/, without a build, for the tests and the benchmarks.
 */
import { main } from '../src/receiver/cli.js';

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
