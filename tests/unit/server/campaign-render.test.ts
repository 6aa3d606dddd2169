import { describe, expect, it } from 'vitest';
import { allCampaignSteps } from '../../../src/server/content/campaign-content';
import { htmlToText } from '../../../src/server/campaigns/html-text';
import {
  renderCampaignMail,
  renderSubject,
  type CampaignMailProps,
} from '../../../src/server/campaigns/render';

const props: CampaignMailProps = {
  lead: {
    firstName: 'Zoë',
    name: 'Zoë <b>Bold</b>',
    email: 'zoe@acme.test',
    company: '<script>alert("x")</script> & Sons',
    companyDomain: 'acme.test',
  },
  owner: { name: 'Maya Okafor', title: 'Solutions engineer', email: 'maya@relay.test' },
  links: { unsubscribe: 'https://relay.test/unsubscribe/abc', site: 'https://relay.test' },
};

describe('campaign e-mails', () => {
  it.each(allCampaignSteps().map((s) => [s.file, s] as const))(
    '%s renders with escaped lead fields',
    (_file, step) => {
      const mail = renderCampaignMail(step, props);
      expect(mail.subject.length).toBeGreaterThan(4);
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<b>Bold</b>');
      expect(mail.html).toContain('https://relay.test/unsubscribe/abc');
      expect(mail.text).toContain('Unsubscribe: https://relay.test/unsubscribe/abc');
      // Site links are absolute in e-mail.
      expect(mail.html).not.toMatch(/href="\/(?!\/)/);
      expect(mail.text).not.toMatch(/<\/?(p|a|li|ul|ol|strong)\b/);
    },
  );

  it('prints the lead fields in the body, escaped in HTML and as typed in text', () => {
    const step = allCampaignSteps().find((s) =>
      s.file.endsWith('contact-center-pilot/01-welcome.mdx'),
    )!;
    const mail = renderCampaignMail(step, props);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(mail.text).toContain('<script>alert("x")</script> & Sons');
    expect(mail.text).toContain('Hello Zoë,');
    expect(mail.text).toContain('Maya Okafor');
    expect(mail.subject).toBe('Zoë, your pilot request for <script>alert("x")</script> & Sons');
  });

  it('signs off as the team when there is no owner', () => {
    const step = allCampaignSteps().find((s) =>
      s.file.endsWith('contact-center-pilot/01-welcome.mdx'),
    )!;
    expect(renderCampaignMail(step, { ...props, owner: null }).text).toContain('The Relay team');
  });

  it('keeps subjects on one line (no header injection)', () => {
    expect(
      renderSubject('{company} news', { ...props.lead, company: 'Evil\r\nBcc: all@x.test' }),
    ).toBe('Evil Bcc: all@x.test news');
  });

  it('turns Markdown HTML into readable text', () => {
    expect(
      htmlToText(
        '<p>Hi <strong>there</strong> &amp; <a href="https://x.test/a">the model</a></p>\n<ol>\n<li>One</li>\n<li>Two</li>\n</ol>\n<ul><li>Dot</li></ul>',
      ),
    ).toBe('Hi there & the model (https://x.test/a)\n\n1. One\n2. Two\n\n- Dot');
  });
});
