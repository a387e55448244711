/**
 * The SQLite implementation of the repositories and the unit of work (db/repositories.ts), over
 * one better-sqlite3 connection. better-sqlite3 is synchronous, so each method does its work at
 * once and returns a settled promise; the unit of work opens the transaction with BEGIN and
 * closes it with COMMIT (or ROLLBACK) around the call, and lets one unit in at a time.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreBusyError, StoreFullError, StoreReadOnlyError } from '../errors';
import type { Repositories, UnitOfWork } from '../repositories';
import { deleteGridView, findGridView, listGridViews, saveGridView } from './grid-views';
import {
  changeClaim,
  changeEvent,
  claimEvidence,
  deleteClaim,
  deleteEvent,
  findClaim,
  findEvent,
  findSourceByName,
  insertClaim,
  insertEvent,
  insertSource,
  linkClaim,
  listClaims,
  listEvents,
  queryClaims,
  refreshClaimSearchKeys,
  refreshEventCorroboration,
  sourceCitations,
  sourceGraph,
  sourceRoles,
  unlinkClaim,
  updateSource,
} from './claims';
import { eventTimeline } from './timeline';
import { annotationGroups, changeAnnotation, deleteAnnotation, findAnnotation, findAnnotationAt, insertAnnotation, listAnnotationRows, queryAnnotations } from './annotations';
import { fillSourceDetails, findArticle, findArticleByHash, findArticleByUrl, insertArticle, listArticles, listOutlets, queryArticles, replaceArticleBody, updateArticle } from './articles';
import {
  addAlias,
  deleteEntity,
  deleteMention,
  findEntity,
  findEntityByName,
  findMention,
  insertAcceptedMention,
  insertEntity,
  listEntities,
  listMentions,
  placeMention,
  reviewMentions,
  suggestMentions,
} from './entities';
import { beginStep, finishStep, listHistory, stopRecording } from './history';
import { activeJob, listJobs } from './jobs';
import { findInText, searchArticles } from './search';
import { addVariantGroup, deleteVariantGroup, listVariantGroups } from './spelling-variants';
import { statement } from './statements';
import { BUSY_TIMEOUT_MS, type Store } from './store';
import { deleteTag, findTag, findTagByGuid, findTagByName, insertTag, listTags, mergeTags, tagUsage, updateTag, wouldCycle } from './tags';
import { mergeSources } from './sources';
import { redo, undo } from './undo';
import {
  changeReport,
  deleteReport,
  deleteTemplate,
  duplicateReport,
  eventClaimIdsInOrder,
  eventsInTimelineOrder,
  findReport,
  findTemplate,
  insertReport,
  listReports,
  listTemplates,
  saveTemplate,
} from './reports';

/** The repositories over one connection. */
export function sqliteRepositories(db: Store): Repositories {
  return {
    articles: {
      list: async () => listArticles(db),
      find: async (id) => findArticle(db, id),
      findByHash: async (hash) => findArticleByHash(db, hash),
      findByUrl: async (url) => findArticleByUrl(db, url),
      query: async (request) => queryArticles(db, request),
      outlets: async () => listOutlets(db),
      insert: async (article, importedAt, indexed) => insertArticle(db, article, importedAt, indexed),
      update: async (id, edit) => updateArticle(db, id, edit),
      fillSourceDetails: async (ids, details, overwrite) => fillSourceDetails(db, ids, details, overwrite),
      replaceText: async (id, body, now) => replaceArticleBody(db, id, body, now),
    },
    search: {
      search: async (query, filters, limit) => searchArticles(db, query, filters, limit),
      findInText: async (body, query) => findInText(db, body, query),
      listVariants: async () => listVariantGroups(db),
      addVariants: async (terms) => addVariantGroup(db, terms),
      deleteVariants: async (groupId) => deleteVariantGroup(db, groupId),
    },
    codebook: {
      list: async () => listTags(db),
      find: async (id) => findTag(db, id),
      findByName: async (name) => findTagByName(db, name),
      findByGuid: async (guid) => findTagByGuid(db, guid),
      insert: async (name, colour, details) => insertTag(db, name, colour, details),
      update: async (id, change) => updateTag(db, id, change),
      merge: async (sourceId, targetId) => mergeTags(db, sourceId, targetId),
      delete: async (id, annotations) => deleteTag(db, id, annotations),
      usage: async (id) => tagUsage(db, id),
      wouldCycle: async (id, parentId) => wouldCycle(db, id, parentId),
    },
    annotations: {
      list: async (articleId) => listAnnotationRows(db, articleId),
      query: async (request) => queryAnnotations(db, request),
      groups: async (by, quickFilter) => annotationGroups(db, by, quickFilter),
      find: async (id) => findAnnotation(db, id),
      findAt: async (articleId, start, end) => findAnnotationAt(db, articleId, start, end),
      insert: async (annotation, now) => insertAnnotation(db, annotation, now),
      change: async (id, change, now) => changeAnnotation(db, id, change, now),
      delete: async (id) => deleteAnnotation(db, id),
    },
    entities: {
      list: async () => listEntities(db),
      find: async (id) => findEntity(db, id),
      findByName: async (kind, name) => findEntityByName(db, kind, name),
      insert: async (kind, name, now) => insertEntity(db, kind, name, now),
      addAlias: async (entityId, alias) => addAlias(db, entityId, alias),
      delete: async (id) => deleteEntity(db, id),
      findMention: async (id) => findMention(db, id),
      mentions: async (filter) => listMentions(db, filter),
      insertAcceptedMention: async (entityId, articleId, start, end, body, now) => insertAcceptedMention(db, entityId, articleId, start, end, body, now),
      placeMention: async (id, start, end, body) => placeMention(db, id, start, end, body),
      deleteMention: async (id) => deleteMention(db, id),
      review: async (ids, status) => reviewMentions(db, ids, status),
      suggestIn: async (articleIds, now) => suggestMentions(db, now, articleIds),
    },
    history: {
      list: async (limit) => listHistory(db, limit),
      undo: async (client) => undo(db, client),
      redo: async (client) => redo(db, client),
    },
    jobs: {
      list: async (limit) => listJobs(db, limit),
      active: async (kind) => activeJob(db, kind),
    },
    sources: {
      findByName: async (name) => findSourceByName(db, name),
      insert: async (name, role, reportedBy, now) => insertSource(db, name, role, reportedBy, now),
      update: async (id, change) => updateSource(db, id, change),
      citations: async (id) => sourceCitations(db, id),
      roles: async (ids) => sourceRoles(db, ids),
      graph: async (eventId) => sourceGraph(db, eventId),
      merge: async (sourceId, targetId, now) => mergeSources(db, sourceId, targetId, now),
    },
    claims: {
      find: async (id) => findClaim(db, id),
      list: async (filter) => listClaims(db, filter),
      query: async (request) => queryClaims(db, request),
      insert: async (claim, now) => insertClaim(db, claim, now),
      change: async (id, change, now) => changeClaim(db, id, change, now),
      delete: async (id) => deleteClaim(db, id),
      link: async (claimId, eventId, relation) => linkClaim(db, claimId, eventId, relation),
      unlink: async (claimId, eventId) => unlinkClaim(db, claimId, eventId),
      evidence: async (claimId) => claimEvidence(db, claimId),
    },
    events: {
      list: async () => listEvents(db),
      find: async (id) => findEvent(db, id),
      insert: async (fields, now) => insertEvent(db, fields, now),
      change: async (id, fields, now) => changeEvent(db, id, fields, now),
      delete: async (id) => deleteEvent(db, id),
      timeline: async (filter) => eventTimeline(db, filter),
    },
    views: {
      list: async (grid) => listGridViews(db, grid),
      find: async (id) => findGridView(db, id),
      save: async (grid, name, state, now) => saveGridView(db, grid, name, state, now),
      delete: async (id) => deleteGridView(db, id),
    },
    reports: {
      list: async () => listReports(db),
      find: async (id) => findReport(db, id),
      insert: async (fields, now) => insertReport(db, fields, now),
      change: async (id, change, now) => changeReport(db, id, change, now),
      delete: async (id) => deleteReport(db, id),
      duplicate: async (id, title, now) => duplicateReport(db, id, title, now),
      eventsInTimelineOrder: async (ids) => eventsInTimelineOrder(db, ids),
      eventClaimIds: async (eventId) => eventClaimIdsInOrder(db, eventId),
      listTemplates: async () => listTemplates(db),
      findTemplate: async (id) => findTemplate(db, id),
      saveTemplate: async (template, now) => saveTemplate(db, template, now),
      deleteTemplate: async (id) => deleteTemplate(db, id),
    },
  };
}

