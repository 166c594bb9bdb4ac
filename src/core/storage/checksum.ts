/**
 * CRC-32 (IEEE) of an ASCII string, as 8 hex digits. CRC-32 detects every change of a single
 * byte and every burst of up to 32 bits, and it is synchronous, which reading the cookie in
 * `<head>` needs (SubtleCrypto digests are async). It detects corruption, not a forger.
 * Bit by bit, without a lookup table: for a cookie of ~130 characters that is fewer steps than
 * building the 256-entry table on every page view would take.
 */
export function crc32Hex(text: string): string {
  let crc = -1; // 0xffffffff as a 32-bit integer
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) & 0xff;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (~crc >>> 0).toString(16).padStart(8, '0');
}
