/**
 * Backing a library up to one file and restoring it: the restored store is the same, row for
 * row; a damaged, cut-short or foreign file is refused, naming what is wrong, and nothing is
 * written where the library would go. Also the `sanad backup` and `sanad restore` commands, run
 * from the built output as a user runs them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqliteLibraryCheck, sqliteLibraryFiles } from '../../db/sqlite/backup';
import { DOWNLOAD_ID_HEADER, DOWNLOAD_PATH, TOKEN_HEADER, UPLOAD_NAME_HEADER, UPLOAD_PATH } from '../../electron/api/contract';
import { localApi } from '../../electron/backend/local';
import { startWorkerBackend } from '../../electron/backend/worker-backend';
import { BackupError, createBackup, restoreBackup } from '../../electron/services/backup';
import { uploadsIn } from '../../electron/services/uploads';
import { startHttpServer } from '../../electron/transport/http-server';
import { callApi, fixtureUpload, tempDir, tempStore } from '../helpers';
import type { Store } from '../../db/sqlite/store';

const root = resolve(__dirname, '../..');

/** A library with something in every part: articles (and their search index), tags, passages, an entity and its mentions, and undo history. */
async function busyLibrary(): Promise<{ store: Store; path: string; dispatch: ReturnType<typeof localApi>['dispatch']; uploadDir: string }> {
  const { store, path } = tempStore();
  const uploadDir = tempDir();
  const { dispatch } = localApi(store, { uploadDir });
  await callApi(dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt'), fixtureUpload('en-port-briefing.txt'), fixtureUpload('ar-claims-withdrawal.txt')] });
  const tag = await callApi(dispatch, 'createTag', { name: 'Ports', colour: '#336699' });
  await callApi(dispatch, 'createAnnotation', { articleId: 1, start: 0, end: 12, tagId: tag.id, note: 'ملاحظة' });
  await callApi(dispatch, 'createAnnotation', { articleId: 2, start: 0, end: 8, tagId: tag.id });
  await callApi(dispatch, 'createEntity', { kind: 'place', name: 'الفاو', aliases: ['Faw'] });
  await callApi(dispatch, 'deleteAnnotation', { id: 2 });
  await callApi(dispatch, 'undo', {});
  await callApi(dispatch, 'redo', {});
  return { store, path, dispatch, uploadDir };
}

/** Every table's rows (the full-text index's own tables included), sorted, so two stores can be compared whole. */
function everyRow(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all() as string[];
    const rows: Record<string, string[]> = { schema: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all().map((r) => JSON.stringify(r)) };
    for (const table of tables) {
      rows[table] = db
        .prepare(`SELECT * FROM "${table}"`)
        .raw()
        .all()
        .map((r) => JSON.stringify(r, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
        .sort();
    }
    rows.pragmas = [JSON.stringify([db.pragma('user_version', { simple: true }), db.pragma('application_id', { simple: true })])];
    return rows;
  } finally {
    db.close();
  }
}

/** The entries of a backup, to make a damaged one from. */
async function entries(archive: string): Promise<{ manifest: Record<string, any>; database: Buffer }> {
  const zip = await JSZip.loadAsync(readFileSync(archive));
  return { manifest: JSON.parse(await zip.file('manifest.json')!.async('string')), database: await zip.file('library.sqlite')!.async('nodebuffer') };
}

/** Writes a backup archive from a manifest and a database, as Sanad lays one out. */
async function writeArchive(path: string, manifest: unknown, database: Buffer): Promise<string> {
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest));
  zip.file('library.sqlite', database);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('backup and restore', () => {
  let backup: string;
  let source: string;

  beforeAll(async () => {
    const library = await busyLibrary();
    source = library.path;
    backup = join(tempDir(), 'library.sanad-backup');
    await createBackup(sqliteLibraryFiles(library.store), backup, { now: '2026-03-01T10:00:00.000Z' });
    library.store.close();
  });

  it('restores to an identical store: every table row for row, the search index, history and ids', async () => {
    const target = join(tempDir(), 'restored', 'library.sqlite');
    const { manifest, keptAs } = await restoreBackup(sqliteLibraryCheck, backup, target, { now: '2026-03-02T10:00:00.000Z' });
    expect(keptAs).toBeNull();
    expect(manifest).toMatchObject({ format: 1, application: 'sanad', createdAt: '2026-03-01T10:00:00.000Z', rows: { articles: 3, annotations: 1 } });
    const before = everyRow(source);
    const after = everyRow(target);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    // Full-text search, the history and undo work on the restored library as on the original.
    const restored = localApi(new Database(target), { uploadDir: tempDir() }).dispatch;
    const hits = await callApi(restored, 'searchArticles', { query: 'الفاو' });
    expect(hits.hits.length).toBeGreaterThan(0);
    expect((await callApi(restored, 'listHistory', {})).map((h) => h.kind)).toEqual(expect.arrayContaining(['annotation.delete', 'annotation.create', 'tag.create']));
    // Nothing but the library is left in its folder.
    expect(readdirSync(join(target, '..'))).toEqual(['library.sqlite']);
  });

  it('backs up a library in use as a background job, ready to download once, recorded as done in the copy', async () => {
    const library = await busyLibrary();
    const report = await callApi(library.dispatch, 'backupLibrary', {});
    expect(report).toMatchObject({ fileName: expect.stringMatching(/^sanad-\d{4}-\d{2}-\d{2}-\d{4}\.sanad-backup$/), articles: 3 });
    expect(readdirSync(library.uploadDir)).toEqual([report.downloadId]);
    const [job] = await callApi(library.dispatch, 'listJobs', {});
    expect(job).toMatchObject({ kind: 'backup', state: 'done', label: report.fileName });
    expect(job!.done).toBe(job!.total);
    const target = join(tempDir(), 'library.sqlite');
    await restoreBackup(sqliteLibraryCheck, join(library.uploadDir, report.downloadId), target, { now: new Date().toISOString() });
    const copied = new Database(target, { readonly: true });
    expect(copied.prepare("SELECT state FROM jobs WHERE kind = 'backup'").pluck().all()).toEqual(['done']);
    copied.close();
    library.store.close();
  });

  /** Restores `archive` where no library is, expecting a refusal whose message matches `message`, and nothing written. */
  async function refused(archive: string, message: RegExp): Promise<void> {
    const folder = tempDir();
    const target = join(folder, 'library.sqlite');
    const attempt = restoreBackup(sqliteLibraryCheck, archive, target, { now: new Date().toISOString() });
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toThrow(message);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  }

  it('refuses a backup with a byte flipped, naming it damaged', async () => {
    const bytes = readFileSync(backup);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const flipped = join(tempDir(), 'flipped.sanad-backup');
    writeFileSync(flipped, bytes);
    await refused(flipped, /is damaged|cut short/);
  });

  it('refuses a backup cut short', async () => {
    const truncated = join(tempDir(), 'truncated.sanad-backup');
    writeFileSync(truncated, readFileSync(backup).subarray(0, 4000));
    await refused(truncated, /is not a Sanad backup, or it is cut short/);
  });

  it('refuses a library that does not match the checksum in its manifest', async () => {
    const { manifest, database } = await entries(backup);
    const changed = Buffer.from(database);
    changed[changed.length - 10]! ^= 0x01;
    await refused(await writeArchive(join(tempDir(), 'changed.sanad-backup'), manifest, changed), /is damaged: its library does not match the SHA-256 checksum/);
    await refused(
      await writeArchive(join(tempDir(), 'wrong-sum.sanad-backup'), { ...manifest, database: { ...manifest.database, sha256: 'a'.repeat(64) } }, database),
      /does not match the SHA-256 checksum/,
    );
  });

  it('refuses a file that is not a backup at all, and one without a manifest', async () => {
    await refused(join(root, 'tests/fixtures/en-port-briefing.txt'), /is not a Sanad backup, or it is cut short/);
    const zip = new JSZip();
    zip.file('notes.txt', 'hello');
    const other = join(tempDir(), 'other.zip');
    writeFileSync(other, await zip.generateAsync({ type: 'nodebuffer' }));
    await refused(other, /it holds no manifest\.json/);
  });

  it('refuses a backup from a newer Sanad, by its format or by its schema, saying to update', async () => {
    const { manifest, database } = await entries(backup);
    await refused(await writeArchive(join(tempDir(), 'format.sanad-backup'), { ...manifest, format: 2, sanadVersion: '9.0.0' }, database), /made by a newer version of Sanad \(9\.0\.0\)/);
    const newer = join(tempDir(), 'newer.sqlite');
    writeFileSync(newer, database);
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    const bytes = readFileSync(newer);
    await refused(
      await writeArchive(join(tempDir(), 'schema.sanad-backup'), { ...manifest, schemaVersion: 99, database: { ...manifest.database, bytes: bytes.length, sha256: sha256(bytes) } }, bytes),
      /from a newer version of Sanad \(schema 99; this version knows up to \d+\)\. Update Sanad/,
    );
  });

  it('refuses another program’s database, and rows that do not match the manifest', async () => {
    const { manifest, database } = await entries(backup);
    const foreign = join(tempDir(), 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (1)');
    db.close();
    const bytes = readFileSync(foreign);
    await refused(
      await writeArchive(join(tempDir(), 'foreign.sanad-backup'), { ...manifest, database: { ...manifest.database, bytes: bytes.length, sha256: sha256(bytes) } }, bytes),
      /holds a database that is not a Sanad library/,
    );
    await refused(
      await writeArchive(join(tempDir(), 'counts.sanad-backup'), { ...manifest, rows: { ...manifest.rows, articles: 4 } }, database),
      /the manifest counts 4 rows in articles, the library holds 3/,
    );
  });

  it('refuses to replace an existing library without force, and keeps the old one beside it with force', async () => {
    const folder = tempDir();
    const target = join(folder, 'library.sqlite');
    writeFileSync(target, 'the library that was here');
    await expect(restoreBackup(sqliteLibraryCheck, backup, target, { now: '2026-03-02T10:00:00.000Z' })).rejects.toThrow(/There is already a library at .*add --force/);
    expect(readFileSync(target, 'utf8')).toBe('the library that was here');
    const { keptAs } = await restoreBackup(sqliteLibraryCheck, backup, target, { force: true, now: '2026-03-02T10:00:00.000Z' });
    expect(keptAs).toBe(`${target}.before-restore-2026-03-02T10-00-00`);
    expect(readFileSync(keptAs!, 'utf8')).toBe('the library that was here');
    expect(readdirSync(folder).sort()).toEqual(['library.sqlite', 'library.sqlite.before-restore-2026-03-02T10-00-00']);
  });
});

describe('sanad backup and sanad restore', () => {
  const sanad = (args: string[]) => {
    const result = spawnSync(process.execPath, [join(root, 'electron/bin/sanad.cjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, XDG_DATA_HOME: tempDir() } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('backs a library up to one file and restores it as a new library, the same', () => {
    const db = join(tempDir(), 'cli.sqlite');
    expect(sanad(['import', '--db', db, join(root, 'tests/fixtures/ar-port-closure.txt'), join(root, 'tests/fixtures/en-port-briefing.txt')]).code).toBe(0);
    const file = join(tempDir(), 'cli.sanad-backup');
    const backedUp = sanad(['backup', '-o', file, '--db', db]);
    expect(backedUp.stderr).toMatch(/^wrote .*cli\.sanad-backup: 2 articles, .* MB \(schema \d+, SHA-256 [0-9a-f]{64}\)/);
    expect(backedUp.code).toBe(0);
    const target = join(tempDir(), 'new.sqlite');
    const restored = sanad(['restore', file, '--db', target]);
    expect(restored.stderr).toMatch(/^restored .* as .*new\.sqlite: 2 articles, backed up \S+ by Sanad \d/);
    expect(restored.code).toBe(0);
    expect(JSON.parse(sanad(['list', '--json', '--db', target]).stdout)).toEqual(JSON.parse(sanad(['list', '--json', '--db', db]).stdout));
    // An existing library is not replaced without --force.
    const again = sanad(['restore', file, '--db', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is already a library at');
  });

  it('refuses a damaged file with a clear message, exit code 1, and writes nothing', () => {
    const db = join(tempDir(), 'cli.sqlite');
    sanad(['import', '--db', db, join(root, 'tests/fixtures/ar-port-closure.txt')]);
    const file = join(tempDir(), 'cli.sanad-backup');
    sanad(['backup', '-o', file, '--db', db]);
    const damaged = join(tempDir(), 'damaged.sanad-backup');
    writeFileSync(damaged, readFileSync(file).subarray(0, 3000));
    const folder = tempDir();
    const target = join(folder, 'new.sqlite');
    const result = sanad(['restore', damaged, '--db', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sanad restore: “.*damaged\.sanad-backup” is not a Sanad backup, or it is cut short: .*Nothing was restored\.\n$/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('lists both commands in --help', () => {
    const { stdout } = sanad(['--help']);
    expect(stdout).toContain('backup -o FILE');
    expect(stdout).toContain('restore FILE --db NEW');
    expect(stdout).toContain('--force');
  });
});

describe('backing up and restoring the running library in browser mode', () => {
  it('downloads a backup once, restores it in place of the library the workers serve, and refuses a damaged one with a 400, changing nothing', async () => {
    const folder = tempDir();
    const dbPath = join(folder, 'sanad.sqlite');
    const uploadDir = tempDir();
    const backend = await startWorkerBackend({ dbPath, workerScript: join(root, 'out/main/store-worker.js'), uploadDir });
    const server = await startHttpServer({ dispatch: backend.dispatch, rendererDir: tempDir(), uploads: uploadsIn(uploadDir) });
    const headers = { [TOKEN_HEADER]: server.token };
    const call = async (method: string, arg: unknown) => {
      const response = await fetch(`${server.origin}/api/${method}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(arg) });
      return { status: response.status, body: (await response.json()) as { ok: boolean; value?: any; error?: { message: string } } };
    };
    const upload = async (name: string, bytes: Buffer) => {
      const response = await fetch(`${server.origin}${UPLOAD_PATH}`, { method: 'POST', headers: { ...headers, [UPLOAD_NAME_HEADER]: encodeURIComponent(name) }, body: new Uint8Array(bytes) });
      return ((await response.json()) as { value: { uploadId: string } }).value.uploadId;
    };
    const titles = async () => (await call('listArticles', {})).body.value.map((a: { title: string }) => a.title);
    try {
      await call('importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
      const made = await call('backupLibrary', {});
      expect(made.status).toBe(200);
      const download = await fetch(`${server.origin}${DOWNLOAD_PATH}`, { method: 'POST', headers: { ...headers, [DOWNLOAD_ID_HEADER]: made.body.value.downloadId } });
      expect(download.status).toBe(200);
      const backupBytes = Buffer.from(await download.arrayBuffer());
      expect(backupBytes.length).toBe(made.body.value.bytes);
      // Fetched once: the file is gone after.
      expect((await fetch(`${server.origin}${DOWNLOAD_PATH}`, { method: 'POST', headers: { ...headers, [DOWNLOAD_ID_HEADER]: made.body.value.downloadId } })).status).toBe(404);

      await call('importFiles', { files: [fixtureUpload('en-port-briefing.txt')] });
      expect(await titles()).toHaveLength(2);

      const damaged = await call('restoreLibrary', { name: 'cut.sanad-backup', uploadId: await upload('cut.sanad-backup', backupBytes.subarray(0, 2000)) });
      expect(damaged.status).toBe(400);
      expect(damaged.body.error!.message).toMatch(/^“cut\.sanad-backup” is not a Sanad backup, or it is cut short/);
      expect(await titles()).toHaveLength(2);
      expect(readdirSync(folder).filter((f) => !/^sanad\.sqlite(-wal|-shm)?$/.test(f))).toEqual([]);

      const restored = await call('restoreLibrary', { name: 'mine.sanad-backup', uploadId: await upload('mine.sanad-backup', backupBytes) });
      expect(restored.status).toBe(200);
      expect(restored.body.value).toMatchObject({ file: 'mine.sanad-backup', articles: 1, library: dbPath, keptAs: expect.stringMatching(/sanad\.sqlite\.before-restore-/) });
      // Every worker reads the restored library: readers (listArticles) and the writer (an import) alike.
      expect(await titles()).toEqual(['إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية']);
      expect((await call('importFiles', { files: [fixtureUpload('en-utf8-bom.md')] })).body.value.imported[0].id).toBe(2);
      expect(readdirSync(folder).filter((f) => !/^sanad\.sqlite(-wal|-shm)?$/.test(f))).toEqual([expect.stringMatching(/^sanad\.sqlite\.before-restore-/)]);
      // The library as it was, with both articles, is kept whole beside it.
      const kept = new Database(restored.body.value.keptAs, { readonly: true });
      expect(kept.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2);
      kept.close();
    } finally {
      await server.close();
      await backend.close();
    }
  });
});
