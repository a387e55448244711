/** Background jobs: an alias scan runs in chunks with progress, lets other calls through, stops on cancel, and resumes after a crash. */
import { describe, expect, it } from 'vitest';
import type { Job } from '../../electron/api/contract';
import { aliasKeys } from '../../db/sqlite/entities';
import { ANALYSER_VERSION } from '../../db/text/analyser';
import { createJobRunner } from '../../db/sqlite/job-runner';
import { localApi } from '../../electron/backend/local';
import { callApi as call, tempStore } from '../helpers';

/** A store of `count` articles, every third naming the port of Faw, and an API whose alias scans take 5 articles a chunk. */
async function libraryWithRunner(count: number) {
  const { store } = tempStore();
  const { dispatch, jobs } = localApi(store, { jobs: { aliasScanWindow: 5 } });
  const files = Array.from({ length: count }, (_, i) => ({
    name: `a${i}.txt`,
    dataBase64: Buffer.from(`خبر رقم ${i}\n\n${i % 3 === 0 ? 'أغلق ميناء الفاو أمس.' : 'لا جديد اليوم في المدينة.'} الرقم ${i}.`).toString('base64'),
  }));
  await call(dispatch, 'importFiles', { files });
  return { store, dispatch, jobs };
}

describe('alias scans as background jobs', () => {
  it('creates the entity, scans the library in chunks, and reports the finished job with its result', async () => {
    const { dispatch } = await libraryWithRunner(30);
    const entity = await call(dispatch, 'createEntity', { kind: 'place', name: 'ميناء الفاو', aliases: [] });
    expect(entity.suggested).toBe(10);
    const [job] = await call(dispatch, 'listJobs', {});
    expect(job).toMatchObject({ kind: 'alias-scan', label: 'ميناء الفاو', state: 'done', done: 30, total: 30, result: { suggested: 10 }, createdBy: 'local' });
  });

  it('answers other calls between chunks while a scan runs', async () => {
    const { dispatch } = await libraryWithRunner(60);
    const order: string[] = [];
    const scan = call(dispatch, 'createEntity', { kind: 'place', name: 'ميناء الفاو', aliases: [] }).then(() => order.push('scan'));
    await new Promise((resolve) => setImmediate(resolve));
    const tag = call(dispatch, 'createTag', { name: 'Port', colour: '#336699' }).then(() => order.push('tag'));
    await Promise.all([scan, tag]);
    expect(order).toEqual(['tag', 'scan']);
  });

  it('stops after the current chunk when cancelled, keeping what it found', async () => {
    const { dispatch } = await libraryWithRunner(60);
    const scan = call(dispatch, 'createEntity', { kind: 'place', name: 'ميناء الفاو', aliases: [] });
    let running: Job | undefined;
    while (!running) {
      await new Promise((resolve) => setImmediate(resolve));
      running = (await call(dispatch, 'listJobs', {})).find((j) => j.state === 'running');
    }
    expect(await call(dispatch, 'cancelJob', { id: running.id })).toEqual({ cancelling: true });
    const entity = await scan;
    const [job] = await call(dispatch, 'listJobs', {});
    expect(job!.state).toBe('cancelled');
    expect(job!.done).toBeGreaterThan(0);
    expect(job!.done).toBeLessThan(60);
    expect(entity.suggested).toBe(job!.result!.suggested);
    const refused = await dispatch('cancelJob', { id: running.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('takes up a scan that a crash cut off, from the last chunk it committed', async () => {
    const { store, dispatch } = await libraryWithRunner(30);
    // As Sanad leaves it if it stops in the middle: the entity exists, the job says it reached article 15.
    store.prepare("INSERT INTO entities (kind, name, created_at) VALUES ('place', 'ميناء الفاو', 'now')").run();
    store.prepare("INSERT INTO entity_aliases (entity_id, alias, alias_keys) VALUES (1, 'ميناء الفاو', ?)").run(aliasKeys('ميناء الفاو'));
    const cut = store
      .prepare("INSERT INTO jobs (kind, label, params, state, done, total, cursor, created_by, created_at) VALUES ('alias-scan', 'ميناء الفاو', '{\"entityId\":1}', 'running', 15, 30, 15, 'local', 'now')")
      .run().lastInsertRowid;
    const restarted = createJobRunner(store, () => new Date().toISOString(), { aliasScanWindow: 5 });
    expect(restarted.resumeUnfinished().map((j) => j.id)).toEqual([Number(cut)]);
    await expect.poll(async () => (await call(dispatch, 'listJobs', {}))[0]!.state).toBe('done');
    const [job] = await call(dispatch, 'listJobs', {});
    expect(job).toMatchObject({ resumed: 1, done: 30 });
    const mentions = await call(dispatch, 'listMentions', { entityId: 1 });
    // Only the articles after the last committed chunk were scanned again.
    expect(mentions.every((m) => m.articleId > 15)).toBe(true);
    expect(mentions.length).toBeGreaterThan(0);
  });

  it('re-indexes a store whose index another analyser version built, and search says so meanwhile', async () => {
    const { store, dispatch } = await libraryWithRunner(12);
    // As a store indexed by an older Sanad looks to this one: other keys (here: none) and another version.
    store.prepare('DELETE FROM article_search').run();
    store.prepare("UPDATE meta SET value = '0' WHERE key = 'analyser_version'").run();
    store.prepare("INSERT INTO jobs (kind, label, params, state, done, total, created_by, created_at) VALUES ('reindex', '', '{}', 'running', 4, 12, 'sanad', 'now')").run();
    expect(await call(dispatch, 'searchArticles', { query: 'ميناء' })).toMatchObject({ hits: [], rebuilding: { done: 4, total: 12 } });
    store.prepare('DELETE FROM jobs').run();

    const runner = createJobRunner(store, () => new Date().toISOString(), { reindexWindow: 5 });
    runner.ensureIndexCurrent();
    await expect.poll(async () => (await call(dispatch, 'listJobs', {}))[0]?.state).toBe('done');
    expect((await call(dispatch, 'listJobs', {}))[0]).toMatchObject({ kind: 'reindex', done: 12, total: 12 });
    const found = await call(dispatch, 'searchArticles', { query: 'ميناء' });
    expect(found.hits).toHaveLength(4);
    expect(found.rebuilding).toBeUndefined();
    expect(store.prepare("SELECT value FROM meta WHERE key = 'analyser_version'").pluck().get()).toBe(String(ANALYSER_VERSION));
    // Once current, nothing more is started.
    runner.ensureIndexCurrent();
    expect(await call(dispatch, 'listJobs', {})).toHaveLength(1);
  });

  it('follows an import as a job, and reports an import cut off by a crash as interrupted, keeping what it stored', async () => {
    const { store, dispatch } = await libraryWithRunner(3);
    expect((await call(dispatch, 'listJobs', {}))[0]).toMatchObject({ kind: 'import', label: 'a0.txt (+2)', state: 'done', done: 3, total: 3, result: { imported: 3, skipped: 0, failed: 0 } });
    // As Sanad leaves it if it stops during an import: the job says 2 of 5 files were stored.
    store.prepare("INSERT INTO jobs (kind, label, params, state, done, total, cursor, created_by, created_at) VALUES ('import', 'x.txt (+4)', '{}', 'running', 2, 5, 2, 'local', 'now')").run();
    createJobRunner(store, () => new Date().toISOString()).resumeUnfinished();
    expect((await call(dispatch, 'listJobs', {}))[0]).toMatchObject({ kind: 'import', state: 'interrupted', resumed: 1, error: expect.stringContaining('after 2 of 5 files') });
  });

  it('follows an export as a job with its result, and reports one cut off by a crash as interrupted', async () => {
    const { store, dispatch } = await libraryWithRunner(3);
    await call(dispatch, 'createAnnotation', { articleId: 1, start: 0, end: 3, tagId: 1 });
    await call(dispatch, 'createAnnotation', { articleId: 2, start: 0, end: 3, tagId: 2 });
    expect((await call(dispatch, 'exportWebAnnotations', {})).total).toBe(2);
    expect((await call(dispatch, 'listJobs', {}))[0]).toMatchObject({ kind: 'export', state: 'done', total: 2, done: 2, result: { annotations: 2 } });
    store.prepare("INSERT INTO jobs (kind, label, params, state, done, total, cursor, created_by, created_at) VALUES ('export', '', '{}', 'running', 1, 2, 1, 'local', 'now')").run();
    createJobRunner(store, () => new Date().toISOString()).resumeUnfinished();
    expect((await call(dispatch, 'listJobs', {}))[0]).toMatchObject({ kind: 'export', state: 'interrupted', error: expect.stringContaining('nothing was written') });
  });
});
