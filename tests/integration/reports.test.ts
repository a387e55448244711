/** Briefing reports through the API: built from events and claims, edited, undone, marked when a claim changes, exported. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { callApi as call, fixtureUpload, tempApi, tempDir } from '../helpers';

/** The four withdrawal reports, claims on them, and the event they report (contested: the ministry denies it). */
async function withdrawal() {
  const api = tempApi();
  const { dispatch } = api;
  await call(dispatch, 'importFiles', { files: [fixtureUpload('withdrawal-reports.json')] });
  const articles = await call(dispatch, 'listArticles', {});
  const byOutlet = new Map(articles.map((a) => [a.outlet!, a.id]));
  const spanOf = async (outlet: string, quote: string) => {
    const articleId = byOutlet.get(outlet)!;
    const body = (await call(dispatch, 'getArticle', { id: articleId })).body;
    const start = [...body.slice(0, body.indexOf(quote))].length;
    return { articleId, start, end: start + [...quote].length };
  };
  const event = await call(dispatch, 'createEvent', { title: 'انسحاب القوات الأمريكية من عين الأسد', eventType: 'Strategic developments', date: { from: '2025-08-24' } });
  const reuters = [{ entityId: null, name: 'رويترز', role: 'agency' as const }];
  const started = await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا')), chain: reuters, eventId: event.id, credibility: 2 });
  const completed = await call(dispatch, 'createClaim', {
    ...(await spanOf('كردستان 24', 'إن انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل')),
    chain: [{ entityId: null, name: 'مصادر مطلعة', role: 'unnamed' }],
    eventId: event.id,
    credibility: 3,
  });
  const denial = await call(dispatch, 'createClaim', {
    ...(await spanOf('Example Wire', 'the withdrawal from Ain al-Asad had not been completed')),
    chain: [{ entityId: null, name: 'Iraqi Ministry of Defence', role: 'government' }],
    stance: 'denies',
    eventId: event.id,
    relation: 'contradicts',
  });
  await call(dispatch, 'updateEntity', { id: started.origin!.entityId, reliability: 'B' });
  const troops = await call(dispatch, 'createClaim', { ...(await spanOf('Example Wire', 'About 2,500 troops remain in Iraq')), figures: [{ value: 2500, counted: 'troops' }] });
  return { ...api, event, started, completed, denial, troops, spanOf };
}

/** An article whose text is written to break out of every format's markup. */
const HOSTILE = `He said: <script>alert(1)</script> "><img src=x onerror=alert(1)> #let x = 1 *bold* $x$ ] \\ [link](javascript:alert(1)) end.`;

async function hostileClaim(dispatch: Awaited<ReturnType<typeof withdrawal>>['dispatch']) {
  const article = { title: 'Hostile <b>title</b> #set', outlet: 'Evil "Outlet"', published: '2025-08-28', url: 'javascript:alert(1)', language: 'en', body: HOSTILE };
  const { imported } = await call(dispatch, 'importFiles', { files: [{ name: 'hostile.json', dataBase64: Buffer.from(JSON.stringify([article])).toString('base64') }] });
  return call(dispatch, 'createClaim', { articleId: imported[0]!.id, start: 0, end: [...HOSTILE].length });
}

