/** One passage, several tags: applying, listing, filtering, searching, exchanging and undoing them. */
import { describe, expect, it } from 'vitest';
import { callApi as call, fixtureUpload, tempApi } from '../helpers';

async function taggedTwice() {
  const api = tempApi();
  await call(api.dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
  const body = (await call(api.dispatch, 'getArticle', { id: 1 })).body;
  const quote = 'ميناء الفاو';
  const start = [...body.slice(0, body.indexOf(quote))].length;
  const place = { articleId: 1, start, end: start + [...quote].length };
  const [claim, place_, actor] = await Promise.all(['ادعاء', 'مكان', 'طرف'].map((name, i) => call(api.dispatch, 'createTag', { name, colour: `#00${i}0aa` })));
  const first = await call(api.dispatch, 'createAnnotation', { ...place, tagId: claim!.id, note: null });
  const second = await call(api.dispatch, 'createAnnotation', { ...place, tagId: place_!.id, note: 'ملاحظة' });
  return { ...api, place, first, second, tags: { claim: claim!, place: place_!, actor: actor! } };
}

describe('several tags on one passage', () => {
  it('adds a second tag to the passage instead of making a second passage, and keeps both in order', async () => {
    const { dispatch, first, second, tags } = await taggedTwice();
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ tagIds: [tags.claim.id, tags.place.id], tagId: tags.claim.id, note: 'ملاحظة' });
    const [row] = await call(dispatch, 'listAnnotations', { articleId: 1 });
    expect(row!.tags.map((t) => t.name)).toEqual(['ادعاء', 'مكان']);
    // The same tag again changes nothing.
    expect((await call(dispatch, 'createAnnotation', { ...{ articleId: 1, start: first.start, end: first.end }, tagId: tags.claim.id, note: null })).tagIds).toHaveLength(2);
    expect(await call(dispatch, 'listAnnotations', { articleId: 1 })).toHaveLength(1);
  });

  it('sets, reorders and clears a passage\'s tags, and undoes one added tag alone', async () => {
    const { dispatch, first, tags } = await taggedTwice();
    expect((await call(dispatch, 'updateAnnotation', { id: first.id, tagIds: [tags.actor.id, tags.claim.id, tags.place.id] })).tagIds).toEqual([tags.claim.id, tags.place.id, tags.actor.id]);
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'listAnnotations', { articleId: 1 }))[0]!.tagIds).toEqual([tags.claim.id, tags.place.id]);
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'listAnnotations', { articleId: 1 }))[0]!.tagIds).toEqual([tags.claim.id]);
    expect((await call(dispatch, 'updateAnnotation', { id: first.id, tagId: null })).tagIds).toEqual([]);
    await expect(call(dispatch, 'updateAnnotation', { id: first.id, tagIds: [999] })).rejects.toThrow(/NOT_FOUND/);
  });

  it('shows every tag in the grid, and filters and searches by any of them', async () => {
    const { dispatch, tags } = await taggedTwice();
    const page = await call(dispatch, 'queryAnnotations', { startRow: 0, endRow: 10, withCount: true, filterModel: { tagName: { filterType: 'text', type: 'contains', filter: 'مكان' } } });
    expect(page.total).toBe(1);
    expect(page.rows[0]!.tags.map((t) => t.id)).toEqual([tags.claim.id, tags.place.id]);
    expect((await call(dispatch, 'searchArticles', { query: 'tag:مكان' })).hits).toHaveLength(1);
    expect((await call(dispatch, 'searchArticles', { query: 'tag:ادعاء' })).hits).toHaveLength(1);
    expect((await call(dispatch, 'searchArticles', { query: 'tag:طرف' })).hits).toHaveLength(0);
  });

  it('carries every tag through W3C export and import', async () => {
    const { dispatch } = await taggedTwice();
    const collection = await call(dispatch, 'exportWebAnnotations', {});
    expect(collection.first.items[0]!.body!.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(['ادعاء', 'مكان']);
    const target = tempApi();
    await call(target.dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
    expect(await call(target.dispatch, 'importWebAnnotations', { document: collection })).toMatchObject({ imported: 1, skipped: 0 });
    expect((await call(target.dispatch, 'listAnnotations', {}))[0]!.tags.map((t) => t.name)).toEqual(['ادعاء', 'مكان']);
    expect(await call(target.dispatch, 'importWebAnnotations', { document: collection })).toMatchObject({ imported: 0, skipped: 1 });
  });

  it('merges and deletes tags without losing the passage\'s other tags', async () => {
    const { dispatch, first, tags } = await taggedTwice();
    await call(dispatch, 'mergeTags', { sourceId: tags.claim.id, targetId: tags.place.id });
    expect((await call(dispatch, 'listAnnotations', {}))[0]!.tagIds).toEqual([tags.place.id]);
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'listAnnotations', {}))[0]!.tagIds).toEqual([tags.claim.id, tags.place.id]);
    await call(dispatch, 'deleteTag', { id: tags.claim.id, annotations: { action: 'delete' } });
    expect(await call(dispatch, 'listAnnotations', {})).toMatchObject([{ id: first.id, tagIds: [tags.place.id] }]);
    await call(dispatch, 'undo', {});
    expect((await call(dispatch, 'listAnnotations', {}))[0]!.tagIds).toEqual([tags.claim.id, tags.place.id]);
  });

  it('brings a deleted passage back without a tag another window deleted since', async () => {
    const { dispatch, first, tags } = await taggedTwice();
    await call(dispatch, 'deleteAnnotation', { id: first.id }, { client: 'tab-a' });
    await call(dispatch, 'deleteTag', { id: tags.claim.id, annotations: { action: 'untag' } }, { client: 'tab-b' });
    await call(dispatch, 'undo', {}, { client: 'tab-a' });
    expect(await call(dispatch, 'listAnnotations', {})).toMatchObject([{ id: first.id, tagIds: [tags.place.id], note: 'ملاحظة' }]);
  });

  it('counts passages per tag and per article for the group-by panel, and narrows the grid to one group', async () => {
    const { dispatch, tags } = await taggedTwice();
    await call(dispatch, 'createAnnotation', { articleId: 1, start: 0, end: 5, tagId: tags.claim.id, note: null });
    await call(dispatch, 'createAnnotation', { articleId: 1, start: 6, end: 11, tagId: null, note: 'بلا وسم' });
    expect(await call(dispatch, 'annotationGroups', { by: 'tag' })).toEqual({
      groups: [
        { id: tags.claim.id, name: 'ادعاء', colour: tags.claim.colour, count: 2 },
        { id: tags.place.id, name: 'مكان', colour: tags.place.colour, count: 1 },
        { id: null, name: '', colour: null, count: 1 },
      ],
      more: 0,
    });
    expect((await call(dispatch, 'annotationGroups', { by: 'article' })).groups).toMatchObject([{ id: 1, count: 3 }]);
    // Under the quick filter, only the passages it matches are counted.
    expect((await call(dispatch, 'annotationGroups', { by: 'tag', quickFilter: 'بلا' })).groups).toEqual([{ id: null, name: '', colour: null, count: 1 }]);
    const page = (tagId: number | null) => call(dispatch, 'queryAnnotations', { startRow: 0, endRow: 10, withCount: true, tagId });
    expect((await page(tags.claim.id)).total).toBe(2);
    expect((await page(null)).rows.map((r) => r.note)).toEqual(['بلا وسم']);
  });
});
