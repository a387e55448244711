/** Search as the analyst uses it: through the API, over a small Arabic and English library. */
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../electron/api/contract';
import { callApi, tempApi } from '../helpers';

const ARTICLES = [
  { name: 'a.txt', text: 'القوات الأمريكية تغادر قاعدة عين الأسد\nبدأت القوات الأمريكية انسحابها من قاعدة عين الأسد الجوية في محافظة الأنبار، بحسب مسؤولين عراقيين.' },
  { name: 'b.txt', text: 'تقليص الوجود الأميركي\nقالت مصادر إن الانسحاب الأميركي سيشمل قاعدة حرير في أربيل أيضًا، وإن واشنطن أبلغت بغداد بالجدول الزمني.' },
  { name: 'c.txt', text: 'Drone attack near Erbil\nReuters reported a drone attack near Erbil airport; Iraqi officials said nobody was hurt.' },
  { name: 'd.txt', text: 'اجتماع في بغداد\nعقد رئيس الوزراء اجتماعًا مع قادة الأجهزة الأمنية في بغداد لبحث الوضع في سوريا.' },
];

async function library() {
  const api = tempApi();
  await api.dispatch('importFiles', { files: ARTICLES.map((a) => ({ name: a.name, dataBase64: Buffer.from(a.text).toString('base64') })) });
  const search = async (query: string, filters: Record<string, unknown> = {}) => {
    const result = await api.dispatch('searchArticles', { query, ...filters });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as SearchResult).hits as SearchHit[];
  };
  const titles = async (query: string, filters: Record<string, unknown> = {}) => (await search(query, filters)).map((h) => h.title).sort();
  return { ...api, search, titles };
}

describe('Arabic-aware search', () => {
  it('finds a word written without hamza, and with clitics, in either regional spelling', async () => {
    const { titles } = await library();
    const both = ['القوات الأمريكية تغادر قاعدة عين الأسد', 'تقليص الوجود الأميركي'].sort();
    expect(await titles('امريكي')).toEqual(both);
    expect(await titles('والأميركية')).toEqual(both);
    expect(await titles('الاسد')).toEqual(['القوات الأمريكية تغادر قاعدة عين الأسد']);
  });

  it('finds a place in another script through the shipped spelling variants', async () => {
    const { titles } = await library();
    expect(await titles('أربيل')).toEqual(['Drone attack near Erbil', 'تقليص الوجود الأميركي'].sort());
    expect(await titles('رويترز')).toEqual(['Drone attack near Erbil']);
  });

  it('follows variants the analyst adds', async () => {
    const { dispatch, titles } = await library();
    expect(await titles('الطيارة')).toEqual([]);
    await dispatch('addSpellingVariants', { terms: ['الطيارة', 'drone'] });
    expect(await titles('الطيارة')).toEqual(['Drone attack near Erbil']);
  });

  it('matches an exact phrase only where its words stand together', async () => {
    const { titles } = await library();
    expect(await titles('"قاعدة عين الأسد"')).toEqual(['القوات الأمريكية تغادر قاعدة عين الأسد']);
    expect(await titles('"عين قاعدة"')).toEqual([]);
  });

  it('combines words with AND, OR and NOT, and matches prefixes', async () => {
    const { titles } = await library();
    expect(await titles('بغداد AND سوريا')).toEqual(['اجتماع في بغداد']);
    expect(await titles('سوريا OR Reuters')).toEqual(['Drone attack near Erbil', 'اجتماع في بغداد'].sort());
    expect(await titles('بغداد NOT سوريا')).toEqual(['تقليص الوجود الأميركي']);
    expect(await titles('بغداد -سوريا')).toEqual(['تقليص الوجود الأميركي']);
    expect(await titles('انسح*')).toEqual(['القوات الأمريكية تغادر قاعدة عين الأسد', 'تقليص الوجود الأميركي'].sort());
    expect(await titles('air*')).toEqual(['Drone attack near Erbil']);
  });

  it('ignores case and accents in Latin text', async () => {
    const { titles } = await library();
    expect(await titles('DRÔNE')).toEqual(['Drone attack near Erbil']);
  });

  it('ranks the article about the query first', async () => {
    const { search } = await library();
    const hits = await search('عين الأسد');
    expect(hits[0]!.title).toBe('القوات الأمريكية تغادر قاعدة عين الأسد');
    expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
  });

  it('cuts snippets from the original text and marks the words as they are written there', async () => {
    const { search } = await library();
    const hits = await search('امريكي');
    const marks = (title: string) => {
      const hit = hits.find((h) => h.title === title)!;
      return hit.highlights.map(([s, e]) => hit.snippet.slice(s, e));
    };
    expect(marks('القوات الأمريكية تغادر قاعدة عين الأسد')).toEqual(['الأمريكية', 'الأمريكية']);
    expect(marks('تقليص الوجود الأميركي')).toEqual(['الأميركي', 'الأميركي']);
    expect(hits.find((h) => h.id === 1)!.snippet).toContain('بدأت القوات الأمريكية انسحابها');
  });

  it('filters by language, outlet, date and tag, in the query or beside it', async () => {
    const { dispatch, titles } = await library();
    expect(await titles('أربيل lang:en')).toEqual(['Drone attack near Erbil']);
    expect(await titles('أربيل', { language: 'ar' })).toEqual(['تقليص الوجود الأميركي']);
    await dispatch('updateArticle', { id: 2, outlet: 'العربية', published: '2025-01-20' });
    await dispatch('updateArticle', { id: 4, outlet: 'شفق نيوز', published: '2025-06-01' });
    expect(await titles('بغداد outlet:شفق')).toEqual(['اجتماع في بغداد']);
    expect(await titles('بغداد from:2025-03-01')).toEqual(['اجتماع في بغداد']);
    expect(await titles('بغداد to:2025-01')).toEqual(['تقليص الوجود الأميركي']);
    expect(await titles('', { from: '2025' })).toEqual(['اجتماع في بغداد', 'تقليص الوجود الأميركي'].sort());
    await dispatch('createAnnotation', { articleId: 3, start: 0, end: 5, tagId: 1, note: null });
    expect(await titles('tag:claim')).toEqual(['Drone attack near Erbil']);
  });

  it('finds an article by its edited title', async () => {
    const { dispatch, titles } = await library();
    expect(await titles('عاجل')).toEqual([]);
    await dispatch('updateArticle', { id: 4, title: 'عاجل: اجتماع أمني' });
    expect(await titles('عاجل')).toEqual(['عاجل: اجتماع أمني']);
  });

  it('explains a query it cannot run, and treats FTS syntax in words as plain text', async () => {
    const { dispatch, titles } = await library();
    expect(await dispatch('searchArticles', { query: 'NOT سوريا' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('NOT needs') } });
    expect(await titles('"unclosed phrase')).toEqual([]);
    expect(await titles('NEAR(a b) ^ : {col}')).toEqual([]);
  });
});

