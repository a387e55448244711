/** The library: articles, their text and metadata, imports, search and spelling variants. */
import { z } from 'zod';
import type { OutletCount, Page, ArticleSummary, Article, ReanchorReport, ImportReport, SearchResult, SourceDetailsReport, VariantGroup } from '../../../db/model';
import { MAX_ARTICLES_PER_FILL } from '../constants';
import { fileInput, fileFields, oneSource } from './files';
import { id, isoDate, LIMITS, line, optionalText, method, pageRequest, withinOneRequest, withinOneRequestError } from './schemas';

/** Source details, checked alike whether one article's are edited or many are filled in at once. */
const outlet = optionalText(LIMITS.outlet);
const url = optionalText(LIMITS.url);
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
        .min(1, 'choose at least one file')
        .max(LIMITS.files)
        .refine(withinOneRequest, withinOneRequestError),
    }),
  ),
  updateArticle: method<ArticleSummary>()(
    z.object({
      id,
      title: line(LIMITS.title, 'a title cannot be empty').optional(),
      outlet,
      author: optionalText(LIMITS.author),
      url,
      published,
      language: z.string().regex(/^[a-z]{2,3}$/, 'a language is a code such as ar or en').max(3).optional(),
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
      query: z.string().max(LIMITS.query),
      outlet: z.string().max(LIMITS.outlet).optional(),
      language: z.string().max(10).optional(),
      tag: z.string().max(LIMITS.tagName).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      limit: z.number().int().min(1).max(500).default(20),
    }),
  ),
  findInArticle: method<{ start: number; end: number }[]>('read')(z.object({ id, query: z.string().max(LIMITS.findQuery) })),
  listSpellingVariants: method<VariantGroup[]>('read')(z.object({})),
  addSpellingVariants: method<VariantGroup>()(
    z.object({
      terms: z
        .array(z.string().trim().min(1).max(LIMITS.variantTerm).regex(/^[\p{L}\p{N}\p{M}]+$/u, 'each variant is a single word'))
        .min(2, 'give at least two spellings')
        .max(LIMITS.variantTerms),
    }),
  ),
  deleteSpellingVariants: method<{ deleted: true }>()(z.object({ groupId: id })),
  updateArticleText: method<ReanchorReport>()(z.object({ id, body: z.string().min(1, 'the text cannot be empty').max(LIMITS.articleBody) })),
  replaceArticleTextFromFile: method<ReanchorReport>('long')(z.object({ id, ...fileFields }).refine(...oneSource)),
};
