/** Queries on the codebook: a tree of tags, each with a colour, description and shortcut. */
import { randomUUID } from 'node:crypto';
import type { DeletedTagAnnotations, Tag, TagDetails } from '../model';
import { statement } from './statements';
import type { Store } from './store';

const tagColumns = 'id, name, colour, parent_id AS parentId, description, shortcut, guid';

/** Every tag, in the order they were made (the order of their 1-9 keys). */
export function listTags(db: Store): Tag[] {
  return statement(db, `SELECT ${tagColumns} FROM tags ORDER BY id`).all() as Tag[];
}

/** One tag, or undefined. */
export function findTag(db: Store, id: number): Tag | undefined {
  return statement(db, `SELECT ${tagColumns} FROM tags WHERE id = ?`).get(id) as Tag | undefined;
}

/** The tag called `name` (case-insensitively), if any. */
export function findTagByName(db: Store, name: string): Tag | undefined {
  return statement(db, `SELECT ${tagColumns} FROM tags WHERE lower(name) = lower(?)`).get(name) as Tag | undefined;
}

/** The tag with this REFI-QDA GUID, if any. */
export function findTagByGuid(db: Store, guid: string): Tag | undefined {
  return statement(db, `SELECT ${tagColumns} FROM tags WHERE upper(guid) = upper(?)`).get(guid) as Tag | undefined;
}

/** Adds a tag and returns it. */
export function insertTag(db: Store, name: string, colour: string, details: TagDetails = {}): Tag {
  const id = Number(
    statement(db, 'INSERT INTO tags (name, colour, parent_id, description, shortcut, guid) VALUES (?, ?, ?, ?, ?, ?)').run(
      name,
      colour,
      details.parentId ?? null,
      details.description ?? null,
      details.shortcut ?? null,
      details.guid ?? randomUUID().toUpperCase(),
    ).lastInsertRowid,
  );
  return findTag(db, id)!;
}

/** Whether making `parentId` the parent of `id` would put a tag inside itself. */
export function wouldCycle(db: Store, id: number, parentId: number | null): boolean {
  // The walk remembers where it has been: a tree already broken by a cycle must not loop it forever.
  const seen = new Set<number>();
  for (let at = parentId; at !== null; at = findTag(db, at)?.parentId ?? null) {
    if (at === id || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** Changes a tag's name, colour, description, shortcut or parent. */
export function updateTag(db: Store, id: number, change: Partial<Pick<Tag, 'name' | 'colour' | 'parentId' | 'description' | 'shortcut'>>): Tag {
  const tag = { ...findTag(db, id)!, ...change };
  statement(db, 'UPDATE tags SET name = ?, colour = ?, parent_id = ?, description = ?, shortcut = ? WHERE id = ?').run(
    tag.name,
    tag.colour,
    tag.parentId,
    tag.description,
    tag.shortcut,
    id,
  );
  return findTag(db, id)!;
}

/** Gives every passage tagged `fromId` the tag `toId` instead (a passage that has both keeps one). */
function retag(db: Store, fromId: number, toId: number): void {
  statement(db, 'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ? ORDER BY id').run(toId, fromId);
  untag(db, fromId);
}

/** Takes tag `id` off every passage. (Done here rather than by the foreign key, so history records it.) */
function untag(db: Store, id: number): void {
  statement(db, 'DELETE FROM annotation_tags WHERE tag_id = ?').run(id);
}

/** Merges tag `sourceId` into `targetId`: its passages and child tags move over, then it is removed. */
export function mergeTags(db: Store, sourceId: number, targetId: number): Tag {
  retag(db, sourceId, targetId);
  statement(db, 'UPDATE tags SET parent_id = ? WHERE parent_id = ?').run(targetId, sourceId);
  statement(db, 'DELETE FROM tags WHERE id = ?').run(sourceId);
  return findTag(db, targetId)!;
}

/**
 * Deletes a tag; its child tags move up to its parent, its passages go as `annotations` says.
 * 'delete' removes the passages that carry only this tag: one that carries others stays with them.
 */
export function deleteTag(db: Store, id: number, annotations: DeletedTagAnnotations): void {
  const tag = findTag(db, id)!;
  if (annotations.action === 'delete') {
    statement(
      db,
      `DELETE FROM annotations WHERE id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = ?)
         AND NOT EXISTS (SELECT 1 FROM annotation_tags o WHERE o.annotation_id = annotations.id AND o.tag_id <> ?)`,
    ).run(id, id);
  }
  if (annotations.action === 'move') retag(db, id, annotations.toTagId);
  else untag(db, id);
  statement(db, 'UPDATE tags SET parent_id = ? WHERE parent_id = ?').run(tag.parentId, id);
  statement(db, 'DELETE FROM tags WHERE id = ?').run(id);
}

/** How many passages carry a tag. */
export function tagUsage(db: Store, id: number): number {
  return statement(db, 'SELECT count(*) FROM annotation_tags WHERE tag_id = ?').pluck().get(id) as number;
}
