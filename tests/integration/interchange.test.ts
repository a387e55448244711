/** Interchange: the library as a REFI-QDA project and back, events as ACLED's CSV, annotations and entities as tables. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../electron/api/handlers';
import { callApi as call, fixtureBytes, fixtureUpload, tempApi, tempDir } from '../helpers';

const SCHEMA = join(__dirname, '../fixtures/refi-qda/Project-mrt2019.xsd');
/** A note and a tag name holding what XML must escape, and a marker that would end a CDATA section. */
const HOSTILE_NOTE = 'قال المصدر: <b>"لا"</b> & ]]> — see <script>alert(1)</script> (RLO:\u202Eevil\u202C)';
const HOSTILE_TAG = 'Ports <& "harbours"> ]]>';
/** Tags every new library starts with (Claim, Source, Date, Place, Number). */
const BUILT_IN_TAGS = 5;

/** A library with Arabic and English articles, a nested codebook and passages carrying several tags and notes. */
async function library() {
  const api = tempApi();
  const { dispatch } = api;
  await call(dispatch, 'importFiles', { files: [fixtureUpload('withdrawal-reports.json'), fixtureUpload('bidi-title.txt')] });
  const articles = await call(dispatch, 'listArticles', {});
  const spanOf = async (outlet: string, quote: string) => {
    const articleId = articles.find((a) => a.outlet === outlet)!.id;
    const body = (await call(dispatch, 'getArticle', { id: articleId })).body;
    const start = [...body.slice(0, body.indexOf(quote))].length;
    return { articleId, start, end: start + [...quote].length };
  };
  const parent = await call(dispatch, 'createTag', { name: 'الانسحاب', colour: '#112233', description: 'كل ما يخص <الانسحاب> & ]]>' });
  const child = await call(dispatch, 'createTag', { name: HOSTILE_TAG, colour: '#aabbcc', parentId: parent.id });
  await call(dispatch, 'createAnnotation', { ...(await spanOf('شفق نيوز', 'بدأت القوات الأمريكية انسحابها')), tagIds: [parent.id, child.id, 1], note: HOSTILE_NOTE });
  await call(dispatch, 'createAnnotation', { ...(await spanOf('Example Wire', 'had not been completed')), tagIds: [child.id], note: null });
  await call(dispatch, 'createAnnotation', { ...(await spanOf('كردستان 24', 'اكتمل')), tagIds: [], note: 'ملاحظة فقط' });
  return { ...api, spanOf };
}

/** The library as the analyst sees it: articles with their text, tags in their tree, passages with tags and notes. */
async function snapshot(dispatch: Dispatch) {
  const tags = await call(dispatch, 'listTags', {});
  const tagName = (id: number | null) => tags.find((t) => t.id === id)?.name ?? null;
  const articles = await call(dispatch, 'listArticles', {});
  return {
    articles: await Promise.all(
      articles
        .toSorted((a, b) => a.title.localeCompare(b.title))
        .map(async ({ id, title, outlet, author, url, published, language, direction }) => ({ title, outlet, author, url, published, language, direction, body: (await call(dispatch, 'getArticle', { id })).body })),
    ),
    // A tag the library already had (the built-in ones) keeps its own GUID; the others take the project's.
    tags: tags.map(({ id, name, colour, description, guid, parentId }) => ({ name, colour, description, guid: id > BUILT_IN_TAGS ? guid : 'built-in', parent: tagName(parentId) })).toSorted((a, b) => a.name.localeCompare(b.name)),
    annotations: (await call(dispatch, 'listAnnotations', {}))
      .map(({ articleTitle, start, end, exact, note, tags: passageTags }) => ({ articleTitle, start, end, exact, note, tags: passageTags.map((t) => t.name) }))
      .toSorted((a, b) => a.exact.localeCompare(b.exact)),
  };
}

async function exportQdpx(dispatch: Dispatch) {
  const file = await call(dispatch, 'exportProject', {});
  const bytes = Buffer.from(file.base64, 'base64');
  return { file, bytes, zip: await JSZip.loadAsync(bytes) };
}

/** xmllint's verdict on a project.qde against the REFI-QDA schema (the project's own copy). */
function validate(xml: string) {
  const path = join(tempDir(), 'project.qde');
  writeFileSync(path, xml);
  return spawnSync('xmllint', ['--noout', '--schema', SCHEMA, path], { encoding: 'utf8' });
}

