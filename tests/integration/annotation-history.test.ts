/** Undo, redo and history of annotation actions, and annotations that survive text changes. */
import { describe, expect, it } from 'vitest';
import { localApi } from '../../electron/backend/local';
import { openStore } from '../../db/sqlite/store';
import { fixtureUpload, tempApi, callApi as call } from '../helpers';

async function withArticle() {
  const api = tempApi();
  await call(api.dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
  const article = await call(api.dispatch, 'getArticle', { id: 1 });
  const annotate = (quote: string, tagId: number | null = 1) => {
    const at = article.body.indexOf(quote);
    const start = [...article.body.slice(0, at)].length;
    return call(api.dispatch, 'createAnnotation', { articleId: 1, start, end: start + [...quote].length, tagId, note: null });
  };
  const quotes = async () => (await call(api.dispatch, 'listAnnotations', { articleId: 1 })).map((a) => a.exact);
  return { ...api, article, annotate, quotes };
}

describe('undo and redo', () => {
  it('undoes and redoes creating, retagging, noting and deleting, in order', async () => {
    const { dispatch, annotate, quotes } = await withArticle();
    const created = await annotate('ميناء الفاو الكبير');
    await call(dispatch, 'updateAnnotation', { id: created.id, tagId: 2, note: 'المصدر: الوزارة' });
    await call(dispatch, 'deleteAnnotation', { id: created.id });
    expect(await quotes()).toEqual([]);

    expect(await call(dispatch, 'undo', {})).toMatchObject({ action: 'delete', state: 'undone' });
    expect(await call(dispatch, 'listAnnotations', { articleId: 1 })).toMatchObject([{ tagName: 'Source', note: 'المصدر: الوزارة' }]);
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'listAnnotations', { articleId: 1 })).toMatchObject([{ tagName: 'Claim', note: null }]);
    await call(dispatch, 'undo', {});
    expect(await quotes()).toEqual([]);
    expect(await call(dispatch, 'undo', {})).toBeNull();

    await call(dispatch, 'redo', {});
    await call(dispatch, 'redo', {});
    expect(await call(dispatch, 'listAnnotations', { articleId: 1 })).toMatchObject([{ tagName: 'Source' }]);
    await call(dispatch, 'redo', {});
    expect(await quotes()).toEqual([]);
    expect(await call(dispatch, 'redo', {})).toBeNull();
  });

  it('forgets the redo stack when a new action follows an undo, keeping it in the history', async () => {
    const { dispatch, annotate } = await withArticle();
    await annotate('ميناء الفاو الكبير');
    await call(dispatch, 'undo', {});
    await annotate('ثلاثة أيام');
    expect(await call(dispatch, 'redo', {})).toBeNull();
    const history = await call(dispatch, 'listHistory', {});
    expect(history.map((h) => [h.action, h.quote, h.state])).toEqual([
      ['create', 'ثلاثة أيام', 'done'],
      ['create', 'ميناء الفاو الكبير', 'discarded'],
    ]);
  });

  it('undoes across a restart', async () => {
    const { store, path, annotate } = await withArticle();
    await annotate('ميناء الفاو الكبير');
    store.close();
    const reopened = openStore(path);
    const again = localApi(reopened).dispatch;
    expect(await call(again, 'undo', {})).toMatchObject({ action: 'create', quote: 'ميناء الفاو الكبير' });
    expect(await call(again, 'listAnnotations', {})).toEqual([]);
  });
});

