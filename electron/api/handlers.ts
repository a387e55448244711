/**
 * The handler table: one function per contract method, over the store. Both transports
 * (IPC in the desktop app, HTTP in browser mode) call these through {@link createDispatcher},
 * and tests call them directly.
 */
import { ZodError } from 'zod';
import { changeAnnotation, deleteAnnotation, findAnnotation, insertAnnotation, listAnnotationRows, queryAnnotations } from '../../db/sqlite/annotations';
import { listHistory, recordStep, type StepLabel } from '../../db/sqlite/history';
import type { Annotation, HistoryKind } from '../../db/model';
import { redo, undo, UndoRefusedError } from '../../db/sqlite/undo';
import { addAlias, deleteEntity, findEntity, findEntityByName, findMention, insertAcceptedMention, insertEntity, listEntities, listMentions, reviewMentions } from '../../db/sqlite/entities';
import { findArticle, listArticles, listOutlets, queryArticles, replaceArticleBody, updateArticle } from '../../db/sqlite/articles';
import { PageRequestError } from '../../db/sqlite/paging';
import { findInText, searchArticles, SearchQueryError } from '../../db/sqlite/search';
import { addVariantGroup, deleteVariantGroup, listVariantGroups } from '../../db/sqlite/spelling-variants';
import type { Store } from '../../db/sqlite/store';
import { deleteTag, findTag, findTagByName, insertTag, listTags, mergeTags, tagExists, tagUsage, updateTag, wouldCycle } from '../../db/sqlite/tags';
import { codePointLength, normaliseText, quoteSelector } from '../../db/text/text';
import { importFiles, inThreadPreparer, type Preparer } from '../services/import';
import { createJobRunner, type JobRunner } from '../services/jobs';
import { activeJob, listJobs } from '../../db/sqlite/jobs';
import { CodebookError, exportCodebook, importCodebook } from '../services/refi-qda';
import { exportWebAnnotations, importWebAnnotations } from '../services/web-annotation';
import { type ApiErrorCode, type ApiMethod, type ApiOutput, type ApiParsedInput, type ApiResult, contract } from './contract';

/** An error a handler raises on purpose, carried to the caller as `{ok:false, error}`. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Who calls: the window it comes from (undo is per window); the one local analyst is the actor. */
export interface CallContext {
  client?: string;
}

/** Every method's implementation; a method missing here is a compile error. */
export type Handlers = { [M in ApiMethod]: (input: ApiParsedInput<M>, call: CallContext) => ApiOutput<M> | Promise<ApiOutput<M>> };

/** What the handlers need besides the store: a clock (tests fix it), import worker threads, and the job runner. */
export interface HandlerOptions {
  now?: () => string;
  preparer?: Preparer;
  jobs?: JobRunner;
}

/** Who acts: Sanad has one local analyst per store today; a team server will name each. */
const LOCAL_ACTOR = 'local';

