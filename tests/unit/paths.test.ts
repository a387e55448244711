import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbFlag, defaultDataDir, resolveDbPath } from '../../electron/paths';

describe('where the store lives', () => {
  it('prefers --db, then SANAD_DB, then the data directory', () => {
    expect(resolveDbPath('/a.sqlite', { SANAD_DB: '/b.sqlite' }, '/data')).toBe('/a.sqlite');
    expect(resolveDbPath(undefined, { SANAD_DB: '/b.sqlite' }, '/data')).toBe('/b.sqlite');
    expect(resolveDbPath(undefined, {}, '/data')).toBe(join('/data', 'sanad.sqlite'));
  });
  it('follows XDG_DATA_HOME on Linux', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'sanad'));
  });
  it('reads --db PATH and --db=PATH from an argument list', () => {
    expect(dbFlag(['electron', '.', '--db', '/x.sqlite'])).toBe('/x.sqlite');
    expect(dbFlag(['--db=/y.sqlite'])).toBe('/y.sqlite');
    expect(dbFlag(['serve'])).toBeUndefined();
  });
});