describe('REFI-QDA project export', () => {
  it('writes a .qdpx whose project.qde validates against the REFI-QDA schema, with every tag of a passage as a coding', async () => {
    const { dispatch } = await library();
    const { file, zip } = await exportQdpx(dispatch);
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^sanad-project-\d{4}-\d{2}-\d{2}\.qdpx$/), rows: 5, codings: 4, notes: 2 });
    const xml = await zip.file('project.qde')!.async('string');
    const verdict = validate(xml);
    expect(verdict.stderr).toContain('validates');
    expect(verdict.status).toBe(0);
    // The hostile note and tag name are escaped, not interpreted: no <script> element, no CDATA end.
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    expect(xml).toContain('Ports &lt;&amp; &quot;harbours&quot;&gt; ]]&gt;');
    // Each article is a UTF-8 text file of its own, named by the source; selections count code points in it.
    const sources = [...xml.matchAll(/<TextSource guid="([^"]+)" name="([^"]*)" plainTextPath="internal:\/\/([^"]+)"/g)];
    expect(sources).toHaveLength(5);
    const shafaq = sources.find(([, , name]) => name === 'بدء انسحاب القوات الأمريكية من عين الأسد')!;
    const text = await zip.file(`sources/${shafaq[3]}`)!.async('string');
    const selection = /<TextSource guid="[^"]+" name="بدء انسحاب[^]*?<PlainTextSelection [^>]*startPosition="(\d+)" endPosition="(\d+)"[^]*?<\/PlainTextSelection>/.exec(xml)!;
    expect([...text].slice(Number(selection[1]), Number(selection[2])).join('')).toBe('بدأت القوات الأمريكية انسحابها');
    expect(selection[0].match(/<Coding /g)).toHaveLength(3);
    expect(selection[0]).toContain('<NoteRef ');
  });

  it('re-imports without loss into a fresh library: the same articles, tags and annotations', async () => {
    const { dispatch } = await library();
    const before = await snapshot(dispatch);
    const { bytes } = await exportQdpx(dispatch);
    const fresh = tempApi();
    const report = await call(fresh.dispatch, 'importProject', { name: 'library.qdpx', dataBase64: bytes.toString('base64') });
    expect(report).toEqual({ articles: 5, existing: 0, codes: { added: 2, updated: 5 }, annotations: 3, skipped: 0, failed: [] });
    expect(await snapshot(fresh.dispatch)).toEqual(before);
    // Imported again, nothing is doubled.
    expect(await call(fresh.dispatch, 'importProject', { name: 'library.qdpx', dataBase64: bytes.toString('base64') })).toMatchObject({ articles: 0, existing: 5, annotations: 0, skipped: 3 });
    expect(await snapshot(fresh.dispatch)).toEqual(before);
  });

  it('writes a project that validates from an empty library too', async () => {
    const { dispatch } = tempApi();
    const { zip } = await exportQdpx(dispatch);
    expect(validate(await zip.file('project.qde')!.async('string')).status).toBe(0);
  });
});

