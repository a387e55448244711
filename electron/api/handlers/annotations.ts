/** Handlers of annotations: tagging passages, notes, placing lost ones, and W3C exchange. */
import type { Repositories } from '../../../db/repositories';
import { ExportCancelledError, exportWebAnnotations, importWebAnnotations } from '../../services/web-annotation';
import { annotationLabel, ApiError, explainQueryErrors, type Handlers, LOCAL_ACTOR, passage, requireArticle, requireTags, type Services } from './common';

type AnnotationMethods =
  | 'listAnnotations'
  | 'queryAnnotations'
  | 'annotationGroups'
  | 'createAnnotation'
  | 'deleteAnnotation'
  | 'updateAnnotation'
  | 'placeAnnotation'
  | 'exportWebAnnotations'
  | 'importWebAnnotations';

/** The annotations' handlers. */
export function annotationHandlers({ uow, jobs, now }: Services): Pick<Handlers, AnnotationMethods> {
  const requireAnnotation = async (repos: Repositories, id: number) => {
    const annotation = await repos.annotations.find(id);
    if (!annotation) throw new ApiError('NOT_FOUND', 'annotationNotFound', { id });
    return annotation;
  };
  return {
    listAnnotations: ({ articleId }, { repos }) => repos.annotations.list(articleId),
    queryAnnotations: (request, { repos }) => explainQueryErrors(() => repos.annotations.query(request)),
    annotationGroups: ({ by, quickFilter }, { repos }) => repos.annotations.groups(by, quickFilter),
    createAnnotation: async ({ articleId, start, end, tagId, tagIds, note }, call) => {
      const tags = tagIds ?? (tagId === null ? [] : [tagId]);
      await requireTags(call.repos, tags);
      const { article: _article, ...quote } = await passage(call.repos, articleId, start, end);
      // One passage, several tags: tagging a passage that is already annotated adds to its tags.
      const existing = await call.repos.annotations.findAt(articleId, start, end);
      if (existing) {
        const added = tags.filter((t) => !existing.tagIds.includes(t));
        const change = { ...(added.length && { tagIds: [...existing.tagIds, ...added] }), ...(!existing.note && note?.trim() && { note: note.trim() }) };
        if (!Object.keys(change).length) return existing;
        return call.step(annotationLabel('annotation.edit', existing, { fields: Object.keys(change) }), async (repos) => (await repos.annotations.change(existing.id, change, now()))!);
      }
      return call.step(
        (created) => annotationLabel('annotation.create', created),
        (repos) => repos.annotations.insert({ articleId, start, end, ...quote, tagIds: tags, note: note?.trim() || null }, now()),
      );
    },
    deleteAnnotation: async ({ id }, call) => {
      const annotation = await requireAnnotation(call.repos, id);
      await call.step(annotationLabel('annotation.delete', annotation), (repos) => repos.annotations.delete(id));
      return { deleted: true as const };
    },
    updateAnnotation: async ({ id, tagId, tagIds, note }, call) => {
      // tagId (one tag, or null for none) is how callers written for one tag per passage set it.
      const tags = tagIds ?? (tagId === undefined ? undefined : tagId === null ? [] : [tagId]);
      if (tags) await requireTags(call.repos, tags);
      const annotation = await requireAnnotation(call.repos, id);
      const change = { ...(tags && { tagIds: tags }), ...(note !== undefined && { note: note?.trim() || null }) };
      return call.step(annotationLabel('annotation.edit', annotation, { fields: Object.keys(change) }), async (repos) => (await repos.annotations.change(id, change, now()))!);
    },
    placeAnnotation: async ({ id, start, end }, call) => {
      const annotation = await requireAnnotation(call.repos, id);
      const { article: _article, ...quote } = await passage(call.repos, annotation.articleId, start, end);
      return call.step(annotationLabel('annotation.place', annotation), async (repos) =>
        (await repos.annotations.change(id, { start, end, ...quote, reviewReason: null, reviewCandidates: null }, now()))!,
      );
    },
    exportWebAnnotations: async ({ articleId }, call) => {
      const title = articleId === undefined ? '' : (await call.read((repos) => requireArticle(repos, articleId))).title;
      try {
        return await exportWebAnnotations(uow, articleId, { runner: jobs, label: title, actor: LOCAL_ACTOR });
      } catch (error) {
        if (error instanceof ExportCancelledError) throw new ApiError('CONFLICT', 'exportCancelled');
        throw error;
      }
    },
    importWebAnnotations: ({ document }, call) =>
      call.step((report) => ({ kind: 'annotations.import', detail: { count: report.imported } }), (repos) => importWebAnnotations(repos, document, now())),
  };
}
