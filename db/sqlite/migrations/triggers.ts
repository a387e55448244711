/**
 * The history and who-and-when triggers as migrations 9 and 11 first wrote them, for migrations
 * from 12 on that add or rebuild a tracked table. Frozen like a migration: the SQL these return is
 * part of every migration that used them, so a new kind of trigger is a new function here, never a
 * change to these.
 */

const recording = '(SELECT step_id FROM history_recording)';
const actor = '(SELECT actor FROM history_recording)';
const at = '(SELECT at FROM history_recording)';

/** Triggers that record each change to `columns` of `table` (keyed by its `id`) in the step being recorded. */
export function historyTriggers(table: string, columns: readonly string[]): string {
  const row = (alias: 'OLD' | 'NEW') => `json_object(${columns.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;
  const changed = columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  const log = (rowId: string, before: string, after: string) =>
    `INSERT INTO history_changes (step_id, table_name, row_id, before, after) VALUES (${recording}, '${table}', ${rowId}, ${before}, ${after});`;
  return `
CREATE TRIGGER ${table}_history_insert AFTER INSERT ON ${table} WHEN ${recording} IS NOT NULL BEGIN
  ${log('NEW.id', 'NULL', row('NEW'))}
END;
CREATE TRIGGER ${table}_history_update AFTER UPDATE ON ${table} WHEN ${recording} IS NOT NULL AND (${changed}) BEGIN
  ${log('NEW.id', row('OLD'), row('NEW'))}
END;
CREATE TRIGGER ${table}_history_delete AFTER DELETE ON ${table} WHEN ${recording} IS NOT NULL BEGIN
  ${log('OLD.id', row('OLD'), 'NULL')}
END;`;
}

/** Triggers that stamp created_by, changed_by and changed_at on rows of `table` written while a writer is named; `watched` are the columns whose change counts. */
export function whoTriggers(table: string, watched: readonly string[]): string {
  return `
CREATE TRIGGER ${table}_who_insert AFTER INSERT ON ${table} WHEN NEW.created_by IS NULL AND ${actor} IS NOT NULL BEGIN
  UPDATE ${table} SET created_by = ${actor}, changed_by = ${actor}, changed_at = ${at} WHERE id = NEW.id;
END;
CREATE TRIGGER ${table}_who_update AFTER UPDATE OF ${watched.join(', ')} ON ${table} WHEN ${actor} IS NOT NULL BEGIN
  UPDATE ${table} SET changed_by = ${actor}, changed_at = ${at} WHERE id = NEW.id;
END;`;
}

/** The columns every table of the analyst's work ends with: who made a row, and who changed it last and when. */
export const WHO_COLUMNS = 'created_by TEXT, changed_by TEXT, changed_at TEXT';
