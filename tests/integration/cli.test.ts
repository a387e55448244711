/** The `sanad` command as a user runs it, from the built output. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
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
    expect(sanad(['export', '--format', 'csv', '--db', db]).stderr).toContain('--format w3c');
  });

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
