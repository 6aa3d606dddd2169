import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  isSimilarEnough,
  similarityOfKeys,
  nameBlockingKeys,
  nameSimilarity,
  NAME_MATCH_THRESHOLD,
  normaliseCompanyName,
} from '../../../../src/lib/matching/company-name';

describe('company-name normalisation', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME Incorporated', 'acme'],
    ['Acme Corp', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme Ltd.', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Acme Holdings Co., Ltd.', 'acme holdings'],
    ['The Acme Company', 'acme'],
    ['Acme S.A. de C.V.', 'acme'],
    ['Müller Präzision AG', 'muller prazision'],
    ['  Acme   Widgets  ', 'acme widgets'],
    ['Procter & Gamble', 'procter and gamble'],
    ['Limited', 'limited'],
  ])('%s → %s', (input, key) => {
    expect(normaliseCompanyName(input)).toBe(key);
  });
});

describe('fuzzy name match (threshold 0.9)', () => {
  it.each([
    ['Acme, Inc.', 'ACME Incorporated', true],
    ['Acme, Inc.', 'Acme Corp', true],
    ['ACME Incorporated', 'Acme Corp', true],
    ['Acme Inc', 'Acne Inc', false],
    ['Acme Corp', 'Acne Inc', false],
    ['Northwind Traders', 'Northwind Trader Ltd', true],
    ['Contoso Pharmaceuticals', 'Contoso Pharmaceutical', true],
    ['Contoso Pharmaceuticals', 'Fabrikam Pharmaceuticals', false],
    ['Globex', 'Globus', false],
  ])('%s vs %s → %s', (a, b, matches) => {
    expect(nameSimilarity(a, b) >= NAME_MATCH_THRESHOLD).toBe(matches);
  });

  it('the quick check agrees with the full similarity (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-c ]{0,14}$/),
        fc.stringMatching(/^[a-c ]{0,14}$/),
        fc.constantFrom(0.5, 0.8, 0.9, 1),
        (a, b, threshold) => {
          const full =
            similarityOfKeys(a, b) >= threshold - 1e-9 && Math.max(a.length, b.length) > 0;
          expect(isSimilarEnough(a, b, threshold)).toBe(full);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('edit distance counts inserts, deletes and substitutions', () => {
    expect(editDistance('acme', 'acne')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('similarity is symmetric and 1 for the same name (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        expect(nameSimilarity(a, b)).toBeCloseTo(nameSimilarity(b, a), 10);
        const self = nameSimilarity(a, a);
        expect(self === 1 || normaliseCompanyName(a) === '').toBe(true);
      }),
    );
  });

  it('a single typo never changes both blocking keys of a name of 9+ letters (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{9,24}$/),
        fc.nat(),
        fc.stringMatching(/^[a-z]$/),
        (name, at, letter) => {
          const i = at % name.length;
          const typo = name.slice(0, i) + letter + name.slice(i + 1);
          const a = nameBlockingKeys(name);
          const b = nameBlockingKeys(typo);
          expect(a.prefix === b.prefix || a.suffix === b.suffix).toBe(true);
        },
      ),
    );
  });
});
