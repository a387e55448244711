/** The codebook: tags, their tree, merges and deletes, REFI-QDA exchange. */
import { z } from 'zod';
import type { Tag, CodebookImportReport } from '../../../db/model';
import { fileInput } from './files';
import { colour, id, LIMITS, line, method, prose } from './schemas';

/** The codebook methods of the contract. */
export const codebookMethods = {
  listTags: method<Tag[]>('read')(z.object({})),
  createTag: method<Tag>()(
    // Without a colour, the tag takes the next one of a palette that stays distinct from the others.
    z.object({ name: line(LIMITS.tagName), colour: colour.optional(), parentId: id.nullable().optional(), description: prose(LIMITS.tagDescription).nullable().optional() }),
  ),
  updateTag: method<Tag>()(
    z.object({
      id,
      name: line(LIMITS.tagName).optional(),
      colour: colour.optional(),
      parentId: id.nullable().optional(),
      description: prose(LIMITS.tagDescription).nullable().optional(),
      shortcut: z.string().regex(/^[\p{L}\p{N}]$/u, 'a shortcut is one letter or digit').max(2).nullable().optional(),
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
  exportCodebook: method<string>('read')(z.object({})),
  importCodebook: method<CodebookImportReport>('long')(fileInput),
};
