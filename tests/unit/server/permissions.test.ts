import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  requireChannel,
  requirePartner,
  requirePartnerAdmin,
  requireRole,
} from '../../../src/server/auth/permissions';
import type { SessionUser } from '../../../src/server/auth/session';
import type { Actor } from '../../../src/server/deals/actor';
import { actorKindOf, dealScopeOf } from '../../../src/server/deals/actor';
import * as permissions from '../../../src/server/auth/permissions';
import * as roiRepository from '../../../src/server/roi/repository';
import * as schema from '../../../src/server/schema';
import type { Role } from '../../../src/server/schema';

const company = { id: 'P1', name: 'Northwind' };
const user = (role: Role, partner: SessionUser['partner'] = null): SessionUser => ({
  id: `u-${role}`,
  email: `${role}@example.test`,
  name: role,
  role,
  partner,
});
/** A partner API key acts as a partner rep of its company. */
const apiKeyActor: Actor = {
  ...user('partner_rep', company),
  apiKey: { id: 'K1', prefix: 'chasm_abcdefgh' },
};

const SIGN_IN = 'UNAUTHORIZED: Sign in to continue.';
const ROLE = 'FORBIDDEN: Your role does not allow this.';
const UNLINKED = 'FORBIDDEN: This account is not linked to a partner company.';
const ADMIN_ONLY = 'FORBIDDEN: Only a partner admin can manage API keys and webhooks.';

function outcome(check: () => unknown): string {
  try {
    const result = check() as { partnerId?: string } | SessionUser;
    return 'partnerId' in result ? `ok ${result.partnerId}` : 'ok';
  } catch (error) {
    const e = error as { code: string; message: string };
    return `${e.code}: ${e.message}`;
  }
}

describe('the permission helpers (one set, in auth/permissions.ts)', () => {
  const actors: [string, SessionUser | null][] = [
    ['nobody', null],
    ['admin', user('admin')],
    ['channel manager', user('channel_manager')],
    ['executive', user('executive')],
    ['partner admin', user('partner_admin', company)],
    ['partner rep', user('partner_rep', company)],
    ['partner rep without a company', user('partner_rep')],
    ['partner admin without a company', user('partner_admin')],
    ['API key', apiKeyActor],
  ];
  const expected: Record<string, [string, string, string, string, string]> = {
    // requirePartner, requirePartnerAdmin, requireChannel, dealScopeOf, actorKindOf
    nobody: [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, '-'],
    admin: [ROLE, ADMIN_ONLY, 'ok', 'all', 'channel'],
    'channel manager': [ROLE, ADMIN_ONLY, 'ok', 'all', 'channel'],
    executive: [ROLE, ADMIN_ONLY, ROLE, ROLE, 'channel'],
    'partner admin': ['ok P1', 'ok P1', ROLE, 'P1', 'partner'],
    'partner rep': ['ok P1', ADMIN_ONLY, ROLE, 'P1', 'partner'],
    'partner rep without a company': [UNLINKED, ADMIN_ONLY, ROLE, UNLINKED, 'partner'],
    'partner admin without a company': [UNLINKED, ADMIN_ONLY, ROLE, UNLINKED, 'partner'],
    'API key': ['ok P1', ADMIN_ONLY, ROLE, 'P1', 'partner'],
  };
  it.each(actors)('%s', (label, actor) => {
    const scope = outcome(() => ({ partnerId: dealScopeOf(actor).partnerId ?? 'all' }));
    expect([
      outcome(() => requirePartner(actor)),
      outcome(() => requirePartnerAdmin(actor)),
      outcome(() => requireChannel(actor)),
      scope.replace(/^ok /, ''),
      actor ? actorKindOf(actor) : '-',
    ]).toEqual(expected[label]);
  });

  it('keeps an API key actor an API key actor', () => {
    const { user: kept } = requirePartner(apiKeyActor);
    expect(kept.apiKey).toEqual({ id: 'K1', prefix: 'chasm_abcdefgh' });
    expect(requireRole(apiKeyActor, ['partner_rep']).apiKey?.id).toBe('K1');
  });
});

describe('no second copy of the helpers or role lists', () => {
  const root = resolve(import.meta.dirname, '../../../src');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? walk(join(dir, e.name))
        : /\.(ts|tsx|astro)$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
    );
  const files = [...walk(join(root, 'server')), ...walk(join(root, 'pages'))];
  const offenders = (pattern: RegExp) =>
    files
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f).replace(/\\/g, '/'))
      .filter((f) => f !== 'server/auth/permissions.ts');

  const patterns: [string, RegExp][] = [
    ['a permission helper', /function require(Role|Partner\w*|Channel)\b/],
    ['a role-list constant', /const (PARTNER_\w*ROLES|CHANNEL_ROLES)\b/],
    ['a literal partner role list', /\[\s*'partner_admin',\s*'partner_rep'\s*\]/],
    ['a literal channel role list', /\[\s*'admin',\s*'channel_manager'\s*\]/],
  ];
  it.each(patterns)('%s is defined only in server/auth/permissions.ts', (_label, pattern) => {
    expect(offenders(pattern)).toEqual([]);
  });
});

describe('exports nobody used are gone', () => {
  const removed: [string, Record<string, unknown>, string][] = [
    ['server/roi/repository.ts', roiRepository, 'scenarioNamesForOwner'],
    ['server/auth/permissions.ts', permissions, 'canAccess'],
    ['server/schema.ts', schema, 'PARTNER_ROLES'],
  ];
  it.each(removed)('%s no longer exports %s', (_file, module, name) => {
    expect(Object.keys(module)).not.toContain(name);
  });
});
