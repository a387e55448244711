/**
 * Migration 11: every row a person creates or changes records who and when. The unit of work
 * names the actor and the time in history_recording for as long as it writes; triggers copy
 * them onto each row it inserts (created_by, changed_by, changed_at) or changes (changed_by,
 * changed_at). The history's own triggers do not see these columns, so recording them is not
 * itself a change to undo. An insert that names its writer itself (the import, storing thousands
 * of articles) spares the trigger's second write.
 */

/** Tables and the columns whose change counts as changing the row (frozen, as at version 11). */
const TABLES: Record<string, { key: string; columns: string[] }> = {
  articles: { key: 'id', columns: ['title', 'outlet', 'url', 'published', 'language', 'direction', 'content_hash', 'author'] },
  tags: { key: 'id', columns: ['name', 'colour', 'parent_id', 'description', 'shortcut'] },
  annotations: { key: 'id', columns: ['start_offset', 'end_offset', 'exact', 'tag_id', 'note', 'review_reason'] },
  entities: { key: 'id', columns: ['kind', 'name'] },
  entity_aliases: { key: 'id', columns: ['alias'] },
  entity_mentions: { key: 'id', columns: ['start_offset', 'end_offset', 'status', 'review_reason'] },
  spelling_variants: { key: 'id', columns: ['term'] },
};

const actor = '(SELECT actor FROM history_recording)';
const at = '(SELECT at FROM history_recording)';

export const sql = `
ALTER TABLE history_recording ADD COLUMN actor TEXT;
ALTER TABLE history_recording ADD COLUMN at TEXT;
${Object.entries(TABLES)
  .map(
    ([table, { key, columns }]) => `
ALTER TABLE ${table} ADD COLUMN created_by TEXT;
ALTER TABLE ${table} ADD COLUMN changed_by TEXT;
ALTER TABLE ${table} ADD COLUMN changed_at TEXT;
CREATE TRIGGER ${table}_who_insert AFTER INSERT ON ${table} WHEN NEW.created_by IS NULL AND ${actor} IS NOT NULL BEGIN
  UPDATE ${table} SET created_by = ${actor}, changed_by = ${actor}, changed_at = ${at} WHERE ${key} = NEW.${key};
END;
CREATE TRIGGER ${table}_who_update AFTER UPDATE OF ${columns.join(', ')} ON ${table} WHEN ${actor} IS NOT NULL BEGIN
  UPDATE ${table} SET changed_by = ${actor}, changed_at = ${at} WHERE ${key} = NEW.${key};
END;`,
  )
  .join('\n')}
`;
