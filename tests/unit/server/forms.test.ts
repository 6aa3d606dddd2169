import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/server/errors';
import { readForm, safeNext } from '../../../src/server/http/forms';

function post(body: string): Request {
  return new Request('http://localhost/x', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

describe('safeNext', () => {
  it.each([
    ['/portal', '/portal'],
    ['/portal?x=1', '/portal?x=1'],
    ['//evil.test', '/home'],
    ['/\\evil.test', '/home'],
    ['https://evil.test', '/home'],
    ['javascript:alert(1)', '/home'],
    // Dot segments that collapse to a protocol-relative path (issue 10's open redirect).
    ['/..//evil.example/', '/home'],
    ['/.//evil.example/', '/home'],
    ['/../..//evil.example/x', '/home'],
    ['/./\\evil.example', '/home'],
    ['/%2e%2e//evil.example', '/home'],
    ['/\t/evil.example', '/home'],
    ['/\n/evil.example', '/home'],
    ['/portal\u0000', '/home'],
    ['/a/../portal', '/portal'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['', '/home'],
    [null, '/home'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next, '/home')).toBe(expected);
  });
});

describe('readForm', () => {
  it('reads fields, keeping repeated names as arrays', async () => {
    expect(await readForm(post('a=1&b=x&b=y'))).toEqual({ a: '1', b: ['x', 'y'] });
  });

  it('refuses a field over 10 KB and names it', async () => {
    const error = await readForm(post(`note=${'x'.repeat(10_001)}`)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_REQUEST');
    expect((error as AppError).issues?.[0]?.path).toBe('note');
  });

  it('accepts a field of exactly 10,000 characters', async () => {
    expect((await readForm(post(`note=${'x'.repeat(10_000)}`))).note).toHaveLength(10_000);
  });
});

describe('safeNext against browser-normalised open redirects', () => {
  it.each([
    ['/\t/evil.example', '/home'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/\n/evil.example', '/home'],
    ['/\\\\evil.example', '/home'],
    ['/portal?tab=1#x', '/portal?tab=1#x'],
  ])('%j → %s', (next, expected) => {
    expect(safeNext(next, '/home')).toBe(expected);
  });
});
