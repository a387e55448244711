/** Browser mode's HTTP transport: the token, the Host check, the static files and the API. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../electron/api/contract';
import { startHttpServer, type RunningHttpServer } from '../../electron/transport/http-server';
import { fixtureUpload, tempApi, tempDir } from '../helpers';

let server: RunningHttpServer;

beforeAll(async () => {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sanad</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startHttpServer({ dispatch: tempApi().dispatch, rendererDir });
});
afterAll(() => server.close());

/** A raw request, so tests can set any Host header. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, arg: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: server.token }) =>
  send({ method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(arg) });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL that carries the token in its fragment', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{20,}$`));
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Sanad</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toContain('text/javascript');
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await send({ path: '/../../../../etc/passwd' })).status).toBe(404);
    expect((await send({ path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
  });

  it('answers API calls that carry the token', async () => {
    const response = await api('importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { imported: [{ id: 1 }] } });
    const list = JSON.parse((await api('listArticles', {})).body);
    expect(list.value[0].title).toBe('إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية');
  });

  it('refuses API calls without the token, with a wrong one, or with the token in a cookie', async () => {
    const attempts: Record<string, string>[] = [{}, { [TOKEN_HEADER]: 'guess' }, { cookie: `${TOKEN_HEADER}=${server.token}` }];
    for (const headers of attempts) {
      const response = await api('listArticles', {}, headers);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses a request whose Host is not this server, even with the token (DNS rebinding)', async () => {
    const response = await api('listArticles', {}, { [TOKEN_HEADER]: server.token, host: `evil.example:${server.port}` });
    expect(response.status).toBe(403);
    expect((await send({ path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
  });

  it('answers an unknown method with 404 and bad JSON with 400, each with a message', async () => {
    const unknown = await api('eraseEverything', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.message).toContain('eraseEverything');
    const bad = await send({ method: 'POST', path: '/api/listArticles', headers: { [TOKEN_HEADER]: server.token }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('INVALID_ARGUMENT');
  });

  it('passes handler errors through as {ok:false} with the message, its key and parameters, and a 4xx status', async () => {
    const response = await api('getArticle', { id: 404 });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no article #404; it may have been deleted.', key: 'articleNotFound', params: { id: 404 } },
    });
    expect((await api('getArticle', { id: 'x' })).status).toBe(400);
    expect((await api('createTag', { name: 'Claim', colour: '#123456' })).status).toBe(409);
  });

  it('answers a broken address, deeply nested JSON and deeply nested queries with a 400 that says what is wrong', async () => {
    const broken = await send({ method: 'POST', path: '/api/%E0%A4%A', headers: { [TOKEN_HEADER]: server.token }, body: '{}' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body).error.key).toBe('badPath');
    expect((await send({ path: '/%E0%A4%A' })).status).toBe(400);
    const deep = await send({ method: 'POST', path: '/api/importWebAnnotations', headers: { [TOKEN_HEADER]: server.token }, body: `{"document":${'['.repeat(5000)}${']'.repeat(5000)}}` });
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body).error.message).toContain('nests deeper than 64 levels');
    const nested = await api('searchArticles', { query: `${'('.repeat(400)}ميناء${')'.repeat(400)}` });
    expect(nested.status).toBe(400);
    expect(JSON.parse(nested.body).error.message).toContain('Parentheses nest more than 16 deep');
  });
});
