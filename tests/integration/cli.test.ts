/** The `sanad` command as a user runs it, from the built output. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const root = resolve(__dirname, '../..');
const fixture = (name: string) => join(root, 'tests/fixtures', name);

function sanad(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(root, 'electron/bin/sanad.cjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, XDG_DATA_HOME: tempDir(), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sanad CLI', () => {
  it('prints help listing its commands', () => {
    const { code, stdout } = sanad(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'import PATH...', 'list', 'search QUERY', '--db PATH']) expect(stdout).toContain(command);
  });

  it('imports files and reports each one as JSON, then lists them', () => {
    const db = join(tempDir(), 'cli.sqlite');
    const imported = sanad(['import', '--json', '--db', db, fixture('ar-port-closure.txt'), fixture('empty.txt'), join(tempDir(), 'missing.txt')]);
    expect(imported.code).toBe(1);
    const report = JSON.parse(imported.stdout);
    expect(report.imported).toEqual([{ id: 1, title: 'إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية' }]);
    expect(report.failed).toHaveLength(2);
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { file: fixture('empty.txt'), error: 'the file is empty' },
        { file: expect.stringContaining('missing.txt'), error: 'cannot read it: ENOENT' },
      ]),
    );
    const listed = sanad(['list', '--json', '--db', db]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: 1, language: 'ar', direction: 'rtl' }]);
  });

  it('prints a readable summary without --json', () => {
    const db = join(tempDir(), 'cli.sqlite');
    const { code, stdout } = sanad(['import', '--db', db, fixture('en-port-briefing.txt')]);
    expect(code).toBe(0);
    expect(stdout).toContain('1 imported, 0 skipped, 0 failed');
  });

  it('uses SANAD_DB when --db is not given', () => {
    const db = join(tempDir(), 'env.sqlite');
    sanad(['import', fixture('en-port-briefing.txt')], { SANAD_DB: db });
    const rows = new Database(db, { readonly: true }).prepare('SELECT title FROM articles').pluck().all();
    expect(rows).toEqual(['Faw port closed for three days after overnight clashes']);
  });

  it('exports annotations as W3C JSON to a file and imports them into another library', async () => {
    const db = join(tempDir(), 'cli.sqlite');
    sanad(['import', '--db', db, fixture('ar-port-closure.txt')]);
    const setup = new Database(db);
    setup.prepare(
      "INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (1, 0, 5, 'إغلاق', '', ' ميناء الفاو مؤقتًا بعد اشتباكات', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    ).run();
    setup.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 1)').run();
    setup.close();
    const file = join(tempDir(), 'export.json');
    const exported = sanad(['export', '--format', 'w3c', '--article', '1', '-o', file, '--db', db]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('wrote 1 annotations');
    const other = join(tempDir(), 'other.sqlite');
    sanad(['import', '--db', other, fixture('ar-port-closure.txt')]);
    const imported = sanad(['import-annotations', file, '--db', other]);
    expect(imported.stdout).toContain('1 imported, 0 already there, 0 failed');
    expect(sanad(['export', '--format', 'docx', '--db', db]).stderr).toContain('--format w3c|qdpx|acled|csv|xlsx ("docx" is not one Sanad writes)');
  });

  it('exports a REFI-QDA project, ACLED events and tables, and imports the project into another library', async () => {
    const db = join(tempDir(), 'cli.sqlite');
    sanad(['import', '--db', db, fixture('ar-port-closure.txt')]);
    const setup = new Database(db);
    setup.prepare(
      "INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, note, created_at, updated_at) VALUES (1, 0, 5, 'إغلاق', '', ' ميناء الفاو مؤقتًا بعد اشتباكات', 'ملاحظة <مهمة> & ]]>', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    ).run();
    setup.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 1), (1, 4)').run();
    setup.prepare("INSERT INTO events (title, event_type, date_from, date_to, date_precision, created_at, updated_at) VALUES ('إغلاق ميناء الفاو', 'Strategic developments', '2025-03-02', '2025-03-02', 'day', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run();
    setup.close();
    const qdpx = join(tempDir(), 'library.qdpx');
    const exported = sanad(['export', '--format', 'qdpx', '-o', qdpx, '--db', db]);
    expect(exported.stderr).toContain('wrote a REFI-QDA project of 1 sources, 5 codes, 2 codings and 1 notes');
    expect(exported.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(qdpx));
    const qde = join(tempDir(), 'project.qde');
    writeFileSync(qde, await zip.file('project.qde')!.async('string'));
    expect(spawnSync('xmllint', ['--noout', '--schema', fixture('refi-qda/Project-mrt2019.xsd'), qde]).status).toBe(0);
    // A binary format needs a file to go to.
    expect(sanad(['export', '--format', 'qdpx', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('name it with -o FILE') });

    const other = join(tempDir(), 'other.sqlite');
    const imported = sanad(['import-qdpx', qdpx, '--db', other]);
    expect(imported.stdout).toContain('1 articles imported (0 already in the library), 0 tags added and 5 updated, 1 annotations imported (0 already there), 0 failed');
    expect(imported.code).toBe(0);
    const annotations = JSON.parse(sanad(['list', '--json', '--db', other]).stdout);
    expect(annotations).toMatchObject([{ id: 1, title: 'إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية', language: 'ar' }]);
    expect(sanad(['import', qdpx, '--db', other])).toMatchObject({ code: 2, stderr: expect.stringContaining(`import it with: sanad import-qdpx ${qdpx}`) });
    const damaged = sanad(['import-qdpx', fixture('ar-port-closure.txt'), '--db', other]);
    expect(damaged).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a REFI-QDA project: it is not a readable zip archive') });

    const acled = sanad(['export', '--format', 'acled', '--db', db]);
    expect(acled.code).toBe(0);
    expect(parse(acled.stdout, { columns: true, bom: true })).toMatchObject([{ event_id_cnty: 'SANAD1', event_date: '2025-03-02', time_precision: '1', event_type: 'Strategic developments' }]);
    const claims = sanad(['export', '--format', 'csv', '--db', db]);
    expect(claims.stdout.split('\n')[0]).toBe('\uFEFFid,quote,statement,article,outlet,chain,origin,reliability,credibility,grade,stance,reported_from,reported_to,date_precision,place,figures,events,independent_sources,contested,tags,needs_review');
    const annotationsCsv = parse(sanad(['export', '--format', 'csv', '--table', 'annotations', '--db', db]).stdout, { columns: true, bom: true });
    expect(annotationsCsv).toMatchObject([{ quote: 'إغلاق', tags: 'Claim; Place', note: 'ملاحظة <مهمة> & ]]>' }]);
    const xlsx = join(tempDir(), 'entities.xlsx');
    expect(sanad(['export', '--format', 'xlsx', '--table', 'entities', '-o', xlsx, '--db', db])).toMatchObject({ code: 0, stderr: expect.stringContaining('wrote 0 entities') });
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(sanad(['export', '--format', 'csv', '--table', 'sources', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('--table takes claims, annotations, entities') });
    // A dozen launches of the CLI, each opening the store: more than the default 20 s on a loaded machine.
  }, 120_000);

  it('explains an unknown command and a database from a newer Sanad', () => {
    expect(sanad(['frobnicate']).stderr).toContain('unknown command "frobnicate"');
    const db = join(tempDir(), 'future.sqlite');
    const future = new Database(db);
    future.pragma('user_version = 999');
    future.close();
    const { code, stderr } = sanad(['list', '--db', db]);
    expect(code).toBe(1);
    expect(stderr).toContain('newer version of Sanad');
  });
});

describe('sanad claims and events', () => {
  it('prints claims with their chain, origin, reliability and credibility, writes them as CSV, and lists events', async () => {
    const { tempApi, callApi, fixtureUpload } = await import('../helpers');
    const api = tempApi();
    await callApi(api.dispatch, 'importFiles', { files: [fixtureUpload('withdrawal-reports.json')] });
    const shafaq = (await callApi(api.dispatch, 'listArticles', {})).find((a) => a.outlet === 'شفق نيوز')!;
    const event = await callApi(api.dispatch, 'createEvent', { title: 'انسحاب من عين الأسد' });
    const claim = await callApi(api.dispatch, 'createClaim', {
      articleId: shafaq.id,
      start: 0,
      end: 26,
      chain: [{ entityId: null, name: 'رويترز', role: 'agency' }],
      credibility: 2,
      eventId: event.id,
    });
    await callApi(api.dispatch, 'updateEntity', { id: claim.origin!.entityId, reliability: 'B' });
    const listed = sanad(['claims', '--json', '--db', api.path]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: claim.id, chain: [{ name: 'رويترز' }], origin: { name: 'رويترز' }, reliability: 'B', credibility: 2, grade: 'B2' }]);
    expect(JSON.parse(sanad(['claims', '--json', '--event', String(event.id), '--db', api.path]).stdout)).toHaveLength(1);
    expect(JSON.parse(sanad(['claims', '--json', '--filter', 'غير موجود', '--db', api.path]).stdout)).toEqual([]);
    const csv = join(tempDir(), 'claims.csv');
    expect(sanad(['claims', '--csv', csv, '--db', api.path]).stderr).toContain('wrote 1 claims');
    const text = (await import('node:fs')).readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFid,quote,statement,article,outlet,chain,origin,reliability,credibility,grade')).toBe(true);
    expect(text).toContain('شفق نيوز → رويترز');
    expect(JSON.parse(sanad(['events', '--json', '--db', api.path]).stdout)).toMatchObject([{ id: event.id, independentSources: 1, contested: false }]);
    expect(sanad(['claims', '--event', 'x', '--db', api.path]).code).toBe(2);
  });
});
