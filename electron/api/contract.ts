/**
 * The one typed contract between the renderer and the store.
 *
 * Every method takes one plain argument object, validated here with zod at the boundary,
 * and returns a result envelope. Method names are written once, as the keys of `contract`;
 * the IPC and HTTP transports, the preload and the renderer's client all loop over them.
 */
import { z } from 'zod';

/** An article as listed in the library grid (no body). `published` is an ISO date (YYYY-MM-DD). */
export interface ArticleSummary {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
  language: string;
  direction: 'rtl' | 'ltr';
  sourceName: string | null;
  /** What it was imported from: txt (pasted text too), md, html, docx, pdf, csv, json or jsonl. */
  sourceFormat: string | null;
  /** The character encoding its bytes were read in, where that was a question. */
  sourceEncoding: string | null;
  importedAt: string;
  annotationCount: number;
  length: number;
  /** An earlier article this one nearly duplicates (the same story lightly edited), if any. */
  nearDuplicateOf: number | null;
  nearDuplicateTitle: string | null;
  /** Estimated share of word sequences the two have in common, 0..1. */
  nearDuplicateSimilarity: number | null;
}

/** The metadata an analyst can edit; fields left out stay as they are. */
export interface ArticleEdit {
  title?: string;
  outlet?: string | null;
  author?: string | null;
  url?: string | null;
  published?: string | null;
  language?: string;
  direction?: 'rtl' | 'ltr';
}

/** A whole article, body included. */
export interface Article extends ArticleSummary {
  body: string;
  contentHash: string;
}

/** A codebook tag; tags form a tree through `parentId`. */
export interface Tag {
  id: number;
  name: string;
  colour: string;
  parentId: number | null;
  description: string | null;
  /** A single key that applies the tag to a selection, besides 1-9. */
  shortcut: string | null;
  /** The code's GUID in REFI-QDA exchange. */
  guid: string;
}

/** What importing a REFI-QDA codebook did. */
export interface CodebookImportReport {
  added: number;
  updated: number;
}

/**
 * An annotation anchored on an article's body. `start` and `end` count Unicode code points
 * (as a W3C TextPositionSelector does); `exact`, `prefix` and `suffix` form its TextQuoteSelector.
 */
export interface Annotation {
  id: number;
  articleId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  tagId: number | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Set when the article's text changed and the passage could not be placed with certainty:
   * 'ambiguous' (found in several places) or 'unmatched' (not found). The selectors above are
   * then the old ones; `reviewCandidates` holds the places found, with their new context.
   */
  reviewReason: 'ambiguous' | 'unmatched' | null;
  reviewCandidates: { start: number; end: number; prefix: string; exact: string; suffix: string }[] | null;
}

/**
 * One entry of the undo history: an action on an annotation, or the review of an entity
 * mention (`annotationId` is then the mention's id). `state`: done, undone or discarded.
 */
export interface HistoryEntry {
  id: number;
  at: string;
  subject: 'annotation' | 'mention';
  action: 'create' | 'edit' | 'delete';
  annotationId: number;
  articleId: number;
  quote: string;
  state: 'done' | 'undone' | 'discarded';
}

/** How the annotations of an article were placed after its text changed. */
export interface ReanchorReport {
  byPosition: number;
  byQuote: number;
  byFuzzyMatch: number;
  needReview: number;
}

/** The kinds of entity. */
export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

/** An entity with its aliases and mention counts. */
export interface EntitySummary {
  id: number;
  kind: EntityKind;
  name: string;
  aliases: string[];
  accepted: number;
  suggested: number;
}

/** A mention of an entity in an article, with its context; suggested until the analyst decides. */
export interface MentionRow {
  id: number;
  entityId: number;
  entityName: string;
  kind: EntityKind;
  articleId: number;
  articleTitle: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: 'suggested' | 'accepted' | 'rejected';
}

/** What importing W3C annotations did. */
export interface WebAnnotationImportReport {
  imported: number;
  skipped: number;
  failed: { annotation: string; error: string }[];
}

/** An annotation with what the annotations grid shows beside it. */
export interface AnnotationRow extends Annotation {
  articleTitle: string;
  articleDirection: 'rtl' | 'ltr';
  tagName: string | null;
  tagColour: string | null;
}

/** One article an import stored. `file` names the row too for bulk files ("news.csv, row 3"). */
export interface ImportedArticle {
  file: string;
  id: number;
  title: string;
  possibleDuplicateOf?: { id: number; title: string; similarity: number };
  /** Things the analyst should know that did not stop the import (bytes removed, a guessed encoding). */
  warnings?: string[];
}

/** What happened to each file of an import batch. */
export interface ImportReport {
  imported: ImportedArticle[];
  skipped: { file: string; reason: string; existingId: number }[];
  failed: { file: string; error: string }[];
}

