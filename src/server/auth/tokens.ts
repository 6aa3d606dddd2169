import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Lower-case alphabet without look-alike characters (no 0, 1, l, o).
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random string of `bytes` bytes of entropy, in a URL- and cookie-safe alphabet. */
export function randomToken(bytes: number): string {
  const buffer = randomBytes(bytes);
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of buffer) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares two hex digests in constant time, so timing reveals nothing about a match. */
export function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
