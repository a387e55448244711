/** Search as the analyst uses it: through the API, over a small Arabic and English library. */
import { describe, expect, it } from 'vitest';
import { createJobRunner } from '../../db/sqlite/job-runner';
import { openStore } from '../../db/sqlite/store';
import { ANALYSER_VERSION } from '../../db/text/analyser';
import { searchKey, words } from '../../db/text/search-text';
import type { SearchHit, SearchResult } from '../../electron/api/contract';
import { localApi } from '../../electron/backend/local';
import { callApi, tempApi } from '../helpers';

const ARTICLES = [
  { name: 'a.txt', text: 'القوات الأمريكية تغادر قاعدة عين الأسد\nبدأت القوات الأمريكية انسحابها من قاعدة عين الأسد الجوية في محافظة الأنبار، بحسب مسؤولين عراقيين.' },
  { name: 'b.txt', text: 'تقليص الوجود الأميركي\nقالت مصادر إن الانسحاب الأميركي سيشمل قاعدة حرير في أربيل أيضًا، وإن واشنطن أبلغت بغداد بالجدول الزمني.' },
  { name: 'c.txt', text: 'Drone attack near Erbil\nReuters reported a drone attack near Erbil airport; Iraqi officials said nobody was hurt.' },
  { name: 'd.txt', text: 'اجتماع في بغداد\nعقد رئيس الوزراء اجتماعًا مع قادة الأجهزة الأمنية في بغداد لبحث الوضع في سوريا.' },
];

