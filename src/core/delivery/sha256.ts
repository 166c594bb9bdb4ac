/**
 * SHA-256 as lower-case hex. WebCrypto where there is one; crypto.subtle exists only in secure
 * contexts, and a site on plain http still needs the text hash of its consent records.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
    } catch {
      // Some locked-down embedded browsers expose subtle but refuse to digest.
    }
  }
  return sha256HexSync(bytes);
}

/** The first 64 primes, whose roots give SHA-256 its constants. */
const PRIMES: number[] = [];
for (let candidate = 2; PRIMES.length < 64; candidate++) {
  if (PRIMES.every((prime) => candidate % prime !== 0)) PRIMES.push(candidate);
}

/**
 * The first 32 bits of the fractional part of a root. FIPS 180-4 defines the constants this way
 * (K: cube roots of the first 64 primes; the initial hash: square roots of the first 8), and
 * computing them costs the delivery chunk about 500 bytes gzip less than spelling them out. Each
 * lies over 0.005 of its last bit away from a rounding edge, far more than a double's root can
 * be off; test/delivery/backoff.node.test.ts compares the result with node:crypto.
 */
const fractionBits = (root: number): number => ((root % 1) * 2 ** 32) >>> 0;
const K = new Uint32Array(PRIMES.map((prime) => fractionBits(Math.cbrt(prime))));

/** FIPS 180-4, for when WebCrypto is missing. */
export function sha256HexSync(message: Uint8Array): string {
  const bitLength = message.length * 8;
  const padded = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const hash = new Uint32Array(PRIMES.slice(0, 8).map((prime) => fractionBits(Math.sqrt(prime))));
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, h] = hash as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const t1 = (h! + (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) >>> 0;
      [h, g, f, e, d, c, b, a] = [g, f, e, (d! + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
    }
    [a, b, c, d, e, f, g, h].forEach((value, i) => (hash[i] = (hash[i]! + value!) >>> 0));
  }
  return toHex(bigEndian(hash));
}

function bigEndian(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word));
  return out;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