describe('building a report', () => {
  it('makes a section per event in timeline order, with its claims, and one of hand-picked claims, each quoted as it is', async () => {
    const { dispatch, event, started, completed, denial, troops } = await withdrawal();
    const earlier = await call(dispatch, 'createEvent', { title: 'Talks on the withdrawal', date: { from: '2025-08-01' } });
    const undated = await call(dispatch, 'createEvent', { title: 'Undated event' });
    const report = await call(dispatch, 'createReport', { title: 'Ain al-Asad withdrawal', eventIds: [undated.id, event.id, earlier.id], claimIds: [troops.id] });
    expect(report.id).toBeGreaterThan(0);
    expect(report.sections.map((s) => [s.heading, s.kind])).toEqual([
      ['Talks on the withdrawal', 'events'],
      ['انسحاب القوات الأمريكية من عين الأسد', 'events'],
      ['Undated event', 'events'],
      ['', 'claims'],
    ]);
    const withdrawalSection = report.sections[1]!;
    expect(withdrawalSection.items.map((i) => (i.kind === 'event' ? `event ${i.eventId}` : `claim ${i.claimId}`))).toEqual([
      `event ${event.id}`,
      `claim ${started.id}`,
      `claim ${completed.id}`,
      `claim ${denial.id}`,
    ]);
    const quoted = withdrawalSection.items[1]!;
    expect(quoted).toMatchObject({
      kind: 'claim',
      status: 'current',
      snapshot: { quote: 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا', grade: 'B2', direction: 'rtl', article: { outlet: 'شفق نيوز', published: '2025-08-24' } },
    });
    expect(withdrawalSection.items[0]).toMatchObject({ kind: 'event', snapshot: { contested: true, independentSources: 2, disagreements: [{ kind: 'contradiction', claimIds: [denial.id] }] } });
    expect(report.sections[3]!.items).toMatchObject([{ kind: 'claim', claimId: troops.id, snapshot: { quote: 'About 2,500 troops remain in Iraq' } }]);
    // The report is listed, and reopens as saved.
    expect(await call(dispatch, 'listReports', {})).toMatchObject([{ id: report.id, title: 'Ain al-Asad withdrawal', changedItems: 0 }]);
    expect(await call(dispatch, 'getReport', { id: report.id })).toEqual(report);
  });

  it('refuses an event or claim that is not there, naming it', async () => {
    const { dispatch } = await withdrawal();
    await expect(call(dispatch, 'createReport', { title: 'x', eventIds: [999] })).rejects.toThrow(/NOT_FOUND: There is no event #999/);
    await expect(call(dispatch, 'createReport', { title: 'x', claimIds: [999] })).rejects.toThrow(/NOT_FOUND: There is no claim #999/);
    expect(await call(dispatch, 'listReports', {})).toEqual([]);
  });

  it('edits fields, judgments, sections and the order of items, each edit one undoable step', async () => {
    const { dispatch, event, started, troops } = await withdrawal();
    const report = await call(dispatch, 'createReport', { title: 'Draft', eventIds: [event.id], claimIds: [troops.id] });
    const [eventSection, picked] = report.sections as [(typeof report.sections)[0], (typeof report.sections)[0]];
    const edited = await call(dispatch, 'updateReport', {
      id: report.id,
      title: 'Ain al-Asad withdrawal',
      bluf: 'US forces have begun leaving Ain al-Asad; completion is disputed.',
      language: 'ar',
      digits: 'arab',
      judgments: [{ text: 'The withdrawal will complete by September 2025.', likelihood: 'likely', confidence: 'moderate' }],
      // Hand-picked claims first now, with the event's first claim moved into them, translated.
      sections: [
        { id: picked.id, heading: 'Figures', kind: 'claims', body: '', items: [{ id: eventSection.items[1]!.id, translation: 'The withdrawal began suddenly and will take days.' }, { id: picked.items[0]!.id }] },
        { id: eventSection.id, heading: eventSection.heading, kind: 'events', body: 'Reports since 24 August.', items: eventSection.items.filter((_, i) => i !== 1).map((i) => ({ id: i.id })) },
        { heading: 'Outlook', kind: 'text', body: 'More to follow.', items: [] },
      ],
    });
    expect(edited).toMatchObject({ title: 'Ain al-Asad withdrawal', language: 'ar', digits: 'arab', judgments: [{ likelihood: 'likely', confidence: 'moderate' }] });
    expect(edited.sections.map((s) => s.heading)).toEqual(['Figures', eventSection.heading, 'Outlook']);
    expect(edited.sections[0]!.items).toMatchObject([{ claimId: started.id, translation: 'The withdrawal began suddenly and will take days.' }, { claimId: troops.id }]);
    // Reordering alone (Alt+↓ on the first item) is one more step.
    const [first, second] = edited.sections[0]!.items;
    const reordered = await call(dispatch, 'updateReport', {
      id: report.id,
      sections: edited.sections.map((s, i) => ({ ...s, items: (i === 0 ? [second!, first!] : s.items).map((item) => ({ id: item.id })) })),
    });
    expect(reordered.sections[0]!.items.map((i) => i.id)).toEqual([second!.id, first!.id]);
    // Undo takes back the reorder, then the edit: the report is as made.
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'getReport', { id: report.id })).sections[0]!.items.map((i) => i.id)).toEqual([first!.id, second!.id]);
    expect((await call(dispatch, 'undo', {}))?.kind).toBe('report.edit');
    expect(await call(dispatch, 'getReport', { id: report.id })).toEqual(report);
    await call(dispatch, 'redo', {});
    expect(await call(dispatch, 'getReport', { id: report.id })).toMatchObject({ title: 'Ain al-Asad withdrawal', sections: [{ heading: 'Figures' }, {}, { heading: 'Outlook' }] });
  });

  it('previews an edit not yet saved, storing nothing', async () => {
    const { dispatch, event } = await withdrawal();
    const report = await call(dispatch, 'createReport', { title: 'Draft', eventIds: [event.id] });
    const [section] = report.sections;
    const items = section!.items;
    const { html } = await call(dispatch, 'previewReport', {
      id: report.id,
      title: 'Ain al-Asad withdrawal',
      judgments: [{ text: 'The withdrawal will finish by September.', likelihood: 'likely', confidence: null }],
      // The completed withdrawal first now, the start translated.
      sections: [{ id: section!.id, heading: section!.heading, kind: 'events', body: '', items: [items[0]!, items[2]!, items[1]!, items[3]!].map((i) => ({ id: i.id, ...(i.id === items[1]!.id && { translation: 'It began suddenly.' }) })) }],
    });
    expect(html).toContain('<title>Ain al-Asad withdrawal</title>');
    expect(html).toContain('Likelihood: likely (55–80%)');
    expect(html.indexOf('اكتمل')).toBeLessThan(html.indexOf('الانسحاب بدأ'));
    expect(html).toContain('Translation: It began suddenly.');
    expect(await call(dispatch, 'getReport', { id: report.id })).toEqual(report);
    expect(await call(dispatch, 'listHistory', {})).not.toContainEqual(expect.objectContaining({ kind: 'report.edit' }));
  });

  it('undoes creating, duplicating and deleting a report', async () => {
    const { dispatch, event } = await withdrawal();
    const report = await call(dispatch, 'createReport', { title: 'Withdrawal', eventIds: [event.id] });
    const copy = await call(dispatch, 'duplicateReport', { id: report.id });
    expect(copy).toMatchObject({ title: 'Withdrawal (copy)', sections: [{ heading: report.sections[0]!.heading, items: report.sections[0]!.items.map(({ id: _id, ...item }) => item) }] });
    await call(dispatch, 'deleteReport', { id: report.id });
    expect((await call(dispatch, 'listReports', {})).map((r) => r.id)).toEqual([copy.id]);
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'getReport', { id: report.id })).toEqual(report);
    await call(dispatch, 'undo', {});
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'listReports', {})).toEqual([]);
  });

  it('marks a claim changed since the report quoted it, keeps the quotation, and quotes it anew when asked', async () => {
    const { dispatch, event, started, troops } = await withdrawal();
    const report = await call(dispatch, 'createReport', { title: 'Withdrawal', eventIds: [event.id], claimIds: [troops.id] });
    await call(dispatch, 'updateClaim', { id: started.id, credibility: 4 });
    await call(dispatch, 'deleteClaim', { id: troops.id });
    const marked = await call(dispatch, 'getReport', { id: report.id });
    const item = marked.sections[0]!.items.find((i) => i.kind === 'claim' && i.claimId === started.id)!;
    expect(item).toMatchObject({ status: 'changed', snapshot: { grade: 'B2' } });
    expect(marked.sections[1]!.items[0]).toMatchObject({ status: 'deleted', snapshot: { quote: 'About 2,500 troops remain in Iraq' } });
    expect((await call(dispatch, 'listReports', {}))[0]!.changedItems).toBeGreaterThanOrEqual(2);
    // The export says so, and prints the grade as quoted.
    const { text } = await call(dispatch, 'exportReport', { id: report.id, format: 'md' });
    expect(text).toContain('This claim has changed since the report quoted it');
    expect(text).toContain('This claim has been deleted since the report quoted it');
    // Quoting anew takes the claim as it is now.
    const refreshed = await call(dispatch, 'updateReport', {
      id: report.id,
      sections: marked.sections.map((s) => ({ ...s, items: s.items.map((i) => ({ id: i.id, refresh: i.id === item.id })) })),
    });
    expect(refreshed.sections[0]!.items.find((i) => i.id === item.id)).toMatchObject({ status: 'current', snapshot: { grade: 'B4' } });
  });

  it('saves a template and starts a report from it', async () => {
    const { dispatch, event } = await withdrawal();
    const report = await call(dispatch, 'createReport', { title: 'Weekly', eventIds: [event.id] });
    await call(dispatch, 'updateReport', {
      id: report.id,
      handling: 'RESTRICTED — ANALYSTS ONLY',
      language: 'ar',
      digits: 'arab',
      sections: [{ heading: 'منهجية', kind: 'text', body: 'مصادر مفتوحة فقط.', items: [] }, ...report.sections.map((s) => ({ ...s, items: s.items.map((i) => ({ id: i.id })) }))],
    });
    const template = await call(dispatch, 'saveReportTemplate', { reportId: report.id, name: 'Weekly (ar)' });
    expect(template).toMatchObject({ language: 'ar', direction: 'rtl', digits: 'arab', handling: 'RESTRICTED — ANALYSTS ONLY', sections: [{ heading: 'منهجية', kind: 'text', body: 'مصادر مفتوحة فقط.' }, { kind: 'events', body: '' }] });
    expect(await call(dispatch, 'listReportTemplates', {})).toHaveLength(1);
    const next = await call(dispatch, 'createReport', { title: 'الأسبوع التالي', templateId: template.id, eventIds: [event.id] });
    expect(next).toMatchObject({ language: 'ar', direction: 'rtl', digits: 'arab', handling: 'RESTRICTED — ANALYSTS ONLY' });
    expect(next.sections.map((s) => s.heading)).toEqual(['منهجية', event.title, event.title]);
  });
});

