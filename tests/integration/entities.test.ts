/** Entities: aliases in any script found across articles, suggestions reviewed and undone. */
import { describe, expect, it } from 'vitest';
import type { Article, EntitySummary, MentionRow } from '../../electron/api/contract';
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
    const entity = await call<EntitySummary>(dispatch, 'createEntity', { kind: 'place', name: 'عين الأسد', aliases: ['Ain al-Asad'] });
    expect(entity).toMatchObject({ kind: 'place', aliases: ['عين الأسد', 'Ain al-Asad'], accepted: 0, suggested: 5 });
    const mentions = await call<MentionRow[]>(dispatch, 'listMentions', { entityId: entity.id });
    expect(mentions.map((m) => [m.articleId, m.exact])).toEqual([
      [1, 'عين الأسد'],
      [1, 'عين الاسد'],
      [1, 'عين الأسد'],
      [2, 'Ain al-Asad'],
      [2, 'Ain al-Asad'],
    ]);
    const body = (await call<Article>(dispatch, 'getArticle', { id: 1 })).body;
    for (const m of mentions.filter((m) => m.articleId === 1)) expect([...body].slice(m.start, m.end).join('')).toBe(m.exact);
  });

  it('accepts and rejects suggestions one by one or all at once, and undo takes a review back', async () => {
    const { dispatch } = await library();
    const entity = await call<EntitySummary>(dispatch, 'createEntity', { kind: 'place', name: 'عين الأسد', aliases: [] });
    const [first, ...rest] = await call<MentionRow[]>(dispatch, 'listMentions', { entityId: entity.id });
    await call(dispatch, 'reviewMentions', { ids: [first!.id], status: 'rejected' });
    expect(await call(dispatch, 'reviewMentions', { ids: rest.map((m) => m.id), status: 'accepted' })).toEqual({ changed: 2 });
    expect(await call(dispatch, 'listEntities', {})).toMatchObject([{ accepted: 2, suggested: 0 }]);
    await call(dispatch, 'undo', {});
    expect(await call(dispatch, 'listEntities', {})).toMatchObject([{ accepted: 1, suggested: 1 }]);
  });

  it('marks a selection as a new entity, adds it as an alias, and finds it in articles imported later', async () => {
    const { dispatch } = await library();
    const body = (await call<Article>(dispatch, 'getArticle', { id: 3 })).body;
    const start = [...body.slice(0, body.indexOf('بغداد'))].length;
    const mention = await call<MentionRow>(dispatch, 'markEntity', { articleId: 3, start, end: start + 5, newEntity: { kind: 'place', name: 'بغداد' } });
    expect(mention).toMatchObject({ exact: 'بغداد', status: 'accepted', entityName: 'بغداد' });
    await call(dispatch, 'importFiles', { files: [{ name: 'later.txt', dataBase64: Buffer.from('زيارة\nوصل الوفد إلى بغداد مساءً.').toString('base64') }] });
    expect(await call<MentionRow[]>(dispatch, 'listMentions', { articleId: 4 })).toMatchObject([{ exact: 'بغداد', status: 'suggested' }]);
    expect(await dispatch('createEntity', { kind: 'place', name: 'بغداد', aliases: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
