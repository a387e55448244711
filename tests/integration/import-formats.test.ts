/** Every format and every kind of bad input the importer meets, through the API handler. */
import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article, ImportReport } from '../../electron/api/contract';
import { callApi, fixtureUpload, tempApi, tempDir } from '../helpers';

async function importFixtures(...names: string[]) {
  const api = tempApi();
  const result = await api.dispatch('importFiles', { files: names.map(fixtureUpload) });
  if (!result.ok) throw new Error(result.error.message);
  const article = async (id: number) => {
    const found = await api.dispatch('getArticle', { id });
    if (!found.ok) throw new Error(found.error.message);
    return found.value as Article;
  };
  return { ...api, report: result.value as ImportReport, article };
}

describe('text encodings, detected rather than assumed', () => {
  it.each([
    ['ar-cp1256.txt', 'windows-1256', 'تقرير: وصول تعزيزات إلى قاعدة الحرير'],
    ['ar-iso-8859-6.txt', 'iso-8859-6', 'بيان: اجتماع طارئ لمجلس المحافظة'],
    ['ar-utf16le-bom.txt', 'utf-16le', 'مذكرة: جدول زيارة الوفد'],
    ['ar-utf16be-bom.txt', 'utf-16be', 'ملاحظة: جدول زيارة الوفد'],
    ['en-utf8-bom.md', 'utf-8', 'Field note: checkpoint moved north'],
  ])('reads %s as %s', async (file, encoding, title) => {
    const { report, article } = await importFixtures(file);
    expect(report.failed).toEqual([]);
    const stored = await article(report.imported[0]!.id);
    expect(stored.title).toBe(title);
    expect(stored.sourceEncoding).toBe(encoding);
    expect(stored.body).not.toMatch(/[\uFFFD\uFEFF\r]/);
  });

  it('reads UTF-16 without a byte-order mark', async () => {
    const api = tempApi();
    const bytes = Buffer.from('ملاحظة بلا علامة ترتيب\nنص قصير للتجربة.', 'utf16le');
    const result = await api.dispatch('importFiles', { files: [{ name: 'no-bom.txt', dataBase64: bytes.toString('base64') }] });
    expect(result).toMatchObject({ ok: true, value: { imported: [{ title: 'ملاحظة بلا علامة ترتيب' }] } });
  });
});

describe('HTML', () => {
  it('keeps the article text and its metadata, and nothing that could run or load', async () => {
    const { report, article } = await importFixtures('ar-article.html');
    const stored = await article(report.imported[0]!.id);
    expect(stored).toMatchObject({
      title: 'انسحاب جزئي للقوات من قاعدة الحرير',
      outlet: 'شبكة الرافدين',
      author: 'سارة الجبوري',
      url: 'https://example.org/news/harir-withdrawal',
      published: '2025-10-14',
      language: 'ar',
      direction: 'rtl',
      sourceFormat: 'html',
    });
    expect(stored.body.split('\n')).toHaveLength(5);
    expect(stored.body).toContain('تجاوز ثلاثين آلية');
    for (const unwanted of ['stolen', 'alert', 'tracker.example', 'onclick', 'نص حقنه سكربت', '<', 'الرئيسية', 'جميع الحقوق']) {
      expect(stored.body).not.toContain(unwanted);
    }
  });

  it('reads a page in the charset it declares (windows-1256)', async () => {
    const { report, article } = await importFixtures('ar-windows-1256.html');
    const stored = await article(report.imported[0]!.id);
    expect(stored.sourceEncoding).toBe('windows-1256');
    expect(stored.body).toContain('ويجب أن يقرأ سند النص العربي فيها كما هو');
  });
});

