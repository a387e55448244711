/**
 * Large files in browser mode: `POST /api/upload` streams a file's bytes to disk, and the calls
 * that take files (`importFiles`, `replaceArticleTextFromFile`, `importCodebook`) name it by its
 * upload id. The files are generated here, at test time.
 */
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, TOKEN_HEADER, UPLOAD_NAME_HEADER } from '../../electron/api/constants';
import { uploadsIn } from '../../electron/services/uploads';
import { startHttpServer, type RunningHttpServer } from '../../electron/transport/http-server';
import { tempApi, tempDir } from '../helpers';
import { wordReport } from '../large-files';

const MB = 1024 * 1024;
let server: RunningHttpServer;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = join(tempDir(), 'uploads');
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sanad</title>');
  server = await startHttpServer({ dispatch: tempApi({ uploadDir }).dispatch, rendererDir, uploads: uploadsIn(uploadDir) });
});
afterAll(() => server.close());

interface Answer {
  status: number;
  body: { ok: boolean; value?: Record<string, unknown> & { uploadId?: string }; error?: { code: string; key?: string; message: string } };
}

/** Sends a request whose body is written piece by piece (chunked when no length is given), as a browser streams a file. */
function send(path: string, headers: Record<string, string | number>, pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    void (async () => {
      for await (const piece of pieces) if (!req.write(piece)) await new Promise((done) => req.once('drain', done));
      req.end();
    })();
  });
}

const upload = (name: string, bytes: Buffer) =>
  send('/api/upload', { [TOKEN_HEADER]: server.token, [UPLOAD_NAME_HEADER]: encodeURIComponent(name), 'content-type': 'application/octet-stream', 'content-length': bytes.length }, [bytes]);

