import { reloadConfig } from '../../../src/server/config';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  assertDeliverableUrl,
  isPrivateAddress,
  webhookUrlField,
  type HostResolver,
} from '../../../src/server/webhooks/url-policy';

afterEach(() => {
  vi.unstubAllEnvs();
  reloadConfig();
});

describe('isPrivateAddress', () => {
  const cases: [string, boolean][] = [
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.0.0.1', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['100.128.0.1', false],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['240.0.0.1', true],
    ['255.255.255.255', true],
    ['198.18.0.1', true],
    ['192.0.2.10', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['fd12:3456::1', true],
    ['fc00::1', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['ff02::1', true],
    ['2001:db8::1', true],
    ['2606:4700:4700::1111', false],
    // IPv4-mapped IPv6, in dotted and hex notation (the hex form is what `new URL` writes).
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['0:0:0:0:0:ffff:7f00:1', true],
    ['::ffff:a9fe:a9fe', true],
    ['::ffff:169.254.169.254', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:a00:1', true],
    ['::ffff:c0a8:101', true],
    ['::ffff:8.8.8.8', false],
    ['::ffff:808:808', false],
    // IPv4-compatible, NAT64, 6to4: addresses that carry an IPv4 address.
    ['::7f00:1', true],
    ['64:ff9b::7f00:1', true],
    ['64:ff9b::10.1.2.3', true],
    ['64:ff9b::808:808', false],
    ['2002:7f00:1::', true],
    ['localhost', true],
    ['', true],
  ];
  it.each(cases)('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('assertDeliverableUrl with private addresses refused', () => {
  const resolverFor =
    (answers: Record<string, string[]>): HostResolver =>
    async (host) =>
      (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const resolve = resolverFor({
    'public.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'internal.example': ['10.1.2.3'],
    'mixed.example': ['93.184.216.34', '127.0.0.1'],
    'mapped.example': ['::ffff:7f00:1'],
    'nothing.example': [],
  });

  const refused: [string, RegExp][] = [
    ['https://[::ffff:127.0.0.1]/hook', /private or local/],
    ['https://[::ffff:7f00:1]/hook', /private or local/],
    ['https://[::ffff:a9fe:a9fe]/latest/meta-data', /private or local/],
    ['https://[::ffff:10.0.0.1]/hook', /private or local/],
    ['https://[::1]/hook', /private or local/],
    ['https://[fd00::1]/hook', /private or local/],
    ['https://127.1/hook', /private or local/],
    ['https://2130706433/hook', /private or local/],
    ['https://0x7f.0.0.1/hook', /private or local/],
    ['https://169.254.169.254/latest/meta-data', /private or local/],
    ['https://internal.example/hook', /private or local/],
    ['https://mixed.example/hook', /private or local/],
    ['https://mapped.example/hook', /private or local/],
    ['https://nothing.example/hook', /did not resolve/],
    ['http://public.example/hook', /must use https/],
  ];
  it.each(refused)('refuses %s', async (url, message) => {
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '0');
    reloadConfig();
    await expect(assertDeliverableUrl(url, resolve)).rejects.toThrow(message);
  });

  it('returns the checked addresses, which the delivery then connects to', async () => {
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '0');
    reloadConfig();
    expect(await assertDeliverableUrl('https://public.example/hook', resolve)).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
    ]);
    expect(await assertDeliverableUrl('https://[::ffff:808:808]/', resolve)).toEqual([
      { address: '::ffff:808:808', family: 6 },
    ]);
  });

  it('lets private receivers through when WEBHOOK_ALLOW_PRIVATE=1', async () => {
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1');
    reloadConfig();
    expect(await assertDeliverableUrl('http://internal.example/hook', resolve)).toEqual([
      { address: '10.1.2.3', family: 4 },
    ]);
    expect(await assertDeliverableUrl('http://[::ffff:7f00:1]:8080/', resolve)).toEqual([
      { address: '::ffff:7f00:1', family: 6 },
    ]);
  });
});

describe('webhookUrlField', () => {
  const invalid: [unknown, string][] = [
    ['not a url', 'Enter a full URL, like https://crm.example.com/hooks/relay.'],
    ['', 'Enter a full URL, like https://crm.example.com/hooks/relay.'],
    ['https://', 'Enter a full URL, like https://crm.example.com/hooks/relay.'],
    ['://missing-scheme.example', 'Enter a full URL, like https://crm.example.com/hooks/relay.'],
    ['ftp://files.example.com/hook', 'Use an http(s) URL.'],
    [
      'https://user:secret@crm.example.com/hook',
      'Put credentials in your receiver, not in the URL.',
    ],
    [`https://crm.example.com/${'a'.repeat(2000)}`, 'Keep the URL under 2,000 characters.'],
    [42, 'URL must be text.'],
  ];
  it.each(invalid)('%s is a field issue, never an exception', (value, message) => {
    const result = webhookUrlField.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('accepts an https URL and trims it', () => {
    expect(webhookUrlField.parse('  https://crm.example.com/hooks/relay  ')).toBe(
      'https://crm.example.com/hooks/relay',
    );
  });
});