/** Filters that narrow a search; each can also be written in the query (outlet:, lang:, tag:, from:, to:). */
export interface SearchFilters {
  outlet?: string;
  language?: string;
  tag?: string;
  /** Earliest publication date, ISO (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  /** Latest publication date, ISO, inclusive. */
  to?: string;
}

/** One search result. `highlights` are [start, end) offsets (UTF-16 code units) into `snippet`. */
export interface SearchHit {
  id: number;
  title: string;
  outlet: string | null;
  published: string | null;
  language: string;
  direction: 'rtl' | 'ltr';
  snippet: string;
  highlights: [number, number][];
  score: number;
}

/**
 * A page of search results. `order` is 'relevance' (bm25) unless the query matches so many
 * articles (most of the library) that relevance means little; then the newest come first.
 * `matches` estimates how many articles match, from the index's word counts.
 */
export interface SearchResult {
  hits: SearchHit[];
  order: 'relevance' | 'newest';
  matches: number;
}

/** A group of words the search treats as one spelling. */
export interface VariantGroup {
  groupId: number;
  terms: string[];
}

/** The codes an API error can carry; the message is for a person. */
export type ApiErrorCode = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'CONFLICT' | 'UNKNOWN_METHOD' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'INTERNAL';

/** An error that crosses the boundary. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
}

/** Every response over either transport. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Largest upload accepted in one import request, base64 included. */
export const MAX_IMPORT_REQUEST_BYTES = 64 * 1024 * 1024;

const id = z.number().int().positive();
const entityKind = z.enum(['person', 'organisation', 'place', 'other']);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are written YYYY-MM-DD');
const optionalText = (max: number) => z.string().trim().max(max).transform((v) => v || null).nullable().optional();
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');

/** Pairs an argument schema with the (unvalidated, trusted) result type of a method. */
function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** The API: method name → argument schema and result type. */
export const contract = {
  listArticles: method<ArticleSummary[]>()(z.object({})),
  getArticle: method<Article>()(z.object({ id })),
  importFiles: method<ImportReport>()(
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
  searchArticles: method<SearchResult>()(
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
  findInArticle: method<{ start: number; end: number }[]>()(z.object({ id, query: z.string().max(500) })),
  listSpellingVariants: method<VariantGroup[]>()(z.object({})),
  addSpellingVariants: method<VariantGroup>()(
    z.object({
      terms: z
        .array(z.string().trim().min(1).max(80).regex(/^[\p{L}\p{N}\p{M}]+$/u, 'each variant is a single word'))
        .min(2, 'give at least two spellings'),
    }),
  ),
  deleteSpellingVariants: method<{ deleted: true }>()(z.object({ groupId: id })),
  listTags: method<Tag[]>()(z.object({})),
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
  listEntities: method<EntitySummary[]>()(z.object({})),
  createEntity: method<EntitySummary>()(
    z.object({ kind: entityKind, name: z.string().trim().min(1).max(200), aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]) }),
  ),
  addEntityAlias: method<EntitySummary>()(z.object({ entityId: id, alias: z.string().trim().min(1).max(200) })),
  deleteEntity: method<{ deleted: true }>()(z.object({ id })),
  markEntity: method<MentionRow>()(
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
  listMentions: method<MentionRow[]>()(
    z.object({ entityId: id.optional(), articleId: id.optional(), status: z.enum(['suggested', 'accepted', 'rejected']).optional() }),
  ),
  reviewMentions: method<{ changed: number }>()(z.object({ ids: z.array(id).min(1).max(10_000), status: z.enum(['accepted', 'rejected']) })),
  exportCodebook: method<string>()(z.object({})),
  importCodebook: method<CodebookImportReport>()(z.object({ name: z.string().min(1).max(1024), dataBase64: z.string() })),
  listAnnotations: method<AnnotationRow[]>()(z.object({ articleId: id.optional() })),
  createAnnotation: method<Annotation>()(
    z
      .object({
        articleId: id,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        tagId: id.nullable(),
        note: z.string().max(10_000).nullable(),
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
  listHistory: method<HistoryEntry[]>()(z.object({ limit: z.number().int().min(1).max(1000).default(100) })),
  exportWebAnnotations: method<Record<string, unknown>>()(z.object({ articleId: id.optional() })),
  importWebAnnotations: method<WebAnnotationImportReport>()(z.object({ document: z.unknown() })),
  updateArticleText: method<ReanchorReport>()(z.object({ id, body: z.string().min(1, 'the text cannot be empty').max(20_000_000) })),
  replaceArticleTextFromFile: method<ReanchorReport>()(z.object({ id, name: z.string().min(1).max(1024), dataBase64: z.string() })),
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

/** The header that carries browser mode's per-launch token. */
export const TOKEN_HEADER = 'x-sanad-token';
