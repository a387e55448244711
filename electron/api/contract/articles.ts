/** The library: articles, their text and metadata, imports, search and spelling variants. */
import { z } from 'zod';
import type { OutletCount, Page, ArticleSummary, Article, ReanchorReport, ImportReport, SearchResult, SourceDetailsReport, VariantGroup } from '../../../db/model';
import { MAX_ARTICLES_PER_FILL } from '../constants';
import { fileFields, fileInput, oneSource } from './files';
import { id, isoDate, optionalText, method, pageRequest } from './schemas';

/** Source details, checked alike whether one article's are edited or many are filled in at once. */
const outlet = optionalText(200);
const url = optionalText(2000);
const published = isoDate.nullable().optional();

/** The articles methods of the contract. */
export const articlesMethods = {
  listArticles: method<ArticleSummary[]>('read')(z.object({})),
  getArticle: method<Article>('read')(z.object({ id })),
  /** One block of the library grid, filtered and sorted by the server; `lackingCitation` keeps the articles without an outlet or a date. */
  queryArticles: method<Page<ArticleSummary>>('read')(pageRequest.and(z.object({ lackingCitation: z.boolean().optional() }))),
  listOutlets: method<OutletCount[]>('read')(z.object({})),
  importFiles: method<ImportReport>('long')(
    z.object({
      files: z
        .array(fileInput)
        .min(1, 'choose at least one file'),
    }),
  ),
  updateArticle: method<ArticleSummary>()(
    z.object({
      id,
      title: z.string().trim().min(1, 'a title cannot be empty').max(500).optional(),
      outlet,
      author: optionalText(200),
      url,
      published,
      language: z.string().regex(/^[a-z]{2,3}$/, 'a language is a code such as ar or en').optional(),
      direction: z.enum(['rtl', 'ltr']).optional(),
    }),
  ),
  /**
   * Gives many articles the same outlet, URL and date, as one undoable step: each field only to
   * the articles without it, unless `overwrite`. A field left out or blank is left as it is.
   */
  updateArticlesMetadata: method<SourceDetailsReport>()(
    z
      .object({
        ids: z.array(id).min(1, 'choose at least one article').max(MAX_ARTICLES_PER_FILL),
        outlet,
        url,
        published,
        overwrite: z.boolean().default(false),
      })
      .refine((d) => d.outlet != null || d.url != null || d.published != null, 'give an outlet, a URL or a date'),
  ),
  searchArticles: method<SearchResult>('read')(
    z.object({
      query: z.string().max(2000),
      outlet: z.string().max(200).optional(),
      language: z.string().max(10).optional(),
      tag: z.string().max(80).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(500).default(20),
    }),
  ),
  findInArticle: method<{ start: number; end: number }[]>('read')(z.object({ id, query: z.string().max(500) })),
  listSpellingVariants: method<VariantGroup[]>('read')(z.object({})),
  addSpellingVariants: method<VariantGroup>()(
    z.object({
      terms: z
        .array(z.string().trim().min(1).max(80).regex(/^[\p{L}\p{N}\p{M}]+$/u, 'each variant is a single word'))
        .min(2, 'give at least two spellings'),
    }),
  ),
  deleteSpellingVariants: method<{ deleted: true }>()(z.object({ groupId: id })),
  updateArticleText: method<ReanchorReport>()(z.object({ id, body: z.string().min(1, 'the text cannot be empty').max(20_000_000) })),
  replaceArticleTextFromFile: method<ReanchorReport>('long')(z.object({ id, ...fileFields }).refine(...oneSource)),
};
