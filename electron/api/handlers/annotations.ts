/** Handlers of annotations: tagging passages, notes, placing lost ones, and W3C exchange. */
import type { Repositories } from '../../../db/repositories';
import { ExportCancelledError, exportWebAnnotations, importWebAnnotations } from '../../services/web-annotation';
import { annotationLabel, ApiError, explainQueryErrors, type Handlers, LOCAL_ACTOR, passage, requireArticle, requireTag, type Services } from './common';

type AnnotationMethods =
  | 'listAnnotations'
  | 'queryAnnotations'
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
    createAnnotation: async ({ articleId, start, end, tagId, note }, call) => {
      await requireTag(call.repos, tagId);
      const { article: _article, ...quote } = await passage(call.repos, articleId, start, end);
      return call.step(
        (created) => annotationLabel('annotation.create', created),
        (repos) => repos.annotations.insert({ articleId, start, end, ...quote, tagId, note: note?.trim() || null }, now()),
      );
    },
    deleteAnnotation: async ({ id }, call) => {
      const annotation = await requireAnnotation(call.repos, id);
      await call.step(annotationLabel('annotation.delete', annotation), (repos) => repos.annotations.delete(id));
      return { deleted: true as const };
    },
    updateAnnotation: async ({ id, tagId, note }, call) => {
      await requireTag(call.repos, tagId);
      const annotation = await requireAnnotation(call.repos, id);
      const change = { ...(tagId !== undefined && { tagId }), ...(note !== undefined && { note: note?.trim() || null }) };
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
