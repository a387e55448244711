/** `sanad report` as a user runs it, from the built output: a saved report written as each format. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi as call, fixtureUpload, tempApi, tempDir } from '../helpers';

const root = resolve(__dirname, '../..');

function sanad(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'electron/bin/sanad.cjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, XDG_DATA_HOME: tempDir() } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A library with one report quoting an Arabic claim, closed so the CLI opens it. */
async function libraryWithReport() {
  const { dispatch, store, path } = tempApi();
  await call(dispatch, 'importFiles', { files: [fixtureUpload('withdrawal-reports.json')] });
  const body = (await call(dispatch, 'getArticle', { id: 1 })).body;
  const quote = 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا';
  const start = [...body.slice(0, body.indexOf(quote))].length;
  const claim = await call(dispatch, 'createClaim', { articleId: 1, start, end: start + [...quote].length, chain: [{ entityId: null, name: 'رويترز', role: 'agency' }] });
  const report = await call(dispatch, 'createReport', { title: 'Ain al-Asad withdrawal', claimIds: [claim.id] });
  store.close();
  return { db: path, reportId: report.id, quote };
}

describe('sanad report', () => {
  it('writes a saved report as HTML, Markdown, DOCX and PDF', async () => {
    const { db, reportId, quote } = await libraryWithReport();
    const dir = tempDir();
    for (const format of ['html', 'md', 'docx', 'pdf']) {
      const file = join(dir, `report.${format}`);
      const { code, stderr } = sanad(['report', '--report', String(reportId), '--format', format, '-o', file, '--db', db]);
      expect(code, stderr).toBe(0);
      expect(stderr).toContain(`wrote report #${reportId} to ${file}`);
    }
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain(quote);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain(`> «${quote}»`);
    expect(readFileSync(join(dir, 'report.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // Without -o, HTML goes to standard output.
    expect(sanad(['report', '--report', String(reportId), '--format', 'html', '--db', db]).stdout).toContain('<!doctype html>');
  });

  it('explains what is missing or wrong', async () => {
    const { db, reportId } = await libraryWithReport();
    expect(sanad(['report', '--format', 'pdf', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('--report ID') });
    expect(sanad(['report', '--report', String(reportId), '--format', 'odt', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('"odt" is not one Sanad writes') });
    expect(sanad(['report', '--report', String(reportId), '--format', 'pdf', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('needs -o FILE') });
    expect(sanad(['report', '--report', '99', '--format', 'md', '--db', db])).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no report #99') });
    expect(sanad(['--help']).stdout).toContain('report --report ID');
  });
});