const call = (method: string, arg: unknown) =>
  send(`/api/${method}`, { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' }, [Buffer.from(JSON.stringify(arg))]);

const staged = () => readdirSync(uploadDir);

describe('uploads in browser mode', () => {
  it('receives a 66 MB file as raw bytes under its Arabic name, and imports it by upload id', async () => {
    const report = await wordReport('تقرير مصوّر عن ميناء الفاو', 66);
    expect(report.length).toBeGreaterThan(64 * MB);
    const name = 'تقرير الميناء.docx';
    const received = await upload(name, report);
    expect(received.status).toBe(200);
    expect(received.body).toEqual({ ok: true, value: { uploadId: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), name, bytes: report.length } });
    const uploadId = received.body.value!.uploadId!;
    // Kept for this user only until it is used.
    expect(statSync(join(uploadDir, uploadId)).mode & 0o777).toBe(0o600);
    expect(statSync(uploadDir).mode & 0o777).toBe(0o700);

    const imported = await call('importFiles', { files: [{ name, uploadId }] });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ ok: true, value: { imported: [{ file: name, title: 'تقرير مصوّر عن ميناء الفاو' }], failed: [] } });
    const article = await call('getArticle', { id: (imported.body.value!.imported as { id: number }[])[0]!.id });
    expect(article.body.value).toMatchObject({ sourceName: name, sourceFormat: 'docx' });
    // Used once, then removed.
    expect(existsSync(join(uploadDir, uploadId))).toBe(false);
    const again = await call('importFiles', { files: [{ name, uploadId }] });
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ code: 'NOT_FOUND', key: 'uploadNotFound', message: expect.stringContaining(name) });
  }, 60_000);

  it('stops a file past 200 MB with a 413 that names it and the limit, and keeps nothing of it', async () => {
    const piece = Buffer.alloc(MB, 0x61);
    const onDisk = () => staged().reduce((sum, name) => sum + statSync(join(uploadDir, name)).size, 0);
    const waitFor = async (what: () => boolean) => {
      for (let waited = 0; !what(); waited += 20) {
        if (waited > 20_000) throw new Error('waited 20 s');
        await new Promise((done) => setTimeout(done, 20));
      }
    };
    let writtenMidway = 0;
    // Streamed without a length, a megabyte at a time, as a client that does not know the size sends it.
    const answer = await send(
      '/api/upload',
      { [TOKEN_HEADER]: server.token, [UPLOAD_NAME_HEADER]: encodeURIComponent('أرشيف كامل.txt') },
      (async function* () {
        for (let i = 1; i <= MAX_FILE_BYTES / MB + 20; i++) {
          yield piece;
          // The bytes go to disk as they come, never all at once into memory…
          if (i === 100) await waitFor(() => (writtenMidway = onDisk()) >= 64 * MB);
          // …and past the limit, what was written is removed at once, while the sender is still sending.
          if (i === MAX_FILE_BYTES / MB + 2) await waitFor(() => staged().length === 0);
        }
      })(),
    );
    expect(writtenMidway).toBeGreaterThanOrEqual(64 * MB);
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', key: 'fileTooLarge' });
    expect(answer.body.error!.message).toBe('“أرشيف كامل.txt” is larger than 200 MB, the largest file Sanad takes in. Split it into smaller files.');
    expect(staged()).toEqual([]);
  }, 60_000);

  it('refuses a file that says it is over 200 MB before writing any of it', async () => {
    const piece = Buffer.alloc(MB);
    const answer = await send(
      '/api/upload',
      { [TOKEN_HEADER]: server.token, [UPLOAD_NAME_HEADER]: 'big.pdf', 'content-length': MAX_FILE_BYTES + MB },
      (async function* () {
        for (let i = 1; i <= MAX_FILE_BYTES / MB + 1; i++) {
          yield piece;
          if (i === 50) expect(staged()).toEqual([]);
        }
      })(),
    );
    expect(answer.status).toBe(413);
    expect(answer.body.error!.message).toContain('“big.pdf” is larger than 200 MB');
    expect(staged()).toEqual([]);
  }, 60_000);

  it('answers a JSON call over 64 MB with a 413 that gives the limit, rather than cutting the connection', async () => {
    const piece = Buffer.alloc(MB, 0x20);
    const answer = await send(
      '/api/importFiles',
      { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      (function* () {
        for (let i = 0; i < 65; i++) yield piece;
      })(),
    );
    expect(answer.status).toBe(413);
    expect(answer.body.error).toMatchObject({ key: 'tooLarge', message: 'Request larger than 64 MB; import fewer files at once.' });
  }, 30_000);

  it('refuses an unknown, malformed or missing upload id, and an upload without a name or token', async () => {
    const unknown = await call('importFiles', { files: [{ name: 'gone.txt', uploadId: 'A'.repeat(32) }] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error!.message).toBe('“gone.txt” is no longer waiting to be imported (an uploaded file is used once, and kept at most an hour). Choose the file again.');
    const malformed = await call('importFiles', { files: [{ name: 'x.txt', uploadId: '../../etc/passwd' }] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error!.message).toContain('files.0.uploadId: not an upload id');
    const neither = await call('importCodebook', { name: 'x.qdc' });
    expect(neither.status).toBe(400);
    expect(neither.body.error!.message).toContain('give the file as dataBase64 or as uploadId');
    const nameless = await send('/api/upload', { [TOKEN_HEADER]: server.token }, [Buffer.from('text')]);
    expect(nameless.status).toBe(400);
    expect(nameless.body.error!.key).toBe('uploadNameMissing');
    const tokenless = await send('/api/upload', { [UPLOAD_NAME_HEADER]: 'a.txt' }, [Buffer.from('text')]);
    expect(tokenless.status).toBe(401);
    expect(staged()).toEqual([]);
  });

  it('imports a bulk file and refuses, by name, an article longer than one article may hold', async () => {
    const rows = [
      { title: 'خبر أول', body: 'وصل الوفد إلى بغداد مساءً.' },
      { title: 'A very long report', body: 'news '.repeat(4_200_000) },
    ];
    const received = await upload('rows.jsonl', Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')));
    const result = await call('importFiles', { files: [{ name: 'rows.jsonl', uploadId: received.body.value!.uploadId }] });
    expect(result.body.value).toMatchObject({
      imported: [{ file: 'rows.jsonl, line 1', title: 'خبر أول' }],
      failed: [{ file: 'rows.jsonl, line 2', error: expect.stringMatching(/^the text is 21,000,000 characters long; an article holds at most 1,000,000: split it/) }],
    });
  }, 30_000);

  it('replaces an article’s text and imports a codebook from uploaded files', async () => {
    const first = await upload('note.txt', Buffer.from('مذكرة\nنص أول للمذكرة.'));
    const imported = await call('importFiles', { files: [{ name: 'note.txt', uploadId: first.body.value!.uploadId }] });
    const id = (imported.body.value!.imported as { id: number }[])[0]!.id;
    const newer = await upload('note-v2.txt', Buffer.from('مذكرة\nنص ثانٍ للمذكرة.'));
    const replaced = await call('replaceArticleTextFromFile', { id, name: 'note-v2.txt', uploadId: newer.body.value!.uploadId });
    expect(replaced.status).toBe(200);
    expect((await call('getArticle', { id })).body.value!.body).toBe('مذكرة\nنص ثانٍ للمذكرة.');

    const qdc = '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="c1d2e3f4-0000-4000-8000-000000000001" name="مصدر رسمي" isCodable="true" color="#112233"/></Codes></CodeBook>';
    const codebook = await upload('دليل.qdc', Buffer.from(qdc));
    const report = await call('importCodebook', { name: 'دليل.qdc', uploadId: codebook.body.value!.uploadId });
    expect(report.body).toMatchObject({ ok: true, value: { added: 1 } });
    expect(staged()).toEqual([]);
  });

  it('removes files an earlier run received and never used, once they are an hour old', async () => {
    const old = join(uploadDir, 'B'.repeat(32));
    const oldPiece = join(uploadDir, `${'C'.repeat(32)}.part`);
    const fresh = join(uploadDir, 'D'.repeat(32));
    const other = join(uploadDir, 'notes.txt');
    for (const path of [old, oldPiece, fresh, other]) writeFileSync(path, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const path of [old, oldPiece, other]) utimesSync(path, twoHoursAgo, twoHoursAgo);
    const another = await startHttpServer({ dispatch: tempApi({ uploadDir }).dispatch, rendererDir: tempDir(), uploads: uploadsIn(uploadDir) });
    await another.close();
    // Only what looks like Sanad's own received files is touched.
    expect(staged().sort()).toEqual(['D'.repeat(32), 'notes.txt']);
  });
});
