/** The server-paged grids: blocks, sorts, filters and counts translated to bound SQL over an allow-list. */
import { describe, expect, it } from 'vitest';
import { callApi as call, tempApi } from '../helpers';

async function library(count: number) {
  const api = tempApi();
  const files = Array.from({ length: count }, (_, i) => ({
    name: `a${i}.txt`,
    dataBase64: Buffer.from(i % 2 ? `Report number ${i} from the port\n\nThe port of Faw reopened on day ${i}.` : `تقرير رقم ${i} عن الميناء\n\nأعيد فتح ميناء الفاو في اليوم ${i}.`).toString('base64'),
  }));
  await call(api.dispatch, 'importFiles', { files });
  api.store.prepare("UPDATE articles SET outlet = CASE WHEN id % 3 = 0 THEN 'رويترز' WHEN id % 3 = 1 THEN 'Shafaq' ELSE NULL END").run();
  return api;
}

describe('queryArticles', () => {
  it('returns a block in the asked order with the total count of matching rows', async () => {
    const { dispatch } = await library(30);
    const first = await call(dispatch, 'queryArticles', { startRow: 0, endRow: 10, sortModel: [{ colId: 'id', sort: 'asc' }], withCount: true });
    expect(first.total).toBe(30);
    expect(first.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const second = await call(dispatch, 'queryArticles', { startRow: 10, endRow: 20, sortModel: [{ colId: 'id', sort: 'asc' }] });
    expect(second.total).toBeNull();
    expect(second.rows.map((r) => r.id)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('filters text, numbers and languages, alone and joined, and counts what matches', async () => {
    const { dispatch } = await library(30);
    const reuters = await call(dispatch, 'queryArticles', {
      startRow: 0,
      endRow: 100,
      filterModel: { outlet: { filterType: 'text', type: 'equals', filter: 'رويترز' } },
      withCount: true,
    });
    expect(reuters.total).toBe(10);
    expect(reuters.rows.every((r) => r.outlet === 'رويترز')).toBe(true);
    const englishOrLong = await call(dispatch, 'queryArticles', {
      startRow: 0,
      endRow: 100,
      filterModel: {
        language: { filterType: 'text', type: 'equals', filter: 'en' },
        id: { filterType: 'number', operator: 'OR', conditions: [{ filterType: 'number', type: 'lessThan', filter: 5 }, { filterType: 'number', type: 'greaterThan', filter: 25 }] },
      },
      withCount: true,
    });
    expect(englishOrLong.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([2, 4, 26, 28, 30]);
    expect(englishOrLong.total).toBe(5);
    const noOutlet = await call(dispatch, 'queryArticles', { startRow: 0, endRow: 100, filterModel: { outlet: { filterType: 'text', type: 'blank' } }, withCount: true });
    expect(noOutlet.total).toBe(10);
  });

  it('sorts on a counter column and filters with the quick filter in Arabic', async () => {
    const { dispatch } = await library(12);
    await call(dispatch, 'createAnnotation', { articleId: 5, start: 0, end: 4, tagId: 1 });
    await call(dispatch, 'createAnnotation', { articleId: 5, start: 5, end: 8, tagId: 2 });
    await call(dispatch, 'createAnnotation', { articleId: 7, start: 0, end: 4, tagId: 1 });
    const sorted = await call(dispatch, 'queryArticles', { startRow: 0, endRow: 3, sortModel: [{ colId: 'annotationCount', sort: 'desc' }] });
    expect(sorted.rows.map((r) => [r.id, r.annotationCount])).toEqual([[5, 2], [7, 1], [12, 0]]);
    const quick = await call(dispatch, 'queryArticles', { startRow: 0, endRow: 100, quickFilter: 'تقرير 1', withCount: true });
    expect(quick.rows.map((r) => r.title)).toEqual(['تقرير رقم 10 عن الميناء']);
  });

  it('binds hostile filter values as data: quotes, SQL and LIKE wildcards match only themselves', async () => {
    const { dispatch, store } = await library(6);
    for (const filter of ["'; DROP TABLE articles; --", '%', '_', '\\', '" OR 1=1 --']) {
      const page = await call(dispatch, 'queryArticles', { startRow: 0, endRow: 100, filterModel: { title: { filterType: 'text', type: 'contains', filter } }, withCount: true });
      expect(page.total).toBe(0);
    }
    expect(store.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(6);
  });

  it('refuses columns, operators and page sizes the grid does not offer, saying which', async () => {
    const { dispatch } = await library(2);
    const refused = async (arg: unknown) => {
      const result = await dispatch('queryArticles', arg);
      expect(result.ok).toBe(false);
      return result.ok ? '' : `${result.error.code}: ${result.error.message}`;
    };
    expect(await refused({ startRow: 0, endRow: 10, sortModel: [{ colId: 'body; DROP TABLE articles', sort: 'asc' }] })).toMatch(/INVALID_ARGUMENT: .*cannot sort on "body; DROP TABLE articles"/);
    expect(await refused({ startRow: 0, endRow: 10, filterModel: { content_hash: { filterType: 'text', type: 'contains', filter: 'x' } } })).toMatch(/cannot filter on "content_hash"/);
    expect(await refused({ startRow: 0, endRow: 10, filterModel: { title: { filterType: 'text', type: 'regexp', filter: 'x' } } })).toMatch(/text filter cannot "regexp"/);
    expect(await refused({ startRow: 0, endRow: 5000 })).toMatch(/1 to 1,000 rows/);
  });
});

describe('queryAnnotations', () => {
  it('pages one article\'s annotations or all, filtered by tag name', async () => {
    const { dispatch } = await library(4);
    await call(dispatch, 'createAnnotation', { articleId: 1, start: 0, end: 4, tagId: 1 });
    await call(dispatch, 'createAnnotation', { articleId: 1, start: 5, end: 8, tagId: 2 });
    await call(dispatch, 'createAnnotation', { articleId: 2, start: 0, end: 4, tagId: 1 });
    const ofOne = await call(dispatch, 'queryAnnotations', { startRow: 0, endRow: 50, articleId: 1, withCount: true });
    expect(ofOne.total).toBe(2);
    const claims = await call(dispatch, 'queryAnnotations', { startRow: 0, endRow: 50, filterModel: { tagName: { filterType: 'text', type: 'equals', filter: 'Claim' } }, withCount: true });
    expect(claims.rows.map((r) => r.articleId).sort()).toEqual([1, 2]);
  });
});