async function library(articles: { name: string; text: string }[] = ARTICLES) {
  const api = tempApi();
  await api.dispatch('importFiles', { files: articles.map((a) => ({ name: a.name, dataBase64: Buffer.from(a.text).toString('base64') })) });
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

/** Words as they are written with their clitics and suffixes, whose keys (stems) are shorter than the words. */
const PREFIX_ARTICLES = [
  { name: 'p1.txt', text: 'قرار الحكومة\nأعلنت الحكومة العراقية أن وزارة الدفاع ستشرف على الانسحاب، وطالبت بالانسحاب الكامل والانسحاب السريع.' },
  { name: 'p2.txt', text: 'جولة إقليمية\nزار وزير الخارجية لبنان وفلسطين، ثم بغداد.' },
  { name: 'p3.txt', text: 'صمت رسمي\nقال ممثلو المسلمين إن الحكومات صمتت طويلا.' },
  { name: 'p4.txt', text: 'Talks in Washington\nOfficials met in Washington on Tuesday.' },
];

describe('prefix search', () => {
  it('finds every word that begins with the prefix, where the word\'s stem is shorter than the prefix', async () => {
    const { titles, search } = await library(PREFIX_ARTICLES);
    // The keys of الحكومة, وزارة and المسلمين are حكوم, زار and مسلم: the longer prefixes used to match nothing.
    const government = ['صمت رسمي', 'قرار الحكومة'].sort();
    expect(await titles('حكوم*')).toEqual(government);
    // As the word حكومة finds الحكومات (one stem), so does the prefix.
    expect(await titles('حكومة*')).toEqual(government);
    expect(await titles('الحكومة*')).toEqual(government);
    expect(await titles('وزارة*')).toEqual(['قرار الحكومة']);
    expect(await titles('مسلمي*')).toEqual(['صمت رسمي']);
    const [hit] = await search('مسلمي*');
    expect(hit!.highlights.map(([s, e]) => hit!.snippet.slice(s, e))).toEqual(['المسلمين']);
  });

  it('finds a word whose first letters the stemmer took for clitics (لبنان, فلسطين, وزير)', async () => {
    const { titles } = await library(PREFIX_ARTICLES);
    expect(await titles('لبن*')).toEqual(['جولة إقليمية']);
    expect(await titles('فلس*')).toEqual(['جولة إقليمية']);
    expect(await titles('وزي*')).toEqual(['جولة إقليمية']);
    expect(await titles('بغد*')).toEqual(['جولة إقليمية']);
    // A word that does not begin with the prefix is no match, though its stem is the prefix's: زار is not وزارة.
    expect(await titles('وزار*')).toEqual(['قرار الحكومة']);
  });

  it('finds a word with its article and attached prepositions, by the word or by the word with its article', async () => {
    const { titles, search } = await library(PREFIX_ARTICLES);
    for (const query of ['انسحا*', 'الانسحاب*', 'الانسحا*', 'بالانسحاب*', 'والانسحاب*']) {
      expect(await titles(query), query).toEqual(['قرار الحكومة']);
      const [hit] = await search(query);
      // A leading article comes off a prefix as off any word.
      expect(hit!.highlights.map(([s, e]) => hit!.snippet.slice(s, e)), query).toEqual(['الانسحاب', 'بالانسحاب', 'والانسحاب']);
    }
  });

  it('reaches the spelling variants of the words that begin with a prefix', async () => {
    const { titles } = await library();
    // Washington and واشنطن are variants in the shipped table; the library's واشنطن article has no Latin word.
    expect(await titles('Washing*')).toEqual(['تقليص الوجود الأميركي']);
    expect(await titles('Erb*')).toEqual(['Drone attack near Erbil', 'تقليص الوجود الأميركي'].sort());
    expect(await titles('واشنط*')).toEqual(['تقليص الوجود الأميركي']);
  });

  it('counts prefix matches exactly, variants included', async () => {
    const { dispatch } = await library();
    const result = await callApi(dispatch, 'searchArticles', { query: 'Erb*' });
    expect({ matches: result.matches, exact: result.matchesExact }).toEqual({ matches: 2, exact: true });
  });
});

const MONTH_ARTICLES = [
  { name: 'm1.txt', text: 'مؤتمر أيلول\nانعقد المؤتمر في 20 أيلول 2025 في بغداد.' },
  { name: 'm2.txt', text: 'قمة سبتمبر\nعقدت القمة بتاريخ 3 سبتمبر 2024 في القاهرة.' },
  { name: 'm3.txt', text: 'اجتماع الشتاء\nعقد الاجتماع الأول في كانون الثاني الماضي.' },
  { name: 'm4.txt', text: 'موعد الانتخابات\nتجري الانتخابات في يناير 2026 بحسب اللجنة.' },
  { name: 'm5.txt', text: 'سباق الخيل\nكان الثاني في السباق حصانا عربيا، ويعود السباق في كانون الأول.' },
  { name: 'm6.txt', text: 'ضغوط\nمارس الوفد ضغوطا كبيرة على السلطات.' },
  { name: 'm7.txt', text: 'جلسة البرلمان\nعقد البرلمان جلسته في 5 مارس 2025.' },
  { name: 'm8.txt', text: 'انتخابات تونس\nتجري الانتخابات يوم 12 جانفي 2026.' },
];

describe('month names', () => {
  it('finds a month by its name in either Arabic system, both ways', async () => {
    const { titles } = await library(MONTH_ARTICLES);
    expect(await titles('أيلول')).toEqual(['قمة سبتمبر', 'مؤتمر أيلول'].sort());
    expect(await titles('سبتمبر')).toEqual(['قمة سبتمبر', 'مؤتمر أيلول'].sort());
    expect(await titles('ديسمبر')).toEqual(['سباق الخيل']);
  });

  it('reads a two-word month name as one month, and not as its words', async () => {
    const { titles } = await library(MONTH_ARTICLES);
    const january = ['اجتماع الشتاء', 'انتخابات تونس', 'موعد الانتخابات'].sort();
    expect(await titles('يناير')).toEqual(january);
    expect(await titles('كانون الثاني')).toEqual(january);
    expect(await titles('"كانون الثاني"')).toEqual(january);
    expect(await titles('جانفي')).toEqual(january);
    // كانون الأول is December, and "كان الثاني" ("was second") no month at all.
    expect(await titles('تشرين الثاني')).toEqual([]);
    // Two words typed with AND between them are two words.
    expect(await titles('كانون AND الثاني')).toEqual(['اجتماع الشتاء', 'سباق الخيل'].sort());
  });

  it('reads a name that is also a word (مارس "he practised") as a month only beside a date', async () => {
    const { titles } = await library(MONTH_ARTICLES);
    expect(await titles('آذار')).toEqual(['جلسة البرلمان']);
    // Whoever types مارس may mean either.
    expect(await titles('مارس')).toEqual(['جلسة البرلمان', 'ضغوط'].sort());
  });

  it('matches a date in a phrase however its month is named', async () => {
    const { titles } = await library(MONTH_ARTICLES);
    expect(await titles('"20 سبتمبر 2025"')).toEqual(['مؤتمر أيلول']);
    expect(await titles('"3 أيلول 2024"')).toEqual(['قمة سبتمبر']);
    expect(await titles('"3 أيلول 2025"')).toEqual([]);
  });

  it('marks the month as the article names it, both words of a two-word name', async () => {
    const { dispatch, search } = await library(MONTH_ARTICLES);
    const hits = await search('يناير');
    const marks = hits.map((hit) => hit.highlights.map(([s, e]) => hit.snippet.slice(s, e)).join(' ')).sort();
    expect(marks).toEqual(['جانفي', 'كانون الثاني', 'يناير'].sort());
    const body = (await callApi(dispatch, 'getArticle', { id: 3 })).body;
    const found = await callApi(dispatch, 'findInArticle', { id: 3, query: 'يناير' });
    expect(found.map((m) => [...body].slice(m.start, m.end).join(''))).toEqual(['كانون الثاني']);
    expect(await callApi(dispatch, 'findInArticle', { id: 5, query: 'يناير' })).toEqual([]);
  });

  it('counts month matches exactly', async () => {
    const { dispatch } = await library(MONTH_ARTICLES);
    const result = await callApi(dispatch, 'searchArticles', { query: 'كانون الثاني' });
    expect({ matches: result.matches, exact: result.matchesExact }).toEqual({ matches: 3, exact: true });
  });
});

describe('a store indexed by the previous analyser', () => {
  it('is re-indexed in the background when opened, and then finds prefixes and months as this one does', async () => {
    const { store, path } = tempApi();
    const files = [...PREFIX_ARTICLES, ...MONTH_ARTICLES].map((a) => ({ name: a.name, dataBase64: Buffer.from(a.text).toString('base64') }));
    await callApi(localApi(store).dispatch, 'importFiles', { files });
    // As version 1 left the index: each word's key, nothing else.
    const rows = store.prepare('SELECT a.id, a.title, x.body FROM articles a JOIN article_texts x ON x.article_id = a.id').all() as { id: number; title: string; body: string }[];
    const keys = (text: string) => words(text).map(searchKey).join(' ');
    for (const row of rows) {
      store.prepare('DELETE FROM article_search WHERE rowid = ?').run(row.id);
      store.prepare('INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)').run(row.id, keys(row.title), keys(row.body));
    }
    store.prepare("UPDATE meta SET value = '1' WHERE key = 'analyser_version'").run();
    store.close();

    const reopened = openStore(path);
    const { dispatch } = localApi(reopened);
    const titles = async (query: string) => (await callApi(dispatch, 'searchArticles', { query })).hits.map((h) => h.title).sort();
    expect(await titles('لبن*')).toEqual([]);
    // Until then, a month is found only where it is named as typed.
    expect(await titles('يناير')).toEqual(['موعد الانتخابات']);
    const runner = createJobRunner(reopened, () => new Date().toISOString(), { reindexWindow: 5 });
    runner.ensureIndexCurrent();
    await expect.poll(async () => (await callApi(dispatch, 'listJobs', {}))[0]?.state).toBe('done');
    expect(reopened.prepare("SELECT value FROM meta WHERE key = 'analyser_version'").pluck().get()).toBe(String(ANALYSER_VERSION));
    expect(await titles('لبن*')).toEqual(['جولة إقليمية']);
    expect(await titles('كانون الثاني')).toEqual(['اجتماع الشتاء', 'انتخابات تونس', 'موعد الانتخابات'].sort());
    reopened.close();
  });
});
