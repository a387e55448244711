/** The API handlers called directly, as both transports call them. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../electron/api/contract';
import { fixtureUpload, tempApi, callApi as call } from '../helpers';

type Dispatch = ReturnType<typeof tempApi>['dispatch'];

async function importSamples(dispatch: Dispatch): Promise<ImportReport> {
  return call(dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt'), fixtureUpload('en-port-briefing.txt')] });
}

describe('importing files', () => {
  it('stores each text file with its first line as title and its language and direction detected', async () => {
    const { dispatch } = tempApi();
    const report = await importSamples(dispatch);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => i.title)).toEqual([
      'إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية',
      'Faw port closed for three days after overnight clashes',
    ]);
    const articles = await call(dispatch, 'listArticles', {});
    expect(articles.map((a) => [a.language, a.direction, a.sourceName]).sort()).toEqual([
      ['ar', 'rtl', 'ar-port-closure.txt'],
      ['en', 'ltr', 'en-port-briefing.txt'],
    ]);
  });

  it('refuses an empty file and a binary one by name, and still imports the good file in the same batch', async () => {
    const { dispatch } = tempApi();
    const report = await call(dispatch, 'importFiles', {
      files: [fixtureUpload('empty.txt'), fixtureUpload('binary-disguised.txt'), fixtureUpload('ar-port-closure.txt')],
    });
    expect(report.failed).toEqual([
      { file: 'empty.txt', error: 'the file is empty' },
      { file: 'binary-disguised.txt', error: 'this is not a text file (it contains binary data)' },
    ]);
    expect(report.imported).toHaveLength(1);
  });

  it('skips the same text imported again, naming the article that has it', async () => {
    const { dispatch } = tempApi();
    await importSamples(dispatch);
    const again = await call(dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
    expect(again.imported).toEqual([]);
    expect(again.skipped).toEqual([
      { file: 'ar-port-closure.txt', reason: 'same text as article #1 "إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية"', existingId: 1 },
    ]);
  });
});

describe('annotating', () => {
  it('stores the quote and its context from the article itself, with code-point offsets', async () => {
    const { dispatch } = tempApi();
    await importSamples(dispatch);
    const article = await call(dispatch, 'getArticle', { id: 1 });
    const passage = 'ميناء الفاو الكبير';
    const start = [...article.body].join('').indexOf(passage);
    const annotation = await call(dispatch, 'createAnnotation', {
      articleId: 1,
      start: [...article.body.slice(0, start)].length,
      end: [...article.body.slice(0, start)].length + [...passage].length,
      tagId: 1,
      note: '  أكبر ميناء في البلاد  ',
    });
    expect(annotation.exact).toBe(passage);
    expect(annotation.prefix.endsWith('إغلاق ')).toBe(true);
    expect(annotation.suffix.startsWith(' أمام حركة السفن')).toBe(true);
    expect(annotation.note).toBe('أكبر ميناء في البلاد');
    const rows = await call(dispatch, 'listAnnotations', {});
    expect(rows).toMatchObject([{ exact: passage, tagName: 'Claim', articleTitle: 'إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية', articleDirection: 'rtl' }]);
  });

  it('lists one article\'s annotations in text order', async () => {
    const { dispatch } = tempApi();
    await importSamples(dispatch);
    await call(dispatch, 'createAnnotation', { articleId: 2, start: 20, end: 30, tagId: null, note: null });
    await call(dispatch, 'createAnnotation', { articleId: 2, start: 0, end: 3, tagId: 2, note: null });
    await call(dispatch, 'createAnnotation', { articleId: 1, start: 0, end: 5, tagId: 2, note: null });
    const rows = await call(dispatch, 'listAnnotations', { articleId: 2 });
    expect(rows.map((r) => r.start)).toEqual([0, 20]);
    expect(rows[0]!.exact).toBe('Faw');
  });

  it('refuses passages past the end, empty or blank ones, and unknown tags or articles, with a clear message', async () => {
    const { dispatch } = tempApi();
    await importSamples(dispatch);
    const attempts = [
      { articleId: 1, start: 0, end: 100_000, tagId: null, note: null },
      { articleId: 1, start: 5, end: 5, tagId: null, note: null },
      { articleId: 1, start: 5, end: 6, tagId: 42, note: null },
      { articleId: 9, start: 0, end: 1, tagId: null, note: null },
    ];
    const errors = await Promise.all(attempts.map((a) => dispatch('createAnnotation', a)));
    expect(errors.map((e) => (e.ok ? 'ok' : `${e.error.code}: ${e.error.message}`))).toEqual([
      'INVALID_ARGUMENT: The passage ends at 100000, past the end of the article (707).',
      'INVALID_ARGUMENT: Invalid request: an annotation must cover at least one character',
      'NOT_FOUND: There is no tag #42.',
      'NOT_FOUND: There is no article #9; it may have been deleted.',
    ]);
  });

  it('deletes an annotation, and says so when it is already gone', async () => {
    const { dispatch } = tempApi();
    await importSamples(dispatch);
    const created = await call(dispatch, 'createAnnotation', { articleId: 1, start: 0, end: 5, tagId: 1, note: null });
    expect(await dispatch('deleteAnnotation', { id: created.id })).toEqual({ ok: true, value: { deleted: true }, wrote: true });
    expect(await dispatch('deleteAnnotation', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('tags', () => {
  it('adds a tag, and refuses a second one with the same name in any case', async () => {
    const { dispatch } = tempApi();
    const tag = await call(dispatch, 'createTag', { name: 'مصدر مجهول', colour: '#aabbcc' });
    expect(tag).toMatchObject({ name: 'مصدر مجهول', colour: '#aabbcc' });
    expect(await dispatch('createTag', { name: 'claim', colour: '#aabbcc' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'A tag called “Claim” already exists.', key: 'tagExists', params: { name: 'Claim' } },
    });
    expect(await dispatch('createTag', { name: 'x', colour: 'red' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('the boundary', () => {
  it('answers an unknown method and a malformed argument with an error, never a crash', async () => {
    const { dispatch } = tempApi();
    expect(await dispatch('dropAllTables', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Sanad has no API method “dropAllTables”.', key: 'unknownMethod', params: { method: 'dropAllTables' } },
    });
    expect(await dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('getArticle', { id: 'one' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('id') } });
    expect(await dispatch('getArticle', null)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('another program writing to the library', () => {
  it('waits for its lock, then says another program is using the library instead of "database is locked"', async () => {
    const { dispatch, path } = tempApi();
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const result = await dispatch('createTag', { name: 'Waiting' });
      expect(result).toMatchObject({ ok: false, error: { code: 'BUSY', key: 'storeBusy', message: expect.stringContaining('Another program is writing to this library') } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await call(dispatch, 'createTag', { name: 'Waiting' })).toMatchObject({ name: 'Waiting' });
  }, 15_000);
});

describe('a full disk', () => {
  it('says the disk is full in words a person understands, and keeps the library as it was', async () => {
    const { dispatch, store } = tempApi();
    await call(dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
    const before = (await call(dispatch, 'getArticle', { id: 1 })).body;
    // The library may not grow any more, as on a full disk.
    store.pragma(`max_page_count = ${store.pragma('page_count', { simple: true }) as number}`);
    const big = { name: 'big.txt', dataBase64: Buffer.from(`عنوان\n${'نص طويل جدًا '.repeat(20_000)}`).toString('base64') };
    const result = await dispatch('replaceArticleTextFromFile', { id: 1, ...big });
    expect(result).toMatchObject({ ok: false, error: { key: 'storeFull', message: expect.stringContaining('The disk is full') } });
    expect((await call(dispatch, 'getArticle', { id: 1 })).body).toBe(before);
    expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