describe('exporting a report', () => {
  /** The withdrawal briefing with a judgment, a translation and a hostile claim, in the language given. */
  async function briefing(language: 'ar' | 'en', digits: 'latn' | 'arab' = 'latn') {
    const api = await withdrawal();
    const hostile = await hostileClaim(api.dispatch);
    const report = await call(api.dispatch, 'createReport', { title: language === 'ar' ? 'انسحاب القوات الأمريكية من عين الأسد' : 'Ain al-Asad withdrawal', eventIds: [api.event.id], claimIds: [api.troops.id, hostile.id], language });
    await call(api.dispatch, 'updateReport', {
      id: report.id,
      handling: 'RESTRICTED',
      author: 'Analyst <one>',
      bluf: language === 'ar' ? 'بدأت القوات الأمريكية الانسحاب من عين الأسد، واكتماله موضع خلاف.' : 'US forces began leaving Ain al-Asad; whether they have finished is disputed.',
      digits,
      judgments: [
        { text: language === 'ar' ? 'سيكتمل الانسحاب قبل أيلول 2025.' : 'The withdrawal will be complete before September 2025.', likelihood: 'likely', confidence: 'moderate' },
        { text: 'It is likely, with high confidence, that the base is handed over.', likelihood: 'likely', confidence: 'high' },
      ],
    });
    return { ...api, hostile, reportId: report.id };
  }

  it('writes one self-contained HTML file that escapes everything taken from articles', async () => {
    const { dispatch, reportId } = await briefing('en');
    const { text: html, fileName, mediaType } = await call(dispatch, 'exportReport', { id: reportId, format: 'html' });
    expect(fileName).toBe('Ain al-Asad withdrawal.html');
    expect(mediaType).toMatch(/^text\/html/);
    // No remote resource, no script, and a policy that forbids them anyway.
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<\w+[^>]*\s(src|srcset|on\w+)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // The hostile quote is there, as text.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('Hostile &lt;b&gt;title&lt;/b&gt; #set');
    // What a reader needs: the head, judgments with their wording, the quotes verbatim, chains, grades, corroboration, disagreement, citations, sources.
    for (const expected of ['RESTRICTED', 'Bottom line up front', 'Likelihood: likely (55–80%)', 'Confidence: moderate confidence', 'This judgment mixes likelihood and confidence', 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا', 'Grade: <span class="grade">B2</span>', 'Independent sources: 2', 'Contested', 'Contradicted by', 'References', 'usually reliable', 'Analyst &lt;one&gt;'])
      expect(html).toContain(expected);
    expect(html).toMatch(/<bdi>شفق نيوز<\/bdi> → <bdi>رويترز<\/bdi>/);
    expect(html).toMatch(/\[1\] <bdi>شفق نيوز<\/bdi>, «<bdi>بدء انسحاب القوات الأمريكية من عين الأسد<\/bdi>», 24 August 2025/);
  });

  it('writes Markdown whose article text stays text', async () => {
    const { dispatch, reportId } = await briefing('en');
    const { text: md } = await call(dispatch, 'exportReport', { id: reportId, format: 'md' });
    expect(md).toContain('\\[link\\]\\(javascript:alert\\(1\\)\\)');
    expect(md).toContain('&lt;script\\>alert\\(1\\)&lt;/script\\>');
    expect(md).toContain('# Ain al\\-Asad withdrawal');
    expect(md).toContain('> «الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا» \\[1\\]');
  });

  it('writes DOCX with right-to-left paragraphs and runs, the Arabic font, and the quotes verbatim', async () => {
    const { dispatch, reportId } = await briefing('ar', 'arab');
    const { base64, fileName } = await call(dispatch, 'exportReport', { id: reportId, format: 'docx' });
    expect(fileName).toBe('انسحاب القوات الأمريكية من عين الأسد.docx');
    const zip = await JSZip.loadAsync(Buffer.from(base64!, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    // Every run's fonts by default: Noto Sans for Latin, Noto Naskh Arabic for complex script.
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/<w:docDefaults>[\s\S]*w:cs="Noto Naskh Arabic"[\s\S]*<\/w:docDefaults>/);
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
    const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&\w+;/g, (e) => entities[e] ?? e)).join('');
    const quote = paragraphs.find((p) => textOf(p).includes('الانسحاب بدأ بشكل مفاجئ'))!;
    expect(quote).toContain('<w:bidi/>');
    expect(quote).toMatch(/<w:rtl\/>/);
    expect(textOf(quote)).toContain('«الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا»');
    // Every paragraph of an Arabic report runs right to left, and the English quote is kept as written.
    expect(paragraphs.filter((p) => textOf(p) && !p.includes('<w:bidi/>')).map(textOf).filter((t) => !t.includes('the withdrawal from Ain al-Asad') && !t.includes('<script>') && !t.includes('troops'))).toEqual([]);
    expect(paragraphs.map(textOf)).toContain(`«${HOSTILE}» [٤]`);
    // Arabic wording, Arabic-Indic digits.
    expect(xml).toContain('الاحتمال: مرجح (٥٥–٨٠٪)');
    expect(xml).toContain('المصادر المستقلة: ٢');
  });

  it('writes a PDF whose text extracts in logical order, Arabic quotes intact, hostile text printed not obeyed', async () => {
    const { dispatch, reportId } = await briefing('ar');
    const { base64, mediaType } = await call(dispatch, 'exportReport', { id: reportId, format: 'pdf' });
    expect(mediaType).toBe('application/pdf');
    const file = join(tempDir(), 'report.pdf');
    writeFileSync(file, Buffer.from(base64!, 'base64'));
    // pdftotext marks direction with embedding controls; the words are what a reader copies.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
    const lines = text.split('\n');
    // poppler reads the lam-alef ligature's two letters the wrong way round (the PDF maps it to لا): the only change.
    const asPopplerReads = (quote: string) => quote.replace(/ل([اأإآ])/g, '$1ل');
    expect(lines.some((line) => line.startsWith(asPopplerReads('«إن انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل»')))).toBe(true);
    expect(text).toContain('About 2,500 troops remain in Iraq');
    expect(text).toContain('He said: <script>alert(1)</script> "><img src=x onerror=alert(1)> #let x = 1 *bold* $x$ ] \\ [link');
    expect(text).toContain(asPopplerReads('انسحاب القوات الأمريكية من عين الأسد'));
    expect(text).toContain('RESTRICTED');
  });

  it('follows each export as a background job', async () => {
    const { dispatch, reportId } = await briefing('en');
    await call(dispatch, 'exportReport', { id: reportId, format: 'html' });
    const [job] = await call(dispatch, 'listJobs', {});
    expect(job).toMatchObject({ kind: 'report', state: 'done', label: 'Ain al-Asad withdrawal (HTML)', done: 6, total: 6, result: { fileName: 'Ain al-Asad withdrawal.html' } });
  });
});

