import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/sqlite/migrations';
import { ANALYSER_VERSION } from '../../db/text/analyser';
import { openStore, SANAD_APPLICATION_ID, schemaVersion, StoreOpenError } from '../../db/sqlite/store';
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

  it('refuses a database written by a newer Sanad, and leaves it untouched (not even switched to WAL)', () => {
    const path = join(tempDir(), 'future.sqlite');
    const future = new Database(path);
    future.pragma('user_version = 999');
    future.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    future.close();
    expect(() => openStore(path)).toThrow(StoreOpenError);
    expect(() => openStore(path)).toThrow(/newer version of Sanad \(schema 999/);
    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('refuses another program\'s database, adding nothing to it', () => {
    const path = join(tempDir(), 'other.sqlite');
    const other = new Database(path);
    other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')");
    other.close();
    expect(() => openStore(path)).toThrow(/not a Sanad library/);
    const after = new Database(path);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['contacts']);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
    // An empty file another program has claimed is not taken either.
    const stampedPath = join(tempDir(), 'stamped.sqlite');
    const stamped = new Database(stampedPath);
    stamped.pragma('application_id = 42');
    stamped.close();
    expect(() => openStore(stampedPath)).toThrow(/not a Sanad library/);
  });

  it('marks its own files with Sanad\'s application id', () => {
    const path = join(tempDir(), 'sanad.sqlite');
    openStore(path).close();
    const db = new Database(path);
    expect(db.pragma('application_id', { simple: true })).toBe(SANAD_APPLICATION_ID);
    db.close();
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

describe('migration 6: stable ids and counters', () => {
  const path = join(tempDir(), 'sanad.sqlite');
  const v5 = openStore(path, { migrations: migrations.slice(0, 5) });
  const insertArticle = v5.prepare(
    "INSERT INTO articles (title, language, direction, body, content_hash, imported_at, url) VALUES (?, 'ar', 'rtl', ?, ?, '2026-01-01', ?)",
  );
  insertArticle.run('أولى', 'نص المقال الأول', 'h1', 'https://example.org/1');
  insertArticle.run('ثانية', 'نص ثان', 'h2', null);
  const insertAnnotation = v5.prepare(
    "INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, tag_id, created_at, updated_at) VALUES (?, 0, 2, 'نص', '', '', 1, 'now', 'now')",
  );
  insertAnnotation.run(1);
  insertAnnotation.run(1);
  insertAnnotation.run(2);
  v5.prepare("INSERT INTO entities (kind, name, created_at) VALUES ('organisation', 'رويترز', 'now')").run();
  v5.prepare(
    "INSERT INTO entity_mentions (entity_id, article_id, start_offset, end_offset, exact, prefix, suffix, status, created_at) VALUES (1, 1, 0, 2, 'نص', '', '', 'accepted', 'now')",
  ).run();
  v5.close();
  const db = openStore(path, { migrations: migrations.slice(0, 6) });

  it('keeps every row, with its id and references, and moves the text beside the row', () => {
    expect(db.prepare('SELECT article_id AS id, body FROM article_texts ORDER BY article_id').all()).toEqual([
      { id: 1, body: 'نص المقال الأول' },
      { id: 2, body: 'نص ثان' },
    ]);
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('articles') WHERE name IN ('body', 'minhash')").pluck().get()).toBe(0);
    expect(db.prepare('SELECT id, title FROM articles ORDER BY id').all()).toEqual([
      { id: 1, title: 'أولى' },
      { id: 2, title: 'ثانية' },
    ]);
    expect(db.prepare('SELECT id, article_id AS a, tag_id AS t FROM annotations ORDER BY id').all()).toEqual([
      { id: 1, a: 1, t: 1 },
      { id: 2, a: 1, t: 1 },
      { id: 3, a: 2, t: 1 },
    ]);
    expect(db.prepare('SELECT entity_id, article_id, status FROM entity_mentions').all()).toEqual([{ entity_id: 1, article_id: 1, status: 'accepted' }]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('never gives a deleted row\'s id to a new one', () => {
    db.prepare('DELETE FROM annotations WHERE id = 3').run();
    const id = db
      .prepare("INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (2, 0, 2, 'نص', '', '', 'now', 'now')")
      .run().lastInsertRowid;
    expect(id).toBe(4);
    db.prepare('DELETE FROM articles WHERE id = 2').run();
    const article = db
      .prepare("INSERT INTO articles (title, language, direction, content_hash, imported_at) VALUES ('ثالثة', 'ar', 'rtl', 'h3', 'now')")
      .run().lastInsertRowid;
    expect(article).toBe(3);
  });

  it('counts annotations and code points per article, and keeps counting', () => {
    expect(db.prepare('SELECT annotation_count AS n, body_length AS len FROM articles WHERE id = 1').get()).toEqual({ n: 2, len: [...'نص المقال الأول'].length });
    db.prepare('DELETE FROM annotations WHERE id = 1').run();
    db.prepare("UPDATE article_texts SET body = 'نص أطول من النص الأول بكثير' WHERE article_id = 1").run();
    expect(db.prepare('SELECT annotation_count AS n, body_length AS len FROM articles WHERE id = 1').get()).toEqual({ n: 1, len: [...'نص أطول من النص الأول بكثير'].length });
  });

  it('answers the grids\' sorts and the W3C import\'s URL lookup from indexes', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan('SELECT id FROM articles ORDER BY title LIMIT 100')).toMatch(/USING (COVERING )?INDEX articles_by_title\b/);
    expect(plan('SELECT id FROM articles ORDER BY annotation_count DESC LIMIT 100')).toMatch(/USING (COVERING )?INDEX articles_by_annotation_count\b/);
    expect(plan("SELECT id FROM articles WHERE url = 'x'")).toMatch(/USING (COVERING )?INDEX articles_by_url\b/);
    expect(plan("SELECT id FROM articles WHERE outlet = 'x'")).toMatch(/USING (COVERING )?INDEX articles_by_outlet\b/);
  });
});

describe('migration 9: one history of steps', () => {
  const path = join(tempDir(), 'sanad.sqlite');
  const v8 = openStore(path, { migrations: migrations.slice(0, 8) });
  v8.prepare("INSERT INTO articles (title, language, direction, content_hash, imported_at) VALUES ('مقال', 'ar', 'rtl', 'h', 'now')").run();
  v8.prepare("INSERT INTO article_texts (article_id, body) VALUES (1, 'نص المقال هنا')").run();
  const annotation = { id: 1, articleId: 1, start: 0, end: 2, exact: 'نص', prefix: '', suffix: ' المقال', tagId: 1, note: null, createdAt: 'then', updatedAt: 'then', reviewReason: null, reviewCandidates: null };
  v8.prepare(
    "INSERT INTO annotations (id, article_id, start_offset, end_offset, exact, prefix, suffix, tag_id, created_at, updated_at) VALUES (1, 1, 0, 2, 'نص', '', ' المقال', 1, 'then', 'then')",
  ).run();
  v8.prepare("INSERT INTO annotation_history (at, action, annotation_id, before, after, state) VALUES ('then', 'create', 1, NULL, ?, 'done')").run(JSON.stringify(annotation));
  v8.close();
  const db = openStore(path, { migrations: migrations.slice(0, 9) });

  it('carries each old entry over as a step with its row change', () => {
    expect(db.prepare('SELECT kind, subject_id AS subjectId, article_id AS articleId, article_title AS title, quote, state FROM history_steps').all()).toEqual([
      { kind: 'annotation.create', subjectId: 1, articleId: 1, title: 'مقال', quote: 'نص', state: 'done' },
    ]);
    const change = db.prepare('SELECT table_name AS t, row_id AS r, before, after FROM history_changes').get() as { t: string; r: number; before: null; after: string };
    expect(change).toMatchObject({ t: 'annotations', r: 1, before: null });
    expect(JSON.parse(change.after)).toMatchObject({ id: 1, article_id: 1, start_offset: 0, end_offset: 2, exact: 'نص', tag_id: 1 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'annotation_history'").get()).toBeUndefined();
  });

  it('records a tracked change only while a step is being recorded', () => {
    db.prepare("UPDATE tags SET name = 'Claims' WHERE id = 1").run();
    expect(db.prepare('SELECT count(*) FROM history_changes').pluck().get()).toBe(1);
    db.prepare('UPDATE history_recording SET step_id = 1').run();
    db.prepare("UPDATE tags SET name = 'Claim' WHERE id = 1").run();
    db.prepare('UPDATE history_recording SET step_id = NULL').run();
    expect(db.prepare("SELECT table_name, row_id FROM history_changes WHERE table_name = 'tags'").all()).toEqual([{ table_name: 'tags', row_id: 1 }]);
  });
});

describe('migration 11: who and when', () => {
  const db = openStore(':memory:', { migrations: migrations.slice(0, 11) });

  it('records the writer and the time on rows inserted and changed while a writer is named, and nothing otherwise', () => {
    db.prepare("INSERT INTO tags (name, colour, guid) VALUES ('Unnamed', '#111111', 'G0')").run();
    expect(db.prepare("SELECT created_by, changed_by FROM tags WHERE name = 'Unnamed'").get()).toEqual({ created_by: null, changed_by: null });
    db.prepare("UPDATE history_recording SET actor = 'analyst-1', at = '2026-12-02T10:00:00Z'").run();
    db.prepare("INSERT INTO tags (name, colour, guid) VALUES ('Named', '#222222', 'G1')").run();
    expect(db.prepare("SELECT created_by, changed_by, changed_at FROM tags WHERE name = 'Named'").get()).toEqual({
      created_by: 'analyst-1',
      changed_by: 'analyst-1',
      changed_at: '2026-12-02T10:00:00Z',
    });
    db.prepare("UPDATE history_recording SET actor = 'analyst-2', at = '2026-12-02T11:00:00Z'").run();
    db.prepare("UPDATE tags SET colour = '#333333' WHERE name = 'Named'").run();
    expect(db.prepare("SELECT created_by, changed_by, changed_at FROM tags WHERE name = 'Named'").get()).toEqual({
      created_by: 'analyst-1',
      changed_by: 'analyst-2',
      changed_at: '2026-12-02T11:00:00Z',
    });
  });
});

/** A store at `version`, in a file, with one Arabic article in it (as that version stores articles). */
function storeAt(version: number): { path: string; db: Database.Database } {
  const path = join(tempDir(), 'sanad.sqlite');
  const db = openStore(path, { migrations: migrations.slice(0, version) });
  return { path, db };
}

describe('migration 2: search, metadata, near-duplicates and spelling variants', () => {
  const { path, db: v1 } = storeAt(1);
  v1.prepare("INSERT INTO articles (title, language, direction, body, content_hash, imported_at) VALUES ('ميناء', 'ar', 'rtl', 'أغلقت السلطات ميناء الفاو أمس بعد اشتباكات عنيفة قرب البوابة الشمالية للميناء', 'h', 'now')").run();
  v1.close();
  const db = openStore(path, { migrations: migrations.slice(0, 2) });

  it('seeds the shipped spelling variants and leaves every search key to the analyser of the Sanad that opens the store', () => {
    expect(db.prepare("SELECT term, term_key AS key FROM spelling_variants WHERE term IN ('رويترز', 'Reuters') ORDER BY term").all()).toEqual([
      { term: 'Reuters', key: '' },
      { term: 'رويترز', key: '' },
    ]);
    expect(db.prepare('SELECT count(*) FROM article_search').pluck().get()).toBe(0);
    db.close();
    // Opened by this Sanad: the variants get their keys at once, and the index (it has an article) waits for the re-index job.
    const current = openStore(path);
    expect(current.prepare("SELECT term_key FROM spelling_variants WHERE term = 'Reuters'").pluck().get()).toBe('reuters');
    expect(current.prepare("SELECT value FROM meta WHERE key = 'analyser_version'").pluck().get()).toBe('0');
    current.close();
    // A new store has nothing to re-index: its analyser builds every key from the start.
    const fresh = openStore(join(tempDir(), 'new.sqlite'));
    expect(fresh.prepare("SELECT value FROM meta WHERE key = 'analyser_version'").pluck().get()).toBe(String(ANALYSER_VERSION));
    fresh.close();
  });
});

describe('migration 3: anchor review and annotation history', () => {
  const { path, db: v2 } = storeAt(2);
  v2.prepare("INSERT INTO articles (title, language, direction, body, content_hash, imported_at) VALUES ('t', 'ar', 'rtl', 'نص', 'h', 'now')").run();
  v2.prepare("INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (1, 0, 2, 'نص', '', '', 'now', 'now')").run();
  v2.close();
  const db = openStore(path, { migrations: migrations.slice(0, 3) });

  it('keeps annotations, with nothing to review, and starts an empty history', () => {
    expect(db.prepare('SELECT exact, review_reason FROM annotations').all()).toEqual([{ exact: 'نص', review_reason: null }]);
    expect(db.prepare('SELECT count(*) FROM annotation_history').pluck().get()).toBe(0);
  });
});

describe('migration 4: hierarchical codebook', () => {
  const { path, db: v3 } = storeAt(3);
  v3.prepare("INSERT INTO tags (name, colour) VALUES ('Rumour', '#123456')").run();
  v3.close();
  const db = openStore(path, { migrations: migrations.slice(0, 4) });

  it('gives every existing tag its own GUID and no parent', () => {
    const tags = db.prepare('SELECT name, guid, parent_id AS parentId FROM tags').all() as { name: string; guid: string; parentId: null }[];
    expect(tags.map((t) => t.name)).toContain('Rumour');
    expect(new Set(tags.map((t) => t.guid)).size).toBe(tags.length);
    for (const tag of tags) {
      expect(tag.guid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
      expect(tag.parentId).toBeNull();
    }
  });
});

describe('migration 5: entities, aliases and mentions', () => {
  const { path, db: v4 } = storeAt(4);
  v4.prepare("INSERT INTO articles (title, language, direction, body, content_hash, imported_at) VALUES ('t', 'ar', 'rtl', 'نص', 'h', 'now')").run();
  v4.prepare("INSERT INTO annotation_history (at, action, annotation_id, before, after) VALUES ('now', 'create', 1, NULL, '{}')").run();
  v4.close();
  const db = openStore(path, { migrations: migrations.slice(0, 5) });

  it('adds empty entity tables and marks the history entries already there as about annotations', () => {
    expect(db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(0);
    expect(db.prepare('SELECT subject FROM annotation_history').pluck().all()).toEqual(['annotation']);
  });
});

describe('migration 7: background jobs', () => {
  const { path, db: v6 } = storeAt(6);
  v6.close();
  const db = openStore(path, { migrations: migrations.slice(0, 7) });

  it('adds an empty jobs table that refuses an unknown state', () => {
    expect(db.prepare('SELECT count(*) FROM jobs').pluck().get()).toBe(0);
    expect(() =>
      db.prepare("INSERT INTO jobs (kind, params, label, state, created_by, created_at) VALUES ('alias-scan', '{}', '', 'sleeping', 'local', 'now')").run(),
    ).toThrow(/CHECK/);
  });
});

describe('migration 8: mention review', () => {
  const { path, db: v7 } = storeAt(7);
  v7.prepare("INSERT INTO articles (title, language, direction, content_hash, imported_at) VALUES ('t', 'ar', 'rtl', 'h', 'now')").run();
  v7.prepare("INSERT INTO entities (kind, name, created_at) VALUES ('place', 'الفاو', 'now')").run();
  v7.prepare("INSERT INTO entity_mentions (entity_id, article_id, start_offset, end_offset, exact, prefix, suffix, status, created_at) VALUES (1, 1, 0, 5, 'الفاو', '', '', 'accepted', 'now')").run();
  v7.close();
  const db = openStore(path, { migrations: migrations.slice(0, 8) });

  it('keeps every mention in place, none waiting for review', () => {
    expect(db.prepare('SELECT status, review_reason AS reason FROM entity_mentions').all()).toEqual([{ status: 'accepted', reason: null }]);
  });
});

describe('migration 10: analyser version', () => {
  const { path, db: v9 } = storeAt(9);
  v9.close();
  const db = openStore(path, { migrations: migrations.slice(0, 10) });

  it('records that no analyser version has built the search keys yet, so the re-index job builds them', () => {
    expect(db.prepare("SELECT value FROM meta WHERE key = 'analyser_version'").pluck().get()).toBe('0');
  });
});

describe('migration 12: several tags per passage', () => {
  const { path, db: v11 } = storeAt(11);
  v11.prepare("INSERT INTO articles (title, language, direction, content_hash, imported_at) VALUES ('مقال', 'ar', 'rtl', 'h', 'now')").run();
  v11.prepare("INSERT INTO article_texts (article_id, body) VALUES (1, 'نص المقال هنا')").run();
  const insert = v11.prepare(
    "INSERT INTO annotations (id, article_id, start_offset, end_offset, exact, prefix, suffix, tag_id, note, created_at, updated_at, created_by) VALUES (?, 1, 0, 2, 'نص', '', ' المقال', ?, ?, 'then', 'then', 'analyst')",
  );
  insert.run(1, 2, 'ملاحظة');
  insert.run(2, null, null);
  insert.run(9, 1, null);
  v11.prepare('DELETE FROM annotations WHERE id = 9').run();
  v11.prepare("INSERT INTO history_steps (at, actor, client, kind) VALUES ('then', 'local', 'local', 'annotation.create'), ('then', 'local', 'local', 'tag.create')").run();
  v11.prepare("INSERT INTO history_changes (step_id, table_name, row_id, before, after) VALUES (1, 'annotations', 1, NULL, '{}'), (2, 'tags', 1, NULL, '{}')").run();
  v11.close();
  const db = openStore(path, { migrations: migrations.slice(0, 12) });

  it('moves each passage\'s tag into annotation_tags and keeps every passage, its note and its author', () => {
    expect(db.prepare('SELECT id, note, created_by AS createdBy FROM annotations ORDER BY id').all()).toEqual([
      { id: 1, note: 'ملاحظة', createdBy: 'analyst' },
      { id: 2, note: null, createdBy: 'analyst' },
    ]);
    expect(db.prepare('SELECT annotation_id AS annotationId, tag_id AS tagId FROM annotation_tags').all()).toEqual([{ annotationId: 1, tagId: 2 }]);
    expect(db.prepare("SELECT name FROM pragma_table_info('annotations') WHERE name = 'tag_id'").get()).toBeUndefined();
    expect(db.prepare('SELECT annotation_count FROM articles WHERE id = 1').pluck().get()).toBe(2);
  });

  it('gives a second tag to the same passage, but the same tag only once', () => {
    db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 3)').run();
    expect(() => db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 3)').run()).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT tag_id FROM annotation_tags WHERE annotation_id = 1 ORDER BY id').pluck().all()).toEqual([2, 3]);
  });

  it('never gives a deleted annotation\'s id again, and drops a passage\'s tags with it', () => {
    db.prepare("INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (1, 3, 9, 'المقال', '', '', 'now', 'now')").run();
    expect(db.prepare('SELECT max(id) FROM annotations').pluck().get()).toBe(10);
    db.prepare('DELETE FROM annotations WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM annotation_tags WHERE annotation_id = 1').pluck().get()).toBe(0);
  });

  it('records tagging in the history, and marks older annotation steps as no longer undoable', () => {
    expect(db.prepare('SELECT kind, state FROM history_steps ORDER BY id').all()).toEqual([
      { kind: 'annotation.create', state: 'discarded' },
      { kind: 'tag.create', state: 'done' },
    ]);
    db.prepare('UPDATE history_recording SET step_id = 2').run();
    db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (2, 1)').run();
    db.prepare('UPDATE history_recording SET step_id = NULL').run();
    expect(db.prepare("SELECT row_id AS rowId, after FROM history_changes WHERE table_name = 'annotation_tags'").get()).toMatchObject({ after: expect.stringContaining('"tag_id":1') });
  });

  it('finds a tag\'s passages through an index', () => {
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT annotation_id FROM annotation_tags WHERE tag_id = 1').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX annotation_tags_by_tag/);
  });
});

describe('migration 13: sources, claims and events', () => {
  const { path, db: v12 } = storeAt(12);
  v12.prepare("INSERT INTO entities (kind, name, created_at) VALUES ('organisation', 'رويترز', 'then')").run();
  v12.close();
  const db = openStore(path, { migrations: migrations.slice(0, 13) });

  it('keeps every entity, now without a source role or reliability, and refuses a grade off the scale', () => {
    expect(db.prepare('SELECT name, source_role AS role, reliability FROM entities').all()).toEqual([{ name: 'رويترز', role: null, reliability: null }]);
    expect(() => db.prepare("UPDATE entities SET reliability = 'G'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE entities SET source_role = 'blogger'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE entities SET source_role = 'agency', reliability = 'B'").run();
  });

  it('records source grades, claims, chains and event links in the history', () => {
    db.prepare("INSERT INTO articles (title, language, direction, content_hash, imported_at) VALUES ('مقال', 'ar', 'rtl', 'h', 'now')").run();
    db.prepare("INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (1, 0, 2, 'نص', '', '', 'now', 'now')").run();
    db.prepare("INSERT INTO history_steps (at, actor, client, kind) VALUES ('now', 'local', 'local', 'claim.create')").run();
    db.prepare('UPDATE history_recording SET step_id = 1').run();
    db.prepare("INSERT INTO claims (annotation_id, article_id, stance, origin_entity_id, created_at, updated_at) VALUES (1, 1, 'asserts', 1, 'now', 'now')").run();
    db.prepare('INSERT INTO claim_sources (claim_id, position, entity_id) VALUES (1, 0, 1)').run();
    db.prepare("INSERT INTO events (title, created_at, updated_at) VALUES ('انسحاب', 'now', 'now')").run();
    db.prepare("INSERT INTO claim_events (claim_id, event_id, relation) VALUES (1, 1, 'supports')").run();
    db.prepare("UPDATE entities SET reliability = 'C'").run();
    db.prepare('UPDATE history_recording SET step_id = NULL').run();
    expect(db.prepare('SELECT table_name FROM history_changes WHERE step_id = 1 ORDER BY id').pluck().all()).toEqual(['claims', 'claim_sources', 'events', 'claim_events', 'entities']);
    expect(() => db.prepare("INSERT INTO claim_events (claim_id, event_id, relation) VALUES (1, 1, 'endorses')").run()).toThrow(/CHECK|UNIQUE/);
  });

  it('takes a claim\'s chain, figures and event links with it when its passage goes', () => {
    db.prepare('DELETE FROM annotations WHERE id = 1').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM claim_sources) + (SELECT count(*) FROM claim_events)').pluck().get()).toBe(0);
  });
});

describe('migration 14: claims grid keys, event corroboration and saved views', () => {
  const { path, db: v13 } = storeAt(13);
  v13.exec(`
    INSERT INTO articles (title, language, direction, content_hash, imported_at) VALUES ('مقال شفق', 'ar', 'rtl', 'h', 'now');
    INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (1, 0, 2, 'بدأ الانسحاب', '', '', 'now', 'now');
    INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 1);
    INSERT INTO entities (kind, name, created_at, source_role, reliability) VALUES ('organisation', 'شفق نيوز', 'then', 'outlet', 'C'), ('organisation', 'رويترز', 'then', 'agency', 'B'), ('other', 'خمسة مسؤولين', 'then', 'unnamed', NULL);
    INSERT INTO claims (annotation_id, article_id, stance, outlet_entity_id, origin_entity_id, created_at, updated_at) VALUES (1, 1, 'asserts', 1, 3, 'now', 'now');
    INSERT INTO claim_sources (claim_id, position, entity_id) VALUES (1, 0, 2), (1, 1, 3);
    INSERT INTO claim_figures (claim_id, position, value, unit, counted) VALUES (1, 0, 2500, NULL, 'جندي');
    INSERT INTO events (title, created_at, updated_at) VALUES ('الانسحاب من عين الأسد', 'now', 'now');
    INSERT INTO claim_events (claim_id, event_id, relation) VALUES (1, 1, 'supports');`);
  v13.close();
  const db = openStore(path, { migrations: migrations.slice(0, 14) });
  const keys = () =>
    db
      .prepare('SELECT quote, article_title AS article, outlet_name AS outlet, origin_name AS origin, origin_reliability AS reliability, chain_names AS chain, first_figure AS figure, event_titles AS events, tag_names AS tags, independent_sources AS sources, contested FROM claims')
      .get();

  it('copies onto each claim what the grid sorts on, and marks every event for a recount', () => {
    const tag = db.prepare('SELECT name FROM tags WHERE id = 1').pluck().get();
    expect(keys()).toEqual({ quote: 'بدأ الانسحاب', article: 'مقال شفق', outlet: 'شفق نيوز', origin: 'خمسة مسؤولين', reliability: null, chain: 'رويترز ← خمسة مسؤولين', figure: 2500, events: 'الانسحاب من عين الأسد', tags: tag, sources: null, contested: 0 });
    expect(db.prepare('SELECT stats_stale FROM events').pluck().get()).toBe(1);
  });

  it('keeps the copies true when a source, an event, a tag or the passage changes, and when an event is recounted', () => {
    db.exec(`
      UPDATE entities SET name = 'Reuters' WHERE id = 2;
      UPDATE entities SET reliability = 'F' WHERE id = 3;
      UPDATE events SET title = 'Ain al-Asad withdrawal', stats_stale = 0;
      UPDATE tags SET name = 'renamed' WHERE id = 1;
      UPDATE annotations SET exact = 'اكتمل الانسحاب';
      UPDATE articles SET title = 'Shafaq';
      UPDATE claim_figures SET value = 3000;
      UPDATE events SET independent_sources = 2, contested = 1;`);
    expect(keys()).toEqual({ quote: 'اكتمل الانسحاب', article: 'Shafaq', outlet: 'شفق نيوز', origin: 'خمسة مسؤولين', reliability: 'F', chain: 'Reuters ← خمسة مسؤولين', figure: 3000, events: 'Ain al-Asad withdrawal', tags: 'renamed', sources: 2, contested: 1 });
    expect(db.prepare('SELECT stats_stale FROM events').pluck().get()).toBe(1);
  });

  it('follows a changed origin, and a source deleted from under a claim', () => {
    db.exec('UPDATE claims SET origin_entity_id = 2');
    expect(keys()).toMatchObject({ origin: 'Reuters', reliability: 'B' });
    db.exec('DELETE FROM claim_sources WHERE position = 1; DELETE FROM entities WHERE id = 3');
    db.exec('UPDATE entities SET source_role = NULL WHERE id = 1; DELETE FROM entities WHERE id = 1');
    expect(keys()).toMatchObject({ outlet: null, chain: 'Reuters' });
  });

  it('keeps named grid views, one name per grid, in the history', () => {
    db.prepare("INSERT INTO grid_views (grid, name, state, created_at, updated_at) VALUES ('claims', 'مرفوضة', '{}', 'now', 'now')").run();
    expect(() => db.prepare("INSERT INTO grid_views (grid, name, state, created_at, updated_at) VALUES ('claims', 'مرفوضة', '{}', 'now', 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO grid_views (grid, name, state, created_at, updated_at) VALUES ('claims', 'x', 'not json', 'now', 'now')").run()).toThrow(/CHECK/);
  });

  it('finds the grid\'s sorted columns through indexes', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan("SELECT id FROM claims WHERE stance = 'denies' ORDER BY reported_from DESC")).toMatch(/INDEX claims_by_stance/);
    expect(plan('SELECT id FROM events WHERE stats_stale = 1')).toMatch(/INDEX events_stale/);
  });
});
