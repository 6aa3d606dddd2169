/**
 * Time-ordered random ids (ULID layout: 48-bit millisecond time + 80 random bits, Crockford
 * base32). Sorting by id sorts by creation time, which cursor pagination relies on, and the
 * random part makes ids unguessable. Works in the browser and on the server.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let random = '';
  for (let i = 0; i < 16; i++) random += ALPHABET[(bytes[i] ?? 0) % 32];
  return time + random;
}
