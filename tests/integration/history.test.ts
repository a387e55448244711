/** One history for every undoable change: steps, bulk actions, text edits with their re-anchoring, per-window undo, refusals. */
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod } from '../../electron/api/contract';
import { callApi as call, fixtureUpload, tempApi } from '../helpers';

async function withArticle() {
  const api = tempApi();
  await call(api.dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
  const article = await call(api.dispatch, 'getArticle', { id: 1 });
  const startOf = (quote: string) => [...article.body.slice(0, article.body.indexOf(quote))].length;
  /** Calls as one window (browser tab) of the app. */
  const as =
    (client: string) =>
    <M extends ApiMethod>(method: M, arg: ApiInput<M>) =>
      call(api.dispatch, method, arg, { client });
  const annotate = (quote: string, tagId: number, by = as('tab-a')) => by('createAnnotation', { articleId: 1, start: startOf(quote), end: startOf(quote) + [...quote].length, tagId });
  const annotations = () => call(api.dispatch, 'listAnnotations', { articleId: 1 });
  return { ...api, article, as, annotate, annotations };
}

describe('one history', () => {
  it('undoes a text edit together with the re-anchoring it caused, and redoes both', async () => {
    const { dispatch, article, annotate, annotations } = await withArticle();
    const created = await annotate('ميناء الفاو', 1);
    await call(dispatch, 'updateArticleText', { id: 1, body: `عاجل: ${article.body}` });
    expect((await annotations())[0]!.start).toBe(created.start + [...'عاجل: '].length);
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'text.edit', articleTitle: article.title });
    expect((await call(dispatch, 'getArticle', { id: 1 })).body).toBe(article.body);
    expect((await annotations())[0]).toMatchObject({ start: created.start, end: created.end, exact: 'ميناء الفاو' });
    // The search index follows the restored text.
    expect((await call(dispatch, 'searchArticles', { query: 'عاجل' })).hits).toEqual([]);
    await call(dispatch, 'redo', {});
    expect((await annotations())[0]!.start).toBe(created.start + [...'عاجل: '].length);
    expect((await call(dispatch, 'searchArticles', { query: 'عاجل' })).hits).toHaveLength(1);
  });

  it('refuses to undo over a later change, naming it, instead of writing stale offsets', async () => {
    const { article, as, annotate, annotations } = await withArticle();
    await annotate('ميناء الفاو', 1, as('tab-a'));
    await as('tab-b')('updateArticleText', { id: 1, body: `عاجل: ${article.body}` });
    // Tab B's text edit moved the passage since tab A tagged it: undoing the tagging now would act on stale data.
    await expect(as('tab-a')('undo', {})).rejects.toThrow(/CONFLICT: Cannot undo annotation\.create “ميناء الفاو”.*text\.edit.*changed it since; undo that first/);
    expect(await annotations()).toHaveLength(1);
  });

  it('undoes each window\'s own last step, not another window\'s', async () => {
    const { as, annotate, annotations } = await withArticle();
    await annotate('ميناء الفاو', 1, as('tab-a'));
    await annotate('اشتباكات', 2, as('tab-b'));
    expect(await as('tab-a')('undo', {})).toMatchObject({ quote: 'ميناء الفاو', articleId: 1 });
    expect((await annotations()).map((a) => a.exact)).toEqual(['اشتباكات']);
    expect(await as('tab-a')('undo', {})).toBeNull();
  });

  it('takes back a tag deleted with its passages, and redo deletes them again', async () => {
    const { dispatch, as, annotate, annotations } = await withArticle();
    const tag = await call(dispatch, 'createTag', { name: 'Ports', colour: '#336699' });
    await annotate('ميناء الفاو', tag.id, as('local'));
    await annotate('اشتباكات', tag.id, as('local'));
    await call(dispatch, 'deleteTag', { id: tag.id, annotations: { action: 'delete' } });
    expect(await annotations()).toEqual([]);
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'tag.delete', quote: 'Ports', detail: { passages: 2, action: 'delete' } });
    expect((await annotations()).map((a) => a.tagName)).toEqual(['Ports', 'Ports']);
    await call(dispatch, 'redo', {});
    expect(await annotations()).toEqual([]);
    expect((await call(dispatch, 'listTags', {})).map((t) => t.name)).not.toContain('Ports');
  });

  it('takes back a merge of two tags in one step', async () => {
    const { dispatch, as, annotate, annotations } = await withArticle();
    const ports = await call(dispatch, 'createTag', { name: 'Ports', colour: '#336699' });
    await annotate('ميناء الفاو', ports.id, as('local'));
    await call(dispatch, 'mergeTags', { sourceId: ports.id, targetId: 4 });
    expect((await annotations())[0]!.tagId).toBe(4);
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'tag.merge', quote: 'Ports' });
    expect((await annotations())[0]!.tagId).toBe(ports.id);
    const entries = await call(dispatch, 'listHistory', {});
    expect(entries.map((e) => [e.kind, e.state])).toEqual([
      ['tag.merge', 'undone'],
      ['annotation.create', 'done'],
      ['tag.create', 'done'],
    ]);
  });

  it('leaves on each row it touches who did it and when', async () => {
    const { store, annotate } = await withArticle();
    const created = await annotate('ميناء الفاو', 1);
    expect(store.prepare('SELECT created_by, changed_by, changed_at FROM annotations WHERE id = ?').get(created.id)).toEqual({
      created_by: 'local',
      changed_by: 'local',
      changed_at: expect.stringMatching(/^2026-01-01T00:00:\d\d\.000Z$/),
    });
    expect(store.prepare('SELECT created_by FROM articles WHERE id = 1').pluck().get()).toBe('local');
  });
});
