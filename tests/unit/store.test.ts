import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { openStore, schemaVersion, StoreOpenError } from '../../db/store';
import { tempDir } from '../helpers';

describe('opening the store', () => {
  it('creates the file and its folder, in WAL mode with foreign keys and a busy timeout', () => {
    const path = join(tempDir(), 'nested', 'folder', 'sanad.sqlite');
    const db = openStore(path);
    expect(existsSync(path)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    db.close();
  });

  it('refuses a database written by a newer Sanad, and leaves it untouched', () => {
    const path = join(tempDir(), 'future.sqlite');
    const future = new Database(path);
    future.pragma('user_version = 999');
    future.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    future.close();
    expect(() => openStore(path)).toThrow(StoreOpenError);
    expect(() => openStore(path)).toThrow(/newer version of Sanad \(schema 999/);
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    after.close();
  });

  it('keeps a copy of an existing database before migrating it', () => {
    const path = join(tempDir(), 'sanad.sqlite');
    const v1 = openStore(path, { migrations: migrations.slice(0, 1) });
    v1.prepare("INSERT INTO tags (name, colour) VALUES ('Kept', '#123456')").run();
    v1.close();
    const next = { version: 2, name: 'test step', sql: 'CREATE TABLE step_two (x INTEGER) STRICT;' };
    const migrated = openStore(path, { migrations: [...migrations.slice(0, 1), next] });
    expect(schemaVersion(migrated)).toBe(2);
    migrated.close();
    const backups = readdirSync(dirname(path)).filter((f) => f.startsWith('sanad.sqlite.v1-') && f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dirname(path), backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare("SELECT name FROM tags WHERE name = 'Kept'").get()).toEqual({ name: 'Kept' });
    backup.close();
  });

  it('rolls a failing migration back whole, leaving the old version', () => {
    const path = join(tempDir(), 'sanad.sqlite');
    openStore(path, { migrations: migrations.slice(0, 1) }).close();
    const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER) STRICT; THIS IS NOT SQL;' };
    expect(() => openStore(path, { migrations: [...migrations.slice(0, 1), broken] })).toThrow();
    const db = openStore(path, { migrations: migrations.slice(0, 1) });
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });
});

describe('migration 1: articles, annotations and tags', () => {
  const db = openStore(':memory:', { migrations: migrations.slice(0, 1) });

  it('creates the three tables and a starter codebook', () => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['annotations', 'articles', 'tags']);
    expect(db.prepare('SELECT name FROM tags ORDER BY id').pluck().all()).toEqual(['Claim', 'Source', 'Date', 'Place', 'Number']);
  });

  it('rejects an annotation that covers nothing, or points at no article', () => {
    db.prepare(
      "INSERT INTO articles (title, language, direction, body, content_hash, imported_at) VALUES ('t', 'ar', 'rtl', 'نص', 'h', '2026-01-01')",
    ).run();
    const insert = db.prepare(
      "INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (?, ?, ?, 'x', '', '', 'now', 'now')",
    );
    expect(() => insert.run(1, 2, 2)).toThrow(/CHECK/);
    expect(() => insert.run(99, 0, 1)).toThrow(/FOREIGN KEY/);
    expect(insert.run(1, 0, 1).changes).toBe(1);
  });

  it('finds an article\'s annotations through the index, not a scan', () => {
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM annotations WHERE article_id = ? ORDER BY start_offset').all(1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX annotations_by_article');
  });
});
