/**
 * What every domain's handlers share: the services they are built over, what each call gives
 * them, the error they raise on purpose, and checks several domains make.
 */
import type { JobRunner, LibraryFiles, Repositories, UnitOfWork } from '../../../db/repositories';
import type { Annotation, HistoryKind, StepLabel } from '../../../db/model';
import { PageRequestError, SearchQueryError } from '../../../db/errors';
import { codePointLength, quoteSelector } from '../../../db/text/text';
import type { Preparer } from '../../services/import';
import type { Uploads } from '../../services/uploads';
import { type ApiErrorBody, type ApiErrorCode, errorBody } from '../constants';
import type { ApiMethod, ApiOutput, ApiParsedInput } from '../contract';
import type { ErrorKey, ErrorParams } from '../error-messages';

/** An error a handler raises on purpose, carried to the caller as `{ok:false, error}` with its message key and parameters. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly body: ApiErrorBody;
  constructor(code: ApiErrorCode, key: ErrorKey, params: ErrorParams = {}) {
    const body = errorBody(code, key, params);
    super(body.message);
    this.body = body;
  }
}

/** What the handlers are built over: the store's unit of work, the job runner, import threads, a clock and the received files. */
export interface Services {
  uow: UnitOfWork;
  jobs: JobRunner;
  preparer?: Preparer;
  now: () => string;
  /** Files received beforehand (uploads), which calls name by id, and files made for the window to fetch (a backup). */
  uploads?: Pick<Uploads, 'find' | 'remove' | 'reserve'>;
  /** Copies and checks of the library as one file (backup and restore). */
  libraryFiles?: LibraryFiles;
  /**
   * The library's file, given only where the composition can replace it under the running app
   * (the store workers: see backend/worker-backend.ts, which moves a verified restore into place).
   */
  libraryPath?: string;
}

/** Who acts: Sanad has one local analyst per store today; a team server will name each. */
export const LOCAL_ACTOR = 'local';

/** What a handler gets with its input. */
export interface HandlerCall {
  /** The store, inside the call's transaction (read and write methods; long ones use `write`/`step`). */
  repos: Repositories;
  /** The calling window: undo and redo act on its own steps. */
  client: string;
  /** Reads in a transaction of its own (long calls, which have none; inside a call's own, a savepoint). */
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Runs `work` in a transaction (inside the call's own, as a savepoint). */
  write<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /** Runs `work` as one undoable step of this window. */
  step<T>(label: StepLabel | ((result: NoInfer<T>) => StepLabel), work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** One method's implementation. */
export type Handler<M extends ApiMethod> = (input: ApiParsedInput<M>, call: HandlerCall) => Promise<ApiOutput<M>>;

/** Every method's implementation; a method missing here is a compile error. */
export type Handlers = { [M in ApiMethod]: Handler<M> };

/**
 * Scans the library for an entity's aliases as a background job, as a new entity or alias is
 * scanned, and resolves once the job has run (the store keeps answering other calls meanwhile).
 * Call it outside a unit of work: the job runs its chunks between units.
 */
export async function scanEntityAliases({ uow, jobs }: Pick<Services, 'uow' | 'jobs'>, entityId: number): Promise<void> {
  const name = (await uow.read(async (repos) => repos.entities.find(entityId)))!.name;
  await jobs.scanAliases(entityId, name, LOCAL_ACTOR);
}

/** How an import is named in the jobs list: its file, or its first file and how many more. */
export function importLabel(names: readonly string[]): string {
  return names.length > 1 ? `${names[0]} (+${names.length - 1})` : (names[0] ?? '');
}

/** The article, or a NOT_FOUND naming it. */
export async function requireArticle(repos: Repositories, id: number) {
  const article = await repos.articles.find(id);
  if (!article) throw new ApiError('NOT_FOUND', 'articleNotFound', { id });
  return article;
}

/** The quote selector of [start, end) in an article, checked to lie inside it and to hold text. */
export async function passage(repos: Repositories, articleId: number, start: number, end: number) {
  const article = await requireArticle(repos, articleId);
  const length = codePointLength(article.body);
  if (end > length) throw new ApiError('INVALID_ARGUMENT', 'passagePastEnd', { end, length });
  const quote = quoteSelector(article.body, start, end);
  if (quote.exact.trim() === '') throw new ApiError('INVALID_ARGUMENT', 'emptySelection');
  return { ...quote, article };
}

/** Checks that a tag exists (null means no tag). */
export async function requireTag(repos: Repositories, tagId: number | null | undefined): Promise<void> {
  if (tagId != null && !(await repos.codebook.find(tagId))) throw new ApiError('NOT_FOUND', 'tagNotFound', { id: tagId });
}

/** Checks that each tag exists. */
export async function requireTags(repos: Repositories, tagIds: readonly number[]): Promise<void> {
  for (const tagId of tagIds) await requireTag(repos, tagId);
}

/** The history label of an action on an annotation: the passage, in its article. */
export function annotationLabel(kind: HistoryKind, annotation: Annotation, detail: Record<string, unknown> = {}): StepLabel {
  return { kind, subjectId: annotation.id, articleId: annotation.articleId, quote: annotation.exact, detail };
}

/** Runs a search or a grid query; one that cannot be understood becomes an INVALID_ARGUMENT error with its reason. */
export async function explainQueryErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SearchQueryError || error instanceof PageRequestError) throw new ApiError('INVALID_ARGUMENT', 'notUnderstood', { reason: error.message });
    throw error;
  }
}