describe('annotations when the text changes', () => {
  it('re-anchors by position, by quote and by fuzzy match, and sends the lost one to review', async () => {
    const { dispatch, article, annotate } = await withArticle();
    await annotate('إغلاق ميناء الفاو');
    await annotate('ثلاثة من الحراس أصيبوا');
    await annotate('بعد تأخير دام أكثر من عامين');
    await annotate('وكالة رويترز');
    const edited = article.body
      .replace('أعلنت وزارة النقل العراقية', 'عاجل: أعلنت وزارة النقل العراقية رسميًا')
      .replace('ثلاثة من الحراس أصيبوا', 'ثلاثةً من الحراس قد أصيبوا')
      .replace('ونقلت وكالة رويترز عن ثلاثة مسؤولين أمريكيين', 'ونقل مراسلون عن مسؤولين');
    const report = await call(dispatch, 'updateArticleText', { id: 1, body: edited });
    expect(report).toEqual({ byPosition: 1, byQuote: 1, byFuzzyMatch: 1, needReview: 1, mentions: { moved: 0, needReview: 0, dropped: 0 } });
    const rows = await call(dispatch, 'listAnnotations', { articleId: 1 });
    const review = rows.filter((r) => r.reviewReason);
    expect(review).toMatchObject([{ exact: 'وكالة رويترز', reviewReason: 'unmatched' }]);
    const newText = (await call(dispatch, 'getArticle', { id: 1 })).body;
    // The old context stays in the selectors; the new one is what stands at the old place now, in whole words.
    const [nowThere] = review[0]!.reviewCandidates!;
    expect(review[0]!.reviewCandidates).toHaveLength(1);
    const chars = [...newText];
    expect(nowThere!.exact).toBe(chars.slice(nowThere!.start, nowThere!.end).join(''));
    expect(nowThere!.start).toBeLessThanOrEqual(review[0]!.start);
    expect(nowThere!.end).toBeGreaterThanOrEqual(review[0]!.end);
    const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
    expect(isLetter(chars[nowThere!.start - 1]) && isLetter(chars[nowThere!.start])).toBe(false);
    expect(isLetter(chars[nowThere!.end - 1]) && isLetter(chars[nowThere!.end])).toBe(false);
    for (const row of rows.filter((r) => !r.reviewReason)) expect([...newText].slice(row.start, row.end).join('')).toBe(row.exact);
  });

  it('places an annotation from review where the analyst says, and that can be undone', async () => {
    const { dispatch, article, annotate } = await withArticle();
    const lost = await annotate('وكالة رويترز');
    await call(dispatch, 'updateArticleText', { id: 1, body: article.body.replace('وكالة رويترز', 'وكالة الأنباء البريطانية') });
    const edited = (await call(dispatch, 'getArticle', { id: 1 })).body;
    const at = [...edited.slice(0, edited.indexOf('وكالة الأنباء البريطانية'))].length;
    const placed = await call(dispatch, 'placeAnnotation', { id: lost.id, start: at, end: at + [...'وكالة الأنباء البريطانية'].length });
    expect(placed).toMatchObject({ exact: 'وكالة الأنباء البريطانية', reviewReason: null });
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'listAnnotations', { articleId: 1 })).toMatchObject([{ exact: 'وكالة رويترز', reviewReason: 'unmatched' }]);
  });

  it('replaces the text from a newer version of the source file, and searches the new text', async () => {
    const { dispatch, article } = await withArticle();
    await call(dispatch, 'createAnnotation', { articleId: 1, start: 0, end: 5, tagId: 1, note: null });
    const newer = `${article.body}\nتحديث: أعيد فتح الميناء مساء الخميس.`;
    const report = await call(dispatch, 'replaceArticleTextFromFile', {
      id: 1,
      name: 'ar-port-closure-v2.txt',
      dataBase64: Buffer.from(newer).toString('base64'),
    });
    expect(report).toEqual({ byPosition: 1, byQuote: 0, byFuzzyMatch: 0, needReview: 0, mentions: { moved: 0, needReview: 0, dropped: 0 } });
    expect(await call(dispatch, 'searchArticles', { query: 'مساء الخميس' })).toMatchObject({ hits: [{ id: 1 }] });
    expect(await dispatch('replaceArticleTextFromFile', { id: 1, name: 'x.txt', dataBase64: '' })).toMatchObject({
      ok: false,
      error: { message: 'x.txt: the file is empty' },
    });
  });
});
