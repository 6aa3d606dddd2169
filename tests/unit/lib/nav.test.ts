import { describe, expect, it } from 'vitest';
import { canOpen, isCurrentSection, navFor } from '../../../src/lib/nav';

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

describe('canOpen', () => {
  it('follows the guards: the review queue and leads are the channel’s, not an executive’s', () => {
    expect(canOpen('executive', '/portal/review')).toBe(false);
    expect(canOpen('executive', '/leads')).toBe(false);
    expect(canOpen('channel_manager', '/portal/review?status=submitted')).toBe(true);
    expect(canOpen('admin', '/leads/01ABC')).toBe(true);
  });
  it('keeps partner pages to partners, API keys to partner admins, and deal pages to the portal', () => {
    expect(canOpen('partner_rep', '/portal/deals/new')).toBe(true);
    expect(canOpen('channel_manager', '/portal/deals/new')).toBe(false);
    expect(canOpen('channel_manager', '/portal/deals/01ABC')).toBe(true);
    expect(canOpen('partner_rep', '/portal/api-keys')).toBe(false);
    expect(canOpen('partner_admin', '/portal/webhooks/01ABC')).toBe(true);
  });
  it('lets everyone open the public site and sends visitors nowhere signed-in', () => {
    expect(canOpen(null, '/solutions/speed-to-lead')).toBe(true);
    expect(canOpen(null, '/portal')).toBe(false);
    expect(canOpen(null, '/roi/scenarios')).toBe(false);
  });
});
