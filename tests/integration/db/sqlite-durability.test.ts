import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config';
import { openSqlite } from '../../../src/server/db';

const dir = mkdtempSync(join(tmpdir(), 'chasm-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLITE_SYNCHRONOUS', () => {
  it.each([
    [undefined, 'normal'],
    ['', 'normal'],
    ['normal', 'normal'],
    ['FULL', 'full'],
    ['full', 'full'],
  ])('%j is %s', (value, expected) => {
    expect(
      loadConfig(value === undefined ? {} : { SQLITE_SYNCHRONOUS: value }).sqliteSynchronous,
    ).toBe(expected);
  });

  it('refuses anything else at start, naming the variable and the choices', () => {
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      /SQLITE_SYNCHRONOUS must be "normal" or "full"/,
    );
  });

  it.each([
    ['normal', 1],
    ['full', 2],
  ] as const)('opens the database with synchronous=%s (PRAGMA %i), in WAL mode', (mode, pragma) => {
    const sqlite = openSqlite(`file:${join(dir, `${mode}.sqlite`)}`, mode);
    try {
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(pragma);
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      sqlite.close();
    }
  });
});