describe('DOCX and PDF', () => {
  it('reads the paragraphs of a DOCX document', async () => {
    const { report, article } = await importFixtures('ar-delegation-report.docx');
    const stored = await article(report.imported[0]!.id);
    expect(stored.title).toBe('تقرير الوفد البرلماني عن زيارة الموصل');
    expect(stored.body).toContain('بلغت ثمانين بالمئة');
    expect(stored.sourceFormat).toBe('docx');
  });

  it('reads the text layer of a PDF, Arabic in reading order, with its title', async () => {
    const { report, article } = await importFixtures('ar-border-briefing.pdf');
    const stored = await article(report.imported[0]!.id);
    expect(stored.title).toBe('ملخص إحاطة');
    expect(stored.body).toContain('أعلنت قيادة حرس الحدود نشر ثلاثة أفواج إضافية');
    expect(stored.published).toBeNull();
  });

  it('refuses a scanned PDF with a message saying it has no text', async () => {
    const { report } = await importFixtures('scanned-no-text.pdf');
    expect(report.failed).toEqual([
      { file: 'scanned-no-text.pdf', error: 'this PDF has no text layer (it is probably a scan); run OCR on it first, then import the result' },
    ]);
  });

  it('warns when a PDF keeps Arabic as shaped glyphs in display order', async () => {
    const { report } = await importFixtures('ar-visual-order.pdf');
    expect(report.imported[0]!.warnings).toEqual([expect.stringContaining('may be out of order')]);
  });
});

describe('bulk files', () => {
  it('imports each CSV row as an article, reporting the row without a body and keeping the rest', async () => {
    const { report, article } = await importFixtures('bulk-articles.csv');
    expect(report.imported.map((i) => i.file)).toEqual(['bulk-articles.csv, row 2', 'bulk-articles.csv, row 3', 'bulk-articles.csv, row 5']);
    expect(report.failed).toEqual([{ file: 'bulk-articles.csv, row 4', error: 'no body: give the text in a "body" column' }]);
    const english = await article(report.imported[1]!.id);
    expect(english).toMatchObject({ outlet: 'Example Wire', published: '2025-03-02', language: 'en', direction: 'ltr' });
    // "٣ آذار ٢٠٢٥": Levantine month name, Arabic-Indic digits.
    expect((await article(report.imported[2]!.id)).published).toBe('2025-03-03');
  });

  it('imports a JSON array and JSON lines, reporting the broken line by number', async () => {
    const { report } = await importFixtures('bulk-articles.json', 'bulk-articles.jsonl');
    expect(report.imported.map((i) => i.title)).toEqual([
      'اجتماع أمني في بغداد',
      'Security meeting in Baghdad',
      'بيان وزارة الدفاع',
      'Ministry of Defence statement',
    ]);
    expect(report.failed).toEqual([{ file: 'bulk-articles.jsonl, line 2', error: expect.stringMatching(/^invalid JSON: /) }]);
  });
});

describe('dates in the text', () => {
  it('takes a dateline written with a month name and Arabic-Indic digits as the publication date', async () => {
    const api = tempApi();
    const text = 'بغداد – ١٥ تشرين الأول ٢٠٢٤\nأعلنت الحكومة عن خطة جديدة للنقل العام.';
    const result = await api.dispatch('importFiles', { files: [{ name: 'dateline.txt', dataBase64: Buffer.from(text).toString('base64') }] });
    const id = (result as { value: ImportReport }).value.imported[0]!.id;
    expect(await api.dispatch('getArticle', { id })).toMatchObject({ value: { published: '2024-10-15' } });
  });
});