/** Builds the handler table over an open store. */
export function createHandlers(db: Store, { now = () => new Date().toISOString(), preparer, jobs = createJobRunner(db, now) }: HandlerOptions = {}): Handlers {
  const requireArticle = (id: number) => {
    const article = findArticle(db, id);
    if (!article) throw new ApiError('NOT_FOUND', `There is no article #${id}; it may have been deleted.`);
    return article;
  };
  /** The quote selector of [start, end) in an article, checked to lie inside it and to hold text. */
  const passage = (articleId: number, start: number, end: number) => {
    const article = requireArticle(articleId);
    const length = codePointLength(article.body);
    if (end > length) throw new ApiError('INVALID_ARGUMENT', `The passage ends at ${end}, past the end of the article (${length}).`);
    const quote = quoteSelector(article.body, start, end);
    if (quote.exact.trim() === '') throw new ApiError('INVALID_ARGUMENT', 'Select some text, not only spaces.');
    return quote;
  };
  const requireTag = (tagId: number | null | undefined) => {
    if (tagId != null && !tagExists(db, tagId)) throw new ApiError('NOT_FOUND', `There is no tag #${tagId}.`);
  };
  /** Runs `work` as one undoable step of the calling window (see db/history.ts). */
  const step = <T>(call: CallContext, label: StepLabel | ((result: T) => StepLabel), work: () => T): T =>
    recordStep(db, { actor: LOCAL_ACTOR, client: call.client ?? LOCAL_ACTOR, now: now() }, label, work);
  /** Scans the library for an entity's aliases as a background job, and returns the entity once it has run. */
  const scanAliases = async (entityId: number) => {
    await jobs.scanAliases(entityId, findEntity(db, entityId)!.name, LOCAL_ACTOR);
    return findEntity(db, entityId)!;
  };
  /** A text edit, with the re-anchoring it causes, as one step. */
  const replaceText = (call: CallContext, id: number, body: string) => {
    const report = step(call, { kind: 'text.edit', subjectId: id, articleId: id, quote: findArticle(db, id)?.title ?? '' }, () => replaceArticleBody(db, id, normaliseText(body), now()));
    if (!report) throw new ApiError('NOT_FOUND', `There is no article #${id}; it may have been deleted.`);
    return report;
  };
  return {
    listArticles: () => listArticles(db),
    getArticle: ({ id }) => requireArticle(id),
    queryArticles: (request) => explainQueryErrors(() => queryArticles(db, request)),
    listOutlets: () => listOutlets(db),
    importFiles: ({ files }) =>
      importFiles(
        db,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
        { now, preparer },
      ),
    updateArticle: ({ id, ...edit }, call) => {
      const changed = step(call, { kind: 'article.edit', subjectId: id, articleId: id, detail: { fields: Object.keys(edit) } }, () => updateArticle(db, id, edit));
      if (!changed) throw new ApiError('NOT_FOUND', `There is no article #${id}; it may have been deleted.`);
      const { body: _body, contentHash: _hash, ...summary } = requireArticle(id);
      return summary;
    },
    searchArticles: ({ query, limit, ...filters }) => {
      const result = explainQueryErrors(() => searchArticles(db, query, filters, limit));
      const rebuilding = activeJob(db, 'reindex');
      return rebuilding ? { ...result, rebuilding: { done: rebuilding.done, total: rebuilding.total } } : result;
    },
    findInArticle: ({ id, query }) => explainQueryErrors(() => findInText(db, requireArticle(id).body, query)),
    listSpellingVariants: () => listVariantGroups(db),
    addSpellingVariants: ({ terms }, call) => step(call, (group) => ({ kind: 'variants.add', subjectId: group.groupId, quote: group.terms.join(' · ') }), () => addVariantGroup(db, terms)),
    deleteSpellingVariants: ({ groupId }, call) => {
      const terms = listVariantGroups(db).find((g) => g.groupId === groupId)?.terms ?? [];
      if (!step(call, { kind: 'variants.delete', subjectId: groupId, quote: terms.join(' · ') }, () => deleteVariantGroup(db, groupId))) throw new ApiError('NOT_FOUND', `There is no spelling-variant group #${groupId}.`);
      return { deleted: true as const };
    },
    listTags: () => listTags(db),
    createTag: ({ name, colour, parentId, description }, call) => {
      const existing = findTagByName(db, name);
      if (existing) throw new ApiError('CONFLICT', `A tag called "${existing.name}" already exists.`);
      requireTag(parentId);
      return step(call, (tag) => ({ kind: 'tag.create', subjectId: tag.id, quote: tag.name }), () =>
        insertTag(db, name, colour, { parentId: parentId ?? null, description: description ?? null }),
      );
    },
    updateTag: ({ id, ...change }, call) => {
      requireTag(id);
      const clash = change.name === undefined ? undefined : findTagByName(db, change.name);
      if (clash && clash.id !== id) throw new ApiError('CONFLICT', `A tag called "${clash.name}" already exists; merge the two instead.`);
      if (change.parentId !== undefined) {
        requireTag(change.parentId);
        if (wouldCycle(db, id, change.parentId)) throw new ApiError('INVALID_ARGUMENT', 'A tag cannot be moved inside itself or one of its own sub-tags.');
      }
      if (change.shortcut) {
        const taken = listTags(db).find((t) => t.shortcut === change.shortcut && t.id !== id);
        if (taken) throw new ApiError('CONFLICT', `The key "${change.shortcut}" already applies the tag "${taken.name}".`);
      }
      const before = findTag(db, id)!;
      return step(call, { kind: 'tag.edit', subjectId: id, quote: before.name, detail: { fields: Object.keys(change) } }, () => updateTag(db, id, change));
    },
    mergeTags: ({ sourceId, targetId }, call) => {
      requireTag(sourceId);
      requireTag(targetId);
      if (sourceId === targetId) throw new ApiError('INVALID_ARGUMENT', 'Choose two different tags to merge.');
      if (wouldCycle(db, sourceId, targetId)) throw new ApiError('INVALID_ARGUMENT', 'A tag cannot be merged into one of its own sub-tags.');
      const [source, target] = [findTag(db, sourceId)!, findTag(db, targetId)!];
      return step(call, { kind: 'tag.merge', subjectId: targetId, quote: source.name, detail: { into: target.name, passages: tagUsage(db, sourceId) } }, () =>
        mergeTags(db, sourceId, targetId),
      );
    },
    deleteTag: ({ id, annotations }, call) => {
      requireTag(id);
      if (annotations.action === 'move') {
        requireTag(annotations.toTagId);
        if (annotations.toTagId === id) throw new ApiError('INVALID_ARGUMENT', 'Move the annotations to another tag than the one being deleted.');
      }
      const tag = findTag(db, id)!;
      step(call, { kind: 'tag.delete', subjectId: id, quote: tag.name, detail: { passages: tagUsage(db, id), action: annotations.action } }, () => deleteTag(db, id, annotations));
      return { deleted: true as const };
    },
    listEntities: () => listEntities(db),
    createEntity: async ({ kind, name, aliases }, call) => {
      const entityId = step(call, (id) => ({ kind: 'entity.create', subjectId: id, quote: name, detail: { kind } }), () => {
        if (findEntityByName(db, kind, name)) throw new ApiError('CONFLICT', `There is already a ${kind} called "${name}".`);
        const id = insertEntity(db, kind, name, now());
        for (const alias of [name, ...aliases]) addAlias(db, id, alias);
        return id;
      });
      return scanAliases(entityId);
    },
    addEntityAlias: async ({ entityId, alias }, call) => {
      const entity = findEntity(db, entityId);
      if (!entity) throw new ApiError('NOT_FOUND', `There is no entity #${entityId}.`);
      step(call, { kind: 'entity.alias', subjectId: entityId, quote: alias, detail: { entity: entity.name } }, () => addAlias(db, entityId, alias));
      return scanAliases(entityId);
    },
    deleteEntity: ({ id }, call) => {
      const name = findEntity(db, id)?.name ?? '';
      if (!step(call, { kind: 'entity.delete', subjectId: id, quote: name }, () => deleteEntity(db, id))) throw new ApiError('NOT_FOUND', `There is no entity #${id}.`);
      return { deleted: true as const };
    },
    markEntity: async ({ articleId, start, end, entityId, newEntity }, call) => {
      const [target, mentionId] = step(call, ([, id]) => ({ kind: 'entity.mark', subjectId: id, articleId, quote: quoteSelector(requireArticle(articleId).body, start, end).exact }), () => {
        const { exact } = passage(articleId, start, end);
        let chosen = entityId;
        if (chosen !== undefined && !findEntity(db, chosen)) throw new ApiError('NOT_FOUND', `There is no entity #${chosen}.`);
        if (newEntity) chosen = findEntityByName(db, newEntity.kind, newEntity.name)?.id ?? insertEntity(db, newEntity.kind, newEntity.name, now());
        // What the analyst marked becomes an alias, so the same spelling is found everywhere else.
        addAlias(db, chosen!, exact);
        if (newEntity) addAlias(db, chosen!, newEntity.name);
        return [chosen!, insertAcceptedMention(db, chosen!, articleId, start, end, requireArticle(articleId).body, now())] as const;
      });
      await scanAliases(target);
      return listMentions(db, { entityId: target }).find((m) => m.id === mentionId)!;
    },
    listMentions: (filter) => listMentions(db, filter),
    reviewMentions: ({ ids, status }, call) => {
      const first = findMention(db, ids[0]!);
      const label = (changed: number): StepLabel => ({
        kind: 'mention.review',
        subjectId: first?.id ?? null,
        articleId: ids.length === 1 ? (first?.articleId ?? null) : null,
        quote: first?.entityName ?? '',
        detail: { status, count: changed },
      });
      return { changed: step(call, label, () => reviewMentions(db, ids, status)) };
    },
    exportCodebook: () => exportCodebook(db),
    importCodebook: async ({ name, dataBase64 }) => {
      try {
        return await importCodebook(db, name, Buffer.from(dataBase64, 'base64'));
      } catch (error) {
        if (error instanceof CodebookError) throw new ApiError('INVALID_ARGUMENT', error.message);
        throw error;
      }
    },
    listAnnotations: ({ articleId }) => listAnnotationRows(db, articleId),
    queryAnnotations: (request) => explainQueryErrors(() => queryAnnotations(db, request)),
    createAnnotation: ({ articleId, start, end, tagId, note }, call) => {
      requireTag(tagId);
      const quote = passage(articleId, start, end);
      return step(call, (created) => annotationLabel('annotation.create', created), () =>
        insertAnnotation(db, { articleId, start, end, ...quote, tagId, note: note?.trim() || null }, now()),
      );
    },
    deleteAnnotation: ({ id }, call) => {
      const annotation = findAnnotation(db, id);
      if (!annotation) throw new ApiError('NOT_FOUND', `There is no annotation #${id}.`);
      step(call, annotationLabel('annotation.delete', annotation), () => deleteAnnotation(db, id));
      return { deleted: true as const };
    },
    updateAnnotation: ({ id, tagId, note }, call) => {
      requireTag(tagId);
      const change = { ...(tagId !== undefined && { tagId }), ...(note !== undefined && { note: note?.trim() || null }) };
      const annotation = findAnnotation(db, id);
      if (!annotation) throw new ApiError('NOT_FOUND', `There is no annotation #${id}.`);
      return step(call, annotationLabel('annotation.edit', annotation, { fields: Object.keys(change) }), () => changeAnnotation(db, id, change, now())!);
    },
    placeAnnotation: ({ id, start, end }, call) => {
      const annotation = findAnnotation(db, id);
      if (!annotation) throw new ApiError('NOT_FOUND', `There is no annotation #${id}.`);
      const quote = passage(annotation.articleId, start, end);
      return step(call, annotationLabel('annotation.place', annotation), () =>
        changeAnnotation(db, id, { start, end, ...quote, reviewReason: null, reviewCandidates: null }, now())!,
      );
    },
    undo: (_input, call) => undo(db, call.client ?? LOCAL_ACTOR) ?? null,
    redo: (_input, call) => redo(db, call.client ?? LOCAL_ACTOR) ?? null,
    listHistory: ({ limit }) => listHistory(db, limit),
    listJobs: ({ limit }) => listJobs(db, limit),
    cancelJob: ({ id }) => {
      if (!jobs.cancel(id)) throw new ApiError('CONFLICT', `Job #${id} has already finished, or there is no such job.`);
      return { cancelling: true as const };
    },
    exportWebAnnotations: ({ articleId }) => {
      if (articleId !== undefined) requireArticle(articleId);
      return exportWebAnnotations(db, articleId);
    },
    importWebAnnotations: ({ document }, call) =>
      step(call, (report) => ({ kind: 'annotations.import', detail: { count: report.imported } }), () => importWebAnnotations(db, document, now())),
    updateArticleText: ({ id, body }, call) => replaceText(call, id, body),
    replaceArticleTextFromFile: async ({ id, name, dataBase64 }, call) => {
      const prepared = await (preparer ?? inThreadPreparer).prepare({ name, bytes: Buffer.from(dataBase64, 'base64') });
      if ('error' in prepared) throw new ApiError('INVALID_ARGUMENT', `${name}: ${prepared.error}`);
      const first = prepared.items.find((item) => 'article' in item);
      if (!first || !('article' in first)) throw new ApiError('INVALID_ARGUMENT', `${name}: no article text found in it`);
      return replaceText(call, id, first.article.body);
    },
  };
}

