import { describe, expect, it } from 'vitest';
import { holdoutSettings } from '../../../src/server/personas/settings';

describe('holdout settings', () => {
  it('defaults to 5% of program "persona-site"', () => {
    expect(holdoutSettings({})).toEqual({ percent: 5, program: 'persona-site' });
  });

  it('reads PERSONA_HOLDOUT_PERCENT and PERSONA_PROGRAM', () => {
    expect(
      holdoutSettings({ PERSONA_HOLDOUT_PERCENT: '10', PERSONA_PROGRAM: 'spring-2027' }),
    ).toEqual({ percent: 10, program: 'spring-2027' });
    expect(holdoutSettings({ PERSONA_HOLDOUT_PERCENT: '0' }).percent).toBe(0);
  });

  it('names the variable when a value is wrong', () => {
    expect(() => holdoutSettings({ PERSONA_HOLDOUT_PERCENT: '80' })).toThrow(
      /PERSONA_HOLDOUT_PERCENT/,
    );
    expect(() => holdoutSettings({ PERSONA_HOLDOUT_PERCENT: 'lots' })).toThrow(
      /PERSONA_HOLDOUT_PERCENT/,
    );
    expect(() => holdoutSettings({ PERSONA_PROGRAM: 'Has Spaces' })).toThrow(/PERSONA_PROGRAM/);
  });
});