describe('editing metadata', () => {
  it('saves edited fields, rejects a malformed date, and refuses an unknown article', async () => {
    const { dispatch } = await library();
    expect(await dispatch('updateArticle', { id: 1, outlet: 'رويترز', author: '', published: '2025-09-14' })).toMatchObject({
      ok: true,
      value: { outlet: 'رويترز', author: null, published: '2025-09-14' },
    });
    expect(await dispatch('updateArticle', { id: 1, published: '14/09/2025' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('YYYY-MM-DD') } });
    expect(await dispatch('updateArticle', { id: 99, title: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('find in article', () => {
  it('marks every place a word occurs however it is written, as code-point spans', async () => {
    const { dispatch } = await library();
    const result = await dispatch('findInArticle', { id: 2, query: 'امريكي' });
    const article = (await dispatch('getArticle', { id: 2 })) as { value: { body: string } };
    const spans = (result as { value: { start: number; end: number }[] }).value;
    expect(spans.map((s) => [...article.value.body].slice(s.start, s.end).join(''))).toEqual(['الأميركي', 'الأميركي']);
    expect(await dispatch('findInArticle', { id: 2, query: 'غير موجود' })).toEqual({ ok: true, value: [] });
  });
});

describe('how many articles match', () => {
  it('counts exactly, with spelling variants, phrases, NOT and filters, and says so', async () => {
    const { dispatch } = await library();
    const counted = async (query: string) => {
      const result = await callApi(dispatch, 'searchArticles', { query });
      return { matches: result.matches, exact: result.matchesExact, hits: result.hits.length };
    };
    // أمريكي and أميركي are variants: two articles, not the sum of both words' counts.
    expect(await counted('الأمريكية')).toEqual({ matches: 2, exact: true, hits: 2 });
    expect(await counted('"قاعدة عين الأسد"')).toEqual({ matches: 1, exact: true, hits: 1 });
    expect(await counted('بغداد NOT سوريا')).toEqual({ matches: 1, exact: true, hits: 1 });
    expect(await counted('الانسحاب NOT أربيل')).toEqual({ matches: 1, exact: true, hits: 1 });
    expect(await counted('أربيل NOT Erbil')).toEqual({ matches: 0, exact: true, hits: 0 });
    expect(await counted('lang:en')).toEqual({ matches: 1, exact: true, hits: 1 });
  });
});

describe('finding in an article', () => {
  it('counts a phrase once where it stands whole, not its words one by one', async () => {
    const { dispatch } = await library();
    const body = (await callApi(dispatch, 'getArticle', { id: 1 })).body;
    const found = await callApi(dispatch, 'findInArticle', { id: 1, query: '"قاعدة عين الأسد"' });
    expect(found.map((m) => [...body].slice(m.start, m.end).join(''))).toEqual(['قاعدة عين الأسد', 'قاعدة عين الأسد']);
    // A word of the phrase alone is no match for the phrase.
    expect(await callApi(dispatch, 'findInArticle', { id: 2, query: '"قاعدة عين الأسد"' })).toEqual([]);
  });
});
