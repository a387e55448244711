/** The codebook: tags, their tree, merges and deletes, REFI-QDA exchange. */
import { z } from 'zod';
import type { Tag, CodebookImportReport } from '../../../db/model';
import { fileInput } from './files';
import { id, colour, method } from './schemas';

/** The codebook methods of the contract. */
export const codebookMethods = {
  listTags: method<Tag[]>('read')(z.object({})),
  createTag: method<Tag>()(
    // Without a colour, the tag takes the next one of a palette that stays distinct from the others.
    z.object({ name: z.string().trim().min(1).max(80), colour: colour.optional(), parentId: id.nullable().optional(), description: z.string().max(2000).nullable().optional() }),
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
  exportCodebook: method<string>('read')(z.object({})),
  importCodebook: method<CodebookImportReport>('long')(fileInput),
};
