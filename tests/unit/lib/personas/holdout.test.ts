import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash32, holdoutBucket, isInHoldout } from '../../../../src/lib/personas/holdout';
import { newVisitorId } from '../../../../src/lib/personas/cookies';

/** A small seeded generator, so the 10,000 ids are the same on every run. */
function seededIds(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length: count }, () =>
    Array.from({ length: 22 }, () => alphabet[next() >>> 26]!).join(''),
  );
}

describe('holdout', () => {
  it('is stable: the same visitor and program always get the same answer', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 20 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (id, program, percent) => {
          expect(isInHoldout(id, program, percent)).toBe(isInHoldout(id, program, percent));
          const bucket = holdoutBucket(id, program);
          expect(bucket).toBeGreaterThanOrEqual(0);
          expect(bucket).toBeLessThan(1);
        },
      ),
    );
  });

  it('holds out between 4% and 6% of 10,000 visitor ids at the default 5%', () => {
    const ids = seededIds(10_000, 42);
    const held = ids.filter((id) => isInHoldout(id, 'persona-site', 5)).length;
    expect(held).toBeGreaterThanOrEqual(400);
    expect(held).toBeLessThanOrEqual(600);
  });

  it('holds out between 4% and 6% of 10,000 random ids, as issued to browsers', () => {
    const ids = Array.from({ length: 10_000 }, newVisitorId);
    const held = ids.filter((id) => isInHoldout(id, 'persona-site', 5)).length;
    expect(held / ids.length).toBeGreaterThanOrEqual(0.04);
    expect(held / ids.length).toBeLessThanOrEqual(0.06);
  });

  it('grows monotonically with the percentage: raising it never releases anyone', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 0, max: 99 }), (id, percent) => {
        if (isInHoldout(id, 'p', percent)) expect(isInHoldout(id, 'p', percent + 1)).toBe(true);
      }),
    );
  });

  it('is off at 0% and total at 100%', () => {
    for (const id of seededIds(500, 7)) {
      expect(isInHoldout(id, 'p', 0)).toBe(false);
      expect(isInHoldout(id, 'p', 100)).toBe(true);
    }
  });

  it('reshuffles for a new program', () => {
    const ids = seededIds(10_000, 3);
    const a = new Set(ids.filter((id) => isInHoldout(id, 'spring', 5)));
    const b = ids.filter((id) => isInHoldout(id, 'autumn', 5));
    const overlap = b.filter((id) => a.has(id)).length;
    // Independent 5% draws overlap on about 0.25% of ids (25 of 10,000); the same draw would be 500.
    expect(overlap).toBeLessThan(60);
  });

  it('hashes to 32-bit unsigned integers', () => {
    expect(hash32('')).toBeGreaterThanOrEqual(0);
    expect(hash32('a')).not.toBe(hash32('b'));
    expect(Number.isInteger(hash32('visitor'))).toBe(true);
  });
});
