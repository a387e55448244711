/** Queries on the codebook's tags. */
import type { Tag } from '../electron/api/contract';
import type { Store } from './store';

/** Every tag, in the order they were made (the order of their 1-9 shortcuts). */
export function listTags(db: Store): Tag[] {
  return db.prepare('SELECT id, name, colour FROM tags ORDER BY id').all() as Tag[];
}

/** The tag called `name` (case-insensitively), if any. */
export function findTagByName(db: Store, name: string): Tag | undefined {
  return db.prepare('SELECT id, name, colour FROM tags WHERE lower(name) = lower(?)').get(name) as Tag | undefined;
}

/** Whether tag `id` exists. */
export function tagExists(db: Store, id: number): boolean {
  return db.prepare('SELECT 1 FROM tags WHERE id = ?').get(id) !== undefined;
}

/** Adds a tag and returns it. */
export function insertTag(db: Store, name: string, colour: string): Tag {
  const result = db.prepare('INSERT INTO tags (name, colour) VALUES (?, ?)').run(name, colour);
  return { id: Number(result.lastInsertRowid), name, colour };
}
