/** Annotations: tagged passages, notes, placing lost ones, W3C exchange. */
import { z } from 'zod';
import type { Page, Annotation, AnnotationGroups, WebAnnotationImportReport, AnnotationRow } from '../../../db/model';
import type { WebAnnotationCollection } from '../../services/web-annotation';
import { id, jsonDocument, LIMITS, method, pageRequest, prose } from './schemas';

/** The tags of one passage. */
const passageTags = z.array(id).max(100, 'a passage carries at most 100 tags');

/** The annotations methods of the contract. */
export const annotationsMethods = {
  listAnnotations: method<AnnotationRow[]>('read')(z.object({ articleId: id.optional() })),
  /** One block of the annotations grid (of one article, or of all). */
  queryAnnotations: method<Page<AnnotationRow>>('read')(
    pageRequest.and(z.object({ articleId: id.optional(), /** One tag's passages; null: the untagged ones. */ tagId: id.nullable().optional() })),
  ),
  /** Passages counted per tag or per article, under the grid's quick filter: the group-by panel. */
  annotationGroups: method<AnnotationGroups>('read')(z.object({ by: z.enum(['tag', 'article']), quickFilter: z.string().max(500).optional() })),
  createAnnotation: method<Annotation>()(
    z
      .object({
        articleId: id,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        /** One tag, as callers written for one tag per passage give it. */
        tagId: id.nullable().default(null),
        /** The passage's tags (wins over tagId); tagging an annotated passage adds them to its tags. */
        tagIds: passageTags.optional(),
        note: prose(LIMITS.note).nullable().default(null),
      })
      .refine((a) => a.end > a.start, { message: 'an annotation must cover at least one character' }),
  ),
  deleteAnnotation: method<{ deleted: true }>()(z.object({ id })),
  updateAnnotation: method<Annotation>()(
    z.object({
      id,
      /** Sets the passage's tags to this one (null: none). */
      tagId: id.nullable().optional(),
      /** Sets the passage's whole set of tags, in this order (wins over tagId). */
      tagIds: passageTags.optional(),
      note: prose(LIMITS.note).nullable().optional(),
    }),
  ),
  placeAnnotation: method<Annotation>()(
    z
      .object({ id, start: z.number().int().nonnegative(), end: z.number().int().positive() })
      .refine((a) => a.end > a.start, { message: 'an annotation must cover at least one character' }),
  ),
  exportWebAnnotations: method<WebAnnotationCollection>('long')(z.object({ articleId: id.optional() })),
  importWebAnnotations: method<WebAnnotationImportReport>()(z.object({ document: jsonDocument })),
};
