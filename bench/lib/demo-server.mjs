/**
 * The demo shop (demo/serve.mjs) as a child process on a free port of 127.0.0.1, its consent
 * records in a throwaway database so a bench never writes to demo/data/.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serveScript = fileURLToPath(new URL('../../demo/serve.mjs', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;

/** Resolves to { origin, stop() } once the demo prints its address. */
export function startDemo() {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-demo-'));
  const child = spawn(process.execPath, [serveScript], {
    env: { ...process.env, PORT: '0', DEMO_DATABASE: join(dataDir, 'records.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason) => {
      clearTimeout(timer);
      stop();
      reject(new Error(`the demo server did not start (${reason}):\n${output}`));
    };
    const timer = setTimeout(() => fail(`no address within ${STARTUP_TIMEOUT_MS / 1000} s`), STARTUP_TIMEOUT_MS);
    const collect = (chunk) => {
      output += chunk;
      const address = /Demo site: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (address) {
        clearTimeout(timer);
        resolve({ origin: address[1], stop });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => fail(`exited with ${code}`));
  });
}
