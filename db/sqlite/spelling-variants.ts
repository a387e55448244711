/** The analyst's table of spelling variants: groups of words a search treats as one. */
import type Database from 'better-sqlite3';
import type { VariantGroup } from '../model';
import { searchKey, startsWithPrefix, words } from '../text/search-text';
import { statement } from './statements';

/** Every group, terms in the order they were added. */
export function listVariantGroups(db: Database.Database): VariantGroup[] {
  const rows = db.prepare('SELECT group_id AS groupId, term FROM spelling_variants ORDER BY group_id, id').all() as { groupId: number; term: string }[];
  const groups = new Map<number, string[]>();
  for (const row of rows) groups.set(row.groupId, [...(groups.get(row.groupId) ?? []), row.term]);
  return [...groups].map(([groupId, terms]) => ({ groupId, terms }));
}

/**
 * Adds words as variants of each other. If any of them is already in a group, the others join
 * that group, so one word never ends up in two groups. Returns the group.
 */
export function addVariantGroup(db: Database.Database, terms: readonly string[]): VariantGroup {
  const unique = [...new Set(terms.map((t) => t.trim()).filter(Boolean))];
  const existing = statement(db, 'SELECT group_id FROM spelling_variants WHERE term_key = ? LIMIT 1').pluck();
  let groupId = unique.map((t) => existing.get(searchKey(t)) as number | undefined).find((id) => id !== undefined);
  groupId ??= ((db.prepare('SELECT coalesce(max(group_id), 0) + 1 FROM spelling_variants').pluck().get() as number) ?? 1);
  const insert = statement(db, 'INSERT OR IGNORE INTO spelling_variants (group_id, term, term_key) VALUES (?, ?, ?)');
  for (const term of unique) insert.run(groupId, term, searchKey(term));
  return listVariantGroups(db).find((g) => g.groupId === groupId)!;
}

/** Recomputes every variant's search key with this Sanad's analyser (the keys are its output). */
export function refreshVariantKeys(db: Database.Database): void {
  const update = statement(db, 'UPDATE spelling_variants SET term_key = ? WHERE id = ?');
  for (const { id, term } of db.prepare('SELECT id, term FROM spelling_variants').all() as { id: number; term: string }[]) update.run(searchKey(term), id);
}

/** Removes a whole group; returns whether it existed. */
export function deleteVariantGroup(db: Database.Database, groupId: number): boolean {
  return db.prepare('DELETE FROM spelling_variants WHERE group_id = ?').run(groupId).changes > 0;
}

/** The search keys of every variant of a word's key (the key itself included). */
export function variantKeys(db: Database.Database, key: string): string[] {
  const keys = statement(
    db,
    `SELECT DISTINCT v.term_key FROM spelling_variants v
     WHERE v.group_id IN (SELECT group_id FROM spelling_variants WHERE term_key = ?)`,
  )
    .pluck()
    .all(key) as string[];
  return [...new Set([key, ...keys])];
}

/**
 * The search keys of every variant of every word that begins with `prefix` (as prefix search
 * reads it): Washing* reaches واشنطن through Washington. The table is small: it is read whole and
 * matched here, as prefix search matches words.
 */
export function variantKeysOfPrefix(db: Database.Database, prefix: string): string[] {
  const rows = statement(db, 'SELECT group_id AS groupId, term, term_key AS key FROM spelling_variants').all() as { groupId: number; term: string; key: string }[];
  const groups = new Set(rows.filter((r) => words(r.term).some((w) => startsWithPrefix(w, prefix))).map((r) => r.groupId));
  return [...new Set(rows.filter((r) => groups.has(r.groupId)).map((r) => r.key))];
}
