import { describe, expect, it } from 'vitest';
import { isCurrentSection, navFor } from '../../../src/lib/nav';

describe('navFor', () => {
  it.each([
    [null, ['ROI']],
    ['partner_rep', ['Portal', 'ROI']],
    ['partner_admin', ['Portal', 'ROI']],
    ['executive', ['ROI', 'Analytics']],
    ['channel_manager', ['Portal', 'ROI', 'Analytics', 'Leads']],
    ['admin', ['Portal', 'ROI', 'Analytics', 'Leads', 'Admin']],
  ] as const)('%s sees %j', (role, labels) => {
    expect(navFor(role).map((i) => i.label)).toEqual(labels);
  });
});

describe('isCurrentSection', () => {
  it('marks the section and its sub-pages, not look-alike prefixes', () => {
    expect(isCurrentSection('/portal', '/portal')).toBe(true);
    expect(isCurrentSection('/portal', '/portal/deals/1')).toBe(true);
    expect(isCurrentSection('/portal', '/portals')).toBe(false);
  });
});
