/** Entities, their aliases and their mentions. */
import { z } from 'zod';
import type { EntitySummary, MentionRow } from '../../../db/model';
import { entityKind, id, LIMITS, line, method } from './schemas';

/** The entities methods of the contract. */
export const entitiesMethods = {
  listEntities: method<EntitySummary[]>('read')(z.object({})),
  createEntity: method<EntitySummary>('long')(
    z.object({ kind: entityKind, name: line(LIMITS.entityName), aliases: z.array(line(LIMITS.entityName)).max(LIMITS.aliases).default([]) }),
  ),
  addEntityAlias: method<EntitySummary>('long')(z.object({ entityId: id, alias: line(LIMITS.entityName) })),
  deleteEntity: method<{ deleted: true }>()(z.object({ id })),
  markEntity: method<MentionRow>('long')(
    z
      .object({
        articleId: id,
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        entityId: id.optional(),
        newEntity: z.object({ kind: entityKind, name: line(LIMITS.entityName) }).optional(),
      })
      .refine((m) => (m.entityId === undefined) !== (m.newEntity === undefined), { message: 'name an existing entity or a new one' })
      // What is marked becomes an alias: a name, not a paragraph.
      .refine((m) => m.end - m.start <= LIMITS.entityName, { message: `a name is at most ${LIMITS.entityName} characters`, params: { key: 'tooLong', field: 'name', max: LIMITS.entityName } }),
  ),
  listMentions: method<MentionRow[]>('read')(
    z.object({ entityId: id.optional(), articleId: id.optional(), status: z.enum(['suggested', 'accepted', 'rejected']).optional() }),
  ),
  reviewMentions: method<{ changed: number }>()(z.object({ ids: z.array(id).min(1).max(LIMITS.ids), status: z.enum(['accepted', 'rejected']) })),
  /** Puts a mention waiting for review (its text changed) on the passage the analyst chose. */
  placeMention: method<MentionRow>()(z.object({ id, start: z.number().int().nonnegative(), end: z.number().int().positive() }).refine((m) => m.end > m.start, { message: 'a mention must cover at least one character' })),
  deleteMention: method<{ deleted: true }>()(z.object({ id })),
};
