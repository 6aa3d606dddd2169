import { describe, expect, it } from 'vitest';
import { normalisePath } from '../../../src/server/analytics/record-event';

describe('normalisePath', () => {
  it.each([
    ['/for/developers?utm_source=x#top', '/for/developers'],
    ['/solutions/virtual-contact-centre', '/solutions/virtual-contact-centre'],
    ['/reset-password/k3n9wq2m8x7y4z6v5b2c3d4e5f6g7h8j', '/reset-password/:id'],
    ['/invite/abcdefghijkmnpqrstuvwxyzabcdefghijk', '/invite/:id'],
    ['/portal/deals/01KAQZ3V9W8X7Y6Z5A4B3C2D1E', '/portal/deals/:id'],
    ['/roi/shared/Qx9_-aB3cD4eF5gH6iJ7kL', '/roi/shared/:id'],
    ['/', '/'],
    ['', null],
  ])('%s → %s', (path, expected) => {
    expect(normalisePath(path)).toBe(expected);
  });
});
