import { describe, expect, it } from 'vitest';
import { PRODUCT_SLUGS } from '../../../src/lib/catalog';
import { getBrand, listProducts, productName } from '../../../src/server/content/catalog';

describe('product catalogue', () => {
  it('has one content file per product slug, in display order', () => {
    expect(
      listProducts()
        .map((p) => p.slug)
        .sort(),
    ).toEqual([...PRODUCT_SLUGS].sort());
    const orders = listProducts().map((p) => p.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('names products for people', () => {
    expect(productName('sip-trunking')).toBe('Elastic SIP Trunking');
    expect(getBrand().name).toBe('Relay');
  });
});