/**
 * What the store derives in code from what was written, brought up to date before a write
 * commits, whichever write it was (an edit, an import, an undo): claims' search keys and events'
 * corroboration (migration 14's triggers mark what went stale).
 */
function bringDerivedUpToDate(db: Store): void {
  refreshClaimSearchKeys(db);
  refreshEventCorroboration(db);
}

/** Who writes when no one is named: the one local analyst (a team server names each). */
const LOCAL_ACTOR = 'local';

/**
 * The unit of work over one connection. Units run one after another (a unit that awaits must not
 * let another's statements into its transaction); a unit started inside another is a savepoint
 * in it, so it fails alone (an import stores each file that way).
 */
export function sqliteUnitOfWork(db: Store): UnitOfWork {
  const repos = sqliteRepositories(db);
  let queue: Promise<unknown> = Promise.resolve();
  // Marks the async context of a running unit, so that a unit started from inside it joins it.
  const insideUnit = new AsyncLocalStorage<number>();
  // Savepoints are named by depth, so their three statements are prepared once per depth (an
  // import opens one per file).
  const savepoint = (depth: number) => ({
    open: statement(db, `SAVEPOINT unit_${depth}`),
    release: statement(db, `RELEASE unit_${depth}`),
    rollback: statement(db, `ROLLBACK TO unit_${depth}`),
  });
  const inTransaction = async <T>(begin: string, work: () => Promise<T>): Promise<T> => {
    const depth = insideUnit.getStore();
    if (depth !== undefined) {
      const point = savepoint(depth);
      point.open.run();
      try {
        const result = await insideUnit.run(depth + 1, work);
        point.release.run();
        return result;
      } catch (error) {
        point.rollback.run();
        point.release.run();
        throw error;
      }
    }
    const run = () =>
      insideUnit.run(1, async () => {
        try {
          db.exec(begin);
          const result = await work();
          if (begin !== 'BEGIN') bringDerivedUpToDate(db);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          // Faults of the disk or of other programs, as reasons a person can act on (the transaction was rolled back).
          const code = (error as { code?: unknown }).code;
          if (code === 'SQLITE_BUSY') throw new StoreBusyError(BUSY_TIMEOUT_MS / 1000);
          if (code === 'SQLITE_FULL') throw new StoreFullError((error as Error).message);
          if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') throw new StoreReadOnlyError((error as Error).message);
          throw error;
        }
      });
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
  /** Names who writes (and when) while `work` runs, so the rows it touches record it; an enclosing unit's actor is kept. */
  const asActor = async <T>(who: { actor: string; at: string }, work: () => Promise<T>): Promise<T> => {
    if (statement(db, 'SELECT actor FROM history_recording').pluck().get() != null) return work();
    statement(db, 'UPDATE history_recording SET actor = ?, at = ?').run(who.actor, who.at);
    try {
      return await work();
    } finally {
      statement(db, 'UPDATE history_recording SET actor = NULL, at = NULL').run();
    }
  };
  return {
    read: (work) => inTransaction('BEGIN', () => work(repos)),
    write: (work) => inTransaction('BEGIN IMMEDIATE', () => asActor({ actor: LOCAL_ACTOR, at: new Date().toISOString() }, () => work(repos))),
    step: (context, label, work) =>
      inTransaction('BEGIN IMMEDIATE', async () => {
        const { stepId, previous } = beginStep(db, context);
        let result: Awaited<ReturnType<typeof work>>;
        try {
          result = await work(repos);
        } finally {
          stopRecording(db, previous);
        }
        finishStep(db, stepId, context.client, typeof label === 'function' ? label(result) : label);
        return result;
      }),
  };
}
