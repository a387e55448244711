/**
 * The one typed contract between the renderer and the store.
 *
 * Every method takes one plain argument object, validated here with zod at the boundary,
 * and returns a result envelope. Method names are written once, as the keys of `contract`;
 * the IPC and HTTP transports, the preload and the renderer's client all loop over them.
 * The renderer imports only types from here (values from ./constants), so zod stays out of
 * its bundle.
 */
import { z } from 'zod';
import type { Job, OutletCount, Page, ArticleSummary, Article, Tag, CodebookImportReport, Annotation, HistoryEntry, ReanchorReport, EntitySummary, MentionRow, WebAnnotationImportReport, AnnotationRow, ImportReport, SearchResult, VariantGroup } from '../../db/model';
import type { ApiResult } from './constants';
import type { WebAnnotationCollection } from '../services/web-annotation';

export type * from '../../db/model';
export * from './constants';

const id = z.number().int().positive();
const entityKind = z.enum(['person', 'organisation', 'place', 'other']);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are written YYYY-MM-DD');
const optionalText = (max: number) => z.string().trim().max(max).transform((v) => v || null).nullable().optional();
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');

/**
 * How a method uses the store: 'read' only reads (it may run on a read-only connection beside
 * the writer, under WAL, in one read transaction); 'write' changes it in one transaction on the
 * one writer; 'long' waits for something besides the store (files being read, a background job)
 * and so opens its own short transactions around the waiting.
 */
export type MethodAccess = 'read' | 'write' | 'long';

/** Pairs an argument schema with the (unvalidated, trusted) result type of a method and its access. */
function method<Output>(access: MethodAccess = 'write') {
  return <Input extends z.ZodType>(input: Input) => ({ input, access, output: undefined as unknown as Output });
}

const filterCondition = z.object({
  filterType: z.enum(['text', 'number', 'date']).optional(),
  type: z.string().max(32).optional(),
  filter: z.union([z.string().max(500), z.number()]).nullish(),
  filterTo: z.number().nullish(),
  dateFrom: z.string().max(32).nullish(),
  dateTo: z.string().max(32).nullish(),
});

/** A page of a server-paged grid, as AG Grid's infinite row model asks for it (bounded: 1,000 rows, 20 filters). */
const pageRequest = z
  .object({
    startRow: z.number().int().min(0).max(100_000_000),
    endRow: z.number().int().min(1).max(100_001_000),
    sortModel: z.array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) })).max(5).default([]),
    filterModel: z
      .record(z.string().max(64), filterCondition.extend({ operator: z.enum(['AND', 'OR']).optional(), conditions: z.array(filterCondition).max(5).optional() }))
      .refine((model) => Object.keys(model).length <= 20, 'at most 20 column filters')
      .default({}),
    quickFilter: z.string().max(500).optional(),
    withCount: z.boolean().default(false),
  })
  .refine((r) => r.endRow > r.startRow && r.endRow - r.startRow <= 1000, 'a page holds 1 to 1,000 rows (endRow - startRow)');

