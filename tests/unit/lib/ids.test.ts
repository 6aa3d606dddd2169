import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/lib/ids';

describe('newId', () => {
  it('is 26 Crockford base32 characters', () => {
    expect(newId()).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('sorts by creation time, so cursor pagination by id follows time', () => {
    const earlier = newId(Date.parse('2026-01-01T00:00:00Z'));
    const later = newId(Date.parse('2026-01-01T00:00:00.001Z'));
    expect(earlier < later).toBe(true);
  });

  it('does not repeat within the same millisecond', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 5000 }, () => newId(now)));
    expect(ids.size).toBe(5000);
  });
});
