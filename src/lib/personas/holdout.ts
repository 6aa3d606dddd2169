/**
 * The holdout: a small, stable share of visitors whose persona is known but who are shown the
 * generic page, so the lift of personalising can be measured against them (PostHog suggests
 * 1–10% for holdouts; Optimizely's personalisation holdback defaults to 5%).
 *
 * Assignment is a pure function of (visitor id, program): the same visitor is always in the
 * same group on every server and in the browser, with nothing stored. Changing the program
 * name reshuffles everyone, which is how a new experiment starts.
 */

/** 32-bit FNV-1a over UTF-16 code units, then murmur3's finaliser so every input bit reaches every output bit. */
export function hash32(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Where a visitor falls in [0, 1) for a program. */
export function holdoutBucket(visitorId: string, program: string): number {
  return hash32(`${program}:${visitorId}`) / 0x1_0000_0000;
}

/** Whether the visitor is held out; `percent` is 0–100 (0 turns the holdout off). */
export function isInHoldout(visitorId: string, program: string, percent: number): boolean {
  if (!(percent > 0)) return false;
  return holdoutBucket(visitorId, program) < percent / 100;
}
