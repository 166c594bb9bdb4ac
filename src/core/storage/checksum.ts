let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/**
 * CRC-32 (IEEE) of an ASCII string, as 8 hex digits. CRC-32 detects every change of a single
 * byte and every burst of up to 32 bits, and it is synchronous, which reading the cookie in
 * `<head>` needs (SubtleCrypto digests are async). It detects corruption, not a forger.
 */
export function crc32Hex(text: string): string {
  const lookup = crcTable();
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = lookup[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, '0');
}
