import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The signing secret kept in `file`, made (random, 32 bytes, readable by the owner only) when
 * there is none yet: a single-machine receiver then keeps its visitors' credentials valid across
 * restarts without anyone handling a secret. Several instances need one shared CONSENT_SECRET.
 */
export function loadOrCreateSecret(file: string): string {
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters; delete it to make a new one`);
    return secret;
  }
  const secret = randomBytes(32).toString('hex');
  // 'wx': never overwrite a secret another process wrote a moment ago.
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
