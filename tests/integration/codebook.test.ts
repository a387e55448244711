/** The hierarchical codebook: managing tags, and REFI-QDA exchange with other QDA tools. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Tag } from '../../electron/api/contract';
import { fixtureUpload, tempApi, callApi as call } from '../helpers';

async function codebook() {
  const api = tempApi();
  await call(api.dispatch, 'importFiles', { files: [fixtureUpload('ar-port-closure.txt')] });
  const tag = (name: string, extra: Record<string, unknown> = {}) => call(api.dispatch, 'createTag', { name, colour: '#aabbcc', ...extra });
  const annotate = (tagId: number, start: number) => call(api.dispatch, 'createAnnotation', { articleId: 1, start, end: start + 5, tagId, note: null });
  const tags = () => call(api.dispatch, 'listTags', {});
  const annotations = () => call(api.dispatch, 'listAnnotations', {});
  return { ...api, tag, annotate, tags, annotations };
}

describe('managing the codebook', () => {
  it('nests, renames, recolours, describes and gives tags a shortcut key, refusing cycles and clashes', async () => {
    const { dispatch, tag } = await codebook();
    const sources = await tag('المصادر');
    const anonymous = await tag('مصدر مجهول', { parentId: sources.id, description: 'مصادر لم تُسمَّ' });
    expect(anonymous).toMatchObject({ parentId: sources.id, description: 'مصادر لم تُسمَّ', guid: expect.stringMatching(/^[0-9A-F-]{36}$/) });
    expect(await call(dispatch, 'updateTag', { id: anonymous.id, name: 'مصدر غير مسمى', colour: '#112233', shortcut: 'm' })).toMatchObject({
      name: 'مصدر غير مسمى',
      colour: '#112233',
      shortcut: 'm',
    });
    expect(await dispatch('updateTag', { id: sources.id, parentId: anonymous.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('inside itself') } });
    expect(await dispatch('updateTag', { id: sources.id, name: 'Claim' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch('updateTag', { id: 1, shortcut: 'm' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('already applies') } });
  });

  it('merges one tag into another: its annotations and sub-tags move over', async () => {
    const { dispatch, tag, annotate, tags, annotations } = await codebook();
    const child = await tag('فرعي', { parentId: 2 });
    await annotate(2, 0);
    await call(dispatch, 'mergeTags', { sourceId: 2, targetId: 1 });
    expect((await annotations()).map((a) => a.tagName)).toEqual(['Claim']);
    expect((await tags()).find((t) => t.id === child.id)!.parentId).toBe(1);
    expect((await tags()).some((t) => t.id === 2)).toBe(false);
  });

  it('deletes a tag doing what the analyst chose with its annotations', async () => {
    const { dispatch, annotate, annotations } = await codebook();
    await annotate(1, 0);
    await annotate(2, 10);
    await annotate(3, 20);
    await call(dispatch, 'deleteTag', { id: 1, annotations: { action: 'untag' } });
    await call(dispatch, 'deleteTag', { id: 2, annotations: { action: 'delete' } });
    await call(dispatch, 'deleteTag', { id: 3, annotations: { action: 'move', toTagId: 4 } });
    expect((await annotations()).map((a) => [a.start, a.tagName]).sort()).toEqual([
      [0, null],
      [20, 'Place'],
    ]);
  });
});

describe('REFI-QDA exchange', () => {
  it('exports the codebook as .qdc XML with the hierarchy, colours and descriptions, and imports it back unchanged', async () => {
    const source = await codebook();
    await source.tag('مصدر مجهول & "مطلع"', { parentId: 2, description: 'وصف <خاص>' });
    const qdc = await call(source.dispatch, 'exportCodebook', {});
    expect(qdc).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"');
    expect(qdc).toContain('name="مصدر مجهول &amp; &quot;مطلع&quot;"');
    expect(qdc).toContain('<Description>وصف &lt;خاص&gt;</Description>');
    const target = tempApi();
    const report = await call(target.dispatch, 'importCodebook', { name: 'codebook.qdc', dataBase64: Buffer.from(qdc).toString('base64') });
    expect(report).toEqual({ added: 1, updated: 5 });
    const shape = (tags: Tag[]) => tags.map((t) => [t.name, t.colour, t.description, tags.find((p) => p.id === t.parentId)?.name ?? null]).sort();
    expect(shape(await call(target.dispatch, 'listTags', {}))).toEqual(shape(await source.tags()));
  });

  it('brings in the codebook of a .qdpx project written by another QDA tool, nested codes included', async () => {
    const { dispatch, tags } = await codebook();
    const zip = new JSZip();
    zip.file(
      'project.qde',
      `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="field study" origin="Another QDA tool">
  <CodeBook><Codes>
    <Code guid="{0B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9}" name="Actors" isCodable="true" color="#336699">
      <Description>Who acts</Description>
      <Code guid="1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8FA" name="Militias" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
</Project>`,
    );
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    expect(await call(dispatch, 'importCodebook', { name: 'study.qdpx', dataBase64: bytes.toString('base64') })).toEqual({ added: 2, updated: 0 });
    const all = await tags();
    const actors = all.find((t) => t.name === 'Actors')!;
    expect(actors).toMatchObject({ colour: '#336699', description: 'Who acts', guid: '0B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9' });
    expect(all.find((t) => t.name === 'Militias')!.parentId).toBe(actors.id);
    // Importing the same project again updates, never duplicates.
    expect(await call(dispatch, 'importCodebook', { name: 'study.qdpx', dataBase64: bytes.toString('base64') })).toEqual({ added: 0, updated: 2 });
  });

  it('says why a file is not a codebook', async () => {
    const { dispatch } = await codebook();
    const notQda = await new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'nodebuffer' });
    expect(await dispatch('importCodebook', { name: 'x.qdpx', dataBase64: notQda.toString('base64') })).toMatchObject({
      ok: false,
      error: { message: 'x.qdpx has no project.qde inside, so it is not a REFI-QDA project' },
    });
    expect(await dispatch('importCodebook', { name: 'y.qdc', dataBase64: Buffer.from('<html></html>').toString('base64') })).toMatchObject({
      ok: false,
      error: { message: 'y.qdc holds no <Codes>: it is not a REFI-QDA codebook' },
    });
  });

  it('gives each new tag a colour of its own, far from those the codebook already has', async () => {
    const { dispatch } = tempApi();
    const colours = [];
    for (const name of ['Rumour', 'Denial', 'Casualties', 'Troops']) colours.push((await call(dispatch, 'createTag', { name })).colour);
    expect(new Set(colours).size).toBe(4);
    const builtIn = (await call(dispatch, 'listTags', {})).slice(0, 5).map((t) => t.colour);
    const distance = (a: string, b: string) => Math.hypot(...[1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16)));
    for (const colour of colours) for (const other of builtIn) expect(distance(colour, other), `${colour} beside ${other}`).toBeGreaterThan(40);
  });

  it('reads a codebook that nests a code inside itself without making a tag its own ancestor', async () => {
    const { dispatch } = tempApi();
    const looped = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
  <Code guid="11111111-1111-4111-8111-111111111111" name="Loop" isCodable="true">
    <Code guid="22222222-2222-4222-8222-222222222222" name="Inner" isCodable="true">
      <Code guid="11111111-1111-4111-8111-111111111111" name="Loop" isCodable="true"/>
    </Code>
  </Code>
</Codes></CodeBook>`;
    await call(dispatch, 'importCodebook', { name: 'looped.qdc', dataBase64: Buffer.from(looped).toString('base64') });
    const tags = await call(dispatch, 'listTags', {});
    const loop = tags.find((t) => t.name === 'Loop')!;
    const inner = tags.find((t) => t.name === 'Inner')!;
    expect([loop.parentId, inner.parentId]).toEqual([null, loop.id]);
    // Moving a tag still answers (the walk up the tree ends).
    expect(await call(dispatch, 'updateTag', { id: 1, parentId: inner.id })).toMatchObject({ parentId: inner.id });
  });
});
