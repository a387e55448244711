/**
 * Merging two entities the analyst says are one source ("مصادر مطلعة (العربية)" and "informed
 * sources (Al Arabiya)", or two spellings of one agency). Runs inside the caller's history step,
 * so the whole merge is undone as one.
 */
import type { Claim } from '../model';
import { changeClaim, findClaim } from './claims';
import { addAlias } from './entities';
import { statement } from './statements';
import type { Store } from './store';

/**
 * A chain once one of its sources stands for another: a source that now follows itself is one
 * link ("رويترز ← Reuters" merged is رويترز), and one that is now the outlet is not a link of
 * its own (the chain starts after the outlet).
 */
function mergedChain(claim: Claim, sourceId: number, targetId: number): number[] {
  const outlet = claim.outlet?.entityId === sourceId ? targetId : (claim.outlet?.entityId ?? null);
  const chain: number[] = [];
  for (const { entityId } of claim.chain) {
    const id = entityId === sourceId ? targetId : entityId;
    if (id !== (chain.at(-1) ?? outlet)) chain.push(id);
  }
  return chain;
}

/**
 * Merges entity `sourceId` into `targetId`: every claim's chain link, outlet, origin and place,
 * every event's actor and place, and every mention move to the target (a place both had a mention
 * of keeps the target's, accepted if either was); the source's name and aliases become the
 * target's aliases, so the next claim naming it finds the target; the target takes the source's
 * role and reliability where it has none; origins are worked out again; the source is removed.
 * Returns how many claims changed.
 */
export function mergeSources(db: Store, sourceId: number, targetId: number, now: string): number {
  const source = statement(db, 'SELECT name, source_role AS role, reliability, reliability_note AS note FROM entities WHERE id = ?').get(sourceId) as {
    name: string;
    role: string | null;
    reliability: string | null;
    note: string | null;
  };
  const claimIds = statement(
    db,
    `SELECT id FROM claims WHERE outlet_entity_id = @s OR origin_entity_id = @s OR place_entity_id = @s
       OR id IN (SELECT claim_id FROM claim_sources WHERE entity_id = @s) ORDER BY id`,
  )
    .pluck()
    .all({ s: sourceId }) as number[];
  for (const id of claimIds) {
    const claim = findClaim(db, id)!;
    if (claim.outlet?.entityId === sourceId) statement(db, 'UPDATE claims SET outlet_entity_id = ? WHERE id = ?').run(targetId, id);
    // The chain rewritten position by position, its origin worked out again from it.
    changeClaim(db, id, { chain: mergedChain(claim, sourceId, targetId), placeId: claim.placeId === sourceId ? targetId : claim.placeId }, now);
  }
  statement(db, 'UPDATE events SET place_entity_id = ? WHERE place_entity_id = ?').run(targetId, sourceId);
  // Rows the target already has (an actor of the same event, an alias that reads the same) are
  // left where they are and go with the source.
  statement(db, 'UPDATE OR IGNORE event_actors SET entity_id = ? WHERE entity_id = ?').run(targetId, sourceId);
  statement(
    db,
    `UPDATE entity_mentions SET status = 'accepted'
     WHERE entity_id = @t AND status <> 'accepted' AND EXISTS (
       SELECT 1 FROM entity_mentions s WHERE s.entity_id = @s AND s.status = 'accepted'
         AND s.article_id = entity_mentions.article_id AND s.start_offset = entity_mentions.start_offset AND s.end_offset = entity_mentions.end_offset)`,
  ).run({ s: sourceId, t: targetId });
  statement(db, 'UPDATE OR IGNORE entity_mentions SET entity_id = ? WHERE entity_id = ?').run(targetId, sourceId);
  statement(db, 'UPDATE OR IGNORE entity_aliases SET entity_id = ? WHERE entity_id = ?').run(targetId, sourceId);
  addAlias(db, targetId, source.name);
  // Unnamed sources the source reported are the target's now (none becomes its own reporter).
  statement(db, 'UPDATE entities SET reported_by = CASE WHEN id = @t THEN NULL ELSE @t END WHERE reported_by = @s').run({ s: sourceId, t: targetId });
  statement(
    db,
    `UPDATE entities SET source_role = coalesce(source_role, @role), reliability = coalesce(reliability, @reliability),
       reliability_note = CASE WHEN reliability IS NULL THEN @note ELSE reliability_note END
     WHERE id = @t`,
  ).run({ t: targetId, role: source.role, reliability: source.reliability, note: source.note });
  statement(db, 'DELETE FROM entities WHERE id = ?').run(sourceId);
  return claimIds.length;
}