/** The history label of an action on an annotation: the passage, in its article. */
function annotationLabel(kind: HistoryKind, annotation: Annotation, detail: Record<string, unknown> = {}): StepLabel {
  return { kind, subjectId: annotation.id, articleId: annotation.articleId, quote: annotation.exact, detail };
}

/** Runs a search or a grid query; one that cannot be understood becomes an INVALID_ARGUMENT error with its reason. */
function explainQueryErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SearchQueryError || error instanceof PageRequestError) throw new ApiError('INVALID_ARGUMENT', error.message);
    throw error;
  }
}

/** Calls a method by name with an unchecked argument: validates it, runs it, and wraps the result. */
export type Dispatch = (method: string, arg: unknown, context?: CallContext) => Promise<ApiResult<unknown>>;

/** Turns a handler table into a {@link Dispatch}: the only door both transports use. */
export function createDispatcher(handlers: Handlers): Dispatch {
  return async (method, arg, context = {}) => {
    if (!Object.hasOwn(contract, method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Sanad has no API method "${method}".` } };
    }
    const name = method as ApiMethod;
    try {
      const input = contract[name].input.parse(arg ?? {});
      const handler = handlers[name] as (input: unknown, call: CallContext) => unknown;
      const value = await handler(input, context);
      return contract[name].access === 'write' ? { ok: true, value, wrote: true } : { ok: true, value };
    } catch (error) {
      return { ok: false, error: describeError(error) };
    }
  };
}

function describeError(error: unknown): { code: ApiErrorCode; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof UndoRefusedError) return { code: 'CONFLICT', message: error.message };
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return { code: 'INVALID_ARGUMENT', message: `Invalid request: ${issues.join('; ')}` };
  }
  return { code: 'INTERNAL', message: `Something went wrong inside Sanad: ${error instanceof Error ? error.message : String(error)}` };
}
