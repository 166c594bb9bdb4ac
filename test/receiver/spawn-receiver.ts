import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface ReceiverProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** `cookie-consent-widget receiver …` from source in its own process; resolves once it prints its URL. */
export async function spawnReceiver(args: string[], env: Record<string, string> = {}): Promise<ReceiverProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/receiver-from-source.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const url = await new Promise<string>((resolve, reject) => {
    const check = (): void => {
      const match = /Consent-log receiver: (http:\/\/\S+?)\/ /.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`the receiver exited with ${code}: ${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
