/** Annotations: tagged passages, notes, placing lost ones, W3C exchange. */
import { z } from 'zod';
import type { Page, Annotation, WebAnnotationImportReport, AnnotationRow } from '../../../db/model';
import type { WebAnnotationCollection } from '../../services/web-annotation';
import { id, jsonDocument, LIMITS, method, pageRequest, prose } from './schemas';

/** The annotations methods of the contract. */
export const annotationsMethods = {
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
        note: prose(LIMITS.note).nullable().default(null),
      })
      .refine((a) => a.end > a.start, { message: 'an annotation must cover at least one character' }),
  ),
  deleteAnnotation: method<{ deleted: true }>()(z.object({ id })),
  updateAnnotation: method<Annotation>()(
    z.object({ id, tagId: id.nullable().optional(), note: prose(LIMITS.note).nullable().optional() }),
  ),
  placeAnnotation: method<Annotation>()(
    z
      .object({ id, start: z.number().int().nonnegative(), end: z.number().int().positive() })
      .refine((a) => a.end > a.start, { message: 'an annotation must cover at least one character' }),
  ),
  exportWebAnnotations: method<WebAnnotationCollection>('long')(z.object({ articleId: id.optional() })),
  importWebAnnotations: method<WebAnnotationImportReport>()(z.object({ document: jsonDocument })),
};