/** The API: method name → argument schema and result type. */
export const contract = {
  listArticles: method<ArticleSummary[]>('read')(z.object({})),
  getArticle: method<Article>('read')(z.object({ id })),
  /** One block of the library grid, filtered and sorted by the server. */
  queryArticles: method<Page<ArticleSummary>>('read')(pageRequest),
  listOutlets: method<OutletCount[]>('read')(z.object({})),
  importFiles: method<ImportReport>('long')(
    z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(1024), dataBase64: z.string() }))
        .min(1, 'choose at least one file'),
    }),
  ),
  updateArticle: method<ArticleSummary>()(
    z.object({
      id,
      title: z.string().trim().min(1, 'a title cannot be empty').max(500).optional(),
      outlet: optionalText(200),
      author: optionalText(200),
      url: optionalText(2000),
      published: isoDate.nullable().optional(),
      language: z.string().regex(/^[a-z]{2,3}$/, 'a language is a code such as ar or en').optional(),
      direction: z.enum(['rtl', 'ltr']).optional(),
    }),
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
  listTags: method<Tag[]>('read')(z.object({})),
  createTag: method<Tag>()(
    z.object({ name: z.string().trim().min(1).max(80), colour, parentId: id.nullable().optional(), description: z.string().max(2000).nullable().optional() }),
  ),
  updateTag: method<Tag>()(
    z.object({
      id,
      name: z.string().trim().min(1).max(80).optional(),
      colour: colour.optional(),
      parentId: id.nullable().optional(),
      description: z.string().max(2000).nullable().optional(),
      shortcut: z.string().regex(/^[\p{L}\p{N}]$/u, 'a shortcut is one letter or digit').nullable().optional(),
    }),
  ),
  mergeTags: method<Tag>()(z.object({ sourceId: id, targetId: id })),
  deleteTag: method<{ deleted: true }>()(
    z.object({
      id,
      annotations: z.discriminatedUnion('action', [
        z.object({ action: z.literal('untag') }),
        z.object({ action: z.literal('delete') }),
        z.object({ action: z.literal('move'), toTagId: id }),
      ]),
    }),
  ),
  listEntities: method<EntitySummary[]>('read')(z.object({})),
  createEntity: method<EntitySummary>('long')(
    z.object({ kind: entityKind, name: z.string().trim().min(1).max(200), aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]) }),
  ),
  addEntityAlias: method<EntitySummary>('long')(z.object({ entityId: id, alias: z.string().trim().min(1).max(200) })),
  deleteEntity: method<{ deleted: true }>()(z.object({ id })),
  markEntity: method<MentionRow>('long')(
    z
      .object({
        articleId: id,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        entityId: id.optional(),
        newEntity: z.object({ kind: entityKind, name: z.string().trim().min(1).max(200) }).optional(),
      })
      .refine((m) => (m.entityId === undefined) !== (m.newEntity === undefined), { message: 'name an existing entity or a new one' }),
  ),
  listMentions: method<MentionRow[]>('read')(
    z.object({ entityId: id.optional(), articleId: id.optional(), status: z.enum(['suggested', 'accepted', 'rejected']).optional() }),
  ),
  reviewMentions: method<{ changed: number }>()(z.object({ ids: z.array(id).min(1).max(10_000), status: z.enum(['accepted', 'rejected']) })),
  /** Puts a mention waiting for review (its text changed) on the passage the analyst chose. */
  placeMention: method<MentionRow>()(z.object({ id, start: z.number().int().nonnegative(), end: z.number().int().positive() }).refine((m) => m.end > m.start, { message: 'a mention must cover at least one character' })),
  deleteMention: method<{ deleted: true }>()(z.object({ id })),
  exportCodebook: method<string>('read')(z.object({})),
  importCodebook: method<CodebookImportReport>('long')(z.object({ name: z.string().min(1).max(1024), dataBase64: z.string() })),
  listAnnotations: method<AnnotationRow[]>('read')(z.object({ articleId: id.optional() })),
  /** One block of the annotations grid (of one article, or of all). */
  queryAnnotations: method<Page<AnnotationRow>>('read')(pageRequest.and(z.object({ articleId: id.optional() }))),
  createAnnotation: method<Annotation>()(
    z
      .object({
        articleId: id,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        tagId: id.nullable().default(null),
        note: z.string().max(10_000).nullable().default(null),
      })
      .refine((a) => a.end > a.start, { message: 'an annotation must cover at least one character' }),
  ),
  deleteAnnotation: method<{ deleted: true }>()(z.object({ id })),
  updateAnnotation: method<Annotation>()(
    z.object({ id, tagId: id.nullable().optional(), note: z.string().max(10_000).nullable().optional() }),
  ),
  placeAnnotation: method<Annotation>()(
    z
      .object({ id, start: z.number().int().nonnegative(), end: z.number().int().positive() })
      .refine((a) => a.end > a.start, { message: 'an annotation must cover at least one character' }),
  ),
  undo: method<HistoryEntry | null>()(z.object({})),
  redo: method<HistoryEntry | null>()(z.object({})),
  /** Background jobs, newest first, with their progress. */
  listJobs: method<Job[]>('read')(z.object({ limit: z.number().int().min(1).max(200).default(20) })),
  /** Stops a job after its current chunk; what it finished stays. */
  cancelJob: method<{ cancelling: true }>()(z.object({ id })),
  listHistory: method<HistoryEntry[]>('read')(z.object({ limit: z.number().int().min(1).max(1000).default(100) })),
  exportWebAnnotations: method<WebAnnotationCollection>('read')(z.object({ articleId: id.optional() })),
  importWebAnnotations: method<WebAnnotationImportReport>()(z.object({ document: z.unknown() })),
  updateArticleText: method<ReanchorReport>()(z.object({ id, body: z.string().min(1, 'the text cannot be empty').max(20_000_000) })),
  replaceArticleTextFromFile: method<ReanchorReport>('long')(z.object({ id, name: z.string().min(1).max(1024), dataBase64: z.string() })),
};

/** The name of an API method. */
export type ApiMethod = keyof typeof contract;

/** The argument a method takes, as a caller writes it. */
export type ApiInput<M extends ApiMethod> = z.input<(typeof contract)[M]['input']>;

/** The argument a handler receives, after validation. */
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof contract)[M]['input']>;

/** What a method returns on success. */
export type ApiOutput<M extends ApiMethod> = (typeof contract)[M]['output'];

/** Every method name, in contract order. */
export const apiMethodNames = Object.keys(contract) as ApiMethod[];

/** The IPC channel a method travels on in the desktop app. */
export function ipcChannel(name: ApiMethod): string {
  return `api:${name}`;
}

/** The client the renderer calls: one async function per method, resolving to the result or throwing. */
export type ApiClient = { [M in ApiMethod]: (arg: ApiInput<M>) => Promise<ApiOutput<M>> };

/** What the preload exposes: one function per method, resolving to the raw envelope. */
export type ApiBridge = { [M in ApiMethod]: (arg: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>> };