describe('REFI-QDA project import', () => {
  const otherTool = () => ({ name: 'port-study.qdpx', dataBase64: fixtureBytes('refi-qda/other-tool-project.qdpx').toString('base64') });

  it('brings in the sources, codes and codings of a project another tool wrote, naming what cannot come across', async () => {
    const { dispatch } = tempApi();
    const report = await call(dispatch, 'importProject', otherTool());
    expect(report).toMatchObject({ articles: 2, existing: 0, codes: { added: 3, updated: 0 }, annotations: 3, skipped: 0 });
    expect(report.failed).toEqual([
      { item: 'selection 10–5000 of source "Faw port <briefing> & notes"', error: expect.stringContaining('outside the source\'s text of 83 characters') },
      { item: 'source "scan.pdf"', error: 'it is a pdf source; Sanad imports text sources' },
    ]);
    const { articles, tags, annotations } = await snapshot(dispatch);
    expect(articles.map((a) => [a.title, a.language, a.direction])).toEqual([
      ['Faw port <briefing> & notes', 'en', 'ltr'],
      ['بيان السلطات', 'ar', 'rtl'],
    ]);
    expect(tags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Infrastructure', colour: '#FF8000', parent: null }),
        expect.objectContaining({ name: 'Ports & harbours', colour: '#00A0FF', parent: 'Infrastructure' }),
        expect.objectContaining({ name: 'مصدر رسمي', guid: '086AC733-7B1C-4749-A138-D7182F63A5C9', parent: null }),
      ]),
    );
    // The text had CRLF line ends and a ship emoji (two UTF-16 units, one code point) before the passage: it still lands on its words.
    expect(annotations).toEqual([
      { articleTitle: 'Faw port <briefing> & notes', start: 0, end: 15, exact: 'Faw port closed', note: null, tags: ['Infrastructure'] },
      { articleTitle: 'Faw port <briefing> & notes', start: 48, end: 79, exact: 'the port would reopen on Sunday', note: 'Check against INA: "reopen" < 3 days & the ]]> marker', tags: ['Ports & harbours', 'مصدر رسمي'] },
      { articleTitle: 'بيان السلطات', start: 14, end: 31, exact: 'إغلاق ميناء الفاو', note: 'البيان الرسمي الأول', tags: ['مصدر رسمي'] },
    ]);
  });

  it('is one step: undo takes the whole import back', async () => {
    const { dispatch } = tempApi();
    await call(dispatch, 'importProject', otherTool());
    const entry = await call(dispatch, 'undo', {});
    expect(entry).toMatchObject({ kind: 'project.import', quote: 'port-study.qdpx' });
    expect(await call(dispatch, 'listArticles', {})).toEqual([]);
    expect(await call(dispatch, 'listAnnotations', {})).toEqual([]);
  });

  it('refuses a damaged file with the reason and changes nothing', async () => {
    const { dispatch } = tempApi();
    const refused = async (name: string, bytes: Buffer) => {
      const result = await dispatch('importProject', { name, dataBase64: bytes.toString('base64') });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      return (result as { error: { message: string } }).error.message;
    };
    expect(await refused('notes.qdpx', Buffer.from('just some text, not a zip'))).toContain('notes.qdpx is not a REFI-QDA project: it is not a readable zip archive');
    const empty = new JSZip();
    empty.file('readme.txt', 'hello');
    expect(await refused('empty.qdpx', await empty.generateAsync({ type: 'nodebuffer' }))).toBe('empty.qdpx has no project.qde inside, so it is not a REFI-QDA project');
    const original = await JSZip.loadAsync(fixtureBytes('refi-qda/other-tool-project.qdpx'));
    const xml = await original.file('project.qde')!.async('string');
    original.file('project.qde', xml.slice(0, xml.indexOf('</Sources>')));
    expect(await refused('cut.qdpx', await original.generateAsync({ type: 'nodebuffer' }))).toMatch(/^cut\.qdpx: project\.qde is not well-formed XML \(line \d+, column \d+: /);
    expect(await call(dispatch, 'listArticles', {})).toEqual([]);
    expect(await call(dispatch, 'listTags', {})).toHaveLength(5);
  });

  it('leaves out a source whose text would unpack to more than an article holds, reading no more of it than that', async () => {
    const { dispatch } = tempApi();
    const zip = await JSZip.loadAsync(fixtureBytes('refi-qda/other-tool-project.qdpx'));
    zip.file('sources/5B0A7B62-3B0B-4B8E-9E1C-6A3F7E2D9C10.txt', ' '.repeat(5 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(50_000);
    const report = await call(dispatch, 'importProject', { name: 'bomb.qdpx', dataBase64: bomb.toString('base64') });
    expect(report).toMatchObject({ articles: 1, annotations: 1 });
    expect(report.failed).toContainEqual({ item: 'source "Faw port <briefing> & notes"', error: expect.stringContaining('unpacks to more than 4,000,000 bytes') });
  });

  it('imports the rest when a source\'s text is missing from the archive', async () => {
    const { dispatch } = tempApi();
    const zip = await JSZip.loadAsync(fixtureBytes('refi-qda/other-tool-project.qdpx'));
    zip.remove('sources/5B0A7B62-3B0B-4B8E-9E1C-6A3F7E2D9C10.txt');
    const report = await call(dispatch, 'importProject', { name: 'partial.qdpx', dataBase64: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') });
    expect(report).toMatchObject({ articles: 1, annotations: 1 });
    expect(report.failed).toContainEqual({
      item: 'source "Faw port <briefing> & notes"',
      error: 'its text internal://5B0A7B62-3B0B-4B8E-9E1C-6A3F7E2D9C10.txt is missing from the archive',
    });
  });
});

describe('events as ACLED CSV', () => {
  it('writes one row per event with ACLED\'s columns, its sources, the contested reasons and the most conservative fatalities', async () => {
    const { dispatch, spanOf } = await library();
    const place = await call(dispatch, 'createEntity', { kind: 'place', name: 'قاعدة عين الأسد' });
    const army = await call(dispatch, 'createEntity', { kind: 'organisation', name: 'القوات الأمريكية' });
    const ministry = await call(dispatch, 'createEntity', { kind: 'organisation', name: 'Iraqi Ministry of Defence' });
    const event = await call(dispatch, 'createEvent', {
      title: 'انسحاب القوات الأمريكية من عين الأسد',
      eventType: 'Strategic developments',
      subEventType: 'Headquarters or base established',
      date: { from: '2025-08-24' },
      placeId: place.id,
      actorIds: [army.id, ministry.id],
      description: 'Withdrawal, "phase one", begins',
    });
    const viaReuters = [{ entityId: null, name: 'رويترز', role: 'agency' as const }];
    await call(dispatch, 'createClaim', { ...(await spanOf('شفق نيوز', 'الانسحاب بدأ بشكل مفاجئ')), chain: viaReuters, eventId: event.id, figures: [{ value: 3, unit: null, counted: 'killed' }] });
    await call(dispatch, 'createClaim', { ...(await spanOf('السومرية', 'بدأت الانسحاب من قاعدة عين الأسد')), chain: viaReuters, eventId: event.id, figures: [{ value: 2, unit: null, counted: 'قتلى' }] });
    const denial = await call(dispatch, 'createClaim', { ...(await spanOf('Example Wire', 'had not been completed')), chain: [{ entityId: ministry.id }], stance: 'denies' });
    await call(dispatch, 'linkClaim', { claimId: denial.id, eventId: event.id, relation: 'contradicts' });
    await call(dispatch, 'createEvent', { title: 'اتفاق الانسحاب', date: { from: '2024-09-01', to: '2024-09-30', precision: 'month' } });
    await call(dispatch, 'createEvent', { title: 'اشتباكات في الفاو', date: { from: '2025-03-02', to: '2025-03-04' } });

    const file = await call(dispatch, 'exportAcledEvents', {});
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(file.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      event_id_cnty: `SANAD${event.id}`,
      event_date: '2025-08-24',
      year: '2025',
      time_precision: '1',
      event_type: 'Strategic developments',
      sub_event_type: 'Headquarters or base established',
      actor1: 'القوات الأمريكية',
      actor2: 'Iraqi Ministry of Defence',
      country: '',
      admin1: '',
      location: 'قاعدة عين الأسد',
      latitude: '',
      longitude: '',
      source: 'شفق نيوز; رويترز; السومرية',
      source_scale: '',
      notes: `Withdrawal, "phase one", begins | Contested: claims #${denial.id} contradict it`,
      fatalities: '2',
      tags: 'Claim',
    });
    // Known only to the month: ACLED's precision 3, dated in the middle of the month.
    expect(rows[1]).toMatchObject({ event_date: '2024-09-15', year: '2024', time_precision: '3', event_type: '', fatalities: '0', source: '' });
    // Known to within a few days: ACLED's precision 2 (the week), dated in the middle.
    expect(rows[2]).toMatchObject({ event_date: '2025-03-03', time_precision: '2' });
  });
});

describe('annotations and entities as tables', () => {
  it('writes every annotation as CSV with its tags and note, and as a right-to-left XLSX workbook', async () => {
    const { dispatch } = await library();
    const csv = await call(dispatch, 'exportTable', { table: 'annotations', format: 'csv' });
    expect(csv.fileName).toMatch(/^sanad-annotations-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(csv.text!, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.quote === 'بدأت القوات الأمريكية انسحابها')).toMatchObject({ tags: `الانسحاب; ${HOSTILE_TAG}; Claim`, note: expect.stringContaining('<script>alert(1)</script>') });
    const xlsx = await call(dispatch, 'exportTable', { table: 'annotations', format: 'xlsx', rightToLeft: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64!, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('annotations')!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getRow(1).values).toContain('note');
    expect(sheet.rowCount).toBe(4);
  });

  it('writes the entities with their aliases and, as sources, their reliability', async () => {
    const { dispatch } = await library();
    const entity = await call(dispatch, 'createEntity', { kind: 'organisation', name: 'رويترز', aliases: ['Reuters'] });
    await call(dispatch, 'updateEntity', { id: entity.id, role: 'agency', reliability: 'B', reliabilityNote: 'Usually reliable' });
    const csv = await call(dispatch, 'exportTable', { table: 'entities', format: 'csv' });
    const rows = parse(csv.text!, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((r) => r.name === 'رويترز')).toMatchObject({ kind: 'organisation', aliases: 'رويترز; Reuters', source_role: 'agency', reliability: 'B', reliability_note: 'Usually reliable' });
  });
});
