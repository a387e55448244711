/**
 * Source details for text pasted from the web: the import says which articles came without an
 * outlet or a date, the library lists them, and one call gives many articles an outlet, a URL and
 * a date as one undoable step, never replacing what an article has unless asked to.
 */
import { describe, expect, it } from 'vitest';
import { callMethod } from '../../electron/api/call';
import { MAX_ARTICLES_PER_FILL } from '../../electron/api/constants';
import type { ApiInput } from '../../electron/api/contract';
import { callApi as call, fixtureUpload, tempApi } from '../helpers';

type Dispatch = ReturnType<typeof tempApi>['dispatch'];

/** Two pasted texts without any metadata, and an HTML page that has its outlet and date. */
async function importMixedBatch(dispatch: Dispatch) {
  return call(dispatch, 'importFiles', {
    files: [fixtureUpload('ar-pasted-no-source.txt'), fixtureUpload('en-pasted-no-source.txt'), fixtureUpload('ar-article.html')],
  });
}

/** Each article's outlet, URL and date, by id. */
async function details(dispatch: Dispatch) {
  const articles = await call(dispatch, 'listArticles', {});
  return Object.fromEntries(articles.map((a) => [a.id, { outlet: a.outlet, url: a.url, published: a.published }]));
}

describe('articles without source details', () => {
  it('are named in the import report, and only they are listed under the library filter', async () => {
    const { dispatch } = tempApi();
    const report = await importMixedBatch(dispatch);
    expect(report.imported.map((i) => [i.file, i.missing ?? []])).toEqual([
      ['ar-pasted-no-source.txt', ['outlet', 'published']],
      ['en-pasted-no-source.txt', ['outlet', 'published']],
      ['ar-article.html', []],
    ]);
    const lacking = await call(dispatch, 'queryArticles', { startRow: 0, endRow: 100, withCount: true, lackingCitation: true });
    expect(lacking.total).toBe(2);
    expect(lacking.rows.map((a) => a.sourceName).sort()).toEqual(['ar-pasted-no-source.txt', 'en-pasted-no-source.txt']);
    // An article with an outlet but no date still lacks something a briefing needs.
    await call(dispatch, 'updateArticle', { id: 1, outlet: 'Shafaq News' });
    const stillLacking = await call(dispatch, 'queryArticles', { startRow: 0, endRow: 100, withCount: true, lackingCitation: true });
    expect(stillLacking.total).toBe(2);
    // The filter combines with the grid's own column filters.
    const arabic = await call(dispatch, 'queryArticles', {
      startRow: 0,
      endRow: 100,
      withCount: true,
      lackingCitation: true,
      filterModel: { language: { filterType: 'text', type: 'equals', filter: 'ar' } },
    });
    expect(arabic.rows.map((a) => a.sourceName)).toEqual(['ar-pasted-no-source.txt']);
  });

  it('get an outlet, a URL and a date in one call, each only where it was missing', async () => {
    const { dispatch } = tempApi();
    await importMixedBatch(dispatch);
    await call(dispatch, 'updateArticle', { id: 2, url: 'https://example.org/own-url' });
    const before = await details(dispatch);
    const report = await call(dispatch, 'updateArticlesMetadata', {
      ids: [1, 2, 3],
      outlet: '  وكالة الأنباء المحلية ',
      url: 'https://example.org/batch',
      published: '2025-09-21',
    });
    expect(report).toEqual({ articles: 2, outlet: 2, url: 1, published: 2 });
    expect(await details(dispatch)).toEqual({
      1: { outlet: 'وكالة الأنباء المحلية', url: 'https://example.org/batch', published: '2025-09-21' },
      2: { outlet: 'وكالة الأنباء المحلية', url: 'https://example.org/own-url', published: '2025-09-21' },
      // The HTML page keeps its own outlet, URL and date.
      3: before[3],
    });
    const lacking = await call(dispatch, 'queryArticles', { startRow: 0, endRow: 100, withCount: true, lackingCitation: true });
    expect(lacking.total).toBe(0);
  });

  it('replace what articles have only when asked to, and leave blank fields as they are', async () => {
    const { dispatch } = tempApi();
    await importMixedBatch(dispatch);
    const before = await details(dispatch);
    const report = await call(dispatch, 'updateArticlesMetadata', { ids: [1, 3], outlet: 'Rudaw', url: '', published: null, overwrite: true });
    expect(report).toEqual({ articles: 2, outlet: 2, url: 0, published: 0 });
    const after = await details(dispatch);
    expect(after[1]).toEqual({ outlet: 'Rudaw', url: null, published: null });
    expect(after[3]).toEqual({ ...before[3], outlet: 'Rudaw' });
    expect(after[2]).toEqual(before[2]);
  });

  it('are filled as one step: one undo takes back every article, and redo gives them back', async () => {
    const { dispatch } = tempApi();
    await importMixedBatch(dispatch);
    const before = await details(dispatch);
    await call(dispatch, 'updateArticlesMetadata', { ids: [1, 2, 3], outlet: 'Rudaw', published: '2025-09-21' });
    const filled = await details(dispatch);
    const [step] = await call(dispatch, 'listHistory', { limit: 5 });
    expect(step).toMatchObject({ kind: 'articles.edit', quote: 'Rudaw · 2025-09-21', detail: { count: 2, fields: ['outlet', 'published'] }, state: 'done' });

    const undone = await call(dispatch, 'undo', {});
    expect(undone?.id).toBe(step!.id);
    expect(await details(dispatch)).toEqual(before);
    await call(dispatch, 'redo', {});
    expect(await details(dispatch)).toEqual(filled);
  });

  it('refuse a call without ids, with too many, without any detail, or with a date not written YYYY-MM-DD', async () => {
    const { dispatch } = tempApi();
    await importMixedBatch(dispatch);
    const refused = async (arg: ApiInput<'updateArticlesMetadata'>) => {
      const result = await callMethod(dispatch, 'updateArticlesMetadata', arg);
      return result.ok ? 'accepted' : `${result.error.code}: ${result.error.message}`;
    };
    expect(await refused({ ids: [], outlet: 'Rudaw' })).toMatch(/^INVALID_ARGUMENT: .*choose at least one article/);
    const tooMany = Array.from({ length: MAX_ARTICLES_PER_FILL + 1 }, (_, i) => i + 1);
    expect(await refused({ ids: tooMany, outlet: 'Rudaw' })).toMatch(/^INVALID_ARGUMENT: .*ids/);
    expect(await refused({ ids: [1], outlet: '   ', url: '' })).toMatch(/^INVALID_ARGUMENT: .*give an outlet, a URL or a date/);
    expect(await refused({ ids: [1], published: '21/09/2025' })).toMatch(/^INVALID_ARGUMENT: .*YYYY-MM-DD/);
    expect(await refused({ ids: [1], outlet: 'x'.repeat(201) })).toMatch(/^INVALID_ARGUMENT: .*outlet/);
    // Nothing was written, and nothing was recorded to undo.
    expect((await details(dispatch))[1]).toEqual({ outlet: null, url: null, published: null });
    expect(await call(dispatch, 'listHistory', { limit: 5 })).toEqual([]);
    // The most it accepts is fine, ids of articles that do not exist included.
    const atTheBound = Array.from({ length: MAX_ARTICLES_PER_FILL }, (_, i) => i + 1);
    expect(await call(dispatch, 'updateArticlesMetadata', { ids: atTheBound, outlet: 'Rudaw' })).toMatchObject({ articles: 2, outlet: 2 });
  });
});
