/** Entities: aliases in any script found across articles, suggestions reviewed and undone. */
import { describe, expect, it } from 'vitest';
import { tempApi, callApi as call } from '../helpers';

const ARTICLES = [
  'انسحاب من عين الأسد\nغادرت القوات قاعدة عين الاسد في الأنبار، وقال مسؤول إن آخر رتل خرج من عين الأسد فجرًا.',
  'Leaving Ain al-Asad\nThe last convoy left Ain al-Asad air base in Anbar at dawn, an official said.',
  'خبر آخر\nاجتماع في بغداد لبحث الموازنة العامة للعام المقبل.',
];

async function library() {
  const api = tempApi();
  await call(api.dispatch, 'importFiles', {
    files: ARTICLES.map((text, i) => ({ name: `${i}.txt`, dataBase64: Buffer.from(text).toString('base64') })),
  });
  return api;
}

describe('entities', () => {
  it('finds every spelling of its aliases, with clitics and in both scripts, as suggestions', async () => {
    const { dispatch } = await library();
    const entity = await call(dispatch, 'createEntity', { kind: 'place', name: 'عين الأسد', aliases: ['Ain al-Asad'] });
    expect(entity).toMatchObject({ kind: 'place', aliases: ['عين الأسد', 'Ain al-Asad'], accepted: 0, suggested: 5 });
    const mentions = await call(dispatch, 'listMentions', { entityId: entity.id });
    expect(mentions.map((m) => [m.articleId, m.exact])).toEqual([
      [1, 'عين الأسد'],
      [1, 'عين الاسد'],
      [1, 'عين الأسد'],
      [2, 'Ain al-Asad'],
      [2, 'Ain al-Asad'],
    ]);
    const body = (await call(dispatch, 'getArticle', { id: 1 })).body;
    for (const m of mentions.filter((m) => m.articleId === 1)) expect([...body].slice(m.start, m.end).join('')).toBe(m.exact);
  });

  it('accepts and rejects suggestions one by one or all at once, and undo takes back a whole review at once', async () => {
    const { dispatch } = await library();
    const entity = await call(dispatch, 'createEntity', { kind: 'place', name: 'عين الأسد', aliases: [] });
    const [first, ...rest] = await call(dispatch, 'listMentions', { entityId: entity.id });
    await call(dispatch, 'reviewMentions', { ids: [first!.id], status: 'rejected' });
    expect(await call(dispatch, 'reviewMentions', { ids: rest.map((m) => m.id), status: 'accepted' })).toEqual({ changed: 2 });
    expect(await call(dispatch, 'listEntities', {})).toMatchObject([{ accepted: 2, suggested: 0 }]);
    // "Accept all" was one step: one undo takes back both acceptances.
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'mention.review', quote: 'عين الأسد', detail: { status: 'accepted', count: 2 } });
    expect(await call(dispatch, 'listEntities', {})).toMatchObject([{ accepted: 0, suggested: 2 }]);
  });

  it('marks a selection as a new entity, adds it as an alias, and finds it in articles imported later', async () => {
    const { dispatch } = await library();
    const body = (await call(dispatch, 'getArticle', { id: 3 })).body;
    const start = [...body.slice(0, body.indexOf('بغداد'))].length;
    const mention = await call(dispatch, 'markEntity', { articleId: 3, start, end: start + 5, newEntity: { kind: 'place', name: 'بغداد' } });
    expect(mention).toMatchObject({ exact: 'بغداد', status: 'accepted', entityName: 'بغداد' });
    await call(dispatch, 'importFiles', { files: [{ name: 'later.txt', dataBase64: Buffer.from('زيارة\nوصل الوفد إلى بغداد مساءً.').toString('base64') }] });
    expect(await call(dispatch, 'listMentions', { articleId: 4 })).toMatchObject([{ exact: 'بغداد', status: 'suggested' }]);
    expect(await dispatch('createEntity', { kind: 'place', name: 'بغداد', aliases: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('moves mentions with an edited text, keeps decisions, and never suggests a place again that has a mention', async () => {
    const { dispatch } = await library();
    const entity = await call(dispatch, 'createEntity', { kind: 'place', name: 'عين الأسد', aliases: [] });
    const [first, second] = await call(dispatch, 'listMentions', { entityId: entity.id });
    await call(dispatch, 'reviewMentions', { ids: [first!.id], status: 'accepted' });
    await call(dispatch, 'reviewMentions', { ids: [second!.id], status: 'rejected' });
    // Words added at the start move every mention; the third place is rewritten away.
    const edited = 'عاجل: انسحاب من عين الأسد\nغادرت القوات قاعدة عين الاسد في الأنبار، وقال مسؤول إن آخر رتل خرج من القاعدة فجرًا.';
    const report = await call(dispatch, 'updateArticleText', { id: 1, body: edited });
    expect(report.mentions).toEqual({ moved: 2, needReview: 0, dropped: 1 });
    const after = await call(dispatch, 'listMentions', { articleId: 1 });
    const all = [...after, ...(await call(dispatch, 'listMentions', { articleId: 1, status: 'rejected' }))];
    const chars = [...edited];
    for (const m of all) expect(chars.slice(m.start, m.end).join('')).toBe(m.exact);
    expect(all.map((m) => [m.id, m.status]).sort()).toEqual([[first!.id, 'accepted'], [second!.id, 'rejected']].sort());
  });

  it('sends a decided mention whose text is gone to review, keeping its decision', async () => {
    const { dispatch } = await library();
    const entity = await call(dispatch, 'createEntity', { kind: 'place', name: 'Ain al-Asad', aliases: [] });
    const mentions = await call(dispatch, 'listMentions', { entityId: entity.id });
    await call(dispatch, 'reviewMentions', { ids: mentions.map((m) => m.id), status: 'accepted' });
    const report = await call(dispatch, 'updateArticleText', { id: 2, body: 'Leaving the base\nThe last convoy left the air base in Anbar at dawn, an official said.' });
    expect(report.mentions).toEqual({ moved: 0, needReview: 2, dropped: 0 });
    const [first, second] = await call(dispatch, 'listMentions', { entityId: entity.id });
    expect([first, second]).toMatchObject([
      { status: 'accepted', reviewReason: 'unmatched' },
      { status: 'accepted', reviewReason: 'unmatched' },
    ]);
    // The analyst places one on the passage that now names the base, and deletes the other.
    const body = (await call(dispatch, 'getArticle', { id: 2 })).body;
    const start = [...body.slice(0, body.indexOf('the air base'))].length;
    expect(await call(dispatch, 'placeMention', { id: first!.id, start, end: start + 'the air base'.length })).toMatchObject({ exact: 'the air base', reviewReason: null, status: 'accepted' });
    await call(dispatch, 'deleteMention', { id: second!.id });
    expect(await call(dispatch, 'listMentions', { entityId: entity.id })).toMatchObject([{ exact: 'the air base', reviewReason: null }]);
    expect(await call(dispatch, 'undo', {})).toMatchObject({ kind: 'mention.delete', quote: 'Ain al-Asad' });
    expect(await call(dispatch, 'listMentions', { entityId: entity.id })).toHaveLength(2);
    expect(await dispatch('placeMention', { id: 999, start: 0, end: 3 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'mentionNotFound' } });
  });

  it('gives one suggestion, the longest alias\'s, where aliases overlap', async () => {
    const { dispatch } = await library();
    await call(dispatch, 'createEntity', { kind: 'place', name: 'قاعدة عين الأسد', aliases: [] });
    const short = await call(dispatch, 'createEntity', { kind: 'place', name: 'عين الأسد', aliases: [] });
    const all = await call(dispatch, 'listMentions', { articleId: 1 });
    expect(all.map((m) => m.exact)).toEqual(['عين الأسد', 'قاعدة عين الاسد', 'عين الأسد']);
    expect(all.filter((m) => m.entityId === short.id)).toHaveLength(2);
  });

  it('says so when an added alias reads the same as one the entity has', async () => {
    const { dispatch } = await library();
    const entity = await call(dispatch, 'createEntity', { kind: 'place', name: 'عين الأسد', aliases: [] });
    expect(await dispatch('addEntityAlias', { entityId: entity.id, alias: 'عين الاسد' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'aliasCovered', message: expect.stringContaining('“عين الاسد” reads the same as an alias “عين الأسد” already has') },
    });
    expect((await call(dispatch, 'listEntities', {}))[0]!.aliases).toEqual(['عين الأسد']);
  });
});
