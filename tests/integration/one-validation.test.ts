/**
 * One validation for every path: a value typed in the interface and the same value read from a
 * file (an article's metadata, a REFI-QDA codebook, W3C annotations) meet the same rules
 * (db/text/fields.ts): cleaned the same way, and held to the same limits.
 */
import { describe, expect, it } from 'vitest';
import type { Article, ImportReport } from '../../electron/api/contract';
import { errorText } from '../../electron/api/error-messages';
import { cleanLine, LIMITS } from '../../db/text/fields';
import { callApi as call, fixtureBytes, fixtureUpload, tempApi } from '../helpers';

const RLO = '\u202E';
const PDF = '\u202C';
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

const qdc = (codes: string) =>
  Buffer.from(`<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Test">\n  <Codes>\n${codes}\n  </Codes>\n</CodeBook>\n`).toString('base64');

describe('an article’s metadata', () => {
  it('from a file loses its bidi controls as a typed title does, and keeps them in the text', async () => {
    const { dispatch } = tempApi();
    const report = await call(dispatch, 'importFiles', { files: [fixtureUpload('bidi-metadata.html'), fixtureUpload('bidi-title.txt')] });
    expect(report.failed).toEqual([]);
    const [fromMetadata, fromFirstLine] = await Promise.all(report.imported.map(({ id }) => call(dispatch, 'getArticle', { id })));
    expect(fromMetadata).toMatchObject({ title: 'exe.fdp بيان وزارة الدفاع', outlet: 'وكالة الأنباء', author: 'مراسل الوكالة' });
    // (bidi-title.txt has no metadata: its title is its first line, which had an RLO … PDF.)
    expect(fromFirstLine!.title).toBe('تقرير مزور العنوان');
    expect(fromFirstLine!.body.startsWith(`${RLO}تقرير مزور${PDF}`)).toBe(true);
    for (const article of [fromMetadata!, fromFirstLine!]) expect(`${article.title}${article.outlet ?? ''}${article.author ?? ''}`).not.toMatch(BIDI_CONTROL);

    // The same raw values typed into the library's cells come out the same.
    const html = fixtureBytes('bidi-metadata.html').toString('utf8');
    const raw = (property: string) => {
      const content = new RegExp(`${property}" content="([^"]*)"`).exec(html)![1]!;
      return content.replace(/&#x([0-9A-F]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    };
    const typed = await call(dispatch, 'updateArticle', { id: fromFirstLine!.id, title: raw('og:title'), outlet: raw('og:site_name'), author: raw('name="author') });
    expect({ title: typed.title, outlet: typed.outlet, author: typed.author }).toEqual({ title: fromMetadata!.title, outlet: fromMetadata!.outlet, author: fromMetadata!.author });
  });

  it('from a file is cut at a word, with a warning, where a typed one over the limit is refused', async () => {
    const { dispatch } = tempApi();
    const longTitle = `${RLO}${'عنوان طويل جدا '.repeat(100)}`;
    const rows = [{ title: longTitle, body: 'نص المقال الأول.', outlet: 'و'.repeat(LIMITS.outlet + 1), url: `https://example.org/${'a'.repeat(LIMITS.url)}` }];
    const report = await call(dispatch, 'importFiles', { files: [{ name: 'long.json', dataBase64: Buffer.from(JSON.stringify(rows)).toString('base64') }] });
    const imported = report.imported[0]!;
    const article = (await call(dispatch, 'getArticle', { id: imported.id })) as Article;
    expect(article.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(article.title).toMatch(/^عنوان طويل جدا .* جدا…$/);
    expect(article.title).not.toMatch(BIDI_CONTROL);
    expect(article.outlet!.length).toBeLessThanOrEqual(LIMITS.outlet);
    expect(article.url).toBeNull();
    expect(imported.warnings).toEqual([
      `the title was ${cleanLine(longTitle).length.toLocaleString('en-US')} characters long; cut to ${LIMITS.title}`,
      `the outlet was ${LIMITS.outlet + 1} characters long; cut to ${LIMITS.outlet}`,
      `the address (URL) was ${(LIMITS.url + 20).toLocaleString('en-US')} characters long, over ${LIMITS.url.toLocaleString('en-US')}; left out`,
    ]);
    // Typed, the same title is refused, naming the field and the limit.
    expect(await dispatch('updateArticle', { id: imported.id, title: longTitle })).toMatchObject({
      ok: false,
      error: { key: 'tooLong', params: { field: 'title', max: LIMITS.title } },
    });
  });

  it('takes a file’s language as it takes a typed one: a code, else the language is detected', async () => {
    const { dispatch } = tempApi();
    const rows = [
      { title: 'أ', body: 'نص عربي قصير للتجربة.', language: 'ar-IQ' },
      { title: 'ب', body: 'نص عربي آخر للتجربة.', language: 'Arabic language'.repeat(1000) },
    ];
    const report: ImportReport = await call(dispatch, 'importFiles', { files: [{ name: 'lang.jsonl', dataBase64: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')).toString('base64') }] });
    const [coded, named] = await Promise.all(report.imported.map(({ id }) => call(dispatch, 'getArticle', { id })));
    expect([coded!.language, coded!.direction]).toEqual(['ar', 'rtl']);
    expect([named!.language, named!.direction]).toEqual(['ar', 'rtl']);
    expect(report.imported[1]!.warnings).toEqual([expect.stringMatching(/^language "Arabic languageArabic .*…" is not a code such as ar or en; detected instead$/)]);
  });
});

describe('a codebook’s codes', () => {
  it('with a name of a megabyte are refused, naming the code and the limit, as a typed tag name is', async () => {
    const { dispatch } = tempApi();
    const huge = `Huge ${'x'.repeat(1024 * 1024)}`;
    const result = await dispatch('importCodebook', { name: 'huge.qdc', dataBase64: qdc(`    <Code guid="11111111-1111-4111-8111-111111111111" name="Fine" isCodable="true"/>\n    <Code name="${huge}" isCodable="true"/>`) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', key: 'codeTooLong', params: { file: 'huge.qdc', field: 'name', length: huge.length, max: LIMITS.tagName } },
    });
    if (result.ok) return;
    expect(result.error.message).toBe(`In huge.qdc, the code “Huge ${'x'.repeat(34)}…” has a name of 1,048,581 characters; at most 80. Nothing was imported.`);
    expect(errorText('ar', result.error.key!, result.error.params)).toBe(`في huge.qdc: الاسم في الرمز «Huge ${'x'.repeat(34)}…» أطول من المسموح (عدد أحرفه 1,048,581، والحد الأقصى 80). لم يُستورد شيء.`);
    // Nothing was imported: the codebook is whole or not at all.
    expect((await call(dispatch, 'listTags', {})).some((t) => t.name === 'Fine')).toBe(false);
    // Typed, the same name is refused for the same limit.
    expect(await dispatch('createTag', { name: huge })).toMatchObject({ ok: false, error: { key: 'tooLong', params: { field: 'name', max: LIMITS.tagName } } });
  });

  it('lose bidi controls and line breaks as a typed name does, so they match the same tag', async () => {
    const { dispatch } = tempApi();
    const typed = await call(dispatch, 'createTag', { name: `${RLO}Source${PDF}  claim` });
    expect(typed.name).toBe('Source claim');
    const report = await call(dispatch, 'importCodebook', { name: 'bidi.qdc', dataBase64: qdc(`    <Code name="&#x202E;Source&#x202C;&#10;claim" isCodable="true"><Description>Who said it</Description></Code>`) });
    expect(report).toEqual({ added: 0, updated: 1 });
    expect((await call(dispatch, 'listTags', {})).filter((t) => t.name === 'Source claim')).toEqual([expect.objectContaining({ id: typed.id, description: 'Who said it' })]);
  });

  it('with a description over the limit are refused, naming the code', async () => {
    const { dispatch } = tempApi();
    const result = await dispatch('importCodebook', { name: 'long.qdc', dataBase64: qdc(`    <Code name="Wordy" isCodable="true"><Description>${'و'.repeat(LIMITS.tagDescription + 1)}</Description></Code>`) });
    expect(result).toMatchObject({ ok: false, error: { key: 'codeTooLong', params: { code: 'Wordy', field: 'description', max: LIMITS.tagDescription } } });
  });
});

describe('W3C annotations', () => {
  it('take a tag’s name as it is typed (cleaned) and refuse one over the limit, annotation by annotation', async () => {
    const { dispatch } = tempApi();
    await call(dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
    const article = await call(dispatch, 'getArticle', { id: 1 });
    const typed = await call(dispatch, 'createTag', { name: `${RLO}Casualty${PDF} count` });
    const annotation = (id: string, tag: string, start: number) => ({
      id,
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: tag }],
      target: {
        source: `urn:sanad:article:sha256:${article.contentHash}`,
        selector: [
          { type: 'TextPositionSelector', start, end: start + 5 },
          { type: 'TextQuoteSelector', exact: [...article.body].slice(start, start + 5).join('') },
        ],
      },
    });
    const report = await call(dispatch, 'importWebAnnotations', {
      document: [annotation('a', `\u2067Casualty\u2069\ncount`, 0), annotation('b', 'x'.repeat(LIMITS.tagName + 1), 10)],
    });
    expect(report).toEqual({ imported: 1, skipped: 0, failed: [{ annotation: 'b', error: `its tag name is ${LIMITS.tagName + 1} characters long; a tag name has at most ${LIMITS.tagName}` }] });
    expect((await call(dispatch, 'listAnnotations', {})).map((a) => a.tagId)).toEqual([typed.id]);
    expect((await call(dispatch, 'listTags', {})).filter((t) => t.name.includes('Casualty'))).toHaveLength(1);
  });

  it('in a document too large or too deep are refused before anything is read, in both languages', async () => {
    const { dispatch } = tempApi();
    let deep: unknown = 'leaf';
    for (let i = 0; i < LIMITS.jsonDepth + 1; i++) deep = { next: deep };
    expect(await dispatch('importWebAnnotations', { document: deep })).toMatchObject({ ok: false, error: { key: 'tooDeep', params: { depth: LIMITS.jsonDepth } } });
    const many = await dispatch('importWebAnnotations', { document: Array.from({ length: LIMITS.webAnnotations + 1 }, () => ({ type: 'Annotation' })) });
    expect(many).toMatchObject({ ok: false, error: { key: 'tooMany', params: { field: 'annotations', max: LIMITS.webAnnotations } } });
    if (many.ok) return;
    expect(errorText('ar', many.error.key!, many.error.params)).toBe('عدد التعليقات أكبر من المسموح: الحد الأقصى 20,000.');
  });
});