describe('bad input: a clear message, and the rest of the batch still imports', () => {
  it('refuses damaged, binary, empty and oversized files by name, and imports the good one beside them', async () => {
    const uploadDir = tempDir();
    const api = tempApi({ uploadDir });
    // A received file over the limit (sparse: it takes no room), refused before it is read.
    const hugeId = 'H'.repeat(32);
    writeFileSync(join(uploadDir, hugeId), '');
    truncateSync(join(uploadDir, hugeId), 201 * 1024 * 1024);
    const result = await api.dispatch('importFiles', {
      files: [
        fixtureUpload('ar-damaged-utf8.txt'),
        fixtureUpload('binary-disguised.txt'),
        fixtureUpload('empty.txt'),
        { name: 'huge.txt', uploadId: hugeId },
        { name: 'notes.exe', dataBase64: Buffer.from('MZ').toString('base64') },
        fixtureUpload('ar-port-closure.txt'),
      ],
    });
    const report = (result as { value: ImportReport }).value;
    expect(report.failed).toEqual([
      { file: 'ar-damaged-utf8.txt', error: 'this file is UTF-8 text with an invalid byte sequence at byte 19; the file may be damaged' },
      { file: 'binary-disguised.txt', error: 'this is not a text file (it contains binary data)' },
      { file: 'empty.txt', error: 'the file is empty' },
      { file: 'huge.txt', error: 'file is 201.0 MB; the limit is 200 MB' },
      { file: 'notes.exe', error: expect.stringContaining('unsupported file type ".exe"') },
    ]);
    expect(report.imported.map((i) => i.title)).toEqual(['إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية']);
    // A received file is used once.
    expect(existsSync(join(uploadDir, hugeId))).toBe(false);
  });

  it('removes a stray NUL byte and says so', async () => {
    const { report, article } = await importFixtures('ar-with-nul.txt');
    expect(report.imported[0]!.warnings).toEqual(['removed 1 NUL byte (invisible, not text)']);
    expect((await article(report.imported[0]!.id)).body).toBe('مذكرة داخلية\nنص سليم يحتوي على بايت فارغ واحد.\n');
  });

  it('strips bidi override characters from a title, keeping them in the text as imported', async () => {
    const { report, article } = await importFixtures('bidi-title.txt');
    const stored = await article(report.imported[0]!.id);
    expect(stored.title).toBe('تقرير مزور العنوان');
    expect(stored.body.startsWith('\u202Eتقرير مزور\u202C')).toBe(true);
  });

  it('keeps a file name with spaces, quotes, Arabic and emoji as it is', async () => {
    const api = tempApi();
    const name = 'تقرير "عاجل" (نسخة 2) 📰.txt';
    const result = await api.dispatch('importFiles', { files: [{ name, dataBase64: Buffer.from('عنوان\nنص').toString('base64') }] });
    expect(result).toMatchObject({ ok: true, value: { imported: [{ file: name }] } });
    expect(await api.dispatch('listArticles', {})).toMatchObject({ value: [{ sourceName: name }] });
  });
});

describe('duplicates', () => {
  it('skips the same text in another encoding, naming the article that has it', async () => {
    const api = tempApi();
    const arabic = 'خبر مكرر\nنص الخبر نفسه بترميزين مختلفين.';
    const files = [
      { name: 'utf8.txt', dataBase64: Buffer.from(arabic, 'utf8').toString('base64') },
      { name: 'utf16.txt', dataBase64: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(arabic, 'utf16le')]).toString('base64') },
    ];
    const report = ((await api.dispatch('importFiles', { files })) as { value: ImportReport }).value;
    expect(report.skipped).toEqual([{ file: 'utf16.txt', reason: 'same text as article #1 "خبر مكرر"', existingId: 1 }]);
  });

  it('flags the same story lightly edited as a possible duplicate, with its similarity', async () => {
    const { report } = await importFixtures('ar-utf16be-bom.txt', 'ar-utf16le-bom.txt');
    expect(report.imported[1]!.possibleDuplicateOf).toMatchObject({ id: report.imported[0]!.id, title: 'ملاحظة: جدول زيارة الوفد' });
    expect(report.imported[1]!.possibleDuplicateOf!.similarity).toBeGreaterThan(0.8);
    expect(report.imported[0]!.possibleDuplicateOf).toBeUndefined();
  });

  it('does not flag different stories as duplicates', async () => {
    const { report } = await importFixtures('ar-port-closure.txt', 'ar-article.html', 'ar-delegation-report.docx');
    expect(report.imported.every((i) => i.possibleDuplicateOf === undefined)).toBe(true);
  });

  it('compares with the text an article has now, after its text was replaced', async () => {
    // Two files, so the near-duplicate index has seen the first one's text before it is replaced.
    const { dispatch, report } = await importFixtures('ar-utf16be-bom.txt', 'ar-port-closure.txt');
    const first = report.imported[0]!.id;
    // The article's text is replaced by another story: a copy of its old text is no duplicate of it any more.
    await callApi(dispatch, 'replaceArticleTextFromFile', { id: first, ...fixtureUpload('en-port-briefing.txt') });
    const again = await callApi(dispatch, 'importFiles', { files: [fixtureUpload('ar-utf16le-bom.txt')] });
    expect(again.imported[0]!.possibleDuplicateOf).toBeUndefined();
    // ...and a copy of its new text is.
    const copy = await callApi(dispatch, 'importFiles', {
      files: [{ name: 'copy.txt', dataBase64: Buffer.from((await callApi(dispatch, 'getArticle', { id: first })).body.replace('three', 'four')).toString('base64') }],
    });
    expect(copy.imported[0]!.possibleDuplicateOf).toMatchObject({ id: first });
  });
});
