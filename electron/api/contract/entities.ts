/** Entities, their aliases and their mentions. */
import { z } from 'zod';
import type { EntitySummary, MentionRow } from '../../../db/model';
import { id, entityKind, method } from './schemas';

/** The entities methods of the contract. */
export const entitiesMethods = {
  listEntities: method<EntitySummary[]>('read')(z.object({})),
  createEntity: method<EntitySummary>('long')(
    z.object({ kind: entityKind, name: z.string().trim().min(1).max(200), aliases: z.array(z.string().trim().min(1).max(200)).max(50).default([]) }),
  ),
  addEntityAlias: method<EntitySummary>('long')(z.object({ entityId: id, alias: z.string().trim().min(1).max(200) })),
  deleteEntity: method<{ deleted: true }>()(z.object({ id })),
  markEntity: method<MentionRow>('long')(
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
  listMentions: method<MentionRow[]>('read')(
    z.object({ entityId: id.optional(), articleId: id.optional(), status: z.enum(['suggested', 'accepted', 'rejected']).optional() }),
  ),
  reviewMentions: method<{ changed: number }>()(z.object({ ids: z.array(id).min(1).max(10_000), status: z.enum(['accepted', 'rejected']) })),
  /** Puts a mention waiting for review (its text changed) on the passage the analyst chose. */
  placeMention: method<MentionRow>()(z.object({ id, start: z.number().int().nonnegative(), end: z.number().int().positive() }).refine((m) => m.end > m.start, { message: 'a mention must cover at least one character' })),
  deleteMention: method<{ deleted: true }>()(z.object({ id })),
};
