import { domainKey } from './domain';

/**
 * Mailbox providers anyone can sign up to. A contact at `gmail.com` tells us nothing about
 * which company they work for, so the "same contact e-mail domain" rule ignores these.
 * The list covers the large global and regional providers; it is deliberately short and
 * easy to extend, and a provider missing here only makes the rule fire where a channel
 * manager will see it, never hides a conflict.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.co.jp',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'mail.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
  'yandex.ru',
  'yandex.com',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'naver.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'virgilio.it',
  'rediffmail.com',
  'uol.com.br',
  'bol.com.br',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'btinternet.com',
  'comcast.net',
]);

/** The domain part of an e-mail address (lower case), or null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain) || FREE_MAIL_DOMAINS.has(domainKey(domain) ?? domain);
}

/**
 * The registrable domain of a contact's e-mail, or null for free-mail providers (and for
 * something that is not an address), so `ana@eu.acme.com` and `bo@acme.com` meet on `acme.com`.
 */
export function emailDomainKey(email: string): string | null {
  const domain = emailDomain(email);
  if (domain === null) return null;
  const key = domainKey(domain);
  if (key === null || isFreeMailDomain(domain)) return null;
  return key;
}
