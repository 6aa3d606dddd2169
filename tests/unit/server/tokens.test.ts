import { describe, expect, it } from 'vitest';
import { constantTimeEqualHex, randomToken, sha256Hex } from '../../../src/server/auth/tokens';

describe('randomToken', () => {
  it('encodes 5 bits per character, so 20 bytes give 160 bits in 32 characters', () => {
    expect(randomToken(20)).toHaveLength(32);
    expect(randomToken(16)).toHaveLength(26);
  });

  it('uses only the unambiguous lower-case alphabet', () => {
    expect(randomToken(64)).toMatch(/^[a-km-z2-9]+$/);
  });

  it('does not repeat', () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => randomToken(20)));
    expect(tokens.size).toBe(2000);
  });
});

describe('constantTimeEqualHex', () => {
  it('matches equal digests and refuses different or differently sized ones', () => {
    const a = sha256Hex('secret');
    expect(constantTimeEqualHex(a, sha256Hex('secret'))).toBe(true);
    expect(constantTimeEqualHex(a, sha256Hex('secreT'))).toBe(false);
    expect(constantTimeEqualHex(a, a.slice(0, 32))).toBe(false);
  });
});
