import { describe, expect, it } from 'vitest';
import { describeConflict, describeRule } from '../../../../src/lib/matching/explain';
import { matchKeysOf } from '../../../../src/lib/matching/keys';
import { isCustomerMatch, matchRules } from '../../../../src/lib/matching/rules';

function subject(name: string, domain: string, email: string, products: string[]) {
  return {
    ...matchKeysOf({ customerName: name, customerDomain: domain, contactEmail: email }),
    products,
  };
}

describe('conflict rules', () => {
  const existing = subject('Acme, Inc.', 'acme.com', 'cio@acme.com', ['voice', 'messaging']);

  it('fires every rule for the same customer typed differently', () => {
    const hits = matchRules(
      subject('ACME Incorporated', 'https://www.eu.Acme.com.', 'ana@acme.com', ['voice']),
      existing,
    );
    expect(hits.map((h) => h.rule)).toEqual([
      'domain',
      'email_domain',
      'company_name',
      'product_overlap',
    ]);
    expect(hits.find((h) => h.rule === 'product_overlap')).toEqual({
      rule: 'product_overlap',
      products: ['voice'],
    });
  });

  it('ignores free-mail contacts', () => {
    const hits = matchRules(
      subject('Other Co', 'other.com', 'a@gmail.com', ['voice']),
      subject('Else', 'else.com', 'b@gmail.com', ['voice']),
    );
    expect(hits).toEqual([]);
  });

  it('a contact at the customer domain of another registration fires the e-mail rule', () => {
    const hits = matchRules(subject('Acme EU', 'acme-eu.com', 'x@acme.com', []), existing);
    expect(hits.map((h) => h.rule)).toEqual(['email_domain']);
  });

  it('product overlap alone is not a conflict', () => {
    const hits = matchRules(subject('Other', 'other.com', 'x@other.com', ['voice']), existing);
    expect(hits).toEqual([]);
    expect(isCustomerMatch(hits)).toBe(false);
  });

  it('a near name (Acne Inc) is not the same customer', () => {
    expect(matchRules(subject('Acne Inc', 'acne.com', 'x@acne.com', ['voice']), existing)).toEqual(
      [],
    );
  });

  it('explains a conflict with dates and without the other partner', () => {
    const text = describeConflict({
      state: 'approved',
      since: '2026-03-03T10:00:00.000Z',
      until: '2026-06-01T10:00:00.000Z',
      rules: [],
      isStrong: false,
    });
    expect(text).toBe(
      'Another partner holds an active registration for this customer since 3 Mar 2026 until 1 Jun 2026.',
    );
    expect(
      describeConflict({
        state: 'pending',
        since: '2026-03-03T10:00:00.000Z',
        until: null,
        rules: [],
        isStrong: false,
      }),
    ).toMatch(/waiting for review/);
    expect(describeRule({ rule: 'company_name', similarity: 0.94 })).toMatch(/94% similar/);
  });
});
