/** W3C Web Annotation export and import: shape, round trip, and clear failures. */
import { describe, expect, it } from 'vitest';
import type { WebAnnotationCollection } from '../../electron/services/web-annotation';
import { fixtureUpload, tempApi, callApi as call } from '../helpers';


async function annotatedLibrary() {
  const api = tempApi();
  await call(api.dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt'), fixtureUpload('ar-article.html')] });
  const body = (await call(api.dispatch, 'getArticle', { id: 1 })).body;
  const at = (quote: string) => [...body.slice(0, body.indexOf(quote))].length;
  const quote = 'ثلاثة من الحراس';
  await call(api.dispatch, 'createAnnotation', { articleId: 1, start: at(quote), end: at(quote) + [...quote].length, tagId: 5, note: 'الرقم يختلف: خمسة في رواية أخرى' });
  await call(api.dispatch, 'createAnnotation', { articleId: 2, start: 0, end: 5, tagId: null, note: null });
  return api;
}

describe('W3C Web Annotation export', () => {
  it('writes a collection whose annotations carry both selectors, tags and notes with language and direction', async () => {
    const { dispatch } = await annotatedLibrary();
    const collection = await call(dispatch, 'exportWebAnnotations', {});
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 2, first: { type: 'AnnotationPage' } });
    const tagged = collection.first.items.find((i) => i.motivation === 'tagging')!;
    expect(tagged['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(tagged.target.source).toMatch(/^urn:sanad:article:sha256:[0-9a-f]{64}$/);
    expect(tagged.target.selector).toEqual([
      { type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) },
      { type: 'TextQuoteSelector', exact: 'ثلاثة من الحراس', prefix: expect.stringMatching(/ إن $/), suffix: expect.stringMatching(/^ أصيبوا/) },
    ]);
    expect(tagged.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'Number', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'commenting', value: 'الرقم يختلف: خمسة في رواية أخرى', format: 'text/plain', language: 'ar', textDirection: 'rtl' },
    ]);
    const fromHtml = collection.first.items.find((i) => i.motivation === 'highlighting')!;
    expect(fromHtml.target.source).toBe('https://example.org/news/harir-withdrawal');
    expect(tagged.created).toMatch(/Z$/);
  });

  it('exports one article\'s annotations on request', async () => {
    const { dispatch } = await annotatedLibrary();
    expect(await call(dispatch, 'exportWebAnnotations', { articleId: 2 })).toMatchObject({ total: 1 });
    expect(await dispatch('exportWebAnnotations', { articleId: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('W3C Web Annotation import', () => {
  it('brings an export back into another library with the same articles, unchanged, and skips it the second time', async () => {
    const source = await annotatedLibrary();
    const exported = await call(source.dispatch, 'exportWebAnnotations', {});
    const target = tempApi();
    await call(target.dispatch, 'importFiles', { files: [fixtureUpload('ar-article.html'), fixtureUpload('ar-port-closure.txt')] });
    expect(await call(target.dispatch, 'importWebAnnotations', { document: exported })).toEqual({ imported: 2, skipped: 0, failed: [] });
    const again = await call(target.dispatch, 'exportWebAnnotations', {});
    const comparable = (c: WebAnnotationCollection) =>
      c.first.items.map((i) => JSON.stringify([i.target.source, i.target.selector, i.body ?? null, i.created, i.motivation])).sort();
    expect(comparable(again)).toEqual(comparable(exported));
    expect(await call(target.dispatch, 'importWebAnnotations', { document: exported })).toEqual({ imported: 0, skipped: 2, failed: [] });
  });

  it('adds a tag it does not know, and places a quote whose position is stale', async () => {
    const { dispatch } = await annotatedLibrary();
    const document = {
      type: 'Annotation',
      id: 'urn:test:1',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'مصدر رسمي' },
      target: { source: 'https://example.org/news/harir-withdrawal', selector: { type: 'TextQuoteSelector', exact: 'قيادة العمليات المشتركة' } },
    };
    expect(await call(dispatch, 'importWebAnnotations', { document })).toEqual({ imported: 1, skipped: 0, failed: [] });
    expect(await call(dispatch, 'listAnnotations', { articleId: 2 })).toEqual(
      expect.arrayContaining([expect.objectContaining({ exact: 'قيادة العمليات المشتركة', tagName: 'مصدر رسمي' })]),
    );
  });

  it('reports each annotation it cannot place, by id, and imports the rest', async () => {
    const { dispatch } = await annotatedLibrary();
    const items = [
      { id: 'urn:a', type: 'Annotation', target: { source: 'https://elsewhere.example/x', selector: { type: 'TextQuoteSelector', exact: 'x' } } },
      { id: 'urn:b', type: 'Annotation', target: { source: 'https://example.org/news/harir-withdrawal', selector: { type: 'TextQuoteSelector', exact: 'نص غير موجود في المقال' } } },
      { id: 'urn:c', type: 'Annotation', target: { source: 'https://example.org/news/harir-withdrawal' } },
      { id: 'urn:d', type: 'Annotation', target: { source: 'https://example.org/news/harir-withdrawal', selector: { type: 'TextQuoteSelector', exact: 'شاحنات نقل' } } },
    ];
    expect(await call(dispatch, 'importWebAnnotations', { document: { type: 'AnnotationPage', items } })).toEqual({
      imported: 1,
      skipped: 0,
      failed: [
        { annotation: 'urn:a', error: 'no article in this library matches https://elsewhere.example/x' },
        { annotation: 'urn:b', error: 'its quote is not in the article' },
        { annotation: 'urn:c', error: 'it has no TextQuoteSelector to find its passage by' },
      ],
    });
    expect(await call(dispatch, 'importWebAnnotations', { document: { hello: 'world' } })).toMatchObject({ failed: [{ error: expect.stringContaining('no W3C annotations found') }] });
  });
});
