/** The library: articles, their text and metadata, imports, search and spelling variants. */
import { z } from 'zod';
import type { OutletCount, Page, ArticleSummary, Article, ReanchorReport, ImportReport, SearchResult, VariantGroup } from '../../../db/model';
import { fileData, fileName, id, isoDate, LIMITS, line, optionalText, method, pageRequest, withinOneRequest, withinOneRequestError } from './schemas';

/** The articles methods of the contract. */
export const articlesMethods = {
  listArticles: method<ArticleSummary[]>('read')(z.object({})),
  getArticle: method<Article>('read')(z.object({ id })),
  /** One block of the library grid, filtered and sorted by the server. */
  queryArticles: method<Page<ArticleSummary>>('read')(pageRequest),
  listOutlets: method<OutletCount[]>('read')(z.object({})),
  importFiles: method<ImportReport>('long')(
    z.object({
      files: z
        .array(z.object({ name: fileName, dataBase64: fileData }))
        .min(1, 'choose at least one file')
        .max(LIMITS.files)
        .refine(withinOneRequest, withinOneRequestError),
    }),
  ),
  updateArticle: method<ArticleSummary>()(
    z.object({
      id,
      title: line(LIMITS.title, 'a title cannot be empty').optional(),
      outlet: optionalText(LIMITS.outlet),
      author: optionalText(LIMITS.author),
      url: optionalText(LIMITS.url),
      published: isoDate.nullable().optional(),
      language: z.string().regex(/^[a-z]{2,3}$/, 'a language is a code such as ar or en').max(3).optional(),
      direction: z.enum(['rtl', 'ltr']).optional(),
    }),
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
  replaceArticleTextFromFile: method<ReanchorReport>('long')(z.object({ id, name: fileName, dataBase64: fileData })),
};
